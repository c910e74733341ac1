"""Forms people type that were refused or shown raw (#10 items 11, 14; #9 item 19 for edit)."""

import json

import pytest

from aijournal.domain.symptoms import NAME_PATTERN
from tests.conftest import Run
from tests.helpers import query


@pytest.mark.parametrize(
    ("typed", "minutes", "seconds"),
    [
        (["brisk-walk", "30", "min"], 30, None),
        (["brisk-walk", "30", "minutes"], 30, None),
        (["brisk-walk", "1", "hour"], 60, None),
        (["brisk-walk", "2", "h"], 120, None),
        (["plank", "3x30", "s"], None, 30),
        (["plank", "3x30", "sec"], None, 30),
    ],
)
def test_a_unit_typed_apart_from_its_number(
    aij: Run, aij_home: object, typed: list[str], minutes: int | None, seconds: int | None
) -> None:
    result = aij("log", "ex", *typed)
    assert result.code == 0, result.err
    [(got_minutes, got_seconds)] = query(aij_home, "SELECT minutes, seconds FROM exercise_item")
    assert (got_minutes, got_seconds) == (minutes, seconds)


def test_a_word_after_a_number_that_is_not_a_unit_is_still_an_exercise(aij: Run) -> None:
    # "50" impacts of jumping jacks, then another exercise: nothing is joined.
    result = aij("log", "ex", "jumping-jack", "50", "brisk-walk", "20m")
    assert result.code == 0, result.err
    assert "jumping-jack 50, brisk-walk 20min" in result.out


def test_a_pound_load_reads_to_a_tenth_of_a_kilogram(aij: Run, aij_home: object) -> None:
    result = aij("log", "ex", "goblet-squat", "3x10@26lb")
    # 26 lb x 0.45359237 = 11.7934 kg: read as 11.8kg, stored exactly.
    assert "goblet-squat 3x10@11.8kg" in result.out and "11.793" not in result.out
    [(load,)] = query(aij_home, "SELECT load_kg FROM exercise_item")
    assert load == pytest.approx(26 * 0.45359237)
    day = json.loads(aij("day", "--json").out)
    assert day["exercise"][0]["text"] == "goblet-squat 3x10@11.8kg"


def test_a_slot_in_capitals_is_the_slot(aij: Run, aij_home: object) -> None:
    assert aij("log", "meal", "oats 40g", "--slot", "Lunch").code == 0
    assert query(aij_home, "SELECT slot FROM meal") == [("lunch",)]


def test_an_edited_weight_is_read_in_the_users_units(aij: Run, aij_home: object) -> None:
    assert aij("config", "set", "units", "imperial").code == 0
    saved = aij("log", "weight", "150")
    entry_id = saved.out.split()[1]
    assert aij("edit", entry_id, "value=160").code == 0
    [(kg,)] = query(aij_home, "SELECT value FROM body_measure")
    assert kg == pytest.approx(160 * 0.45359237, abs=0.0005)  # stored to the gram


def test_a_symptom_name_with_a_trailing_newline_is_not_a_name() -> None:
    assert NAME_PATTERN.match("headache") is not None
    assert NAME_PATTERN.match("headache\n") is None
