"""One week, every output: `aij week --json`, `aij trends`, daily.csv and the visit report's
data give the same exercise minutes and dose counts, worked out by hand (#9 items 8, 9, 11)."""

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from aijournal.catalog.protocols import load_plans
from aijournal.catalog.targets import load_targets
from aijournal.config import load_config
from aijournal.reports.visit import VisitReport, visit_report
from tests.conftest import Run
from tests.helpers import TODAY, journal_of

# A finished week, three weeks before this one; the journal starts on its Wednesday.
MONDAY = TODAY - timedelta(days=TODAY.weekday(), weeks=3)
MON, TUE, WED, THU, FRI, SAT, SUN = (MONDAY + timedelta(days=n) for n in range(7))
ISO_WEEK = f"{MONDAY.isocalendar()[0]}-W{MONDAY.isocalendar()[1]:02d}"
THURSDAY_B = "romanian-deadlift 3x10 lat-pulldown 3x10 lunge 3x10 glute-bridge 3x10"

# By hand, per day: (aerobic minutes, moderate-equivalent, impact minutes, resistance minutes)
#   Wed brisk-walk 30m at RPE 3: light, so 0 aerobic and 0 moderate-equivalent;
#       plank 3x30s: resistance, held 3 x 30 s = 1.5 minutes
#   Thu four exercises in sets of reps: resistance minutes unknown (empty)
#   Fri jog-interval 30m at RPE 7: vigorous, 30 aerobic, 2 x 30 = 60, impact 30
#   Sat light-jog 20m, no rating: the catalog's vigorous, 20 aerobic, 2 x 20 = 40, impact 20
#   Sun brisk-walk 15m at RPE 5: moderate, 15 aerobic, 15
BY_DAY = {
    WED: ("0", "0", "0", "1.5"),
    THU: ("0", "0", "0", ""),
    FRI: ("30", "60", "30", "0"),
    SAT: ("20", "40", "20", "0"),
    SUN: ("15", "15", "0", "0"),
}
AEROBIC = 0 + 30 + 20 + 15  # moderate and vigorous minutes
MODERATE_EQUIVALENT = 0 + 60 + 40 + 15
MODERATE, VIGOROUS, LIGHT = 15, 30 + 20, 30


@pytest.fixture
def logged(aij: Run) -> None:
    def ok(*args: str) -> None:
        result = aij(*args)
        assert result.code == 0, (args, result.err)

    ok("config", "set", "medications", "anastrozole 1 mg")
    ok("log", "ex", "brisk-walk", "30m", "plank", "3x30s", "--rpe", "3", "-d", WED.isoformat())
    ok("log", "ex", *THURSDAY_B.split(), "-d", THU.isoformat())
    ok("log", "ex", "jog-interval", "30m", "--rpe", "7", "-d", FRI.isoformat())
    ok("log", "ex", "light-jog", "20m", "-d", SAT.isoformat())
    ok("log", "ex", "brisk-walk", "15m", "--rpe", "5", "-d", SUN.isoformat())
    for day in (WED, THU, FRI, SAT, SUN):  # every dose of the journal's days taken
        ok("log", "med", "-d", day.isoformat())


def _report(home: Path, start: date, end: date) -> VisitReport:
    config = load_config()
    plans = load_plans(None)
    journal = journal_of(home)
    try:
        with journal.read() as session:
            return visit_report(
                session=session,
                start=start,
                end=end,
                today=TODAY,
                config=config,
                profile=load_targets().profile(config.profile),
                plan=plans.get(config.plan),
                catalog=plans.catalog,
            )
    finally:
        journal.close()


def test_week_json_counts_by_the_definitions(aij: Run, logged: None) -> None:
    week = json.loads(aij("week", ISO_WEEK, "--json").out)
    plan = week["plan"]
    required = {r["name"]: (r["actual"], r["required"], r["state"]) for r in plan["requirements"]}
    assert required == {
        "resistance sessions": (2, 2, "met"),  # Wednesday (the plank) and Thursday
        "aerobic minutes": (MODERATE_EQUIVALENT, 60, "met"),
        "impact sessions": (2, 1, "met"),  # Friday and Saturday
    }
    assert (plan["moderate_minutes"], plan["vigorous_minutes"]) == (MODERATE, VIGOROUS)
    assert (plan["aerobic_minutes"], plan["light_minutes"]) == (AEROBIC, LIGHT)
    # Monday lies before the journal; Tuesday's walk was done on Wednesday (moved there).
    assert [d["status"] for d in plan["days"]] == [
        "not-journaling-yet",
        "moved",
        "missed",
        "done",
        "done",
        "missed",
        "rest",
    ]
    [med] = week["medications"]
    # Five days journaled, five doses taken: not "5 of 7".
    assert (med["expected"], med["taken"], med["not_logged"]) == (5, 5, 0)


def test_daily_csv_agrees_with_the_week(aij: Run, logged: None, tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert aij("export", "csv", "--out", str(out)).code == 0
    with (out / "daily.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["date"]: r for r in csv.DictReader(handle)}
    columns = (
        "aerobic_minutes",
        "moderate_equivalent_minutes",
        "impact_minutes",
        "resistance_minutes",
    )
    for day, expected in BY_DAY.items():
        assert tuple(rows[day.isoformat()][c] for c in columns) == expected, day
    week = [rows[d.isoformat()] for d in (WED, THU, FRI, SAT, SUN)]
    assert sum(int(r["aerobic_minutes"]) for r in week) == AEROBIC
    assert sum(int(r["moderate_equivalent_minutes"]) for r in week) == MODERATE_EQUIVALENT
    assert [r["resistance_sessions"] for r in week] == ["1", "1", "0", "0", "0"]
    assert [r["resistance_sets"] for r in week] == ["3", str(4 * 3), "0", "0", "0"]


def test_the_report_agrees_with_the_week(aij_home: Path, logged: None) -> None:
    report = _report(aij_home, MON, SUN)
    [row] = report.weeks
    actual = {r.name: (r.actual, r.state) for r in row.requirements}
    assert actual["aerobic minutes"] == (MODERATE_EQUIVALENT, "met")
    # Days done (Tue moved, Thu, Fri) of the days that could be done or missed (Tue-Sat).
    assert (row.days_done, row.days_planned) == (3, 5)
    [med] = report.medications
    assert (med.taken, med.skipped, med.no_record) == (5, 0, 0)


def test_trends_agree_and_say_nothing_before_the_journal(aij: Run, logged: None) -> None:
    data = json.loads(aij("trends", "aerobic-minutes", "medication", "--weeks", "5", "--json").out)
    series = {s["name"]: s["values"] for s in data["series"]}
    # Five weeks asked for, but the journal began in the second of them: the weeks shown start
    # at the journal's week (the one before it is not shown at all).
    assert data["weeks"][0] == ISO_WEEK
    assert series["aerobic-minutes"] == [MODERATE_EQUIVALENT, 0.0, 0.0, 0.0]
    assert series["medication"][0] == 100.0


def test_a_finished_week_that_began_before_the_journal_is_not_a_miss(aij: Run) -> None:
    assert aij("log", "ex", *THURSDAY_B.split(), "-d", THU.isoformat()).code == 0
    plan = json.loads(aij("week", ISO_WEEK, "--json").out)["plan"]
    states = {r["name"]: r["state"] for r in plan["requirements"]}
    assert states["resistance sessions"] == "not-journaling-yet"
    later = (MONDAY + timedelta(weeks=1)).isoformat()
    plan = json.loads(aij("plan", "check", later, "--json").out)
    # The next week lies wholly inside the journal and is over: not met, not "not yet".
    assert {r["name"]: r["state"] for r in plan["requirements"]}["resistance sessions"] == (
        "not-met"
    )


def test_today_undone_is_in_progress_not_missed(aij: Run) -> None:
    assert aij("config", "set", "medications", "anastrozole 1 mg").code == 0
    yesterday = TODAY - timedelta(days=1)
    assert aij("log", "med", "-d", yesterday.isoformat()).code == 0
    assert aij("log", "joint-pain=3").code == 0  # something today, so the week is not empty
    this_week = json.loads(aij("week", "--json").out)
    today = next(d for d in this_week["plan"]["days"] if d["date"] == TODAY.isoformat())
    assert today["status"] in ("in-progress", "rest")
    [med] = this_week["medications"]
    # Only yesterday counts if it lies in this week; today's dose is not logged yet, not missed.
    in_week = 1 if yesterday.isocalendar()[:2] == TODAY.isocalendar()[:2] else 0
    assert (med["expected"], med["taken"], med["not_logged"]) == (in_week, in_week, 0)
