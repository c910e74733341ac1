"""`aij day --json` gives the day's exercise figures under "exercise_totals", worked out by
hand, and equal to daily.csv's for the same day."""

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY

pytestmark = pytest.mark.dates

EMPTY = {
    "aerobic_minutes": 0,
    "moderate_equivalent_minutes": 0,
    "light_minutes": 0,
    "moderate_minutes": 0,
    "vigorous_minutes": 0,
    "impact_minutes": 0,
    "recovery_minutes": 0,
    "resistance_minutes": 0,
    "resistance_sets": 0,
    "resistance_sessions": 0,
    "impacts": 0,
    "impact_sessions": 0,
}


def test_a_day_without_exercise_has_zero_totals(aij: Run) -> None:
    data = json.loads(aij("day", "--json").out)
    assert data["exercise"] == []
    assert data["exercise_totals"] == EMPTY


def test_the_days_totals_by_hand_and_as_in_daily_csv(aij: Run, tmp_path: Path) -> None:
    # brisk-walk 35m at RPE 7: vigorous, 35 aerobic, 2 x 35 = 70 moderate-equivalent;
    # light-jog 20m at RPE 3: light (not aerobic), but impact minutes 20;
    # plank 3x30s: 1.5 resistance minutes, 3 sets; jumping-jacks 50: 50 impacts.
    assert aij("log", "ex", "brisk-walk", "35m", "plank", "3x30s", "--rpe", "7").code == 0
    assert aij("log", "ex", "light-jog", "20m", "jumping-jacks", "50", "--rpe", "3").code == 0
    totals = json.loads(aij("day", "--json").out)["exercise_totals"]
    assert totals == {
        **EMPTY,
        "aerobic_minutes": 35,
        "moderate_equivalent_minutes": 70,
        "light_minutes": 20,
        "vigorous_minutes": 35,
        "impact_minutes": 20,
        "resistance_minutes": 1.5,
        "resistance_sets": 3,
        "resistance_sessions": 1,
        "impacts": 50,
        "impact_sessions": 1,
    }
    out = tmp_path / "csv"
    assert aij("export", "csv", "--out", str(out)).code == 0
    with (out / "daily.csv").open(encoding="utf-8-sig", newline="") as handle:
        row = {r["date"]: r for r in csv.DictReader(handle)}[TODAY.isoformat()]
    for key in (
        "aerobic_minutes",
        "moderate_equivalent_minutes",
        "impact_minutes",
        "recovery_minutes",
        "resistance_minutes",
        "resistance_sets",
        "resistance_sessions",
        "impacts",
    ):
        assert row[key] == f"{totals[key]:g}", key


def test_sets_of_reps_make_resistance_minutes_unknown(aij: Run) -> None:
    assert aij("log", "ex", "goblet-squat", "3x10@12kg", "plank", "2x30s").code == 0
    totals = json.loads(aij("day", "--json").out)["exercise_totals"]
    assert totals["resistance_minutes"] is None
    assert totals["resistance_sets"] == 5
    assert totals["resistance_sessions"] == 1
