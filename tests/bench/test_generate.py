"""bench/generate.py: a seeded year written through the storage layer, and what aij finds in it.

The two generated journals (exercise effect -1.5 and 0, seed 1, ending today) take a few
seconds each and are shared by the tests of this module.
"""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from aijournal.domain.stats import welch_difference
from bench.synthetic import Timeline, exercise_pain_pairs
from tests.helpers import TODAY, Result, query, run_subprocess, snapshot

# sqlite_only: about the SQLite journal file (skipped under AIJ_TEST_ENGINE=postgres).
# Only the tests about where the history's days fall are marked `dates` (each below): the
# date matrix in .ci/run then generates one year per day it tries, not two.
pytestmark = [pytest.mark.sqlite_only]

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
EXERCISE_QUESTION = "Next-day worst joint pain after exercise days vs other logged days"


def generate(home: Path, *args: str) -> Result:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--home", str(home), "--quiet", *args],
        capture_output=True,
        text=True,
        env={
            "AIJ_HOME": str(home),
            "AIJ_TODAY": TODAY.isoformat(),
            "PATH": str(Path(sys.executable).parent),
        },
        timeout=300,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def one_year(home: Path, effect: str) -> Path:
    result = generate(home, "--years", "1", "--seed", "1", "--exercise-effect", effect)
    assert result.code == 0, result.err
    assert " entries over 365 days " in result.out
    return home


@pytest.fixture(scope="module")
def with_effect(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return one_year(tmp_path_factory.mktemp("effect") / "home", "-1.5")


@pytest.fixture(scope="module")
def without_effect(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return one_year(tmp_path_factory.mktemp("null") / "home", "0")


def exercise_insight(home: Path) -> dict[str, Any]:
    result = run_subprocess("insights", "--json", "--days", "365", home=home)
    assert result.code == 0, result.err
    found = [i for i in json.loads(result.out)["insights"] if i["question"] == EXERCISE_QUESTION]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def test_insights_finds_the_exercise_effect_that_was_put_in(with_effect: Path) -> None:
    insight = exercise_insight(with_effect)
    assert insight["n_with"] >= 14 and insight["n_without"] >= 14
    assert -2.0 < insight["difference"] < -1.0  # about the -1.5 put in
    assert insight["ci_high"] < 0  # the whole interval is below zero
    assert insight["verdict"] == "association"
    assert "more than chance alone would easily give" in insight["finding"]


def test_insights_finds_no_effect_when_none_was_put_in(without_effect: Path) -> None:
    insight = exercise_insight(without_effect)
    assert insight["n_with"] >= 14 and insight["n_without"] >= 14
    assert insight["ci_low"] <= 0 <= insight["ci_high"]
    assert insight["verdict"] == "no clear association"
    # A difference that rounds to 0.0 reads "about the same"; any other, "chance alone".
    if abs(insight["difference"]) < 0.05:
        assert ": about the same (95% confidence interval" in insight["finding"]
    else:
        assert "chance alone could explain it" in insight["finding"]


@pytest.mark.dates
@pytest.mark.parametrize("shift", range(7))
def test_the_noise_holds_for_every_weekday_the_year_can_end_on(shift: int) -> None:
    """The CLI tests above end today; seed 1 must behave on whatever weekday that is."""
    end = TODAY + timedelta(days=shift)
    found = welch_difference(
        *exercise_pain_pairs(Timeline(seed=1, end=end, exercise_effect=-1.5), 365)
    )
    none = welch_difference(*exercise_pain_pairs(Timeline(seed=1, end=end), 365))
    assert found is not None and none is not None
    assert found.high < 0
    assert none.low <= 0 <= none.high


def test_the_history_has_the_shape_of_a_real_one(with_effect: Path) -> None:
    per_day = [n for (n,) in query(with_effect, "SELECT count(*) FROM entry GROUP BY day")]
    assert len(per_day) == 365
    assert min(per_day) >= 6 and max(per_day) <= 30
    assert 9 <= sum(per_day) / len(per_day) <= 18
    meals = query(
        with_effect, "SELECT count(*) FROM entry WHERE kind = 'meal' GROUP BY day ORDER BY 1"
    )
    assert meals[0][0] >= 3 and meals[-1][0] <= 5 and len(meals) == 365
    supplement_days = query(
        with_effect, "SELECT count(DISTINCT day) FROM entry WHERE kind = 'supplement'"
    )
    assert supplement_days[0][0] > 0.8 * 365
    pain_days = query(with_effect, "SELECT count(*) FROM symptom_rating WHERE name = 'joint-pain'")
    assert 0.85 * 365 < pain_days[0][0] < 365
    weights = query(with_effect, "SELECT count(*) FROM body_measure WHERE measure = 'weight_kg'")
    assert 40 <= weights[0][0] <= 53  # weekly, with a few weeks missed
    checkins = query(with_effect, "SELECT count(*) FROM checkin")
    assert 8 <= checkins[0][0] <= 30


def test_doses_are_skipped_on_a_few_days_with_a_reason(with_effect: Path) -> None:
    config = yaml.safe_load((with_effect / "config.yaml").read_text())
    assert config["medications"] == [{"name": "anastrozole", "dose": "1 mg", "schedule": "daily"}]
    every = query(with_effect, "SELECT taken, reason, medication, dose FROM medication_dose")
    doses = [d for d in every if d[2] != "zoledronic-acid"]
    # Zoledronic acid on the first day and 6 calendar months later (#14): 2 in a year.
    assert [d for d in every if d[2] == "zoledronic-acid"] == [
        (1, None, "zoledronic-acid", "4 mg")
    ] * 2
    assert 0.95 * 365 <= len(doses) <= 365
    skipped = [d for d in doses if not d[0]]
    assert 2 <= len(skipped) <= 0.06 * 365
    assert all(reason for _, reason, _, _ in skipped)
    assert {(m, d) for _, _, m, d in doses} == {("anastrozole", "1 mg")}


def test_every_meal_item_has_grams_and_nutrients_from_foods(with_effect: Path) -> None:
    items = query(
        with_effect,
        "SELECT mi.source, mi.grams, mi.calcium_mg, mi.origin FROM meal_item mi "
        "JOIN entry e ON e.id = mi.entry_id WHERE e.kind = 'meal'",
    )
    assert len(items) > 365 * 3 * 2
    assert all(source == "food" and grams and grams > 0 for source, grams, _, _ in items)
    assert all(origin.startswith("USDA SR28 NDB ") for _, _, _, origin in items)
    assert sum(calcium or 0 for _, _, calcium, _ in items) / 365 > 400  # mg a day from food
    pills = query(
        with_effect,
        "SELECT DISTINCT mi.food_id, mi.grams FROM meal_item mi "
        "JOIN entry e ON e.id = mi.entry_id WHERE e.kind = 'supplement'",
    )
    assert set(pills) == {("calcium-carbonate-600", None), ("vitamin-d3-1000", None)}


@pytest.mark.dates
def test_exercise_follows_the_plan_with_misses(with_effect: Path) -> None:
    """The journal holds exactly the sessions the seeded timeline planned, whatever the date."""
    timeline = Timeline(seed=1, end=TODAY, exercise_effect=-1.5)
    planned_by_weekday: dict[str, int] = {}
    planned_sets_reps: list[tuple[int, int]] = []
    for offset in range(365):
        workout = timeline.session(offset)
        if workout is None:
            continue
        day = TODAY - timedelta(days=offset)
        key = str(day.isoweekday() % 7)  # SQLite's strftime('%w'): 0 is Sunday
        planned_by_weekday[key] = planned_by_weekday.get(key, 0) + 1
        if day.weekday() == 0:
            for part in workout.text.replace("@", " @").split():
                if "x" in part and part[0].isdigit() and not part.endswith("s"):
                    sets, reps = part.split("x")
                    planned_sets_reps.append((int(sets), int(reps)))
    by_weekday = dict(
        query(
            with_effect,
            "SELECT strftime('%w', e.day), count(*) FROM exercise_session s "
            "JOIN entry e ON e.id = s.entry_id GROUP BY 1",
        )
    )
    assert by_weekday == planned_by_weekday
    # The plan's misses are there: about 15% of the planned weekdays have no session.
    for weekday in "123456":
        assert 0.65 * 52 <= by_weekday[weekday] <= 53
    monday = query(
        with_effect,
        "SELECT i.exercise, i.sets, i.reps FROM exercise_item i JOIN entry e "
        "ON e.id = i.entry_id WHERE strftime('%w', e.day) = '1' AND i.exercise != 'plank'",
    )
    planned = {"goblet-squat", "push-up", "knee-push-up", "dumbbell-row", "overhead-press"}
    assert {exercise for exercise, _, _ in monday} == planned
    assert sorted((sets, reps) for _, sets, reps in monday) == sorted(planned_sets_reps)
    rpes = [r for (r,) in query(with_effect, "SELECT rpe FROM exercise_session") if r is not None]
    assert rpes and all(1 <= r <= 8 for r in rpes)


@pytest.mark.dates
def test_a_week_alone_holds_the_same_days_as_inside_the_year(
    with_effect: Path, tmp_path: Path
) -> None:
    week = tmp_path / "week"
    assert generate(week, "--years", "0", "--days", "7", "--exercise-effect", "-1.5").code == 0
    yesterday = (TODAY - timedelta(days=1)).isoformat()

    def shown(home: Path) -> Any:
        result = run_subprocess("day", yesterday, "--json", home=home)
        assert result.code == 0, result.err
        return without_ids(json.loads(result.out))

    alone, inside = shown(week), shown(with_effect)
    assert alone == inside
    assert alone["meals"] and alone["symptoms"]


def without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in ("id", "ids")}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def test_a_journal_that_holds_entries_is_refused_and_left_alone(with_effect: Path) -> None:
    before = snapshot(with_effect)
    result = generate(with_effect, "--years", "0", "--days", "1")
    assert result.code == 2
    assert "already holds entries" in result.err
    assert snapshot(with_effect) == before
