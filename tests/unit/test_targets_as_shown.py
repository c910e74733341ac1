"""Targets and upper limits are compared at the precision a person reads (#9.6).

A day shown as "1,200 mg" of calcium against a 1,200 mg target was "99%" and not met,
because its float was 1,199.862. The rule, from the issue: compare at the displayed
precision. Amounts are shown at clinical precision (mg, µg and kcal whole, g to one
decimal, halves away from zero), so a target is reached from half a displayed step below
it, and an upper limit is passed from half a step above it. The expected values below are
the half steps worked out by hand for every unit a target or limit uses.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.dayintake import DayIntake, SourceSums, meets_target, over_upper, summarize
from aijournal.domain.nutrients import NUTRIENTS, TRACKED
from aijournal.domain.precision import clinical, passes, reaches, share

D1, D2 = date(2026, 11, 2), date(2026, 11, 3)


@dataclass(frozen=True)
class Target:
    min: float
    goal: float | None = None
    upper: float | None = None
    upper_counts: Literal["all", "supplements"] = "all"


def food(key: str, amount: float) -> DayIntake:
    return DayIntake(D1, SourceSums(1, {key: amount}, {key: 1}), None)


# (unit, threshold, just reaching it as shown, the largest amount below that, by hand):
# whole units reach 1,200 from 1,199.5 (shown 1,200); 1,199.4999 shows 1,199.
# grams reach 1.1 from 1.05 (shown 1.1); 1.0499 shows 1.0.
BOUNDARIES = [
    ("mg", 1200.0, 1199.5, 1199.4999),
    ("µg", 20.0, 19.5, 19.4999),
    ("kcal", 2000.0, 1999.5, 1999.4999),
    ("g", 1.1, 1.05, 1.0499),
    ("g", 21.0, 20.95, 20.9499),
]


@pytest.mark.parametrize(("unit", "threshold", "reaching", "below"), BOUNDARIES)
def test_a_threshold_is_reached_exactly_where_the_shown_amount_reaches_it(
    unit: str, threshold: float, reaching: float, below: float
) -> None:
    assert reaches(reaching, threshold, unit)
    assert not reaches(below, threshold, unit)
    assert share(reaching, threshold, unit) == 1.0
    assert share(below, threshold, unit) < 1.0


@pytest.mark.parametrize(
    ("unit", "limit", "passing", "at"),
    [
        ("mg", 2000.0, 2000.5, 2000.4999),  # shown 2,001 is over; shown 2,000 is not
        ("µg", 100.0, 100.5, 100.4999),
        ("g", 2.5, 2.55, 2.5499),  # shown 2.6 is over; 2.5 is not
    ],
)
def test_an_upper_limit_is_passed_exactly_where_the_shown_amount_passes_it(
    unit: str, limit: float, passing: float, at: float
) -> None:
    assert passes(passing, limit, unit)
    assert not passes(at, limit, unit)


@pytest.mark.parametrize("info", TRACKED, ids=lambda i: i.key)
def test_every_tracked_nutrient_meets_its_target_as_shown(info: object) -> None:
    key, unit = info.key, info.unit  # type: ignore[attr-defined]
    step = Decimal("0.1") if unit == "g" else Decimal(1)
    threshold = Decimal(20)
    half_below = threshold - step / 2  # shown as the threshold itself
    under = half_below - step / 1000  # shown one step below it
    assert meets_target(food(key, float(half_below)), key, float(threshold))
    assert not meets_target(food(key, float(under)), key, float(threshold))
    limit = Target(0, upper=float(threshold))
    assert not over_upper(food(key, float(threshold + step / 2 - step / 1000)), key, limit)
    assert over_upper(food(key, float(threshold + step / 2)), key, limit)


def test_sardines_314_1_g_meet_1200_mg_as_aij_day_shows_them() -> None:
    # SR28 NUT_DATA ~15088~^~301~^382: 3.141 x 382 = 1,199.862 mg, shown "1,200 mg";
    # 3.14 x 382 = 1,199.48 mg, shown "1,199 mg".
    met, short = 3.141 * 382, 3.14 * 382
    target = Target(1200.0, upper=2000.0)
    days = [
        DayIntake(D1, SourceSums(1, {"calcium_mg": met}, {"calcium_mg": 1}), None),
        DayIntake(D2, SourceSums(1, {"calcium_mg": short}, {"calcium_mg": 1}), None),
    ]
    summary = summarize(days, "calcium_mg", target)
    assert summary.days_met == 1
    # The average, (1,199.862 + 1,199.48) / 2 = 1,199.671, is shown 1,200: it meets too.
    assert summary.average == pytest.approx(1199.671)
    assert reaches(summary.average or 0, 1200.0, NUTRIENTS["calcium_mg"].unit)


# Values around each threshold at the scale of one shown step, and far from it; reaches and
# passes skip the decimal rounding when the float is far enough, so they must answer as the
# shown amount (clinical, the definition) compared with the threshold does, everywhere.
@given(
    unit=st.sampled_from(["mg", "µg", "kcal", "g", "IU"]),
    threshold=st.sampled_from([0.0, 1.1, 2.5, 15.0, 20.0, 400.0, 1200.0, 2000.0, 1e9]),
    offset=st.one_of(
        st.floats(-3.0, 3.0),
        st.integers(-400, 400).map(lambda n: n / 200),
        st.floats(-1e12, 1e12),
    ),
)
def test_reaching_and_passing_answer_as_the_shown_amount_does(
    unit: str, threshold: float, offset: float
) -> None:
    value = threshold + offset
    assert reaches(value, threshold, unit) == (clinical(value, unit) >= threshold)
    assert passes(value, threshold, unit) == (clinical(value, unit) > threshold)
