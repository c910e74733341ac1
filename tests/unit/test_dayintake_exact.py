"""A day with intake, exactly: every property of a day on each side of its definition, the
records merged as the query gives them, each boundary, every field of a summary by hand.

The definitions are the module's docstring (#9.7): a day with intake is a day with food OR
supplements; supplements are known on every such day, food only where some food has a value;
what is known of a total is the total, else the supplements alone.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.dayintake import (
    SOURCES,
    DayIntake,
    NutrientSummary,
    SourceSums,
    counted_for_upper,
    day_intakes,
    meets_target,
    over_upper,
    summarize,
)
from aijournal.domain.nutrients import NUTRIENT_KEYS

D1, D2, D3, D4 = (date(2026, 11, d) for d in (2, 3, 4, 5))
CA = "calcium_mg"


@dataclass(frozen=True)
class Target:
    min: float
    goal: float | None = None
    upper: float | None = None
    upper_counts: Literal["all", "supplements"] = "all"


def sums(items: int, **values: float) -> SourceSums:
    """``items`` items; every value given is known on all of them."""
    return SourceSums(items, values, dict.fromkeys(values, items))


def row(
    day: date, source: str, items: int, known: int | None = None, **values: float | None
) -> dict[str, Any]:
    """A row as the query gives it: None for a sum no item had (SQL SUM of nothing)."""
    out: dict[str, Any] = {"day": day, "source": source, "items": items}
    for key in NUTRIENT_KEYS:
        value = values.get(key)
        out[key] = value
        out[key + "__known"] = (items if known is None else known) if value is not None else None
    return out


def test_the_two_sources() -> None:
    assert SOURCES == ("food", "supplement")


# One day


def test_a_day_with_food_and_supplements() -> None:
    day = DayIntake(D1, sums(2, calcium_mg=500.0), sums(1, calcium_mg=600.0))
    assert (day.food_logged, day.supplements_logged, day.logged) == (True, True, True)
    assert (day.food_amount(CA), day.supplement_amount(CA)) == (500.0, 600.0)
    assert (day.total(CA), day.known_amount(CA), day.unknown_items(CA)) == (1100.0, 1100.0, 0)


def test_a_day_with_food_only_has_its_supplements_at_zero() -> None:
    day = DayIntake(D1, sums(1, calcium_mg=250.0), None)
    assert (day.food_logged, day.supplements_logged, day.logged) == (True, False, True)
    assert (day.supplement_amount(CA), day.total(CA), day.known_amount(CA)) == (0.0, 250.0, 250.0)


def test_a_day_with_supplements_only_knows_only_them() -> None:
    day = DayIntake(D1, None, sums(2, calcium_mg=1200.0))
    assert (day.food_logged, day.supplements_logged, day.logged) == (False, True, True)
    assert (day.food_amount(CA), day.total(CA)) == (None, None)
    assert day.known_amount(CA) == 1200.0


def test_sources_with_no_items_are_not_logged() -> None:
    empty = DayIntake(D1, SourceSums(0, {}, {}), SourceSums(0, {}, {}))
    assert (empty.food_logged, empty.supplements_logged, empty.logged) == (False, False, False)
    assert empty.food_amount(CA) is None
    assert DayIntake(D1, None, None).logged is False
    assert DayIntake(D1, None, None).supplement_amount(CA) == 0.0
    assert DayIntake(D1, None, None).unknown_items(CA) == 0
    one = DayIntake(D1, SourceSums(1, {CA: 0.0}, {CA: 1}), SourceSums(1, {}, {}))
    assert (one.food_logged, one.supplements_logged) == (True, True)


def test_food_is_known_when_any_of_its_items_is() -> None:
    day = DayIntake(D1, SourceSums(3, {CA: 300.0}, {CA: 1}), None)
    assert day.food_amount(CA) == 300.0  # a lower bound: two items unknown
    assert day.unknown_items(CA) == 2
    none_known = DayIntake(D1, SourceSums(3, {CA: 0.0}, {CA: 0}), sums(1, calcium_mg=600.0))
    assert none_known.food_amount(CA) is None
    assert (none_known.total(CA), none_known.known_amount(CA)) == (None, 600.0)
    assert none_known.unknown_items(CA) == 3


def test_a_nutrient_a_label_omits_holds_none() -> None:
    day = DayIntake(D1, sums(1, vitamin_d_ug=4.0), SourceSums(1, {CA: 600.0}, {CA: 1}))
    assert day.supplement_amount("vitamin_d_ug") == 0.0
    assert day.total("vitamin_d_ug") == 4.0
    assert day.unknown_items(CA) == 1  # the food item has no calcium value


def test_unknown_items_count_both_sources() -> None:
    day = DayIntake(D1, SourceSums(4, {CA: 1.0}, {CA: 3}), SourceSums(2, {CA: 1.0}, {CA: 1}))
    assert day.unknown_items(CA) == (4 - 3) + (2 - 1)


# Targets and upper limits, each at its boundary


def test_a_target_is_met_by_what_is_known_at_exactly_the_minimum() -> None:
    both = DayIntake(D1, sums(1, calcium_mg=700.0), sums(1, calcium_mg=500.0))
    assert meets_target(both, CA, 1200.0) and not meets_target(both, CA, 1200.5)
    supplements = DayIntake(D1, None, sums(1, calcium_mg=1200.0))
    assert meets_target(supplements, CA, 1200.0)  # the supplements alone reach it
    assert not meets_target(supplements, CA, 1201.0)


def test_a_day_without_intake_meets_nothing_not_even_a_zero_target() -> None:
    assert not meets_target(DayIntake(D1, None, None), CA, 0.0)
    assert meets_target(DayIntake(D1, sums(1, calcium_mg=0.0), None), CA, 0.0)


def test_counted_for_upper_by_what_the_limit_counts() -> None:
    day = DayIntake(D1, sums(1, magnesium_mg=400.0), sums(1, magnesium_mg=250.0))
    assert counted_for_upper(day, "magnesium_mg", "supplements") == 250.0
    assert counted_for_upper(day, "magnesium_mg", "all") == 650.0
    no_food = DayIntake(D1, None, sums(1, magnesium_mg=250.0))
    assert counted_for_upper(no_food, "magnesium_mg", "all") == 250.0


def test_an_upper_limit_is_passed_only_above_it() -> None:
    day = DayIntake(D1, sums(1, vitamin_d_ug=25.0), sums(1, vitamin_d_ug=75.0))
    assert not over_upper(day, "vitamin_d_ug", Target(20, upper=100.0))  # 100 is not over 100
    assert over_upper(day, "vitamin_d_ug", Target(20, upper=99.5))
    assert not over_upper(day, "vitamin_d_ug", Target(20))  # no limit set
    assert not over_upper(day, "vitamin_d_ug", Target(20, upper=75.0, upper_counts="supplements"))
    assert over_upper(day, "vitamin_d_ug", Target(20, upper=74.0, upper_counts="supplements"))


# Records as the query gives them


def test_records_become_days_in_date_order_with_every_key() -> None:
    days = day_intakes(
        [
            row(D3, "food", 2, calcium_mg=300.0, vitamin_d_ug=None),
            row(D1, "supplement", 1, calcium_mg=600.0, vitamin_d_ug=10.0),
            row(D1, "food", 3, known=2, calcium_mg=450.0, vitamin_d_ug=1.5),
        ]
    )
    assert list(days) == [D1, D3]
    d1 = days[D1]
    assert d1.day == D1
    assert d1.food == SourceSums(
        3,
        {k: {CA: 450.0, "vitamin_d_ug": 1.5}.get(k, 0.0) for k in NUTRIENT_KEYS},
        {k: {CA: 2, "vitamin_d_ug": 2}.get(k, 0) for k in NUTRIENT_KEYS},
    )
    assert d1.supplements == SourceSums(
        1,
        {k: {CA: 600.0, "vitamin_d_ug": 10.0}.get(k, 0.0) for k in NUTRIENT_KEYS},
        {k: {CA: 1, "vitamin_d_ug": 1}.get(k, 0) for k in NUTRIENT_KEYS},
    )
    d3 = days[D3]
    assert d3.supplements is None
    assert d3.food_amount("vitamin_d_ug") is None  # a SUM of nothing is unknown, not zero
    assert d3.food_amount(CA) == 300.0
    assert d3.unknown_items("vitamin_d_ug") == 2


def test_a_record_with_no_items_is_no_day() -> None:
    days = day_intakes(
        [row(D1, "food", 0), row(D2, "supplement", 0), row(D3, "food", 1, calcium_mg=5.0)]
    )
    assert list(days) == [D3]
    assert day_intakes([]) == {}


def test_any_source_but_supplement_is_food() -> None:
    day = day_intakes([row(D1, "meal", 1, calcium_mg=5.0)])[D1]
    assert day.food_logged and day.supplements is None


def test_two_records_of_one_day_and_source_add_up() -> None:
    days = day_intakes(
        [
            row(D1, "supplement", 1, calcium_mg=600.0, vitamin_d_ug=10.0),
            row(D1, "supplement", 2, known=1, calcium_mg=500.0, vitamin_d_ug=None),
            row(D1, "food", 1, calcium_mg=100.0),
        ]
    )
    supplements = days[D1].supplements
    assert supplements is not None
    assert supplements.items == 3
    assert (supplements.sums[CA], supplements.known[CA]) == (1100.0, 2)
    assert (supplements.sums["vitamin_d_ug"], supplements.known["vitamin_d_ug"]) == (10.0, 1)
    assert days[D1].food == SourceSums(
        1,
        {k: 100.0 if k == CA else 0.0 for k in NUTRIENT_KEYS},
        {k: 1 if k == CA else 0 for k in NUTRIENT_KEYS},
    )


# A run of days


def test_every_field_of_a_summary_by_hand() -> None:
    days = day_intakes(
        [
            row(D1, "food", 2, calcium_mg=700.0),  # 700 + 500 = 1200: meets 1200 exactly
            row(D1, "supplement", 1, calcium_mg=500.0),
            row(D2, "supplement", 1, calcium_mg=2100.0),  # food unknown; 2100 over 2000
            row(D3, "food", 3, known=1, calcium_mg=300.0),  # two items without a value
            row(D4, "food", 1, calcium_mg=None),  # food logged, no value at all
        ]
    )
    summary = summarize(days.values(), CA, Target(1200, upper=2000.0))
    assert summary == NutrientSummary(
        key=CA,
        days_logged=4,
        days_with_food=2,  # D1 and D3
        days_met=2,  # D1 (1200) and D2 (2100 from supplements alone)
        days_over_upper=(D2,),
        food_average=500.0,  # (700 + 300) / 2
        supplements_average=650.0,  # (500 + 2100 + 0 + 0) / 4
        average=1150.0,  # 500 + 650
        unknown_items=3,  # two on D3, one on D4
        days_incomplete=2,  # D3 and D4
    )


def test_days_without_intake_are_skipped_never_zero() -> None:
    logged = DayIntake(D1, sums(1, calcium_mg=800.0), sums(1, calcium_mg=400.0))
    nothing = DayIntake(D2, SourceSums(0, {}, {}), None)
    summary = summarize([logged, nothing, DayIntake(D3, None, None)], CA, Target(1200))
    assert (summary.days_logged, summary.days_with_food, summary.days_met) == (1, 1, 1)
    assert (summary.food_average, summary.supplements_average, summary.average) == (
        800.0,
        400.0,
        1200.0,
    )
    assert (summary.unknown_items, summary.days_incomplete) == (0, 0)


def test_a_summary_without_a_target_meets_and_passes_nothing() -> None:
    day = DayIntake(D1, sums(1, calcium_mg=5000.0), sums(1, calcium_mg=5000.0))
    summary = summarize([day], CA, None)
    assert (summary.days_met, summary.days_over_upper, summary.average) == (0, (), 10000.0)


def test_a_summary_of_no_days() -> None:
    assert summarize([], CA, Target(1200, upper=2000.0)) == NutrientSummary(
        CA, 0, 0, 0, (), None, None, None, 0, 0
    )


def test_a_summary_of_supplement_days_only_has_no_average() -> None:
    days = [DayIntake(D1, None, sums(1, calcium_mg=600.0)), DayIntake(D2, None, sums(1))]
    summary = summarize(days, CA, Target(500, upper=550.0))
    assert (summary.food_average, summary.supplements_average, summary.average) == (
        None,
        300.0,
        None,
    )
    assert (summary.days_met, summary.days_over_upper) == (1, (D1,))


def test_a_summary_reads_its_days_once() -> None:
    # an iterator of days, as a generator gives them, is summarised as a list would be
    days = [DayIntake(D1, sums(1, calcium_mg=100.0), None), DayIntake(D2, None, None)]
    assert summarize(iter(days), CA, Target(50)) == summarize(days, CA, Target(50))


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(0, 3000)),  # food: None = not logged
            st.one_of(st.none(), st.integers(0, 3000)),  # supplements: None = not logged
        ),
        max_size=7,
    )
)
def test_the_average_is_the_mean_of_the_totals_when_every_day_has_food(
    amounts: list[tuple[int | None, int | None]],
) -> None:
    days = [
        DayIntake(
            date(2026, 11, 1 + i),
            None if food is None else sums(1, calcium_mg=float(food)),
            None if supp is None else sums(1, calcium_mg=float(supp)),
        )
        for i, (food, supp) in enumerate(amounts)
    ]
    summary = summarize(days, CA, Target(1000))
    logged = [(f, s) for f, s in amounts if f is not None or s is not None]
    assert summary.days_logged == len(logged)
    assert summary.days_met == sum((f or 0) + (s or 0) >= 1000 for f, s in logged)
    if logged and all(f is not None for f, _ in logged):
        totals = [(f or 0) + (s or 0) for f, s in logged]
        assert summary.average == pytest.approx(sum(totals) / len(totals))
