"""Amounts to grams with every field of the answer checked, and the counting rule at its edges.

Made-up foods (plain objects with an id, a count unit and measures, as domain/meals.py asks for)
test the rules with round numbers; shipped foods are checked against SR28's WEIGHT.txt rows,
quoted in the comments. Unit sizes: 1 cup = 236.588 ml, 1 fl oz = 29.574 ml (US customary),
1 oz = 28.3495 g, 1 lb = 453.592 g; a glass is 240 ml (FDA, 21 CFR 101.12(b), Table 2).
"""

from dataclasses import dataclass

import pytest

from aijournal.catalog.foods import FoodCatalog
from aijournal.domain import meals
from aijournal.domain.meals import (
    Weighed,
    count_measure,
    measures_text,
    parse_items,
    parse_quantity,
    plausible_limit,
    units_for,
    weigh,
)
from aijournal.domain.plausible import DRINK, SOLID_FOOD
from aijournal.errors import BadInput
from tests.helpers import food, supplement


@dataclass(frozen=True)
class M:
    unit: str
    grams: float


@dataclass(frozen=True)
class F:
    id: str
    measures: tuple[M, ...]
    count_unit: str | None = None


@dataclass(frozen=True)
class S:
    id: str
    unit: str


# Module-level constants, pinned to their sources


def test_unit_sizes_are_the_us_customary_and_fda_definitions() -> None:
    # 1 lb = 453.59237 g and 1 oz = 1/16 lb (1959 agreement), kept to 3 and 4 decimals.
    assert {
        "g": 1.0,
        "kg": 1000.0,
        "oz": round(453.59237 / 16, 4),
        "lb": round(453.59237, 3),
    } == meals.WEIGHT_GRAMS
    # US gallon = 231 cubic inches of 16.387064 ml; quart 1/4, pint 1/8, cup 1/16, fl oz 1/128,
    # tbsp 1/256, tsp 1/768 of it; kept to 3 decimals.
    gallon = 231 * 16.387064
    assert {
        "ml": 1.0,
        "l": 1000.0,
        "tsp": round(gallon / 768, 3),
        "tbsp": round(gallon / 256, 3),
        "fl-oz": round(gallon / 128, 3),
        "cup": round(gallon / 16, 3),
        "pint": round(gallon / 8, 3),
        "quart": round(gallon / 4, 3),
        "glass": 240.0,
    } == meals.VOLUME_ML
    assert meals.GLASS_ML == 240.0
    assert meals.GLASS_SOURCE == "240 ml, the FDA reference amount for beverages (21 CFR 101.12(b))"


def test_the_limits_of_one_item() -> None:
    assert meals.MAX_ITEM_GRAMS == 5000.0  # "no one item of a meal is 5 kg"
    assert meals.MAX_SUPPLEMENT_UNITS == 50.0
    assert meals.MAX_COUNT_GRAMS == 350.0
    # SR28's 3 oz row is 85 g (3 x 28.3495 = 85.05): WEIGHT ~15237~^1^3^~oz~^85.
    assert meals.PORTION == "portion"


# What a bare count counts


def test_the_declared_count_unit_comes_first() -> None:
    egg = F("egg", (M("large", 50), M("medium", 44), M("yolk", 17)), count_unit="yolk")
    assert count_measure(egg) == M("yolk", 17)


def test_a_pat_or_packet_before_any_other_item() -> None:
    spread = F("spread", (M("slice", 30), M("pat", 5)))
    assert count_measure(spread) == M("pat", 5)
    sugar = F("sugar", (M("slice", 30), M("packet", 4)))
    assert count_measure(sugar) == M("packet", 4)


def test_then_the_3_oz_portion_then_the_medium_size() -> None:
    fish = F("fish", (M("piece", 40), M("medium", 150), M("portion", 85)))
    assert count_measure(fish) == M("portion", 85)
    apple = F("apple", (M("large", 223), M("medium", 182), M("small", 149)))
    assert count_measure(apple) == M("medium", 182)


def test_then_the_first_single_item_never_a_volume_or_a_whole_dish() -> None:
    nuts = F("nuts", (M("cup", 117), M("can", 300), M("head", 200), M("nut", 4), M("half", 2)))
    assert count_measure(nuts) == M("nut", 4)
    assert count_measure(F("milk", (M("cup", 244), M("fl-oz", 30.5)))) is None
    assert count_measure(F("none", ())) is None


def test_a_measure_of_350_g_still_counts_and_a_heavier_one_never() -> None:
    assert count_measure(F("melon", (M("wedge", 350),))) == M("wedge", 350)
    assert count_measure(F("melon", (M("wedge", 350.1),))) is None
    # A heavy declared count unit gives way to the next candidate.
    side = F("side", (M("fillet", 356), M("portion", 85)), count_unit="fillet")
    assert count_measure(side) == M("portion", 85)


# weigh: every field of the answer


def test_a_bare_count_of_one() -> None:
    apple = F("apple", (M("cup", 125), M("medium", 182)))
    assert weigh(apple, None, None) == Weighed(grams=182.0, amount=1.0, unit="medium", note="")
    assert weigh(apple, 2, None) == Weighed(grams=364.0, amount=2, unit="medium", note="")


def test_a_count_of_portions_says_what_a_portion_is_from_more_than_one() -> None:
    fish = F("fish", (M("portion", 85),))
    assert weigh(fish, 1, None) == Weighed(85.0, 1, "portion", "")
    assert weigh(fish, None, None) == Weighed(85.0, 1.0, "portion", "")
    assert weigh(fish, 1.5, None) == Weighed(127.5, 1.5, "portion", "a portion is SR28's 3 oz")
    assert weigh(fish, 2, None) == Weighed(170.0, 2, "portion", "a portion is SR28's 3 oz")
    assert weigh(fish, 2, None).shown == "2 portions; a portion is SR28's 3 oz"
    # Typed with its unit, a portion needs no note.
    assert weigh(fish, 2, "portion") == Weighed(170.0, 2, "portion", "")


def test_a_unit_without_an_amount_is_one() -> None:
    assert weigh(F("toast", (M("slice", 30),)), None, "slice") == Weighed(30.0, 1.0, "slice")
    assert weigh(F("toast", (M("slice", 30),)), None, "g") == Weighed(1.0, 1.0, "g")


def test_by_weight() -> None:
    toast = F("toast", (M("slice", 30),))
    found = weigh(toast, 2, "oz")
    assert found == Weighed(grams=2 * 28.3495, amount=2, unit="oz", note="")
    assert found.by_weight
    assert found.shown == "2 oz"
    assert not weigh(toast, 2, "slice").by_weight


def test_a_cut_heavier_than_200_g_is_a_portion() -> None:
    side = F("fish", (M("fillet", 356), M("portion", 85)))
    assert weigh(side, 2, "fillet") == Weighed(
        170.0, 2, "fillet", "SR28's fillet is 356 g, so one fillet is taken as a 3 oz portion"
    )
    # A steak of exactly 200 g is still a steak; one of 200.5 g is a side, so a portion.
    steak = F("beef", (M("steak", 200), M("portion", 85)))
    assert weigh(steak, 1, "steak") == Weighed(200.0, 1, "steak", "")
    big = F("beef", (M("steak", 200.5), M("portion", 85)))
    assert weigh(big, 1, "steak").grams == 85.0
    # Without a portion row the fillet is what SR28 says.
    assert weigh(F("fish", (M("fillet", 356),)), 1, "fillet") == Weighed(356.0, 1, "fillet")


def test_a_cut_the_food_does_not_have_is_refused_not_guessed() -> None:
    fish = F("fish", (M("portion", 85),))
    with pytest.raises(BadInput) as caught:
        weigh(fish, 1, "fillet")
    assert str(caught.value) == (
        "fish has no 'fillet' measure; it has: portion (85 g) (or give a weight: g, oz)"
    )


def test_a_volume_through_the_first_volume_measure() -> None:
    soup = F("soup", (M("bowl", 400), M("cup", 240), M("tbsp", 16)))
    # 2 tbsp = 2 x 14.787 ml / 236.588 ml a cup x 240 g; the food's own tbsp row comes first.
    assert weigh(soup, 2, "tbsp") == Weighed(32.0, 2, "tbsp")
    found = weigh(soup, 500, "ml")
    assert found.grams == pytest.approx(500 / 236.588 * 240)
    assert (found.amount, found.unit, found.note) == (500, "ml", "")


def test_a_glass_is_240_ml_unless_sr28_has_a_glass() -> None:
    juice = F("juice", (M("cup", 249), M("fl-oz", 31.1)))
    found = weigh(juice, 1, "glass")
    assert found.grams == pytest.approx(240 / 236.588 * 249)
    assert (found.amount, found.unit) == (1, "glass")
    assert found.note == (
        "a glass is 240 ml, the FDA reference amount for beverages (21 CFR 101.12(b))"
    )
    assert found.shown == (
        "1 glass; a glass is 240 ml, the FDA reference amount for beverages (21 CFR 101.12(b))"
    )
    own = F("wine", (M("glass", 150), M("cup", 240)))
    assert weigh(own, 2, "glass") == Weighed(300.0, 2, "glass", "")
    assert weigh(own, 2, "glass").shown == "2 glasses"


def test_a_volume_of_a_food_without_one_names_its_measures() -> None:
    with pytest.raises(BadInput) as caught:
        weigh(F("seeds", (M("oz", 28.35),)), 1, "tbsp")
    assert str(caught.value) == (
        "seeds has no volume measure to convert 'tbsp'; it has: oz (28.4 g)"
        " (or give a weight: g, oz)"
    )


def test_5_kg_exactly_is_one_item_and_more_is_refused() -> None:
    rice = F("rice", (M("cup", 200),))
    assert weigh(rice, 25, "cup").grams == 5000.0
    with pytest.raises(BadInput) as caught:
        weigh(rice, 25.5, "cup")
    assert str(caught.value) == "25.5 cups of rice is 5,100 g; one item may be at most 5,000 g"


def test_the_amount_must_be_more_than_zero() -> None:
    with pytest.raises(BadInput) as caught:
        weigh(F("rice", (M("cup", 200),)), -0.5, "cup")
    assert str(caught.value) == "rice: the amount must be more than 0 (got -0.5)"


# How an amount reads


@pytest.mark.parametrize(
    ("amount", "unit", "shown"),
    [
        (2, "slice", "2 slices"),
        (1, "slice", "1 slice"),
        (1.5, "slice", "1.5 slices"),
        (0.5, "cup", "0.5 cups"),
        (2, "leaf", "2 leaves"),
        (3, "patty", "3 patties"),
        (2, "half", "2 halves"),
        (10, "berry", "10 berries"),
        (2, "bunch", "2 bunches"),
        (2, "dish", "2 dishes"),
        (2, "glass", "2 glasses"),
        (250, "ml", "250 ml"),
        (2, "l", "2 l"),
        (3, "tbsp", "3 tbsp"),
        (2, "tsp", "2 tsp"),
        (8, "fl-oz", "8 fl-oz"),
        (2, "kg", "2 kg"),
        (150, "g", "150 g"),
    ],
)
def test_amounts_read_in_english(amount: float, unit: str, shown: str) -> None:
    assert Weighed(1.0, amount, unit).shown == shown


def test_a_bare_count_reads_as_a_number() -> None:
    assert Weighed(1.0, 2, None).shown == "2"


def test_measures_as_a_user_reads_them() -> None:
    # Three significant figures: 28.35 g is 28.4 g, 113.4 g is 113 g.
    food = F("x", (M("nut", 4), M("oz", 28.35), M("stick", 113.4)))
    assert measures_text(food) == "nut (4 g), oz (28.4 g), stick (113 g)"
    assert measures_text(F("x", ())) == "no household measures"


# Shipped foods against SR28's WEIGHT.txt


def test_milk_by_the_glass(catalog: FoodCatalog) -> None:
    # ~01077~^1^1^~cup~^244: 240 ml / 236.588 ml x 244 g = 247.519 g.
    found = weigh(food(catalog, "milk-whole"), 1, "glass")
    assert found.grams == pytest.approx(240 / 236.588 * 244)
    assert found.unit == "glass"


def test_butter_by_the_pat(catalog: FoodCatalog) -> None:
    # ~01001~^1^1^~pat (1" sq, 1/3" high)~^5.0; the stick (113 g) is not one item.
    assert weigh(food(catalog, "butter"), 2, None) == Weighed(10.0, 2, "pat")


def test_an_apple_is_a_medium_apple(catalog: FoodCatalog) -> None:
    # ~09003~^4^1^~medium (3" dia)~^182.
    assert weigh(food(catalog, "apple"), None, None) == Weighed(182.0, 1.0, "medium")


def test_drinks_may_weigh_more(catalog: FoodCatalog) -> None:
    # Orange juice has SR28's "fl oz" row (~09209~^2^1^~fl oz~^31.1); salmon has none.
    assert plausible_limit(food(catalog, "orange-juice")) == DRINK
    assert plausible_limit(food(catalog, "salmon")) == SOLID_FOOD


# Supplements


def test_supplement_units_up_to_50() -> None:
    tablet = S("calcium", "tablet")
    assert units_for(tablet, 50, None) == 50
    assert units_for(tablet, None, None) == 1.0
    assert units_for(tablet, None, "tablet") == 1.0
    assert units_for(tablet, 0.5, "tablet") == 0.5
    with pytest.raises(BadInput) as caught:
        units_for(tablet, 50.5, None)
    assert str(caught.value) == "50.5 tablets of calcium is more than 50; check the amount"
    with pytest.raises(BadInput) as caught:
        units_for(tablet, 1, "capsule")
    assert (
        str(caught.value) == "calcium is counted in tablets, not 'capsule'; write e.g. '1 calcium'"
    )
    with pytest.raises(BadInput) as caught:
        units_for(tablet, -1, None)
    assert str(caught.value) == "calcium: the amount must be more than 0 (got -1)"


def test_a_shipped_supplement(catalog: FoodCatalog) -> None:
    calcium = supplement(catalog, "calcium-carbonate-600")
    assert calcium.unit == "tablet"
    assert units_for(calcium, 2, "tablet") == 2


# Parsing: the refusals in full


def test_a_refused_part_of_a_with_item_is_named_alone() -> None:
    with pytest.raises(BadInput) as caught:
        parse_items("0 eggs with toast")
    assert str(caught.value) == "item '0 eggs': the amount must be more than 0"


@pytest.mark.parametrize("text", ["abc", "1/2/3", "1.2.3", "", "- 2"])
def test_a_quantity_that_is_not_a_number(text: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_quantity(text)
    assert str(caught.value) == f"'{text}' is not an amount; write e.g. 2, 0.5, 1/2 or 1 1/2"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-1 1/2", -1.5),
        ("-3/4", -0.75),
        (" 2 ", 2.0),
        ("1½", 1.5),
        ("¾", 0.75),
        ("Half A", 0.5),
        ("a quarter of a", 0.25),
        ("2  1/4", 2.25),
    ],
)
def test_quantities_worked_by_hand(text: str, value: float) -> None:
    assert parse_quantity(text) == value


def test_an_unknown_unit_lists_the_known_ones() -> None:
    with pytest.raises(BadInput) as caught:
        parse_items("tea 1 mug")
    assert str(caught.value) == (
        "item 'tea 1 mug': 'mug' is not a unit; use g, kg, oz, lb, ml, l, cup, tbsp, tsp, glass,"
        " slice, piece, portion ... or a plain count"
    )


@pytest.mark.parametrize("text", ["150G", "2CUPS", "1/2 Cup", "3"])
def test_an_amount_alone_in_any_case_has_no_food_name(text: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_items(text)
    assert str(caught.value) == f"item '{text}' has no food name"
