"""Meal items: parsing what people type, and amounts to grams through SR28 measures."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.foods import FoodCatalog
from aijournal.domain.meals import (
    MealItem,
    grams_for,
    parse_items,
    parse_quantity,
    units_for,
    weigh,
)
from aijournal.domain.nutrients import item_nutrients
from aijournal.errors import BadInput, NotFound
from tests.helpers import food, supplement


def test_parse_the_example_list() -> None:
    text = (
        "salmon 150g, kale 1 cup, walnuts 30g, olive oil 1 tbsp, 2 eggs, 1/2 cup blueberries,"
        " milk 250ml, oats 0.5 cup"
    )
    assert [(i.name, i.amount, i.unit) for i in parse_items(text)] == [
        ("salmon", 150.0, "g"),
        ("kale", 1.0, "cup"),
        ("walnuts", 30.0, "g"),
        ("olive oil", 1.0, "tbsp"),
        ("eggs", 2.0, None),
        ("blueberries", 0.5, "cup"),
        ("milk", 250.0, "ml"),
        ("oats", 0.5, "cup"),
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 1/2 cups milk", ("milk", 1.5, "cup")),
        ("milk 1 1/2 cups", ("milk", 1.5, "cup")),
        ("½ cup oats", ("oats", 0.5, "cup")),
        ("1½ cups oats", ("oats", 1.5, "cup")),
        (".5 kg salmon", ("salmon", 0.5, "kg")),
        ("salmon 3 oz", ("salmon", 3.0, "oz")),
        ("steak 1 lb", ("steak", 1.0, "lb")),
        ("2 lbs potatoes", ("potatoes", 2.0, "lb")),
        ("water 1 l", ("water", 1.0, "l")),
        ("1 litre water", ("water", 1.0, "l")),
        ("2 slices whole wheat bread", ("whole wheat bread", 2.0, "slice")),
        ("3 tablespoons olive oil", ("olive oil", 3.0, "tbsp")),
        ("1 teaspoon turmeric", ("turmeric", 1.0, "tsp")),
        ("8 fl oz orange juice", ("orange juice", 8.0, "fl-oz")),
        ("2 large eggs", ("eggs", 2.0, "large")),
        ("a cup of milk", ("milk", 1.0, "cup")),
        ("an apple", ("apple", 1.0, None)),
        ("Salmon 150 Grams", ("Salmon", 150.0, "g")),
        ("calcium-carbonate-600 2", ("calcium-carbonate-600", 2.0, None)),
        ("fish oil 2 softgels", ("fish oil", 2.0, "softgel")),
        ("7up 330ml", ("7up", 330.0, "ml")),
        ("al dente pasta 100g", ("al dente pasta", 100.0, "g")),
        ("2 grapes", ("grapes", 2.0, None)),
        # The everyday forms of issue #10 item 7.
        ("salmon fillet", ("salmon", 1.0, "fillet")),
        ("cup of tea", ("tea", 1.0, "cup")),
        ("half a cup of rice", ("rice", 0.5, "cup")),
        ("a glass of milk", ("milk", 1.0, "glass")),
        ("2 glasses of milk", ("milk", 2.0, "glass")),
        ("pizza 2 slices", ("pizza", 2.0, "slice")),
        ("2 slices of toast", ("toast", 2.0, "slice")),
        ("fish-oil-1000 x2", ("fish-oil-1000", 2.0, None)),
        ("eggs 2x", ("eggs", 2.0, None)),
        ("half an avocado", ("avocado", 0.5, None)),
        ("medium apple", ("apple", 1.0, "medium")),
        ("three eggs", ("eggs", 3.0, None)),
        ("kale cup", ("kale", 1.0, "cup")),
        ("bananna", ("bananna", None, None)),
        ("vitamin d", ("vitamin d", None, None)),
    ],
)
def test_parse_one_item(typed: str, expected: tuple[str, float | None, str | None]) -> None:
    (item,) = parse_items(typed)
    assert (item.name, item.amount, item.unit) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "no meal items given"),
        ("   ", "no meal items given"),
        ("salmon 150g,, kale 1 cup", "item 2 of the list is empty"),
        ("salmon 150g,", "item 2 of the list is empty"),
        ("150g", "item '150g' has no food name"),
        ("2 cups", "item '2 cups' has no food name"),
        ("150 g 2", "item '150 g 2' has no food name"),
        ("tea 1 mug", "item 'tea 1 mug': 'mug' is not a unit"),
        ("0 eggs", "item '0 eggs': the amount must be more than 0"),
        ("-2 eggs", "item '-2 eggs': the amount must be more than 0"),
        ("salmon -150g", "item 'salmon -150g': the amount must be more than 0"),
        ("1/0 cup milk", "'1/0' divides by zero"),
    ],
)
def test_malformed_items_are_refused_naming_the_item(typed: str, message: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_items(typed)
    assert str(caught.value).startswith(message)


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3))
def test_any_positive_decimal_round_trips(amount: Decimal) -> None:
    text = str(amount)
    assert parse_items(f"salmon {text}g") == [
        MealItem(f"salmon {text}g", "salmon", float(text), "g")
    ]
    assert parse_items(f"{text} cup milk")[0].amount == float(text)


@given(st.integers(0, 20), st.integers(1, 15), st.integers(1, 16))
def test_fractions_and_mixed_numbers(whole: int, top: int, bottom: int) -> None:
    typed = f"{whole} {top}/{bottom}" if whole else f"{top}/{bottom}"
    assert parse_quantity(typed) == pytest.approx(whole + top / bottom)
    assert parse_items(f"oats {typed} cup")[0].amount == pytest.approx(whole + top / bottom)


def test_grams_for_the_example_list(catalog: FoodCatalog) -> None:
    items = parse_items(
        "salmon 150g, kale 1 cup, walnuts 30g, olive oil 1 tbsp, 2 eggs, 1/2 cup blueberries,"
        " milk 250ml, oats 0.5 cup"
    )
    grams = {i.name: grams_for(food(catalog, i.name), i.amount, i.unit) for i in items}
    assert grams == pytest.approx(
        {
            "salmon": 150.0,
            "kale": 16.0,  # WEIGHT ~11233~^1^1^~cup 1" pieces, loosely packed~^16
            "walnuts": 30.0,
            "olive oil": 13.5,  # WEIGHT ~04053~^1^1^~tablespoon~^13.5
            "eggs": 100.0,  # count_unit large; WEIGHT ~01123~^1^1^~large~^50
            "blueberries": 74.0,  # WEIGHT ~09050~^1^1^~cup~^148
            "milk": 257.8321808,  # 250 ml / 236.588 ml a cup x 244 g (~01077~^1^1^~cup~^244)
            "oats": 78.0,  # WEIGHT ~20038~^1^1^~cup~^156
        }
    )


def test_100_g_of_sardines_hold_382_mg_of_calcium(catalog: FoodCatalog) -> None:
    # NUT_DATA ~15088~^~301~^382: 382 mg calcium per 100 g of sardines canned in oil, with bones.
    (item,) = parse_items("sardines-canned-oil 100 g")
    sardines = food(catalog, item.name)
    grams = grams_for(sardines, item.amount, item.unit)
    assert grams == 100.0
    assert item_nutrients(sardines, grams)["calcium_mg"] == 382.0


def test_weights_convert_in_code(catalog: FoodCatalog) -> None:
    salmon = food(catalog, "salmon")
    assert grams_for(salmon, 3, "oz") == pytest.approx(85.0485)  # 3 x 28.3495
    assert grams_for(salmon, 1, "lb") == pytest.approx(453.592)
    assert grams_for(salmon, 0.2, "kg") == pytest.approx(200.0)


def test_a_salmon_fillet_or_count_is_a_3_oz_portion_not_half_a_fish(catalog: FoodCatalog) -> None:
    # WEIGHT ~15237~^2^.5^~fillet~^178: SR28's fillet is 2 x 178 = 356 g, half a fish;
    # ~15237~^1^3^~oz~^85: the 3 oz portion is 85 g.
    salmon = food(catalog, "salmon-farmed-cooked")
    assert grams_for(salmon, 1, None) == 85.0
    assert grams_for(salmon, 2, None) == 170.0
    weighed = weigh(salmon, 1, "fillet")
    assert weighed.grams == 85.0
    assert "356 g" in weighed.note and "3 oz portion" in weighed.note
    assert grams_for(salmon, 3, "oz") == pytest.approx(3 * 28.3495)


def test_volumes_go_through_the_first_volume_measure(catalog: FoodCatalog) -> None:
    water = food(catalog, "water")
    # WEIGHT ~14411~^3^1^~liter~^1000 is a measure of its own; ml uses the first volume row,
    # ~14411~^1^1^~fl oz~^29.6: 500 ml / 29.574 ml x 29.6 g = 500.44 g.
    assert grams_for(water, 1, "l") == 1000.0
    assert grams_for(water, 500, "ml") == pytest.approx(500 / 29.574 * 29.6)
    # Oats have only a cup row (156 g): 1 tbsp = 14.787 / 236.588 cup = 9.75 g.
    assert grams_for(food(catalog, "oats"), 1, "tbsp") == pytest.approx(9.750164843525454)


def test_a_bare_count_of_a_food_without_single_items_is_refused_with_its_measures(
    catalog: FoodCatalog,
) -> None:
    # Issue #9: "milk 2" was 2 cups (the first SR28 row); a cup is a volume, not an item.
    with pytest.raises(BadInput) as caught:
        grams_for(food(catalog, "milk-whole"), 2, None)
    assert str(caught.value) == (
        "milk-whole: '2' of what? it has no single item to count; give a weight (100g, 3 oz)"
        " or one of its measures: cup (244 g), fl-oz (30.5 g), tbsp (15 g), quart (976 g)"
    )
    with pytest.raises(BadInput) as caught:
        grams_for(food(catalog, "coffee"), None, None)  # "coffee with milk": how much coffee?
    assert str(caught.value) == (
        "coffee-brewed: how much? it has no single item to count; give a weight (100g, 3 oz)"
        " or one of its measures: fl-oz (29.6 g), cup (237 g)"
    )


def test_walnuts_7_are_seven_nuts_not_seven_cups(catalog: FoodCatalog) -> None:
    # Issue #9: "walnuts 7" saved 819 g (7 cups of 117 g). WEIGHT ~12155~^3^1^~cup, in shell,
    # edible yield (7 nuts)~^28: one nut is 28 / 7 = 4 g of kernel.
    assert grams_for(food(catalog, "walnuts"), 7, None) == pytest.approx(28.0)
    # ~12155~^4^1^~cup shelled (50 halves)~^100: a half is 2 g.
    assert grams_for(food(catalog, "walnuts"), 6, "half") == pytest.approx(12.0)
    # ~12061~^5^1^~oz (23 whole kernels)~^28.35 (almonds): 10 kernels = 283.5 / 23 g.
    assert grams_for(food(catalog, "almonds"), 10, "kernel") == pytest.approx(283.5 / 23)


def test_sardines_by_count_are_fish_and_by_can_are_cans(catalog: FoodCatalog) -> None:
    sardines = food(catalog, "sardines")
    assert grams_for(sardines, 2, None) == 24.0  # WEIGHT ~15088~^6^2^~sardines~^24
    assert grams_for(sardines, 1, "can") == 92.0  # WEIGHT ~15088~^4^1^~can (3.75 oz)~^92


def test_unknown_food_is_refused(catalog: FoodCatalog) -> None:
    (item,) = parse_items("zzkale 1 cup")
    with pytest.raises(NotFound, match=r"^unknown food 'zzkale'"):
        catalog.resolve(item.name)


def test_a_unit_the_food_lacks_names_the_measures_it_has(catalog: FoodCatalog) -> None:
    with pytest.raises(BadInput) as caught:
        grams_for(food(catalog, "kale-raw"), 1, "slice")
    assert str(caught.value) == (
        "kale-raw has no 'slice' measure; it has: cup (16 g) (or give a weight: g, oz)"
    )
    with pytest.raises(BadInput, match=r"^chia-seeds has no volume measure to convert 'tbsp'"):
        grams_for(food(catalog, "chia-seeds"), 1, "tbsp")
    no_measures = r"^kefir-plain-lowfat: '1' of what\? .*: no household measures$"
    with pytest.raises(BadInput, match=no_measures):
        grams_for(food(catalog, "kefir"), 1, None)


@pytest.mark.parametrize("amount", [0.0, -1.0])
def test_zero_or_negative_is_refused(catalog: FoodCatalog, amount: float) -> None:
    with pytest.raises(BadInput, match="the amount must be more than 0"):
        grams_for(food(catalog, "salmon"), amount, "g")


def test_more_than_5_kg_in_one_item_is_refused(catalog: FoodCatalog) -> None:
    salmon = food(catalog, "salmon")
    assert grams_for(salmon, 5, "kg") == 5000.0
    with pytest.raises(BadInput, match=r"^5.1 kg of salmon-farmed-cooked is 5,100 g; one item"):
        grams_for(salmon, 5.1, "kg")
    with pytest.raises(BadInput, match="at most 5,000 g"):
        grams_for(food(catalog, "milk"), 6, "l")  # 6000 / 236.588 x 244 g = 6,188 g


def test_supplements_are_counted_in_their_own_unit(catalog: FoodCatalog) -> None:
    calcium = supplement(catalog, "calcium-carbonate-600")
    assert units_for(calcium, 2, None) == 2
    assert units_for(calcium, 2, "tablet") == 2
    with pytest.raises(BadInput, match=r"^calcium-carbonate-600 is counted in tablets, not 'g'"):
        units_for(calcium, 600, "g")
    with pytest.raises(BadInput, match="more than 0"):
        units_for(calcium, 0, None)
    with pytest.raises(BadInput, match="more than 50"):
        units_for(calcium, 51, None)


def test_size_words_are_not_pluralised() -> None:
    from aijournal.domain.meals import _describe

    assert _describe(2, "large") == "2 large"
    assert _describe(2, "medium") == "2 medium"
    assert _describe(0.5, "cup") == "0.5 cups"
    assert _describe(3, "slice") == "3 slices"
    assert _describe(1, "berry") == "1 berry"


def test_large_measures_read_as_whole_grams_not_exponents() -> None:
    from types import SimpleNamespace

    from aijournal.domain.meals import measures_text

    food = SimpleNamespace(
        measures=[
            SimpleNamespace(unit="nut", grams=4.0),
            SimpleNamespace(unit="cup", grams=117.0),
            SimpleNamespace(unit="l", grams=1000.0),
            SimpleNamespace(unit="melon", grams=4519.5),
        ]
    )
    assert measures_text(food) == "nut (4 g), cup (117 g), l (1,000 g), melon (4,520 g)"
