"""#9.7, #9.15, #9.17: one definition of a day with intake, the same in every output.

A week: Monday food and a vitamin D tablet; Tuesday supplements only (125 µg vitamin D and
an MK-7 capsule); Wednesday food only; nothing after. Expected values come from the raw SR28
rows (NUT_DATA: NDB^Nutr_No^value) and the supplement labels, with the arithmetic below:
  sardines 15088: calcium 301 = 382, vitamin D 328 = 4.8, K1 430 = 2.6 (no 428)
  kale 11233:     calcium 301 = 150, vitamin D 328 = 0.0, K1 430 = 704.8 (no 428)
  vitamin-d3-1000: 25 µg D; vitamin-d3-5000: 125 µg D; vitamin-k2-mk7-100: 100 µg MK-7
"""

import csv
import json
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from aijournal.catalog.protocols import load_plans
from aijournal.catalog.targets import load_targets
from aijournal.config import load_config
from aijournal.reports.visit import visit_report
from tests.conftest import Run
from tests.helpers import TODAY, journal_of

_SOME_DAY = TODAY - timedelta(days=14)
MON = _SOME_DAY - timedelta(days=_SOME_DAY.weekday())
TUE, WED, THU = (MON + timedelta(days=n) for n in (1, 2, 3))
WEEK = f"{MON.isocalendar()[0]}-W{MON.isocalendar()[1]:02d}"


@pytest.fixture
def journal(aij: Run, aij_home: Path) -> Path:
    def ok(*args: str) -> None:
        result = aij(*args)
        assert result.code == 0, (args, result.err)

    ok("config", "set", "medications", "letrozole 2.5 mg, Coumadin 5 mg")
    ok("log", "meal", "sardines-canned-oil 100g", "-d", MON.isoformat())
    ok("log", "supp", "vitamin-d3-1000", "-d", MON.isoformat())
    ok("log", "supp", "vitamin-d3-5000", "vitamin-k2-mk7-100", "-d", TUE.isoformat())
    ok("log", "meal", "kale-raw 100g", "-d", WED.isoformat())
    return aij_home


def _json(aij: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = aij(*args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_a_supplements_only_day_is_a_day_with_intake_everywhere(
    aij: Run, journal: Path, tmp_path: Path
) -> None:
    days = {d: _json(aij, "day", d.isoformat()) for d in (MON, TUE, WED, THU)}
    week = _json(aij, "week", WEEK)
    out = tmp_path / "export"
    span = ("--from", MON.isoformat(), "--to", THU.isoformat())
    assert aij("export", "csv", "--out", str(out), *span).code == 0
    with (out / "daily.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["date"]: r for r in csv.DictReader(handle)}
    config = load_config()
    plans = load_plans(None)
    opened = journal_of(journal)
    with opened.read() as session:
        visit = visit_report(
            session=session,
            start=MON,
            end=MON + timedelta(days=6),
            today=TODAY,
            config=config,
            profile=load_targets().profile(config.profile),
            plan=plans.get(config.plan),
            catalog=plans.catalog,
        )
    opened.close()

    # Vitamin D, by hand: Monday 4.8 food + 25 tablet = 29.8; Tuesday food unknown (none
    # logged), supplements 125; Wednesday kale 0.0 food, no supplement; Thursday nothing.
    # daily.csv holds them at clinical precision, µg whole (#12): 29.8 is 30.
    expected = {MON: (29.8, 4.8, 25.0), TUE: (None, None, 125.0), WED: (0.0, 0.0, 0.0)}
    in_csv = {MON: ("30", "25"), TUE: ("", "125"), WED: ("0", "0")}
    for day, (total, food, supplements) in expected.items():
        line = days[day]["nutrients"]["vitamin_d_ug"]
        assert (line["total"], line["food"], line["supplements"]) == pytest.approx(
            (total, food, supplements)
        ), day
        row = rows[day.isoformat()]
        assert (row["vitamin_d_ug"], row["vitamin_d_ug_from_supplements"]) == in_csv[day]
    assert days[TUE]["intake"] == {"food": False, "supplements": True}
    assert days[THU]["nutrients"]["vitamin_d_ug"]["total"] is None
    assert rows[THU.isoformat()]["vitamin_d_ug_from_supplements"] == ""

    # The week and the report over the same 7 days: 3 days with intake, 2 with food.
    # Food average (4.8 + 0.0) / 2 = 2.4; supplements (25 + 125 + 0) / 3 = 50; average 52.4.
    # Days meeting 20 µg: Monday (29.8) and Tuesday (125 known); over 100 µg: Tuesday.
    vitamin_d = next(n for n in week["nutrients"] if n["key"] == "vitamin_d_ug")
    assert (vitamin_d["days_logged"], vitamin_d["days_with_food"]) == (3, 2)
    assert vitamin_d["food_average"] == pytest.approx(2.4)
    assert vitamin_d["supplements_average"] == pytest.approx(50.0)
    assert vitamin_d["average"] == pytest.approx(52.4)
    assert vitamin_d["days_met"] == 2
    assert vitamin_d["days_over_upper"] == [TUE.isoformat()]
    assert any("Vitamin D" in w and TUE.isoformat() in w for w in week["warnings"])
    report_d = next(n for n in visit.nutrients if n.key == "vitamin_d_ug")
    assert (report_d.days_logged, report_d.days_with_food, report_d.days_met) == (3, 2, 2)
    assert report_d.average == vitamin_d["average"]  # the same definition: to the digit
    assert report_d.days_over == 1
    # The day's total, the week's and the report's agree with daily.csv for every nutrient.
    for key in ("calcium_mg", "vitamin_d_ug", "vitamin_k_ug"):
        for day in (MON, TUE, WED):
            total = days[day]["nutrients"][key]["total"]
            # mg and µg whole, halves up (#12), from the decimal the day's JSON holds.
            whole = None if total is None else Decimal(repr(total)).quantize(1, ROUND_HALF_UP)
            assert rows[day.isoformat()][key] == ("" if whole is None else str(whole))
        line = next(n for n in week["nutrients"] if n["key"] == key)
        assert line["average"] == next(n.average for n in visit.nutrients if n.key == key)


def test_mk7_is_apart_from_vitamin_k_everywhere(aij: Run, journal: Path, tmp_path: Path) -> None:
    tuesday = _json(aij, "day", TUE.isoformat())["nutrients"]
    # One MK-7 capsule: 100 µg on its own line; K1 + MK-4 from supplements 0, far from 90 µg.
    assert tuesday["vitamin_k2_mk7_ug"]["supplements"] == 100.0
    assert tuesday["vitamin_k_ug"]["supplements"] == 0.0
    week = _json(aij, "week", WEEK)
    # Vitamin K (K1 + MK-4): food 2.6 (Mon) and 704.8 (Wed), mean 353.7; supplements 0.
    # Days meeting 90 µg: Wednesday only (Tuesday's known K1 is 0, the capsule is MK-7).
    vitamin_k = next(n for n in week["nutrients"] if n["key"] == "vitamin_k_ug")
    assert vitamin_k["average"] == pytest.approx((2.6 + 704.8) / 2)
    assert vitamin_k["days_met"] == 1
    # MK-7: supplements 100 / 3 days with intake; food 0 on both food days.
    assert week["vitamin_k2_mk7"]["supplements_average"] == pytest.approx(100 / 3)
    assert week["vitamin_k2_mk7"]["food_average"] == 0.0
    assert "vitamin_k2_mk7_ug" not in {n["key"] for n in week["nutrients"]}


def test_the_vitamin_k_reminder_shows_on_day_week_and_report(
    aij: Run, journal: Path, tmp_path: Path
) -> None:
    day = _json(aij, "day", MON.isoformat())
    week = _json(aij, "week", WEEK)
    for warnings in (day["warnings"], week["warnings"]):
        reminder = [w for w in warnings if "vitamin K antagonist" in w]
        assert (
            len(reminder) == 1
            and "You take coumadin (warfarin), a vitamin K antagonist" in reminder[0]
        )
    page = tmp_path / "visit.html"
    result = aij("report", "--out", str(page), "--from", MON.isoformat(), "--to", WED.isoformat())
    assert result.code == 0, result.err
    assert "vitamin K antagonist" in page.read_text(encoding="utf-8")
    shown = aij("day", TUE.isoformat())
    assert "vitamin K antagonist" in shown.out
    assert "≥ 125" in shown.out  # vitamin D: food unknown, the supplements a lower bound


def test_the_vitamin_k_reminder_reads_the_medication_timeline(aij: Run, tmp_path: Path) -> None:
    # #9.17 after #14: a course recorded with `aij med` (no config.yaml medications) is
    # what the person takes, so day, week and report remind; a day before the course not.
    before = MON - timedelta(days=7)
    for args in (
        ("med", "start", "Marevan", "--dose", "5 mg", "--date", MON.isoformat(), "--new-name"),
        ("log", "meal", "kale-raw 100g", "-d", WED.isoformat()),
        ("log", "meal", "kale-raw 100g", "-d", before.isoformat()),
    ):
        assert aij(*args).code == 0, args
    expected = "You take marevan (warfarin), a vitamin K antagonist"
    day = _json(aij, "day", WED.isoformat())
    week = _json(aij, "week", WEEK)
    for warnings in (day["warnings"], week["warnings"]):
        assert [w for w in warnings if expected in w] != []
    earlier = _json(aij, "day", before.isoformat())
    assert not any("vitamin K antagonist" in w for w in earlier["warnings"])
    page = tmp_path / "visit.html"
    span = ("--from", MON.isoformat(), "--to", WED.isoformat())
    assert aij("report", "--out", str(page), *span).code == 0
    assert "vitamin K antagonist" in page.read_text(encoding="utf-8")


def test_a_day_shown_at_its_target_meets_it_in_day_and_week(aij: Run) -> None:
    # #9.6 at the nutrient targets: sardines 15088, calcium 382 mg/100 g. 314.1 g is
    # 3.141 x 382 = 1,199.862 mg, shown "1,200 mg" against 1,200: met. 314 g is
    # 3.14 x 382 = 1,199.48 mg, shown "1,199 mg": 99%, not met.
    assert aij("log", "meal", "sardines-canned-oil 314.1g", "--date", MON.isoformat()).code == 0
    assert aij("log", "meal", "sardines-canned-oil 314g", "--date", TUE.isoformat()).code == 0
    shown = {}
    for day in (MON, TUE):
        out = aij("day", day.isoformat()).out
        shown[day] = next(line.split() for line in out.splitlines() if "Calcium" in line)
    assert shown[MON][1:3] == ["1,200", "mg"] and "met" in shown[MON]
    assert shown[TUE][1:3] == ["1,199", "mg"] and "99%" in shown[TUE]
    week = json.loads(aij("week", WEEK, "--json").out)
    calcium = next(n for n in week["nutrients"] if n["key"] == "calcium_mg")
    assert calcium["days_met"] == 1
    # The average (1,199.862 + 1,199.48) / 2 = 1,199.671 is shown 1,200: its bar is met.
    assert calcium["average"] == pytest.approx(1199.671)
    line = next(x for x in aij("week", WEEK).out.splitlines() if "Calcium" in x)
    assert "met" in line.split() and "1/2" in line.split()


def test_an_upper_limit_is_passed_where_the_shown_amount_passes_it(aij: Run) -> None:
    # Sardines 15088, calcium 382 mg/100 g; the upper limit 2,000 mg (IOM, 51+).
    # 523.69 g: 5.2369 x 382 = 2,000.4958 mg, shown "2,000": not over, no warning.
    # 523.7 g: 5.237 x 382 = 2,000.534 mg, shown "2,001": over, and the warning says 2,001
    # (it said "2000 mg, above the upper limit of 2000 mg" with a format that rounds to even).
    assert aij("log", "meal", "sardines-canned-oil 523.69g", "--date", MON.isoformat()).code == 0
    assert aij("log", "meal", "sardines-canned-oil 523.7g", "--date", TUE.isoformat()).code == 0
    at = json.loads(aij("day", MON.isoformat(), "--json").out)
    over = json.loads(aij("day", TUE.isoformat(), "--json").out)
    assert not any("Calcium" in w for w in at["warnings"])
    (warning,) = [w for w in over["warnings"] if "Calcium" in w]
    assert warning.startswith("Calcium in total is 2,001 mg, above the upper limit of 2,000 mg")
    week = json.loads(aij("week", WEEK, "--json").out)
    calcium = next(n for n in week["nutrients"] if n["key"] == "calcium_mg")
    assert calcium["days_over_upper"] == [TUE.isoformat()]
