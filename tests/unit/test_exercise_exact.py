"""The exercise log's grammar at each limit, its rarer forms, and every message in full.

Expected values come from the grammar in ``domain/exercise.py``'s module doc (limits: sets
1-20, reps 1-100, seconds 1-600 per set, minutes 1-600, impacts 1-5000, load 0-500 kg; more
than 4 hours of one activity needs --yes) and the international pound, 0.45359237 kg.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.protocols import load_exercise_catalog
from aijournal.domain.exercise import (
    KEBAB,
    MAX_IMPACTS,
    MAX_LOAD_KG,
    MAX_MINUTES,
    MAX_REPS,
    MAX_SECONDS,
    MAX_SETS,
    PLAUSIBLE_MINUTES,
    ExerciseEntry,
    check_plausible,
    format_entry,
    format_load,
    parse_exercise_log,
    validate_rpe,
)
from aijournal.domain.plausible import Implausible
from aijournal.errors import BadInput

CATALOG = load_exercise_catalog()
POUND_KG = 0.45359237
AMOUNT_HELP = ": use sets×reps like 3x10 or 3x10@12kg, 3x30s, minutes like 35m, or a count like 50"
NO_NAME = " has no exercise before it: write the name, then its amount (e.g. goblet-squat 3x10)"


def parse(text: str) -> list[ExerciseEntry]:
    return parse_exercise_log(text, CATALOG.resolve)


def refusal(text: str) -> str:
    with pytest.raises(BadInput) as caught:
        parse(text)
    return str(caught.value)


def test_the_limits_are_the_grammars() -> None:
    assert (MAX_SETS, MAX_REPS, MAX_SECONDS, MAX_MINUTES, MAX_IMPACTS) == (20, 100, 600, 600, 5000)
    assert MAX_LOAD_KG == 500.0
    assert PLAUSIBLE_MINUTES == 4 * 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("goblet-squat 20x100", ExerciseEntry("goblet-squat", sets=20, reps=100)),
        ("goblet-squat 1x1", ExerciseEntry("goblet-squat", sets=1, reps=1)),
        ("plank 20x600s", ExerciseEntry("plank", sets=20, seconds=600)),
        ("plank 1x1s", ExerciseEntry("plank", sets=1, seconds=1)),
        ("plank 600s", ExerciseEntry("plank", sets=1, seconds=600)),
        ("plank 1s", ExerciseEntry("plank", sets=1, seconds=1)),
        ("brisk-walk 1m", ExerciseEntry("brisk-walk", minutes=1)),
        ("jumping-jack 1", ExerciseEntry("jumping-jack", impacts=1)),
        ("jumping-jack 5000", ExerciseEntry("jumping-jack", impacts=5000)),
        ("jumping-jack 20x100", ExerciseEntry("jumping-jack", sets=20, reps=100, impacts=2000)),
        ("goblet-squat 3x10@500kg", ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=500.0)),
        ("goblet-squat 3x10@0lb", ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=0.0)),
    ],
)
def test_each_limit_is_accepted(text: str, expected: ExerciseEntry) -> None:
    assert parse_exercise_log(text, CATALOG.resolve, accept_long=True) == [expected]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("goblet-squat 21x10", "'21x10': sets must be 1 to 20, not 21"),
        ("goblet-squat 0x10", "'0x10': sets must be 1 to 20, not 0"),
        ("goblet-squat 3x101", "'3x101': reps must be 1 to 100, not 101"),
        ("goblet-squat 3x0", "'3x0': reps must be 1 to 100, not 0"),
        ("plank 3x601s", "'3x601s': seconds per set must be 1 to 600, not 601"),
        ("plank 3x0s", "'3x0s': seconds per set must be 1 to 600, not 0"),
        ("plank 21x30s", "'21x30s': sets must be 1 to 20, not 21"),
        ("plank 601s", "'601s': seconds per set must be 1 to 600, not 601"),
        ("plank 0s", "'0s': seconds per set must be 1 to 600, not 0"),
        ("brisk-walk 601min", "'601min': minutes must be 1 to 600, not 601"),
        ("brisk-walk 0mins", "'0mins': minutes must be 1 to 600, not 0"),
        ("brisk-walk 10h1min", "'10h1min': minutes must be 1 to 600, not 601"),
        ("brisk-walk 0h", "'0h': minutes must be 1 to 600, not 0"),
        ("jumping-jack 5001", "'5001': the count must be 1 to 5000, not 5001"),
        ("jumping-jack 0", "'0': the count must be 1 to 5000, not 0"),
        ("goblet-squat 3x10@500.5kg", "'3x10@500.5kg': the load must be 0 to 500 kg, not 500.5kg"),
        # 1103 lb = 500.31 kg; 1102 lb = 499.86 kg is accepted below
        ("goblet-squat 3x10@1103lb", "'3x10@1103lb': the load must be 0 to 500 kg, not 1103lb"),
        ("goblet-squat 3x10@-1kg", "'3x10@-1kg': the load must be 0 to 500 kg, not -1kg"),
        (
            "goblet-squat 3x10@12",
            "'3x10@12': the load '12' needs a unit, kg or lb (e.g. @12kg)",
        ),
        (
            "goblet-squat 3x10@heavy",
            "'3x10@heavy': the load 'heavy' is not a weight; write it like @12kg or @25lb",
        ),
        ("goblet-squat x10", "'x10' is missing the number of sets: write e.g. 3x10"),
        ("goblet-squat ×10", "'×10' is missing the number of sets: write e.g. 3x10"),
        (
            "goblet-squat 3x",
            "'3x' is not an amount" + AMOUNT_HELP,
        ),
        ("brisk-walk -5", "'-5' is not an amount" + AMOUNT_HELP),
        ("brisk-walk .5h", "'.5h' is not an amount" + AMOUNT_HELP),
        ("brisk-walk +30m", "'+30m' is not an amount" + AMOUNT_HELP),
        ("brisk-walk @5kg", "'@5kg' is not an amount" + AMOUNT_HELP),
    ],
)
def test_each_refusal_in_full(text: str, message: str) -> None:
    assert refusal(text) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("goblet-squat", "'goblet-squat' needs an amount: sets×reps, e.g. 3x10 or 3x10@12kg"),
        ("plank", "'plank' needs an amount: held sets, e.g. 3x30s"),
        ("brisk-walk", "'brisk-walk' needs an amount: minutes, e.g. 35m or 1h"),
        (
            "jumping-jack",
            "'jumping-jack' needs an amount: a count, e.g. 50, or sets×reps, e.g. 2x25",
        ),
        (
            "goblet-squat 35m",
            "'goblet-squat 35m': goblet-squat takes sets×reps, e.g. 3x10 or 3x10@12kg",
        ),
        (
            "goblet-squat 3x30s",
            "'goblet-squat 3x30s': goblet-squat takes sets×reps, e.g. 3x10 or 3x10@12kg",
        ),
        (
            "goblet-squat 50",
            "'goblet-squat 50': goblet-squat takes sets×reps, e.g. 3x10 or 3x10@12kg",
        ),
        ("plank 50", "'plank 50': plank takes held sets, e.g. 3x30s"),
        ("plank 2m", "'plank 2m': plank takes held sets, e.g. 3x30s"),
        ("brisk-walk 30s", "'brisk-walk 30s': brisk-walk takes minutes, e.g. 35m or 1h"),
        ("brisk-walk 50", "'brisk-walk 50': brisk-walk takes minutes, e.g. 35m or 1h"),
        (
            "jumping-jack 30s",
            "'jumping-jack 30s': jumping-jack takes a count, e.g. 50, or sets×reps, e.g. 2x25",
        ),
        (
            "jumping-jack 2x30s",
            "'jumping-jack 2x30s': jumping-jack takes a count, e.g. 50, or sets×reps, e.g. 2x25",
        ),
        (
            "jumping-jack 5m",
            "'jumping-jack 5m': jumping-jack takes a count, e.g. 50, or sets×reps, e.g. 2x25",
        ),
        ("rest 3x10", "'rest 3x10': rest takes no amount"),
        (
            "goblet-squat 1h",
            "'goblet-squat 1h': goblet-squat takes sets×reps, e.g. 3x10 or 3x10@12kg",
        ),
        (
            "goblet-squat push-up",
            "'goblet-squat' needs an amount: sets×reps, e.g. 3x10 or 3x10@12kg (join the words "
            "of one name with hyphens: goblet-squat)",
        ),
        ("Xenon 3x10", "unknown exercise 'Xenon'"),  # a name may start with an X
        ("X10", "'X10'" + NO_NAME),  # but X and a digit is a count of sets gone missing
        (
            "brisk-walk yoga 20m",
            "'brisk-walk' needs an amount: minutes, e.g. 35m or 1h (join the words of one name "
            "with hyphens: goblet-squat)",
        ),
        (
            "-5 brisk-walk",
            "'-5'" + NO_NAME,
        ),
        (
            "x10",
            "'x10'" + NO_NAME,
        ),
        (
            "@5kg",
            "'@5kg'" + NO_NAME,
        ),
        (
            "squat!",
            "'squat!' is not an exercise name: use letters, digits and hyphens, e.g. goblet-squat",
        ),
        ("", "the exercise log is empty: write e.g. 'goblet-squat 3x10 brisk-walk 35m'"),
    ],
)
def test_each_mismatch_names_what_the_exercise_takes(text: str, message: str) -> None:
    assert refusal(text) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("brisk-walk 35mins", [ExerciseEntry("brisk-walk", minutes=35)]),
        ("brisk-walk 1h15min", [ExerciseEntry("brisk-walk", minutes=75)]),
        ("brisk-walk 2h5mins", [ExerciseEntry("brisk-walk", minutes=2 * 60 + 5)]),
        ("brisk-walk 1H", [ExerciseEntry("brisk-walk", minutes=60)]),
        ("BRISK-WALK 35M", [ExerciseEntry("brisk-walk", minutes=35)]),
        ("plank 3X30S", [ExerciseEntry("plank", sets=3, seconds=30)]),
        ("plank 3×30s", [ExerciseEntry("plank", sets=3, seconds=30)]),
        (
            "farmer-carry 2x40s@35lbs",
            [ExerciseEntry("farmer-carry", sets=2, seconds=40, load_kg=35 * POUND_KG)],
        ),
        ("goblet-squat 3x10@12kgs", [ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=12.0)]),
        (
            "goblet-squat 3x10@1102lb",
            [ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=1102 * POUND_KG)],
        ),
        (
            "goblet-squat 3x10@7.25kg",
            [ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=7.25)],
        ),
        ("hop 3x20", [ExerciseEntry("hop", sets=3, reps=20, impacts=60)]),
        ("heel-drop 30", [ExerciseEntry("heel-drop", impacts=30)]),
        ("wall-sit 45s", [ExerciseEntry("wall-sit", sets=1, seconds=45)]),
        ("side-plank 2x8@5kg", [ExerciseEntry("side-plank", sets=2, reps=8, load_kg=5.0)]),
        (
            "rest brisk-walk 10m",
            [ExerciseEntry("rest"), ExerciseEntry("brisk-walk", minutes=10)],
        ),
        ("rest rest", [ExerciseEntry("rest"), ExerciseEntry("rest")]),
        ("  plank   30s  ", [ExerciseEntry("plank", sets=1, seconds=30)]),
    ],
)
def test_the_rarer_forms(text: str, expected: list[ExerciseEntry]) -> None:
    got = parse(text)
    assert [e.exercise_id for e in got] == [e.exercise_id for e in expected]
    for entry, want in zip(got, expected, strict=True):
        assert entry.load_kg == pytest.approx(want.load_kg)
        assert (entry.sets, entry.reps, entry.seconds, entry.minutes, entry.impacts) == (
            want.sets,
            want.reps,
            want.seconds,
            want.minutes,
            want.impacts,
        )


def test_a_pound_load_is_converted_at_the_international_pound() -> None:
    [entry] = parse("dumbbell-row 3x10@25lb")
    assert entry.load_kg == 25 * POUND_KG  # 11.33980925 kg, exactly as multiplied


def test_the_kebab_pattern() -> None:
    import re

    for good in ("goblet-squat", "a", "step-up2", "x1-2-3"):
        assert re.match(KEBAB, good), good
    for bad in ("Goblet", "goblet_squat", "-squat", "squat-", "goblet--squat", "2squat", ""):
        assert not re.match(KEBAB, bad), bad


@pytest.mark.parametrize(
    ("minutes", "shown"), [(241, "4 h 01 min"), (305, "5 h 05 min"), (599, "9 h 59 min")]
)
def test_the_implausible_message_in_full(minutes: int, shown: str) -> None:
    with pytest.raises(Implausible) as caught:
        check_plausible([ExerciseEntry("hike", minutes=minutes)])
    assert str(caught.value) == (
        f"hike: {minutes} minutes ({shown}) of one activity is more than 4 hours, so nothing "
        f"was saved; write minutes like 35m or 1h15m, or if {minutes} minutes is right, log it "
        "again with --yes"
    )


def test_check_plausible_passes_entries_without_minutes_and_at_the_limit() -> None:
    check_plausible(
        [
            ExerciseEntry("goblet-squat", sets=20, reps=100),
            ExerciseEntry("jumping-jack", impacts=5000),
            ExerciseEntry("hike", minutes=240),
        ]
    )


@pytest.mark.parametrize(
    ("kg", "text"),
    [
        (12.0, "12kg"),
        (10.0, "10kg"),
        (0.0, "0kg"),
        (100.5, "100.5kg"),
        (7.25, "7.25kg"),
        (25 * POUND_KG, "11.34kg"),  # 11.33980925 to three decimals, its zero dropped
        (10 * POUND_KG, "4.536kg"),  # 4.5359237
        (0.0004, "0kg"),
    ],
)
def test_format_load(kg: float, text: str) -> None:
    assert format_load(kg) == text


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        (ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=12.0), "goblet-squat 3x10@12kg"),
        (ExerciseEntry("goblet-squat", sets=3, reps=10), "goblet-squat 3x10"),
        (
            ExerciseEntry("farmer-carry", sets=2, seconds=40, load_kg=16.0),
            "farmer-carry 2x40s@16kg",
        ),
        (ExerciseEntry("plank", sets=1, seconds=45), "plank 1x45s"),
        (ExerciseEntry("brisk-walk", minutes=35), "brisk-walk 35min"),
        (ExerciseEntry("jumping-jack", impacts=50), "jumping-jack 50"),
        (ExerciseEntry("jumping-jack", sets=2, reps=25, impacts=50), "jumping-jack 2x25"),
        (ExerciseEntry("rest"), "rest"),
    ],
)
def test_format_entry(entry: ExerciseEntry, text: str) -> None:
    assert format_entry(entry) == text
    assert parse(text) == [entry]


@given(
    sets=st.integers(1, 20),
    seconds=st.integers(1, 600),
    load=st.one_of(st.none(), st.integers(0, 1000).map(lambda q: q / 2)),
)
def test_held_sets_round_trip(sets: int, seconds: int, load: float | None) -> None:
    entry = ExerciseEntry("farmer-carry", sets=sets, seconds=seconds, load_kg=load)
    assert parse(format_entry(entry)) == [entry]


@given(st.integers(1, 5000))
def test_counts_round_trip(count: int) -> None:
    entry = ExerciseEntry("hop", impacts=count)
    assert parse(format_entry(entry)) == [entry]


@given(hours=st.integers(0, 10), minutes=st.integers(0, 59))
def test_hours_and_minutes_are_sixty_to_the_hour(hours: int, minutes: int) -> None:
    total = hours * 60 + minutes
    text = f"cycling {hours}h{minutes}m"
    if 1 <= total <= 600:
        assert parse_exercise_log(text, CATALOG.resolve, accept_long=True) == [
            ExerciseEntry("cycling", minutes=total)
        ]
    else:
        assert refusal(text).endswith(f"minutes must be 1 to 600, not {total}")


@pytest.mark.parametrize("rpe", [5.0, 5.5, "5", None, False])
def test_rpe_must_be_a_whole_number(rpe: object) -> None:
    with pytest.raises(BadInput) as caught:
        validate_rpe(rpe)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"RPE {rpe!r} is not allowed: rate effort as a whole number from 0 to 10"
    )


@pytest.mark.parametrize("rpe", [-1, 11])
def test_rpe_outside_the_scale_message(rpe: int) -> None:
    with pytest.raises(BadInput) as caught:
        validate_rpe(rpe)
    assert (
        str(caught.value) == f"RPE {rpe} is not allowed: rate effort as a whole number from 0 to 10"
    )
