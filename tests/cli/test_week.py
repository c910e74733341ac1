"""`aij week` on a hand-written week, every figure worked out by hand from the entries."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY

pytestmark = pytest.mark.dates


def _week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# The ISO week three weeks before today's (all in the past, whatever day the suite runs):
# Monday to Sunday, the week before it, and an empty week further back.
_MONDAY = TODAY - timedelta(days=TODAY.weekday() + 21)
MON, TUE, WED, THU, FRI, SAT, SUN = ((_MONDAY + timedelta(days=d)).isoformat() for d in range(7))
WEEK = _week_label(_MONDAY)
WEEK_BEFORE = _week_label(_MONDAY - timedelta(days=7))
EMPTY_WEEK = _week_label(_MONDAY - timedelta(days=35))


@pytest.fixture
def week(aij: Run) -> dict:  # type: ignore[type-arg]
    def ok(*args: str) -> None:
        result = aij(*args)
        assert result.code == 0, (args, result.err)

    ok("config", "set", "medications", "anastrozole 1 mg")
    # The week before (Monday, Thursday, Friday): joint pain 7 twice; weight 70.0.
    before = _MONDAY - timedelta(days=7)
    ok("log", "joint-pain=7", "-d", before.isoformat())
    ok("log", "joint-pain=7", "-d", (before + timedelta(days=3)).isoformat())
    ok("log", "weight", "70", "-d", (before + timedelta(days=4)).isoformat())
    # Symptoms: joint pain 6,5,4,5,4,3,3 (sum 30); stiffness 30 and 20.
    for day, pain in zip((MON, TUE, WED, THU, FRI, SAT, SUN), (6, 5, 4, 5, 4, 3, 3), strict=True):
        ok("log", f"joint-pain={pain}", "-d", day)
    ok("log", "stiffness=30", "sleep=6.5", "--where", "knees", "-d", MON)
    ok("log", "stiffness=20", "sleep=8", "-d", WED)
    ok("log", "sleep", "7", "-d", TUE)
    ok("log", "sleep", "5", "-d", THU)
    ok("log", "mind", "15", "-d", TUE)
    ok("log", "mind", "10", "-d", FRI)
    ok("log", "weight", "69.2", "-d", TUE)
    ok("log", "waist", "84", "-d", WED)
    ok("log", "note", "tired", "-d", WED)
    # Exercise: Wednesday missed; Friday vigorous (RPE 7).
    monday = "goblet-squat 3x10 push-up 3x10 dumbbell-row 3x10 overhead-press 3x10 plank 3x10"
    ok("log", "ex", *monday.split(), "-d", MON)
    ok("log", "ex", "brisk-walk", "35m", "--rpe", "5", "-d", TUE)
    thursday = "romanian-deadlift 3x10 lat-pulldown 3x10 lunge 3x10 glute-bridge 3x10"
    ok("log", "ex", *thursday.split(), "-d", THU)
    ok("log", "ex", "jog-interval", "30m", "--rpe", "7", "-d", FRI)
    ok("log", "ex", "stretching", "20m", "-d", SAT)
    # Food on Monday, Tuesday, Thursday only; Monday over the calcium limit.
    ok("log", "meal", "sardines-canned-oil 200g", "-d", MON)
    ok("log", "supp", "calcium-carbonate-600", "3", "-d", MON)
    ok("log", "meal", "kale 1 cup", "-d", TUE)
    ok("log", "meal", "walnuts 30g", "-d", THU)
    # Medication: taken Monday to Friday, nothing on Saturday, skipped on Sunday.
    for day in (MON, TUE, WED, THU, FRI):
        ok("log", "med", "-d", day)
    ok("log", "med", "--skipped", "--reason", "nausea", "-d", SUN)
    ok("checkin", "joint-pain.severity=2", "hot-flashes.frequency=3", "-d", SUN)
    result = aij("week", WEEK, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_plan(week: dict) -> None:  # type: ignore[type-arg]
    status = {d["day"]: d["status"] for d in week["plan"]["days"]}
    assert status == {
        "mon": "done",
        "tue": "done",
        "wed": "missed",
        "thu": "done",
        "fri": "done",
        "sat": "done",
        "sun": "rest",
    }
    req = {r["name"]: (r["actual"], r["required"], r["met"]) for r in week["plan"]["requirements"]}
    # 35 moderate minutes on Tuesday + 30 vigorous on Friday counted twice = 95.
    assert req == {
        "resistance sessions": (2, 2, True),
        "aerobic minutes": (95, 60, True),
        "impact sessions": (1, 1, True),
    }


def test_nutrients(week: dict) -> None:  # type: ignore[type-arg]
    by_key = {n["key"]: n for n in week["nutrients"]}
    calcium = by_key["calcium_mg"]
    # Days with food: Mon, Tue, Thu. Calcium (SR28): sardines 382/100 g x 200 g = 764 + 1,800
    # from three 600 mg tablets = 2,564; kale 150/100 g x 16 g = 24; walnuts 98/100 g x 30 g
    # = 29.4. Average (2564 + 24 + 29.4) / 3 = 872.4667.
    assert calcium["days_logged"] == 3
    assert calcium["average"] == pytest.approx(872.4667, abs=1e-3)
    assert calcium["food_average"] == pytest.approx(817.4 / 3)
    assert calcium["supplements_average"] == pytest.approx(600.0)
    assert calcium["days_met"] == 1
    assert calcium["days_over_upper"] == [MON]
    # Vitamin D: sardines 4.8/100 g x 200 g = 9.6 + 3 x 10 ug = 39.6; kale and walnuts 0.0.
    vitamin_d = by_key["vitamin_d_ug"]
    assert vitamin_d["average"] == pytest.approx(13.2)
    assert vitamin_d["days_met"] == 1
    assert week["days_without_food"] == [WED, FRI, SAT, SUN]
    assert any(
        f"Calcium in total was above the upper limit of 2,000 mg on {MON}" in w
        for w in week["warnings"]
    )


def test_eating_pattern(week: dict) -> None:  # type: ignore[type-arg]
    items = {i["key"]: i for i in week["pattern"]["items"]}
    assert items["fish"]["servings"] == 2.0  # 200 g at MEDAS's 100 g
    assert items["nuts"]["servings"] == 1.0  # 30 g at 30 g
    assert items["vegetables"]["servings"] == 0.08  # 16 g at 200 g
    assert [k for k, i in items.items() if i["met"]] == [
        "red-meat",
        "butter-cream",
        "sugary-drinks",
        "sweets",
    ]
    assert week["pattern"]["score"] == 4 and week["pattern"]["items_checked"] == 10
    assert week["pattern"]["polyphenol_servings"] == 1  # the kale


def test_symptoms(week: dict) -> None:  # type: ignore[type-arg]
    symptoms = {s["name"]: s for s in week["symptoms"]}
    pain = symptoms["joint-pain"]
    assert (pain["mean"], pain["worst"], pain["days_rated"]) == (4.29, 6, 7)  # 30 / 7
    assert pain["previous_mean"] == 7
    assert pain["change_vs_previous"] == -2.71
    assert pain["baseline_mean"] == 7
    assert pain["flag"].startswith("better by 2.7 points (39%)")  # 2.71 / 7 = 38.8%
    stiffness = symptoms["stiffness"]
    assert (stiffness["mean"], stiffness["worst"], stiffness["days_rated"]) == (25, 30, 2)
    assert stiffness["previous_mean"] is None and stiffness["flag"] is None


def test_medication_habits_checkin(week: dict) -> None:  # type: ignore[type-arg]
    (med,) = week["medications"]
    assert (med["name"], med["expected"], med["taken"], med["not_logged"]) == (
        "anastrozole",
        7,
        5,
        1,
    )
    assert med["skipped"] == [{"date": SUN, "reason": "nausea"}]
    habits = week["habits"]
    assert (habits["nights_logged"], habits["nights_7h_or_more"]) == (4, 2)
    assert habits["mind_minutes"] == 25
    assert (habits["weight_kg"], habits["weight_change_kg"]) == (69.2, -0.8)
    assert (habits["waist_cm"], habits["waist_change_cm"]) == (84, None)
    (checkin,) = week["checkins"]
    assert [(a["item"], a["scale"], a["value"], a["word"]) for a in checkin["answers"]] == [
        ("joint-pain", "severity", 2, "moderate"),
        ("hot-flashes", "frequency", 3, "frequently"),
    ]


def test_the_table_view_fits_80_columns(
    aij: Run,
    week: dict,  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = aij("week", WEEK)
    assert result.code == 0
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "Worst joint pain: better by 2.7 points" in result.out


def test_an_empty_week_says_what_to_log_first(aij: Run, aij_home: Path) -> None:
    data = json.loads(aij("week", EMPTY_WEEK, "--json").out)
    assert data["empty"] is True
    assert "aij log" in data["hint"]
    text = aij("week", EMPTY_WEEK).out
    assert "Nothing is logged this week yet" in text
    assert "Symptoms" not in text


def test_last_means_the_week_before(aij: Run) -> None:
    data = json.loads(aij("week", WEEK, "--last", "--json").out)
    assert data["week"] == WEEK_BEFORE
