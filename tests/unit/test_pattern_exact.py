"""The eating pattern, exactly: every MEDAS item pinned to DOMAIN.md and Schröder 2011, each
threshold at its boundary, every field of a line, fruit units by hand.

Sources of the expected values:
- DOMAIN.md "Eating pattern": the ten items, their targets and their rules.
- MEDAS (Schröder et al., J Nutr 2011;141:1140, Table 1): a serving of vegetables is 200 g,
  of red meat or meat products 100-150 g, of butter, margarine or cream 12 g, of legumes
  150 g, of fish 100-150 g, of nuts 30 g; fruit in pieces; sugary drinks and commercial
  sweets by the unit.
- SR28 WEIGHT.txt: the words of the whole-fruit measures ("extra small", "small",
  "medium", "large", "extra large", "fruit") and of "half".
"""

import itertools
import random
from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.foods import FoodCatalog
from aijournal.domain.pattern import (
    FRUIT_KEY,
    HALF_FRUIT_UNIT,
    ITEMS,
    JUICE_TAG,
    WHOLE_FRUIT_UNITS,
    LoggedFood,
    PatternItem,
    PatternLine,
    PatternResult,
    daily_fruit_units,
    fruit_units,
    weekly_pattern,
)

D1 = date(2026, 11, 2)
DAYS = [D1 + timedelta(days=i) for i in range(7)]
MEDAS = "MEDAS (Schröder et al., J Nutr 2011;141:1140)"


def grams(day: date, tag: str, weight: float | None) -> LoggedFood:
    return LoggedFood(day, frozenset({tag}), weight, weight, "g")


def lines(foods: Iterable[LoggedFood]) -> dict[str, PatternLine]:
    result = weekly_pattern(foods)
    assert result is not None
    return {line.key: line for line in result.lines}


# The items, pinned to their sources (module constants: mutmut does not mutate them)

# DOMAIN.md's table, in its order: (key, label, tags, threshold, rule).
DOMAIN_TABLE = [
    ("vegetables", "vegetables", 2, "at_least_per_day"),
    ("fruit", "fruit", 3, "at_least_per_day"),
    ("fish", "fish or seafood", 3, "at_least_per_week"),
    ("legumes", "legumes", 3, "at_least_per_week"),
    ("nuts", "nuts and seeds", 3, "at_least_per_week"),
    ("olive-oil", "olive oil as the main fat", 0.5, "most_days"),
    ("red-meat", "red or processed meat", 1, "below_per_day"),
    ("butter-cream", "butter, margarine, cream", 1, "below_per_day"),
    ("sugary-drinks", "sugary drinks", 1, "below_per_day"),
    ("sweets", "commercial sweets and pastries", 3, "below_per_week"),
]
# Schröder 2011 Table 1 portions (the lower end where it gives a range); None: by the unit.
MEDAS_PORTIONS = {
    "vegetables": 200.0,
    "fruit": None,
    "fish": 100.0,
    "legumes": 150.0,
    "nuts": 30.0,
    "olive-oil": None,
    "red-meat": 100.0,
    "butter-cream": 12.0,
    "sugary-drinks": None,
    "sweets": None,
}
TAGS = {
    "vegetables": ("vegetable", "leafy-green", "cruciferous"),
    "fruit": ("fruit", "berry"),
    "fish": ("fish", "fatty-fish"),
    "legumes": ("legume",),
    "nuts": ("nuts-seeds",),
    "olive-oil": ("olive-oil",),
    "red-meat": ("red-meat", "processed-meat"),
    "butter-cream": ("butter-cream",),
    "sugary-drinks": ("sugary-drink",),
    "sweets": ("sweets",),
}


def test_the_items_are_domain_mds_table_in_its_order() -> None:
    assert [(i.key, i.label, i.threshold, i.rule) for i in ITEMS] == DOMAIN_TABLE


def test_the_portions_are_medas_own() -> None:
    assert {i.key: i.serving_g for i in ITEMS} == MEDAS_PORTIONS


def test_each_item_counts_its_tags() -> None:
    assert {i.key: i.tags for i in ITEMS} == TAGS


def test_every_tag_an_item_counts_is_on_some_shipped_food(catalog: FoodCatalog) -> None:
    used = {tag for f in catalog.foods for tag in f.tags}
    for item in ITEMS:
        assert set(item.tags) <= used, item.key
    assert JUICE_TAG in used and "polyphenol-rich" in used
    juices = [f for f in catalog.foods if JUICE_TAG in f.tags]
    assert any("fruit" in f.tags for f in juices)


def test_each_portion_source_names_its_source_and_the_portion() -> None:
    sources = {i.key: i.portion_source for i in ITEMS}
    assert sources == {
        "vegetables": f"{MEDAS}: 200 g a serving",
        "fruit": f"{MEDAS}: fruit units (pieces); a glass of natural juice one at most, once a day",
        "fish": f"{MEDAS}: 100-150 g a serving (100 g counted)",
        "legumes": f"{MEDAS}: 150 g a serving",
        "nuts": f"{MEDAS}: 30 g a serving",
        "olive-oil": "DOMAIN.md: most days (more than half of the days with food logged)",
        "red-meat": f"{MEDAS}: 100-150 g a serving (100 g counted)",
        "butter-cream": f"{MEDAS}: 12 g a serving",
        "sugary-drinks": f"{MEDAS}: one drink an item",
        "sweets": f"{MEDAS}: one an item",
    }


def test_fruit_measure_words_are_sr28_words() -> None:
    # SR28 WEIGHT.txt writes "extra small" and "extra large"; the catalog hyphenates them.
    # A fruit's own name is a whole-fruit measure too ("1 apricot", "1 fig", "1 grape").
    sizes = {"extra-small", "small", "medium", "large", "extra-large", "fruit"}
    names = {"apricot", "avocado", "pomegranate", "fig", "date", "prune", "grape", "cherry"}
    assert sizes | names | {"berry", "raspberry", "raisin"} == WHOLE_FRUIT_UNITS
    assert (HALF_FRUIT_UNIT, JUICE_TAG, FRUIT_KEY) == ("half", "juice", "fruit")


def test_every_whole_fruit_word_is_a_measure_of_some_shipped_fruit(catalog: FoodCatalog) -> None:
    fruit_units_used = {m.unit for f in catalog.foods if "fruit" in f.tags for m in f.measures}
    assert WHOLE_FRUIT_UNITS | {HALF_FRUIT_UNIT} <= fruit_units_used


# Each item: servings by hand from its portion, every tag alone


@pytest.mark.parametrize(
    ("key", "tag", "weight", "servings"),
    [
        ("vegetables", "vegetable", 300.0, 1.5),  # 300 / 200
        ("vegetables", "leafy-green", 100.0, 0.5),  # 100 / 200
        ("vegetables", "cruciferous", 50.0, 0.25),  # 50 / 200
        ("fish", "fish", 150.0, 1.5),  # 150 / 100
        ("fish", "fatty-fish", 250.0, 2.5),  # 250 / 100
        ("legumes", "legume", 75.0, 0.5),  # 75 / 150
        ("nuts", "nuts-seeds", 45.0, 1.5),  # 45 / 30
        ("red-meat", "red-meat", 50.0, 0.5),  # 50 / 100
        ("red-meat", "processed-meat", 25.0, 0.25),  # 25 / 100
        ("butter-cream", "butter-cream", 6.0, 0.5),  # 6 / 12
        ("sugary-drinks", "sugary-drink", 500.0, 1.0),  # one item, whatever its weight
        ("sweets", "sweets", 5.0, 1.0),  # one item
    ],
)
def test_servings_of_one_item_on_one_day(
    key: str, tag: str, weight: float, servings: float
) -> None:
    found = lines([grams(D1, tag, weight)])
    assert found[key].servings == servings
    assert found[key].per_day == servings  # one day with food
    others = {k: line.servings for k, line in found.items() if k not in (key, "olive-oil")}
    assert set(others.values()) == {0.0}  # the tag counts for its item alone


def test_an_item_without_grams_gives_no_weighed_serving_but_is_one_by_the_unit() -> None:
    found = lines(
        [grams(D1, "vegetable", None), grams(D1, "fish", None), grams(D1, "sweets", None)]
    )
    assert (found["vegetables"].servings, found["fish"].servings) == (0.0, 0.0)
    assert found["sweets"].servings == 1.0


def test_a_food_with_two_tags_of_one_item_counts_once() -> None:
    kale = LoggedFood(D1, frozenset({"vegetable", "leafy-green", "cruciferous"}), 200.0)
    assert lines([kale])["vegetables"].servings == 1.0  # 200 g is one serving, not three


def test_shown_servings_and_per_day_are_rounded_to_2_decimals() -> None:
    found = lines([grams(D1, "nuts-seeds", 10.0)])  # 10 / 30 = 0.333...
    assert (found["nuts"].servings, found["nuts"].per_day) == (0.33, 0.33)
    over_three = lines(
        [
            grams(DAYS[0], "vegetable", 100.0),
            grams(DAYS[1], "sweets", 1.0),
            grams(DAYS[2], "fish", 1.0),
        ]
    )
    # 100 g of vegetables = 0.5 servings over 3 days with food: 0.1666... a day
    assert (over_three["vegetables"].servings, over_three["vegetables"].per_day) == (0.5, 0.17)


# Every field of a line, and of the result


def test_every_field_of_a_line() -> None:
    found = lines([grams(D1, "legume", 150.0), grams(DAYS[1], "legume", 300.0)])
    assert found["legumes"] == PatternLine(
        key="legumes",
        label="legumes",
        servings=3.0,  # (150 + 300) / 150
        per_day=1.5,  # 3 over 2 days
        threshold=3,
        rule="at_least_per_week",
        met=True,
        source=f"{MEDAS}: 150 g a serving",
    )
    assert list(found) == [key for key, *_ in DOMAIN_TABLE]


def test_the_result_counts_days_polyphenol_items_and_the_score() -> None:
    foods = [
        # day 1: 400 g vegetables (2 servings), 3 fruits, olive oil, 120 g salmon
        LoggedFood(DAYS[0], frozenset({"vegetable", "polyphenol-rich"}), 400.0),
        LoggedFood(DAYS[0], frozenset({"fruit"}), 450.0, 3, "medium"),
        LoggedFood(DAYS[0], frozenset({"olive-oil"}), 14.0, 1, "tbsp"),
        LoggedFood(DAYS[0], frozenset({"fish", "fatty-fish"}), 120.0),
        # day 2: a cake and green tea, nothing else
        LoggedFood(DAYS[1], frozenset({"sweets"}), 80.0),
        LoggedFood(DAYS[1], frozenset({"polyphenol-rich"}), 240.0),
        LoggedFood(DAYS[1], frozenset({"polyphenol-rich"}), 240.0),
    ]
    result = weekly_pattern(foods)
    assert result is not None
    assert result.days_logged == 2
    assert result.polyphenol_servings == 3  # items, not days
    met = {line.key: line.met for line in result.lines}
    assert met == {
        "vegetables": False,  # 2 servings over 2 days: 1 a day, below 2
        "fruit": False,  # 3 units over 2 days: 1.5 a day
        "fish": False,  # 1.2 a week
        "legumes": False,
        "nuts": False,
        "olive-oil": False,  # 1 day of 2: half is not most
        "red-meat": True,  # none
        "butter-cream": True,
        "sugary-drinks": True,
        "sweets": True,  # 1 a week, fewer than 3
    }
    assert result.score == 4
    assert PatternResult(1, (), 0).score == 0


def test_no_food_logged_gives_no_pattern() -> None:
    assert weekly_pattern([]) is None
    assert weekly_pattern(iter([])) is None


# Each rule exactly at its threshold


def test_at_least_per_day_is_met_at_exactly_the_threshold() -> None:
    # vegetables 2 a day: 2 days of 400 g is 4 servings, 2.0 a day
    two_days = [grams(DAYS[0], "vegetable", 400.0), grams(DAYS[1], "vegetable", 400.0)]
    assert lines(two_days)["vegetables"].met
    short = [grams(DAYS[0], "vegetable", 400.0), grams(DAYS[1], "vegetable", 396.0)]
    assert lines(short)["vegetables"].per_day == 1.99  # (2 + 1.98) / 2
    assert not lines(short)["vegetables"].met


def test_at_least_per_week_is_met_at_exactly_the_threshold() -> None:
    assert lines([grams(D1, "fish", 300.0)])["fish"].met  # 3 servings
    assert not lines([grams(D1, "fish", 299.0)])["fish"].met  # 2.99
    three = [grams(DAYS[i], "nuts-seeds", 30.0) for i in range(3)]
    assert lines(three)["nuts"].met and lines(three)["nuts"].per_day == 1.0
    assert not lines(three[:2])["nuts"].met


@pytest.mark.parametrize("parts", list(itertools.permutations([102.0, 191.0, 7.0])))
def test_servings_that_add_up_to_the_threshold_meet_it_in_any_order(
    parts: tuple[float, ...],
) -> None:
    # 102 + 191 + 7 = 300 g of fish: 3 servings of 100 g, shown "3", so met (#9.6). Summed
    # in floating point, 1.02 + 1.91 + 0.07 came to 2.9999999999999996 in some orders.
    fish = lines([grams(D1, "fish", g) for g in parts])["fish"]
    assert (fish.servings, fish.per_day, fish.met) == (3.0, 3.0, True)


def test_below_per_day_is_not_met_at_exactly_the_threshold() -> None:
    assert not lines([grams(D1, "red-meat", 100.0)])["red-meat"].met  # 1 a day is not below 1
    assert lines([grams(D1, "red-meat", 99.0)])["red-meat"].met  # 0.99
    # two days with food: 200 g over 2 days is 1 a day, 199 g is 0.995
    assert not lines([grams(DAYS[0], "red-meat", 200.0), grams(DAYS[1], "vegetable", 1.0)])[
        "red-meat"
    ].met
    assert lines([grams(DAYS[0], "butter-cream", 23.0), grams(DAYS[1], "vegetable", 1.0)])[
        "butter-cream"
    ].met  # 23 / 12 = 1.9 servings over 2 days
    assert not lines([grams(D1, "sugary-drink", 330.0)])["sugary-drinks"].met  # one drink


def test_below_per_week_is_not_met_at_exactly_the_threshold() -> None:
    three = [grams(DAYS[i], "sweets", 60.0) for i in range(3)]
    assert not lines(three)["sweets"].met  # 3 is not fewer than 3
    assert lines(three[:2])["sweets"].met
    assert lines(three)["sweets"].per_day == 1.0


def test_olive_oil_on_most_days_means_more_than_half() -> None:
    def week(olive_days: int, days: int) -> PatternLine:
        foods = [grams(DAYS[i], "vegetable", 100.0) for i in range(days)]
        foods += [grams(DAYS[i], "olive-oil", 10.0) for i in range(olive_days)]
        foods += [grams(DAYS[0], "olive-oil", 5.0)]  # a second use on day 1 is the same day
        return lines(foods)["olive-oil"]

    half = week(2, 4)
    assert (half.servings, half.per_day, half.met) == (2.0, 0.5, False)
    most = week(3, 5)
    assert (most.servings, most.per_day, most.met) == (3.0, 0.6, True)
    two_of_three = week(2, 3)
    assert two_of_three.per_day == pytest.approx(2 / 3) and two_of_three.met
    assert (two_of_three.threshold, two_of_three.rule) == (0.5, "most_days")
    assert two_of_three.label == "olive oil as the main fat"
    assert two_of_three.source.startswith("DOMAIN.md: most days")
    none = lines([grams(D1, "vegetable", 100.0)])["olive-oil"]
    assert (none.servings, none.per_day, none.met) == (0.0, 0.0, False)


# Fruit units (MEDAS counts pieces)


@pytest.mark.parametrize(
    "unit", ["extra-small", "small", "medium", "large", "extra-large", "fruit"]
)
def test_a_whole_fruit_measure_counts_each_fruit(unit: str) -> None:
    assert fruit_units(LoggedFood(D1, frozenset({"fruit"}), 500.0, 3, unit)) == 3
    assert fruit_units(LoggedFood(D1, frozenset({"fruit"}), 500.0, 2.5, unit)) == 2.5


def test_halves_count_half_a_fruit_each() -> None:
    assert fruit_units(LoggedFood(D1, frozenset({"fruit"}), 91.0, 1, "half")) == 0.5
    assert fruit_units(LoggedFood(D1, frozenset({"fruit"}), 273.0, 3, "half")) == 1.5


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        (300, "g"),
        (2, "cup"),
        (20, "berry"),
        (3, "slice"),
        (None, None),
        (None, "medium"),
        (None, "half"),
    ],
)
def test_any_other_fruit_item_is_one_unit(amount: float | None, unit: str | None) -> None:
    assert fruit_units(LoggedFood(D1, frozenset({"fruit"}), 150.0, amount, unit)) == 1.0


def test_juice_is_one_unit_a_day_at_most_and_only_fruit_juice_counts() -> None:
    orange = frozenset({"fruit", "juice"})
    cranberry = frozenset({"berry", "juice"})
    tomato = frozenset({"vegetable", "juice"})
    foods = [
        LoggedFood(DAYS[0], orange, 249.0, 1, "cup"),
        LoggedFood(DAYS[0], cranberry, 253.0, 1, "cup"),  # same day: still one
        LoggedFood(DAYS[1], orange, 249.0, 3, "cup"),  # 3 cups: one
        LoggedFood(DAYS[2], tomato, 243.0, 1, "cup"),  # not fruit
        LoggedFood(DAYS[2], frozenset({"berry"}), 148.0, 1, "cup"),  # berries: one unit
        LoggedFood(DAYS[2], frozenset({"fruit"}), 364.0, 2, "large"),  # two apples
    ]
    assert daily_fruit_units(foods) == 1 + 1 + 1 + 2
    assert daily_fruit_units([]) == 0.0
    assert daily_fruit_units(foods[3:4]) == 0.0


def test_the_fruit_line_uses_units_not_grams() -> None:
    foods = [
        LoggedFood(DAYS[0], frozenset({"fruit"}), 354.0, 3, "medium"),
        LoggedFood(DAYS[1], frozenset({"fruit", "juice"}), 249.0, 1, "cup"),
        # Half a grapefruit (SR28 09112: '.5 fruit' = 123 g): half of a 246 g piece.
        LoggedFood(DAYS[1], frozenset({"fruit"}), 123.0, 1, "half"),
    ]
    line = lines(foods)["fruit"]
    assert (line.servings, line.per_day, line.met) == (4.5, 2.25, False)


# Properties


food_strategy = st.builds(
    LoggedFood,
    day=st.sampled_from(DAYS),
    tags=st.frozensets(
        st.sampled_from(
            [
                "vegetable",
                "fruit",
                "berry",
                "juice",
                "fish",
                "legume",
                "nuts-seeds",
                "olive-oil",
                "red-meat",
                "butter-cream",
                "sugary-drink",
                "sweets",
                "polyphenol-rich",
            ]
        ),
        max_size=3,
    ),
    grams=st.one_of(st.none(), st.integers(0, 10_000).map(lambda tenths: tenths / 10)),
    amount=st.one_of(st.none(), st.integers(1, 6).map(float)),
    unit=st.sampled_from([None, "g", "cup", "medium", "half", "fruit"]),
)


@given(st.lists(food_strategy, min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_the_order_of_the_log_changes_nothing(foods: list[LoggedFood], rnd: random.Random) -> None:
    shuffled = list(foods)
    rnd.shuffle(shuffled)
    assert weekly_pattern(shuffled) == weekly_pattern(foods)


@given(st.lists(food_strategy, min_size=1, max_size=12))
def test_juice_never_counts_more_than_one_unit_a_day(foods: list[LoggedFood]) -> None:
    juice = [f for f in foods if "juice" in f.tags and f.tags & {"fruit", "berry"}]
    assert daily_fruit_units(juice) == len({f.day for f in juice})
    result = weekly_pattern(foods)
    assert result is not None
    assert result.days_logged == len({f.day for f in foods})
    assert result.score == sum(line.met for line in result.lines)


WEIGHED = [i for i in ITEMS if i.serving_g is not None]


@given(st.sampled_from(WEIGHED), st.integers(0, 20))
def test_k_portions_of_any_weighed_item_are_k_servings(item: PatternItem, k: int) -> None:
    assert item.serving_g is not None
    found = lines([grams(D1, item.tags[-1], item.serving_g * k)])[item.key]
    assert (found.servings, found.per_day) == (k, k)
