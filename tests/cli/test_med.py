"""`aij med` end to end (#14): the timeline, refusals that change nothing, holidays that are
not missed doses in `aij week`, the bone-agent schedule in `aij today` and `aij week`, the
before and after in `aij insights`, and a round trip through every export."""

import calendar
import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, snapshot

pytestmark = pytest.mark.dates

# A full ISO week three weeks back (all past, whatever day the suite runs).
MONDAY = TODAY - timedelta(days=TODAY.weekday() + 21)
WEEK = "{}-W{:02d}".format(*MONDAY.isocalendar()[:2])
START = MONDAY - timedelta(days=200)


def _iso(day: date) -> str:
    return day.isoformat()


def ok(aij: Run, *args: str) -> str:
    result = aij(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def test_a_holiday_is_not_a_missed_dose_in_the_week(aij: Run) -> None:
    """Exemestane since 200 days before the week; holiday Tuesday-Thursday; taken Monday
    only. By hand: 7 days - 3 on holiday = 4 expected, 1 taken, 3 not logged."""
    ok(aij, "med", "start", "exemestane", "--dose", "25 mg", "--date", _iso(START))
    tue, thu = MONDAY + timedelta(days=1), MONDAY + timedelta(days=3)
    ok(aij, "med", "holiday", "exemestane", "--from", _iso(tue), "--to", _iso(thu))
    ok(aij, "log", "med", "--date", _iso(MONDAY))
    week = json.loads(ok(aij, "week", WEEK, "--json"))
    [med] = week["medications"]
    assert (med["name"], med["dose"]) == ("exemestane", "25 mg")
    assert (med["expected"], med["taken"], med["not_logged"]) == (4, 1, 3)
    # aij day: no dose is asked of a holiday day; the Monday shows the dose taken.
    assert json.loads(ok(aij, "day", _iso(tue), "--json"))["medications"] == []
    [monday] = json.loads(ok(aij, "day", _iso(MONDAY), "--json"))["medications"]
    assert (monday["name"], monday["taken"]) == ("exemestane", True)
    # Trends count the same: 1 taken of 4 expected = 25.0 % for that week.
    trends = json.loads(ok(aij, "trends", "--weeks", "8", "--json"))
    series = next(s for s in trends["series"] if s["name"] == "medication")
    assert series["values"][trends["weeks"].index(WEEK)] == 25.0


def test_the_weeks_taken_daily_before_a_schedule_still_count_their_doses(aij: Run) -> None:
    """Alendronate 10 mg daily from 14 days before the week, stopped the Monday after it and
    put on a weekly schedule that day. The week was daily: 7 expected, 2 taken (Monday and
    Tuesday), 5 not logged; the week after is the schedule's (one dose, taken)."""
    after = MONDAY + timedelta(days=7)
    ok(
        aij,
        "med",
        "start",
        "alendronate",
        "--dose",
        "10 mg",
        "--date",
        _iso(MONDAY - timedelta(days=14)),
    )
    ok(aij, "log", "med", "alendronate", "--date", _iso(MONDAY))
    ok(aij, "log", "med", "alendronate", "--date", _iso(MONDAY + timedelta(days=1)))
    ok(aij, "med", "stop", "alendronate", "--date", _iso(after))
    ok(
        aij,
        "med",
        "schedule",
        "alendronate",
        "--dose",
        "70 mg",
        "--every",
        "1w",
        "--next",
        _iso(after),
        "--date",
        _iso(after),
    )
    ok(aij, "log", "med", "alendronate", "--date", _iso(after))
    [med] = json.loads(ok(aij, "week", WEEK, "--json"))["medications"]
    assert (med["name"], med["expected"], med["taken"], med["not_logged"]) == (
        "alendronate",
        7,
        2,
        5,
    )
    next_week = "{}-W{:02d}".format(*after.isocalendar()[:2])
    [med] = json.loads(ok(aij, "week", next_week, "--json"))["medications"]
    assert (med["name"], med["expected"], med["taken"]) == ("alendronate", 1, 1)


def test_the_config_medications_still_apply_without_a_timeline(aij: Run) -> None:
    ok(aij, "config", "set", "medications", "anastrozole 1 mg")
    ok(aij, "log", "med", "--date", _iso(MONDAY))
    [med] = json.loads(ok(aij, "week", WEEK, "--json"))["medications"]
    assert (med["name"], med["expected"], med["taken"], med["not_logged"]) == (
        "anastrozole",
        7,
        1,
        6,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("med", "start", "letrozol"), "did you mean letrozole"),
        (("med", "switch", "letrozole", "exemestane"), "letrozole is not current"),
        (("med", "stop", "tamoxifen"), "tamoxifen is not current"),
        (("med", "schedule", "denosumab", "--every", "6 months", "--next", "today"), "--every"),
        (("med", "start", "fulvestrant"), "--new-name"),
    ],
)
def test_a_refused_event_says_why_and_changes_nothing(
    aij: Run, aij_home: Path, args: tuple[str, ...], message: str
) -> None:
    ok(aij, "med", "start", "anastrozole", "--date", _iso(START))
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2 and message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == before


def test_overlapping_holidays_and_a_date_too_far_ahead_are_refused(
    aij: Run, aij_home: Path
) -> None:
    ok(aij, "med", "start", "anastrozole", "--date", _iso(START))
    ok(aij, "med", "holiday", "anastrozole", "--from", _iso(MONDAY), "--to", _iso(MONDAY))
    before = snapshot(aij_home)
    again = aij("med", "holiday", "anastrozole", "--from", _iso(MONDAY), "--to", _iso(MONDAY))
    assert again.code == 2 and "overlaps" in again.err
    far = _iso(TODAY + timedelta(days=367))
    ahead = aij("med", "schedule", "zoledronic-acid", "--every", "6mo", "--next", far)
    assert ahead.code == 2 and "more than 366 days ahead" in ahead.err
    assert snapshot(aij_home) == before


def test_a_bone_agent_dose_moves_the_next_one_on_and_a_late_one_is_overdue(aij: Run) -> None:
    due = TODAY - timedelta(days=12)
    set_on = TODAY - timedelta(days=40)
    ok(aij, "med", "schedule", "zoledronic-acid", "--every", "6mo", "--next", _iso(due),
       "--date", _iso(set_on))  # fmt: skip
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    when = f"{due.day} {months[due.month - 1]} {due.year}"
    late = f"Zoledronic acid: dose due {when} is 12 days overdue"
    assert late in ok(aij, "today")
    assert late in ok(aij, "week")
    ok(aij, "log", "med", "zoledronic-acid")
    # Given today: the next is 6 calendar months on (today's day of month, or the last).
    year, month = divmod(TODAY.year * 12 + TODAY.month - 1 + 6, 12)
    nxt = date(year, month + 1, min(TODAY.day, calendar.monthrange(year, month + 1)[1]))
    today = json.loads(ok(aij, "today", "--json"))
    [scheduled] = today["scheduled"]
    assert (scheduled["due"], scheduled["days_overdue"]) == (_iso(nxt), 0)
    # The dose is a medication_dose row, and the week does not count it as a daily dose.
    [dose] = json.loads(ok(aij, "week", "--json"))["medications"]
    assert (dose["name"], dose["expected"], dose["taken"], dose["not_logged"]) == (
        "zoledronic-acid",
        1,
        1,
        0,
    )


def test_the_dose_on_the_day_a_weekly_schedule_starts_moves_the_next_one(aij: Run) -> None:
    """Set 14 days ago with its first dose due that day, and taken that day: the next is due
    7 days later, so 14 - 7 = 7 days overdue today (not 14)."""
    first = TODAY - timedelta(days=14)
    ok(aij, "med", "schedule", "alendronate", "--dose", "70 mg", "--every", "1w",
       "--next", _iso(first), "--date", _iso(first))  # fmt: skip
    ok(aij, "log", "med", "alendronate", "--date", _iso(first))
    [scheduled] = json.loads(ok(aij, "today", "--json"))["scheduled"]
    assert (scheduled["due"], scheduled["days_overdue"]) == (_iso(first + timedelta(days=7)), 7)


def test_before_and_after_a_switch_in_insights(aij: Run) -> None:
    """Switch on S = today - 60. Before: 10 days at 6 and 10 at 8 (mean 7); after: 10 at 4
    and 10 at 2 (mean 3). By hand: difference -4; each side's variance 20/19, so
    se^2 = 2 * (20/19) / 20 = 2/19, se = 0.32444; Welch df = 38, t(0.975, 38) = 2.02439,
    half-width 0.65679: interval -4.66 to -3.34. Sleep has no data: not enough."""
    switch = TODAY - timedelta(days=60)
    ok(aij, "med", "start", "letrozole", "--date", _iso(switch - timedelta(days=300)))
    ok(aij, "med", "switch", "letrozole", "exemestane", "--reason", "joint pain",
       "--date", _iso(switch))  # fmt: skip
    for n in range(20):
        ok(aij, "log", f"joint-pain={6 if n < 10 else 8}", "-d", _iso(switch - timedelta(n + 1)))
        ok(aij, "log", f"joint-pain={4 if n < 10 else 2}", "-d", _iso(switch + timedelta(n)))
    result = json.loads(ok(aij, "insights", "--json"))
    changes = result["medication_changes"]
    pain = next(
        c for c in changes if c["outcome"] == "worst joint pain" and "switch" in c["question"]
    )
    assert (pain["n_with"], pain["n_without"]) == (20, 20)
    assert (pain["mean_with"], pain["mean_without"], pain["difference"]) == (3.0, 7.0, -4.0)
    assert (pain["ci_low"], pain["ci_high"]) == (-4.66, -3.34)
    assert pain["verdict"] == "association"
    sleep = next(c for c in changes if c["outcome"] == "sleep" and "switch" in c["question"])
    assert (sleep["verdict"], sleep["n_with"], sleep["n_without"]) == ("not enough data", 0, 0)
    assert "proof of cause" in result["caution"]
    shown = ok(aij, "insights")
    assert "8 weeks before and after the switch from letrozole to exemestane" in shown


def test_events_round_trip_through_json_and_csv_byte_for_byte(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    ok(aij, "med", "start", "anastrozole", "--dose", "1 mg", "--date", _iso(START))
    ok(aij, "med", "switch", "anastrozole", "exemestane", "--reason", "joint pain, stiffness",
       "--date", _iso(MONDAY))  # fmt: skip
    ok(aij, "med", "holiday", "exemestane", "--from", _iso(MONDAY + timedelta(days=2)),
       "--to", _iso(MONDAY + timedelta(days=5)), "--reason", 'a "break"')  # fmt: skip
    ok(aij, "med", "schedule", "denosumab", "--every", "6mo",
       "--next", _iso(TODAY + timedelta(days=30)))  # fmt: skip
    first_json, first_csv = tmp_path / "a.json", tmp_path / "a-csv"
    ok(aij, "export", "json", "--out", str(first_json))
    ok(aij, "export", "csv", "--out", str(first_csv))
    with (first_csv / "medication_events.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["event"] for r in rows] == ["start", "switch", "holiday", "schedule"]
    assert rows[2]["reason"] == 'a "break"' and rows[3]["every"] == "6mo"
    for source, name in ((first_json, "json"), (first_csv, "csv")):
        other = tmp_path / f"home-{name}"
        assert aij("--home", str(other), "import", str(source)).code == 0
        again = tmp_path / f"b.{name}"
        ok(aij, "--home", str(other), "export", name, "--out", str(again))
        if name == "json":
            assert again.read_bytes() == first_json.read_bytes()
        else:
            for path in sorted(first_csv.iterdir()):
                assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    history = json.loads(ok(aij, "--home", str(tmp_path / "home-json"), "med", "history", "--json"))
    assert [c["medication"] for c in history["current"]] == ["exemestane"]


def test_an_event_is_an_entry_listed_removed_and_undone(aij: Run) -> None:
    ok(aij, "med", "start", "anastrozole", "--date", _iso(START))
    listed = json.loads(ok(aij, "entries", "--kind", "med_event", "--from", _iso(START), "--json"))
    [entry] = listed
    assert entry["summary"] == "start anastrozole 1 mg"
    refused = aij("edit", entry["id"], "--date", _iso(MONDAY))
    assert refused.code == 2 and "remove it" in refused.err
    ok(aij, "edit", entry["id"], "reason=as prescribed")
    ok(aij, "rm", entry["id"], "--yes")
    assert json.loads(ok(aij, "med", "history", "--json"))["events"] == []
    ok(aij, "undo", "--yes")
    [back] = json.loads(ok(aij, "med", "history", "--json"))["events"]
    assert back["reason"] == "as prescribed"
