"""domain/dayintake.py: what a day with intake is, and its amounts, worked by hand."""

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pytest

from aijournal.domain.dayintake import (
    TargetDays,
    day_intakes,
    meets_target,
    over_upper,
    summarize,
    target_days,
)
from aijournal.domain.nutrients import NUTRIENT_KEYS

D1, D2, D3 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)


@dataclass(frozen=True)
class Target:
    min: float
    goal: float | None = None
    upper: float | None = None
    upper_counts: Literal["all", "supplements"] = "all"


def record(day: date, source: str, items: int, **values: float | None) -> dict[str, Any]:
    """One per-day, per-source row as store/meals.py's daily_nutrient_sums returns it."""
    row: dict[str, Any] = {"day": day, "source": source, "items": items}
    for key in NUTRIENT_KEYS:
        value = values.get(key)
        row[key] = value
        row[key + "__known"] = 0 if value is None else items
    return row


def test_a_supplements_only_day_has_food_unknown_and_counts_its_supplements() -> None:
    days = day_intakes([record(D1, "supplement", 1, vitamin_d_ug=125.0)])
    day = days[D1]
    assert day.logged and not day.food_logged and day.supplements_logged
    assert day.food_amount("vitamin_d_ug") is None
    assert day.total("vitamin_d_ug") is None
    assert day.known_amount("vitamin_d_ug") == 125.0
    assert over_upper(day, "vitamin_d_ug", Target(20, upper=100))


def test_a_food_with_no_value_leaves_food_unknown_not_zero() -> None:
    day = day_intakes([record(D1, "food", 2, calcium_mg=None)])[D1]
    assert day.food_logged and day.food_amount("calcium_mg") is None
    assert day.unknown_items("calcium_mg") == 2


def test_boundaries_are_exact() -> None:
    day = day_intakes([record(D1, "food", 1, calcium_mg=1200.0)])[D1]
    assert meets_target(day, "calcium_mg", 1200.0)  # reaching the target meets it
    assert not meets_target(day, "calcium_mg", 1200.000001)
    assert not over_upper(day, "calcium_mg", Target(1, upper=1200.0))  # at the limit is not over
    assert over_upper(day, "calcium_mg", Target(1, upper=1199.999999))
    supp = day_intakes(
        [record(D1, "food", 1, magnesium_mg=400.0), record(D1, "supplement", 1, magnesium_mg=350.0)]
    )[D1]
    assert not over_upper(supp, "magnesium_mg", Target(320, upper=350, upper_counts="supplements"))
    assert over_upper(supp, "magnesium_mg", Target(320, upper=349, upper_counts="supplements"))


def test_summary_over_days_by_hand() -> None:
    days = day_intakes(
        [
            record(D1, "food", 1, vitamin_d_ug=4.0),
            record(D1, "supplement", 1, vitamin_d_ug=25.0),
            record(D2, "supplement", 2, vitamin_d_ug=125.0),
            record(D3, "food", 1, vitamin_d_ug=None),
        ]
    )
    s = summarize(days.values(), "vitamin_d_ug", Target(20, upper=100))
    assert (s.days_logged, s.days_with_food) == (3, 1)
    assert s.food_average == 4.0  # D1 only: D2 none logged, D3 no value
    assert s.supplements_average == pytest.approx((25 + 125 + 0) / 3)
    assert s.average == pytest.approx(4 + 50)
    assert s.days_met == 2  # D1 29, D2 125 known; D3 0 known
    assert s.days_over_upper == (D2,)
    assert (s.unknown_items, s.days_incomplete) == (1, 1)
    empty = summarize([], "vitamin_d_ug", Target(20))
    assert (empty.days_logged, empty.average, empty.supplements_average) == (0, None, None)
    only_supp = summarize([days[D2]], "vitamin_d_ug", None)
    assert (only_supp.average, only_supp.supplements_average, only_supp.days_met) == (
        None,
        125.0,
        0,
    )


def test_target_days_counts_the_logged_days_and_those_meeting_the_target() -> None:
    """D1 food 1,199.6 mg (shown 1,200: meets 1,200); D2 supplements 600 mg only (known: 600,
    does not); D3 nothing logged (one item, none counted: skipped). By hand: 2 logged, 1 met;
    no target, none met; the same counts as summarize."""
    days = day_intakes(
        [
            record(D1, "food", 2, calcium_mg=1199.6),
            record(D2, "supplement", 1, calcium_mg=600.0),
            record(D3, "food", 0, calcium_mg=None),
        ]
    )
    assert target_days(days.values(), "calcium_mg", Target(1200)) == TargetDays(2, 1)
    assert target_days(days.values(), "calcium_mg", None) == TargetDays(2, 0)
    summary = summarize(days.values(), "calcium_mg", Target(1200))
    assert (summary.days_logged, summary.days_met) == (2, 1)


def test_days_read_for_some_nutrients_answer_for_those() -> None:
    """Records holding only calcium (as ``aij bone`` reads them): calcium as when every
    nutrient is read; a nutrient not read is known by no item."""
    row = {"day": D1, "source": "food", "items": 2, "calcium_mg": 300.0, "calcium_mg__known": 1}
    day = day_intakes([row], keys=("calcium_mg",))[D1]
    full = day_intakes([record(D1, "food", 2, calcium_mg=300.0)])[D1]
    assert day.food_amount("calcium_mg") == full.food_amount("calcium_mg") == 300.0
    assert day.unknown_items("calcium_mg") == 1
    assert day.food_amount("vitamin_d_ug") is None
