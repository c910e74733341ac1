"""domain/precision.py at every rule and edge, the expected values written out by hand: 12
significant digits (the float noise of 1.2 x 244 g sits past the 15th), the decimals of each
unit (mg, µg and kcal whole, g and any other unit one decimal), halves away from zero."""

import math
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.precision import (
    OTHER_UNIT_DECIMALS,
    SIGNIFICANT_DIGITS,
    UNIT_DECIMALS,
    clinical,
    rounded_half_up,
    significant_text,
    unit_decimals,
    without_noise,
)


def test_the_constants_are_the_documented_rules() -> None:
    assert SIGNIFICANT_DIGITS == 12
    assert UNIT_DECIMALS == {"mg": 0, "µg": 0, "kcal": 0, "g": 1}
    assert OTHER_UNIT_DECIMALS == 1


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1 / 3, "0.333333333333"),  # 12 threes
        (2 / 3, "0.666666666667"),  # the 12th digit rounded
        (21.599999999999998, "21.6"),  # 0.18 x 120 computed
        (123456789012345.0, "1.23456789012e+14"),  # 15 digits: 12 kept, an exponent
        (123456789012.0, "123456789012"),  # exactly 12: no exponent
        (1e-05, "1e-05"),
        (0.0, "0"),
        (-0.5, "-0.5"),
        (7, "7"),  # an int is written as its float
    ],
)
def test_significant_text_keeps_twelve_digits(value: float, text: str) -> None:
    assert significant_text(value) == text


def test_without_noise_drops_only_the_noise() -> None:
    assert without_noise(1.2 * 244) == 292.8  # 292.79999999999995 computed
    assert without_noise(0.1 + 0.2) == 0.3  # 0.30000000000000004
    assert without_noise(1 / 3) == 0.333333333333
    assert without_noise(68.2) == 68.2


def test_without_noise_leaves_what_is_not_finite() -> None:
    assert without_noise(math.inf) == math.inf
    assert without_noise(-math.inf) == -math.inf
    assert math.isnan(without_noise(math.nan))


@pytest.mark.parametrize(
    ("value", "decimals", "rounded"),
    [
        (2.675, 2, "2.68"),  # stored 2.67499999999999982..., read as its 12-digit 2.675
        (0.125, 2, "0.13"),  # a half up, not to the even 0.12
        (-0.125, 2, "-0.13"),  # a half away from zero
        (890.5, 0, "891"),
        (-890.5, 0, "-891"),
        (890.49, 0, "890"),
        (22.84, 1, "22.8"),
        (1.0005, 3, "1.001"),
        (1.0, 3, "1.000"),  # to exactly the decimals asked
        (12.0, 0, "12"),
    ],
)
def test_rounded_half_up_rounds_halves_away_from_zero(
    value: float, decimals: int, rounded: str
) -> None:
    result = rounded_half_up(value, decimals)
    assert str(result) == rounded
    assert result.as_tuple().exponent == -decimals


def test_the_largest_float_can_be_rounded() -> None:
    # about 1.8e308: 309 digits before the point, more than a default 28-digit context holds
    largest = sys.float_info.max
    assert rounded_half_up(largest, 1) == Decimal("1.79769313486e308")
    assert clinical(largest, "mg") == float("1.79769313486e308")
    assert clinical(-largest, "g") == float("-1.79769313486e308")


@pytest.mark.parametrize(
    ("unit", "decimals"),
    [("mg", 0), ("µg", 0), ("kcal", 0), ("g", 1), ("mmol/L", 1), ("IU", 1), ("", 1), ("MG", 1)],
)
def test_unit_decimals_default_to_one(unit: str, decimals: int) -> None:
    assert unit_decimals(unit) == decimals


@pytest.mark.parametrize(
    ("value", "unit", "rounded"),
    [
        (2.45, "mmol/L", 2.5),  # another unit: one decimal, the half up
        (2.44, "IU", 2.4),
        (0.05, "ng/mL", 0.1),
        (-890.5, "mg", -891.0),  # away from zero below zero too
        (0.4, "kcal", 0.0),
        (0.5, "kcal", 1.0),
        (0.0, "g", 0.0),
    ],
)
def test_clinical_of_other_units_and_signs(value: float, unit: str, rounded: float) -> None:
    assert clinical(value, unit) == rounded


@pytest.mark.parametrize(("value", "unit"), [(-0.4, "mg"), (-0.04, "g"), (-0.0, "g"), (0.0, "mg")])
def test_a_zero_is_never_negative(value: float, unit: str) -> None:
    result = clinical(value, unit)
    assert result == 0.0
    assert math.copysign(1.0, result) == 1.0


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_clinical_is_within_half_a_last_decimal_and_rounding_again_changes_nothing(
    value: float,
) -> None:
    for unit, step in (("mg", 1.0), ("g", 0.1)):
        result = clinical(value, unit)
        # the 12-digit reading moves a value by at most 5e-12 of itself before rounding
        assert abs(result - value) <= step / 2 + 1e-11 * abs(value) + 1e-9
        assert clinical(result, unit) == result
