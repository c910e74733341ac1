"""Units typed apart from their number ("30 min", "1 hour", "45 s", "3x30 s") read as the
joined forms of the grammar, and loads shown to 0.1 kg for reading (26 lb = 26 x 0.45359237
= 11.79340162 kg, read as 11.8 kg). Expected entries are written out field by field."""

import pytest

from aijournal.catalog.protocols import load_exercise_catalog
from aijournal.domain.exercise import ExerciseEntry, format_entry, parse_exercise_log
from aijournal.errors import BadInput

CATALOG = load_exercise_catalog()


def parse(text: str) -> list[ExerciseEntry]:
    return parse_exercise_log(text, CATALOG.resolve)


@pytest.mark.parametrize("words", ["m", "min", "mins", "minute", "minutes", "MIN", "Minutes"])
def test_minutes_typed_apart(words: str) -> None:
    assert parse(f"brisk-walk 30 {words}") == [ExerciseEntry("brisk-walk", minutes=30)]


@pytest.mark.parametrize("words", ["h", "hr", "hrs", "hour", "hours", "HOURS"])
def test_hours_typed_apart(words: str) -> None:
    assert parse(f"brisk-walk 2 {words}") == [ExerciseEntry("brisk-walk", minutes=120)]


@pytest.mark.parametrize("words", ["s", "sec", "secs", "second", "seconds", "SEC"])
def test_seconds_typed_apart(words: str) -> None:
    # a bare held time is one set of it; sets×seconds with the s apart is the same as joined
    assert parse(f"plank 45 {words}") == [ExerciseEntry("plank", sets=1, seconds=45)]
    assert parse(f"plank 3x30 {words}") == [ExerciseEntry("plank", sets=3, seconds=30)]


def test_two_activities_with_units_apart() -> None:
    assert parse("plank 3x30 s brisk-walk 1 hour") == [
        ExerciseEntry("plank", sets=3, seconds=30),
        ExerciseEntry("brisk-walk", minutes=60),
    ]


def test_a_unit_word_joins_only_the_number_before_it() -> None:
    # minutes after sets×reps are not a held time: "min" stays a word of its own (no name)
    with pytest.raises(BadInput, match="'min'"):
        parse("plank 3x30 min")
    # a unit with nothing before it, or after a name, is not joined
    with pytest.raises(BadInput, match="'min'"):
        parse("min brisk-walk 30m")
    with pytest.raises(BadInput, match="'brisk-walk' needs an amount"):
        parse("brisk-walk min")
    # seconds after a loaded set are not joined into the load
    with pytest.raises(BadInput, match="'s'"):
        parse("goblet-squat 3x10@12kg s")


def test_loads_for_reading_to_a_tenth_of_a_kilogram() -> None:
    entry = ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=26 * 0.45359237)
    assert format_entry(entry) == "goblet-squat 3x10@11.793kg"
    assert format_entry(entry, for_reading=True) == "goblet-squat 3x10@11.8kg"
    held = ExerciseEntry("plank", sets=2, seconds=30, load_kg=5.04)
    assert format_entry(held, for_reading=True) == "plank 2x30s@5kg"
    assert format_entry(held) == "plank 2x30s@5.04kg"


def test_a_held_time_apart_after_other_activities() -> None:
    # the "s" joins the sets×seconds just before it, whatever came earlier in the line
    assert parse("brisk-walk 30m plank 2x20 s") == [
        ExerciseEntry("brisk-walk", minutes=30),
        ExerciseEntry("plank", sets=2, seconds=20),
    ]
    assert parse("goblet-squat 3x10@12kg plank 2x20 s") == [
        ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=12.0),
        ExerciseEntry("plank", sets=2, seconds=20),
    ]
    # with no name before it, the joined amount is refused as an amount without a name
    with pytest.raises(BadInput, match="'3x30s' has no exercise before it"):
        parse("3x30 s")
