"""domain/precision.py: clinical precision by unit, halves away from zero, no float noise."""

import json
import math
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.nutrients import NUTRIENTS
from aijournal.domain.precision import clinical, unit_decimals, without_noise
from aijournal.export.jsonout import json_value
from aijournal.render.console import fmt, nutrient_digits


@pytest.mark.parametrize(
    ("value", "unit", "rounded"),
    [
        (890.5, "mg", 891.0),  # a half rounds up, as by hand (not to the even 890)
        (1133.934, "mg", 1134.0),
        (41.5, "mg", 42.0),
        (261.3, "µg", 261.0),  # µg whole, like mg
        (2.5, "µg", 3.0),
        (178.49, "kcal", 178.0),
        (22.84, "g", 22.8),
        (22.85, "g", 22.9),  # 22.85 is stored as 22.850000000000001: the half is still seen
        (0.1 + 0.2, "g", 0.3),
        (2.675, "g", 2.7),  # stored as 2.67499999999999982236431605997495353221893310546875
        (0.04, "g", 0.0),
        (-0.4, "mg", 0.0),  # never -0
        (12.45, "g", 12.5),
        (12.449999999999999, "g", 12.5),  # the noise of 12.45 computed, not a smaller number
    ],
)
def test_clinical_precision_by_unit(value: float, unit: str, rounded: float) -> None:
    assert clinical(value, unit) == rounded
    assert math.copysign(1, clinical(value, unit)) == 1 or rounded < 0


def test_every_tracked_unit_has_its_decimals() -> None:
    units = {info.unit for info in NUTRIENTS.values()}
    assert units == {"mg", "µg", "kcal", "g"}
    assert {u: unit_decimals(u) for u in units} == {"mg": 0, "µg": 0, "kcal": 0, "g": 1}


@pytest.mark.parametrize("unit", ["mg", "µg", "kcal", "g"])
@pytest.mark.parametrize("value", [890.5, 1133.934, 22.85, 2.675, 0.05, 261.3, 12.449999999999999])
def test_aij_day_shows_the_digits_of_daily_csv(value: float, unit: str) -> None:
    """One definition: the terminal's number and the file's number agree to the digit."""
    shown = fmt(value, nutrient_digits(unit)).replace(",", "")
    assert float(shown) == clinical(value, unit)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (0.18 * 120, "21.6"),  # 21.599999999999998
        (1e-05, "1e-05"),  # JSON may hold an exponent; the number is the same
        (1 / 3, "0.333333333333"),
        (68.2, "68.2"),
        (6.0, "6.0"),
    ],
)
def test_json_numbers_without_noise(value: float, written: str) -> None:
    assert json.dumps(json_value(value)) == written


def test_json_times_say_utc() -> None:
    moment = datetime(2026, 11, 26, 8, 15, 3, tzinfo=UTC)
    assert json_value(moment) == "2026-11-26T08:15:03.000000Z"
    assert json_value(7) == 7 and json_value(True) is True  # only floats are touched


FLOATS = st.floats(allow_nan=False, allow_infinity=False).filter(
    lambda x: x == 0 or abs(x) > 1e-300
)


@given(FLOATS)
def test_a_json_number_has_at_most_twelve_digits_and_reads_back_within_tolerance(
    value: float,
) -> None:
    text = json.dumps(json_value(value))
    # normalize() drops the zeros that only place the number (1e+12, 6.0): what is left counts.
    assert len(Decimal(text).normalize().as_tuple().digits) <= 12
    back = json.loads(text)
    assert abs(back - value) <= 5e-12 * abs(value) + math.ulp(value)
    assert without_noise(back) == back  # read back, it is written again the same
