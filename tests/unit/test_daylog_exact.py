"""The one-line log and the tracked list at their edges: every key, every range end, every
message in full, and when a day's log is empty.

Ranges are the ones each key states to the user (OTHER_KEYS, DOMAIN.md's 0-10 sleep quality);
a weight or waist is read as units.py reads it (1 lb = 0.45359237 kg, 1 in = 2.54 cm).
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain import daylog
from aijournal.domain.daylog import (
    DayLog,
    check_note,
    guided_keys,
    parse_log_line,
    parse_number,
    parse_tracked,
)
from aijournal.domain.symptoms import SymptomSet
from aijournal.errors import BadInput

SYMPTOMS = SymptomSet()
NAMES = [s.name for s in SYMPTOMS]
OTHERS = ["medication", "sleep", "sleep-quality", "mind", "weight", "waist", "note"]


# Module-level constants


def test_the_keys_besides_symptoms_and_what_each_takes() -> None:
    assert daylog.OTHER_KEYS == {
        "sleep": "hours 0-24, such as 7, 7.5, 7h, 7h30 or 7:30",
        "sleep-quality": "sleep quality, 0-10",  # DOMAIN.md: "sleep | hours, plus quality 0-10"
        "weight": "weight: kg, or lb with units: imperial; 68.2kg and 150lb always work",
        "waist": "waist: cm, or in with units: imperial; 84cm and 33in always work",
        "mind": "mind-body minutes (meditation, breathing, yoga), 1-600",
    }
    assert tuple(OTHERS) == daylog.GUIDED_OTHER
    assert daylog.MEAL_SLOTS == ("breakfast", "lunch", "dinner", "snack")
    assert daylog.MAX_NOTE == 10_000


# guided_keys and parse_tracked


def test_guided_keys_are_the_symptoms_then_the_rest() -> None:
    assert guided_keys(["a", "b"]) == ["a", "b", *OTHERS]
    assert guided_keys([]) == OTHERS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("note sleep", ["sleep", "note"]),
        ("  Weight ,, FATIGUE ", ["fatigue", "weight"]),
        ("mind,mind", ["mind"]),
        ("stress medication joint-pain", ["joint-pain", "stress", "medication"]),
        ("ALL", None),
        (" all ", None),
    ],
)
def test_tracked_lists(text: str, expected: list[str] | None) -> None:
    assert parse_tracked(text, NAMES) == expected


def test_all_among_others_is_not_a_question() -> None:
    with pytest.raises(BadInput, match="'all' is not a check-in question"):
        parse_tracked("all, sleep", NAMES)


def test_tracked_messages_in_full() -> None:
    with pytest.raises(BadInput) as caught:
        parse_tracked(" , ", ["pain"])
    assert str(caught.value) == "name at least one check-in question, or 'all'"
    with pytest.raises(BadInput) as caught:
        parse_tracked("pain,xyzzy", ["pain"])
    assert str(caught.value) == (
        "'xyzzy' is not a check-in question; use 'all' or some of: pain, medication, sleep,"
        " sleep-quality, mind, weight, waist, note"
    )


# DayLog.is_empty


def test_a_log_is_empty_only_when_nothing_is_given() -> None:
    assert DayLog().is_empty()
    for given_one in (
        DayLog(symptoms={"joint-pain": 0.0}),
        DayLog(sites=[]),
        DayLog(sleep_hours=0.0),
        DayLog(sleep_quality=0.0),
        DayLog(weight_kg=60.0),
        DayLog(waist_cm=80.0),
        DayLog(mind_minutes=10.0),
        DayLog(note="x"),
    ):
        assert not given_one.is_empty(), given_one


# parse_number and check_note


def test_parse_number_ranges_are_inclusive() -> None:
    assert parse_number("k", "0", 0, 10, "w") == 0.0
    assert parse_number("k", "10", 0, 10, "w") == 10.0
    assert parse_number("k", "2.5", 0, 10, "w") == 2.5
    for text in ("-0.001", "10.001", "nan", "inf"):
        with pytest.raises(BadInput) as caught:
            parse_number("k", text, 0, 10, "w")
        assert str(caught.value) == f"k={text} is outside the allowed range; allowed: w"
    with pytest.raises(BadInput) as caught:
        parse_number("k", "lots", 0, 10, "w")
    assert str(caught.value) == "k=lots is not a number; allowed: w"


def test_a_note_is_kept_stripped_up_to_its_limit() -> None:
    assert check_note("  felt fine \n") == "felt fine"
    assert check_note("x" * 10_000) == "x" * 10_000
    assert check_note(" " + "x" * 10_000 + " ") == "x" * 10_000
    with pytest.raises(BadInput) as caught:
        check_note("x" * 10_001)
    assert str(caught.value) == "the note is 10001 characters; at most 10000 are kept"
    with pytest.raises(BadInput) as caught:
        check_note(" \t\n")
    assert str(caught.value) == "the note is empty; write something between quotes"


# parse_log_line: every key


def test_every_other_key_fills_its_own_field() -> None:
    log = parse_log_line(
        ["Sleep=7:30", " SLEEP-QUALITY = 8 ", "weight=70", "waist=33in", "mind=20"], SYMPTOMS
    )
    assert log == DayLog(
        symptoms={},
        sites=None,
        sleep_hours=7.5,
        sleep_quality=8.0,
        weight_kg=70.0,
        waist_cm=83.82,  # 33 x 2.54
        mind_minutes=20.0,
        note=None,
    )


def test_bare_weight_and_waist_follow_the_units() -> None:
    metric = parse_log_line(["weight=70", "waist=84"], SYMPTOMS)
    assert (metric.weight_kg, metric.waist_cm) == (70.0, 84.0)
    # 70 lb x 0.45359237 = 31.751 kg; 84 in x 2.54 = 213.36 cm.
    imperial = parse_log_line(["weight=70", "waist=84"], SYMPTOMS, "imperial")
    assert (imperial.weight_kg, imperial.waist_cm) == (31.751, 213.36)


@pytest.mark.parametrize(("key", "low", "high"), [("sleep-quality", 0, 10), ("mind", 1, 600)])
def test_other_key_ranges_exactly(key: str, low: int, high: int) -> None:
    field = {"sleep-quality": "sleep_quality", "mind": "mind_minutes"}[key]
    assert getattr(parse_log_line([f"{key}={low}"], SYMPTOMS), field) == low
    assert getattr(parse_log_line([f"{key}={high}"], SYMPTOMS), field) == high
    for value in (low - 0.5, high + 0.5):
        with pytest.raises(BadInput) as caught:
            parse_log_line([f"{key}={value}"], SYMPTOMS)
        assert str(caught.value) == (
            f"{key}={value} is outside the allowed range; allowed: {daylog.OTHER_KEYS[key]}"
        )


def test_a_symptom_with_a_decimal_comma() -> None:
    # hot-flashes is a count 0-100 (whole), stress a 0-10 rating: "1,5" is 1.5, refused as
    # not whole; a comma is read as a point only when there is one.
    log = parse_log_line(["stiffness=15", "stress=7"], SYMPTOMS)
    assert log.symptoms == {"stiffness": 15.0, "stress": 7.0}
    with pytest.raises(BadInput, match="whole number"):
        parse_log_line(["stress=1,5"], SYMPTOMS)
    with pytest.raises(BadInput) as caught:
        parse_log_line(["stress=1,5,0"], SYMPTOMS)
    assert str(caught.value) == "stress=1,5,0 is not a number; allowed: 0-10"


def test_a_custom_scale_takes_a_decimal_comma() -> None:
    from aijournal.domain.symptoms import Symptom

    extra = Symptom("energy", "nrs", 0, 10, "energy", "own", integer=False)
    log = parse_log_line(["energy=6,5"], SymptomSet((extra,)))
    assert log.symptoms == {"energy": 6.5}


def test_keys_and_values_are_trimmed_and_keys_lowercased() -> None:
    log = parse_log_line([" Joint-Pain = 6 "], SYMPTOMS)
    assert log.symptoms == {"joint-pain": 6.0}


@pytest.mark.parametrize("token", ["=6", "joint-pain=", "joint-pain= ", " =6", "joint-pain 6"])
def test_half_a_pair_is_refused(token: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_log_line([token], SYMPTOMS)
    assert str(caught.value) == f"'{token}' is not key=value, like joint-pain=6"


def test_a_second_equals_sign_is_part_of_the_value() -> None:
    with pytest.raises(BadInput) as caught:
        parse_log_line(["joint-pain=6=7"], SYMPTOMS)
    assert str(caught.value) == "joint-pain=6=7 is not a number; allowed: 0-10"


def test_an_unknown_key_suggests_the_other_keys_too() -> None:
    with pytest.raises(BadInput) as caught:
        parse_log_line(["waste=84"], SYMPTOMS)
    assert str(caught.value) == (
        "unknown symptom 'waste' (did you mean waist?); 'aij symptoms' lists them"
    )


def test_the_last_of_a_repeated_key_wins() -> None:
    log = parse_log_line(["joint-pain=3", "joint-pain=5", "sleep=6", "sleep=7"], SYMPTOMS)
    assert (log.symptoms, log.sleep_hours) == ({"joint-pain": 5.0}, 7.0)


def test_no_tokens_is_an_empty_log() -> None:
    assert parse_log_line([], SYMPTOMS).is_empty()


@given(st.integers(min_value=0, max_value=10), st.integers(min_value=1, max_value=600))
def test_any_in_range_value_is_kept_as_given(quality: int, minutes: int) -> None:
    log = parse_log_line([f"sleep-quality={quality}", f"mind={minutes}"], SYMPTOMS)
    assert (log.sleep_quality, log.mind_minutes) == (quality, minutes)
