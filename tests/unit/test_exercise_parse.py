"""The one-line exercise log: every form it takes and every refusal."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.protocols import load_exercise_catalog
from aijournal.domain.exercise import (
    ExerciseEntry,
    format_entry,
    parse_exercise_log,
    validate_rpe,
)
from aijournal.errors import AijError, BadInput

CATALOG = load_exercise_catalog()


def parse(text: str) -> list[ExerciseEntry]:
    return parse_exercise_log(text, CATALOG.resolve)


def test_the_issues_example_line() -> None:
    line = (
        "goblet-squat 3x10@12kg push-up 2x8 plank 3x30s brisk-walk 35m "
        "jumping-jacks 50 dumbbell-row 3x10@25lb"
    )
    entries = parse(line)
    assert entries[:5] == [
        ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=12.0),
        ExerciseEntry("push-up", sets=2, reps=8),
        ExerciseEntry("plank", sets=3, seconds=30),
        ExerciseEntry("brisk-walk", minutes=35),
        ExerciseEntry("jumping-jack", impacts=50),
    ]
    row = entries[5]
    assert (row.exercise_id, row.sets, row.reps) == ("dumbbell-row", 3, 10)
    # 25 lb x 0.45359237 kg/lb = 11.33980925 kg
    assert row.load_kg == pytest.approx(11.33981, abs=1e-5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("brisk-walk 35min", ExerciseEntry("brisk-walk", minutes=35)),
        ("brisk-walk 1h", ExerciseEntry("brisk-walk", minutes=60)),
        ("brisk-walk 1h15m", ExerciseEntry("brisk-walk", minutes=75)),
        ("yoga 240m", ExerciseEntry("yoga", minutes=240)),
        ("plank 45s", ExerciseEntry("plank", sets=1, seconds=45)),
        ("farmer-carry 2x40s@16kg", ExerciseEntry("farmer-carry", sets=2, seconds=40, load_kg=16)),
        ("goblet-squat 3X10@12.5KG", ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=12.5)),
        ("goblet-squat 3×10", ExerciseEntry("goblet-squat", sets=3, reps=10)),
        ("lunge 2x12@0kg", ExerciseEntry("lunge", sets=2, reps=12, load_kg=0.0)),
        ("jumping-jacks 2x25", ExerciseEntry("jumping-jack", sets=2, reps=25, impacts=50)),
        ("Goblet-Squats 2x8", ExerciseEntry("goblet-squat", sets=2, reps=8)),
        ("pushups 2x8", ExerciseEntry("push-up", sets=2, reps=8)),
        ("walking 20m", ExerciseEntry("brisk-walk", minutes=20)),
        ("rest", ExerciseEntry("rest")),
    ],
)
def test_each_form(text: str, expected: ExerciseEntry) -> None:
    assert parse(text) == [expected]


def test_pounds_convert_to_kilograms() -> None:
    # 10 lb = 4.5359237 kg; "lbs" is the same unit.
    assert parse("overhead-press 2x10@10lbs")[0].load_kg == pytest.approx(4.5359237)


def test_an_exercise_may_appear_twice() -> None:
    assert parse("push-up 2x8 push-up 1x6") == [
        ExerciseEntry("push-up", sets=2, reps=8),
        ExerciseEntry("push-up", sets=1, reps=6),
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("goblet-squat 3x", ["'3x'", "sets×reps"]),
        ("goblet-squat x10", ["'x10'", "number of sets", "3x10"]),
        ("goblet-squat 3x10@-5kg", ["'3x10@-5kg'", "0 to 500 kg"]),
        ("goblet-squat 3x10@12", ["'3x10@12'", "kg or lb"]),
        ("goblet-squat 3x10@12st", ["'3x10@12st'", "@12kg or @25lb"]),
        ("goblet-squat 0x10", ["'0x10'", "sets must be 1 to 20"]),
        ("goblet-squat 21x10", ["'21x10'", "sets must be 1 to 20"]),
        ("goblet-squat 3x0", ["'3x0'", "reps must be 1 to 100"]),
        ("brisk-walk 0m", ["'0m'", "minutes must be 1 to 600"]),
        ("brisk-walk 601m", ["'601m'", "minutes must be 1 to 600"]),
        ("brisk-walk 10h1m", ["'10h1m'", "minutes must be 1 to 600"]),
        ("brisk-walk", ["'brisk-walk' needs an amount", "35m"]),
        ("goblet-squat", ["'goblet-squat' needs an amount", "3x10"]),
        ("plank", ["'plank' needs an amount", "3x30s"]),
        ("goblet-squat 35m", ["'goblet-squat 35m'", "sets×reps"]),
        ("brisk-walk 3x10", ["'brisk-walk 3x10'", "minutes"]),
        ("plank 35m", ["'plank 35m'", "held sets"]),
        ("jumping-jacks 2x25@5kg", ["jumping-jack takes a count"]),
        ("rest 30m", ["'rest 30m'", "no amount"]),
        ("3x10 goblet-squat", ["'3x10' has no exercise before it"]),
        ("goblet-squat 3x10 3x10", ["'3x10' has no exercise before it"]),
        ("goblet squat 3x10", ["'goblet' needs an amount", "hyphens"]),
        ("brisk-walk rest", ["'brisk-walk' needs an amount", "35m"]),
        ("foo-bar 3x10", ["unknown exercise 'foo-bar'"]),
        ("gobelt-squat 3x10", ["unknown exercise 'gobelt-squat'", "did you mean goblet-squat"]),
        ("squat! 3x10", ["'squat!' is not an exercise name"]),
        ("   ", ["empty"]),
    ],
)
def test_each_refusal_names_the_token_and_what_is_allowed(text: str, says: list[str]) -> None:
    with pytest.raises(BadInput) as caught:
        parse(text)
    message = str(caught.value)
    assert "\n" not in message
    for part in says:
        assert part in message


@pytest.mark.parametrize("rpe", [0, 5, 10])
def test_rpe_within_zero_to_ten(rpe: int) -> None:
    assert validate_rpe(rpe) == rpe


@pytest.mark.parametrize("rpe", [-1, 11, True])
def test_rpe_outside_zero_to_ten_is_refused(rpe: int) -> None:
    with pytest.raises(BadInput, match="0 to 10"):
        validate_rpe(rpe)


loads = st.one_of(st.none(), st.integers(0, 1000).map(lambda half_kg: half_kg / 2))


@given(sets=st.integers(1, 20), reps=st.integers(1, 100), load=loads)
def test_sets_reps_load_round_trip(sets: int, reps: int, load: float | None) -> None:
    entry = ExerciseEntry("dumbbell-row", sets=sets, reps=reps, load_kg=load)
    assert parse(format_entry(entry)) == [entry]


@given(sets=st.integers(1, 20), reps=st.integers(1, 100), pounds=st.integers(0, 1100))
def test_pounds_always_convert_at_the_exact_factor(sets: int, reps: int, pounds: int) -> None:
    [entry] = parse(f"goblet-squat {sets}x{reps}@{pounds}lb")
    assert entry.load_kg == pytest.approx(pounds * 0.45359237)


@given(st.text(max_size=40))
def test_any_text_parses_or_is_refused_as_bad_input(text: str) -> None:
    try:
        parse(text)
    except AijError as exc:
        assert isinstance(exc, BadInput)


def test_a_plank_logged_like_its_days_other_exercises_keeps_what_was_typed() -> None:
    # The issue's Monday logs all five exercises "at 3x10", the plank included.
    (entry,) = parse_exercise_log("plank 3x10", CATALOG.resolve)
    assert (entry.sets, entry.reps, entry.seconds) == (3, 10, None)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("brisk-walk 240m", 240), ("brisk-walk 4h", 4 * 60), ("hike 3h59m", 3 * 60 + 59)],
)
def test_four_hours_of_one_activity_is_taken_at_its_word(text: str, minutes: int) -> None:
    assert parse(text) == [ExerciseEntry(text.split()[0], minutes=minutes)]


@pytest.mark.parametrize(
    ("text", "minutes", "shown"),
    [
        ("brisk-walk 241m", 241, "4 h 01 min"),
        ("brisk-walk 600m", 600, "10 h 00 min"),  # the issue's "600m", meant as metres
        ("hike 4h1m", 4 * 60 + 1, "4 h 01 min"),
        ("cycling 10h", 10 * 60, "10 h 00 min"),
    ],
)
def test_more_than_four_hours_is_refused_with_the_reason_and_the_flag(
    text: str, minutes: int, shown: str
) -> None:
    with pytest.raises(BadInput) as refused:
        parse(text)
    message = str(refused.value)
    assert f"{minutes} minutes ({shown})" in message
    assert "more than 4 hours" in message and "--yes" in message
    assert parse_exercise_log(text, CATALOG.resolve, accept_long=True)[0].minutes == minutes


def test_over_four_hours_in_one_line_is_refused_whatever_its_place() -> None:
    with pytest.raises(BadInput, match="cycling: 300 minutes"):
        parse("goblet-squat 3x10 cycling 5h stretching 10m")


@given(st.integers(min_value=1, max_value=600))
def test_minutes_echo_with_their_unit_and_parse_back(minutes: int) -> None:
    entry = ExerciseEntry("brisk-walk", minutes=minutes)
    text = format_entry(entry)
    assert text == f"brisk-walk {minutes}min"
    assert parse_exercise_log(text, CATALOG.resolve, accept_long=True) == [entry]
