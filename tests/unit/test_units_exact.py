"""Body measures and sleep hours worked by hand: every spelling, every boundary, every message.

Expected values come from the definitions, not from the code: 1 lb = 0.45359237 kg exactly
(international yard and pound agreement, 1959), 1 in = 2.54 cm exactly (same agreement), an
hour is 60 minutes; the ranges are the plausible adult values the module documents.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain import units
from aijournal.domain.units import (
    parse_sleep_hours,
    parse_waist_cm,
    parse_weight_kg,
    show_waist,
    show_waist_change,
    show_weight,
    show_weight_change,
    waist_unit,
    weight_unit,
)
from aijournal.errors import BadInput

# Module-level constants, pinned to their sources


def test_conversion_factors_are_the_1959_exact_definitions() -> None:
    assert units.KG_PER_LB == 0.45359237
    assert units.CM_PER_IN == 2.54


def test_plausible_ranges() -> None:
    assert units.WEIGHT_KG_RANGE == (20.0, 400.0)
    assert units.WAIST_CM_RANGE == (40.0, 250.0)
    # A night cannot be longer than a day.
    assert units.SLEEP_HOURS_RANGE == (0.0, 24.0)


def test_unit_words() -> None:
    assert units.KG_WORDS == ("kg", "kgs", "kilo", "kilos")
    assert units.LB_WORDS == ("lb", "lbs", "pound", "pounds")
    assert units.CM_WORDS == ("cm",)
    assert units.IN_WORDS == ("in", "inch", "inches")
    assert units.SLEEP_ALLOWED == "hours 0-24, such as 7, 7.5, 7h, 7h30 or 7:30"


# Which unit a bare number is in


def test_the_bare_unit_follows_the_setting() -> None:
    assert (weight_unit("metric"), weight_unit("imperial")) == ("kg", "lb")
    assert (waist_unit("metric"), waist_unit("imperial")) == ("cm", "in")


# Weight: every spelling of both units


@pytest.mark.parametrize("word", ["kg", "kgs", "kilo", "kilos", "KG", " kg", "Kilos"])
def test_every_kg_spelling_is_kg(word: str) -> None:
    assert parse_weight_kg(f"70{word}") == 70.0
    assert parse_weight_kg(f"70{word}", "imperial") == 70.0


@pytest.mark.parametrize("word", ["lb", "lbs", "pound", "pounds", "LBS", " lb", "Pounds"])
def test_every_lb_spelling_is_lb(word: str) -> None:
    # 200 x 0.45359237 = 90.718474 kg, kept to 3 decimals: 90.718.
    assert parse_weight_kg(f"200{word}") == 90.718
    assert parse_weight_kg(f"200{word}", "metric") == 90.718


def test_weight_keeps_three_decimals() -> None:
    # 155 x 0.45359237 = 70.30681735 kg -> 70.307 (not 70.3068, not 70.31).
    assert parse_weight_kg("155lb") == 70.307
    assert parse_weight_kg("68.2345") == 68.234  # 68.2345 is 68.23449999... in binary
    assert parse_weight_kg("68.2346") == 68.235


def test_weight_with_spaces_around() -> None:
    assert parse_weight_kg("  68.5  kg  ") == 68.5
    assert parse_weight_kg(" 151 ", "imperial") == 68.492  # 151 x 0.45359237 = 68.4924...


def test_weight_boundaries_are_inclusive() -> None:
    assert parse_weight_kg("20") == 20.0
    assert parse_weight_kg("400") == 400.0
    for text in ("19.999", "400.001"):
        with pytest.raises(BadInput):
            parse_weight_kg(text)


def test_weight_boundaries_in_lb() -> None:
    # 20 kg = 44.0925 lb and 400 kg = 881.849 lb.
    assert parse_weight_kg("44.1lb") == 20.003  # 44.1 x 0.45359237 = 20.00342...
    assert parse_weight_kg("881.8lb") == 399.978  # 881.8 x 0.45359237 = 399.97775...
    for text in ("44lb", "881.9lb"):  # 19.958 kg and 400.023 kg
        with pytest.raises(BadInput):
            parse_weight_kg(text)


def test_weight_messages_in_full() -> None:
    with pytest.raises(BadInput) as caught:
        parse_weight_kg("heavy")
    assert str(caught.value) == (
        "weight 'heavy' is not a number; use a weight such as 68.2 (kg), 68.2kg or 150lb"
    )
    with pytest.raises(BadInput) as caught:
        parse_weight_kg("heavy", "imperial")
    assert str(caught.value) == (
        "weight 'heavy' is not a number; use a weight such as 68.2 (lb), 68.2kg or 150lb"
    )
    with pytest.raises(BadInput) as caught:
        parse_weight_kg("70st")
    assert str(caught.value) == "weight unit 'st' is not known; use kg or lb"
    # 20 kg / 0.45359237 = 44.09 lb -> 44; 400 kg / 0.45359237 = 881.85 lb -> 882.
    with pytest.raises(BadInput) as caught:
        parse_weight_kg("500")
    assert str(caught.value) == "weight 500 is outside 20-400 kg (44-882 lb)"


def test_a_negative_or_signed_weight_is_not_a_number() -> None:
    for text in ("-70", "+70", "70.", ".5", "7 0"):
        with pytest.raises(BadInput, match="is not a number"):
            parse_weight_kg(text)


# Waist: both units, boundaries, messages


@pytest.mark.parametrize(("text", "cm"), [("84", 84.0), ("84cm", 84.0), ("84 CM", 84.0)])
def test_waist_in_cm(text: str, cm: float) -> None:
    assert parse_waist_cm(text) == cm
    if text != "84":
        assert parse_waist_cm(text, "imperial") == cm


@pytest.mark.parametrize("word", ["in", "inch", "inches", "IN", " inches"])
def test_every_inch_spelling_is_inches(word: str) -> None:
    # 33 x 2.54 = 83.82 cm.
    assert parse_waist_cm(f"33{word}") == 83.82


def test_waist_keeps_two_decimals() -> None:
    # 33.33 x 2.54 = 84.6582 cm -> 84.66 (not 84.658, not 84.7).
    assert parse_waist_cm("33.33in") == 84.66
    assert parse_waist_cm("84,126") == 84.13


def test_waist_boundaries_are_inclusive() -> None:
    assert parse_waist_cm("40") == 40.0
    assert parse_waist_cm("250") == 250.0
    for text in ("39.99", "250.01"):
        with pytest.raises(BadInput):
            parse_waist_cm(text)


def test_waist_messages_in_full() -> None:
    with pytest.raises(BadInput) as caught:
        parse_waist_cm("wide")
    assert str(caught.value) == (
        "waist 'wide' is not a number; use a waist such as 84 (cm), 84cm or 33in"
    )
    with pytest.raises(BadInput) as caught:
        parse_waist_cm("wide", "imperial")
    assert str(caught.value) == (
        "waist 'wide' is not a number; use a waist such as 84 (in), 84cm or 33in"
    )
    with pytest.raises(BadInput) as caught:
        parse_waist_cm("84mm")
    assert str(caught.value) == "waist unit 'mm' is not known; use cm or in"
    # 40 cm / 2.54 = 15.7 in -> 16; 250 cm / 2.54 = 98.4 in -> 98.
    with pytest.raises(BadInput) as caught:
        parse_waist_cm("30")
    assert str(caught.value) == "waist 30 is outside 40-250 cm (16-98 in)"


# Sleep


def test_sleep_boundaries_are_inclusive() -> None:
    assert parse_sleep_hours("0") == 0.0
    assert parse_sleep_hours("24") == 24.0
    assert parse_sleep_hours("24:00") == 24.0
    assert parse_sleep_hours("0:00") == 0.0
    for text in ("24.01", "24:01"):
        with pytest.raises(BadInput):
            parse_sleep_hours(text)


def test_sleep_minutes_go_up_to_59() -> None:
    # 7 + 59/60 = 7.98333... -> 7.98
    assert parse_sleep_hours("7:59") == 7.98
    with pytest.raises(BadInput) as caught:
        parse_sleep_hours("7:60")
    assert str(caught.value) == (
        "sleep=7:60: minutes go up to 59; allowed: hours 0-24, such as 7, 7.5, 7h, 7h30 or 7:30"
    )


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("7 H", 7.0),
        (" 7HRS ", 7.0),
        ("7hr", 7.0),
        ("7 hour", 7.0),
        ("7h 15min", 7.25),
        ("7hr15", 7.25),
        ("7hrs 15 mins", 7.25),
        ("7:5", 7.08),  # 7 + 5/60 = 7.0833...
    ],
)
def test_sleep_spellings(text: str, hours: float) -> None:
    assert parse_sleep_hours(text) == hours


def test_sleep_keeps_two_decimals() -> None:
    # 1/60 of an hour is 0.01666...; 7h01 is 7.02 (2 decimals), not 7.017.
    assert parse_sleep_hours("7:01") == 7.02
    assert parse_sleep_hours("6.666") == 6.67


def test_sleep_messages_in_full() -> None:
    allowed = "hours 0-24, such as 7, 7.5, 7h, 7h30 or 7:30"
    with pytest.raises(BadInput) as caught:
        parse_sleep_hours("lots")
    assert str(caught.value) == f"sleep=lots is not a number of hours; allowed: {allowed}"
    with pytest.raises(BadInput) as caught:
        parse_sleep_hours("30")
    assert str(caught.value) == f"sleep=30 is outside the allowed range; allowed: {allowed}"


# Shown in the user's units


def test_show_weight_and_waist_to_one_decimal() -> None:
    # 70 kg / 0.45359237 = 154.3236 lb -> 154.3; 90 cm / 2.54 = 35.433 in -> 35.4.
    assert show_weight(70.0, "imperial") == "154.3 lb"
    assert show_weight(70.04, "metric") == "70 kg"
    assert show_weight(70.06, "metric") == "70.1 kg"
    assert show_weight(100.0, "metric") == "100 kg"  # trailing zeros of the integer kept
    assert show_waist(90.0, "imperial") == "35.4 in"
    assert show_waist(90.0, "metric") == "90 cm"
    assert show_waist(80.25, "metric") == "80.2 cm"  # 80.25 rounds half to even


def test_a_value_that_rounds_to_zero_is_shown_without_a_sign() -> None:
    assert show_weight(-0.04, "metric") == "0 kg"
    assert show_waist(-0.02, "imperial") == "0 in"  # -0.0079 in
    assert show_weight(-0.06, "metric") == "-0.1 kg"


def test_changes_are_signed_in_the_users_unit() -> None:
    assert show_weight_change(None, "metric") == "-"
    assert show_weight_change(None, "imperial") == "-"
    assert show_weight_change(1.0, "metric") == "+1.0"
    # 1 kg / 0.45359237 = 2.2046 lb -> +2.2; -2 kg = -4.409 lb -> -4.4.
    assert show_weight_change(1.0, "imperial") == "+2.2"
    assert show_weight_change(-2.0, "imperial") == "-4.4"
    assert show_waist_change(None, "metric") == "-"
    assert show_waist_change(None, "imperial") == "-"
    assert show_waist_change(-3.0, "metric") == "-3.0"
    # 5.08 cm / 2.54 = 2 in.
    assert show_waist_change(5.08, "imperial") == "+2.0"


@given(st.integers(min_value=200, max_value=4000))
def test_a_weight_in_tenths_of_a_kg_is_shown_as_typed(tenths: int) -> None:
    kg = tenths / 10
    text = f"{tenths // 10}.{tenths % 10}".removesuffix(".0")
    assert show_weight(parse_weight_kg(f"{kg}kg"), "metric") == f"{text} kg"


@given(st.integers(min_value=40, max_value=98))
def test_whole_inches_come_back_as_typed(inches: int) -> None:
    cm = parse_waist_cm(f"{inches}in")
    assert cm == round(inches * 2.54, 2)
    assert show_waist(cm, "imperial") == f"{inches} in"
