"""The eating pattern of a week: servings by tag against the Mediterranean thresholds.

Thresholds are DOMAIN.md's, adapted from the 14-item Mediterranean Diet Adherence Screener
(MEDAS; Schröder et al., J Nutr 2011;141:1140) without its wine item. A serving is counted
from the grams logged, with MEDAS's own portion sizes where it gives one. Fruit is counted
in units, as MEDAS counts it: whole fruits logged by a whole-fruit measure (small, medium,
large, fruit, or the fruit's own name: "banana 2", "3 apricots"; a half is half a unit)
count each one, when one weighs a piece's weight; any other fruit item logged (by weight,
cup, or a count of grapes, cherries, berries, dates or other small fruit) is one unit; a
natural juice is one unit, and all the juice of a day together at most one. Composite
dishes carry no meat tag: MEDAS counts the meat of a dish, which SR28 does not give apart.
Sugary drinks and sweets count one serving per item logged, as MEDAS counts them.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

Rule = Literal[
    "at_least_per_day", "at_least_per_week", "below_per_day", "below_per_week", "most_days"
]


@dataclass(frozen=True)
class PatternItem:
    """One MEDAS item: the tags that count for it, the portion, the threshold and its rule."""

    key: str
    label: str
    tags: tuple[str, ...]
    serving_g: float | None  # None: each logged item is one serving
    threshold: float
    rule: Rule
    portion_source: str


_MEDAS = "MEDAS (Schröder et al., J Nutr 2011;141:1140)"
ITEMS: tuple[PatternItem, ...] = (
    PatternItem(
        "vegetables",
        "vegetables",
        ("vegetable", "leafy-green", "cruciferous"),
        200.0,
        2,
        "at_least_per_day",
        f"{_MEDAS}: 200 g a serving",
    ),
    PatternItem(
        "fruit",
        "fruit",
        ("fruit", "berry"),
        None,
        3,
        "at_least_per_day",
        f"{_MEDAS}: fruit units (pieces); a glass of natural juice one at most, once a day",
    ),
    PatternItem(
        "fish",
        "fish or seafood",
        ("fish", "fatty-fish"),
        100.0,
        3,
        "at_least_per_week",
        f"{_MEDAS}: 100-150 g a serving (100 g counted)",
    ),
    PatternItem(
        "legumes",
        "legumes",
        ("legume",),
        150.0,
        3,
        "at_least_per_week",
        f"{_MEDAS}: 150 g a serving",
    ),
    PatternItem(
        "nuts",
        "nuts and seeds",
        ("nuts-seeds",),
        30.0,
        3,
        "at_least_per_week",
        f"{_MEDAS}: 30 g a serving",
    ),
    PatternItem(
        "olive-oil",
        "olive oil as the main fat",
        ("olive-oil",),
        None,
        0.5,
        "most_days",
        "DOMAIN.md: most days (more than half of the days with food logged)",
    ),
    PatternItem(
        "red-meat",
        "red or processed meat",
        ("red-meat", "processed-meat"),
        100.0,
        1,
        "below_per_day",
        f"{_MEDAS}: 100-150 g a serving (100 g counted)",
    ),
    PatternItem(
        "butter-cream",
        "butter, margarine, cream",
        ("butter-cream",),
        12.0,
        1,
        "below_per_day",
        f"{_MEDAS}: 12 g a serving",
    ),
    PatternItem(
        "sugary-drinks",
        "sugary drinks",
        ("sugary-drink",),
        None,
        1,
        "below_per_day",
        f"{_MEDAS}: one drink an item",
    ),
    PatternItem(
        "sweets",
        "commercial sweets and pastries",
        ("sweets",),
        None,
        3,
        "below_per_week",
        f"{_MEDAS}: one an item",
    ),
)


@dataclass(frozen=True)
class LoggedFood:
    day: date
    tags: frozenset[str]
    grams: float | None
    amount: float | None = None
    unit: str | None = None  # the measure logged; None for a weight-free count


# Measures that are one whole fruit (SR28 WEIGHT.txt words: a size, "fruit", or the fruit's
# own name), and the half of one.
WHOLE_FRUIT_UNITS = frozenset(
    {"extra-small", "small", "medium", "large", "extra-large", "fruit", "apricot", "avocado",
     "pomegranate", "fig", "date", "prune", "grape", "cherry", "berry", "raspberry", "raisin"}
)  # fmt: skip
HALF_FRUIT_UNIT = "half"
# A whole fruit is a MEDAS piece when one weighs this much: the lightest whole fresh fruit in
# the catalog is an apricot (SR28 09021: 35 g); a grape (5 g), cherry (8 g), strawberry (7-27
# g), date (24 g), prune or dried fig is a small fruit, and a count of them is one unit.
PIECE_MIN_G = 30.0
JUICE_TAG = "juice"
FRUIT_KEY = "fruit"


def fruit_units(food: LoggedFood) -> float:
    """MEDAS fruit units of one logged item (juice apart: see ``daily_fruit_units``): each whole
    fruit of a piece's weight counts one (a half, half of one); any other item counts one."""
    if food.amount is None or food.grams is None or food.amount <= 0 or "berry" in food.tags:
        return 1.0
    one = food.grams / food.amount
    if food.unit in WHOLE_FRUIT_UNITS and one >= PIECE_MIN_G:
        return food.amount
    if food.unit == HALF_FRUIT_UNIT and 2 * one >= PIECE_MIN_G:
        return food.amount / 2
    return 1.0


def daily_fruit_units(foods: Iterable[LoggedFood]) -> float:
    """Fruit units over ``foods``: each day's juice counts one unit at most."""
    total = 0.0
    juice_days: set[date] = set()
    for food in foods:
        if not food.tags & {"fruit", "berry"}:
            continue
        if JUICE_TAG in food.tags:
            juice_days.add(food.day)
        else:
            total += fruit_units(food)
    return total + len(juice_days)


@dataclass(frozen=True)
class PatternLine:
    key: str
    label: str
    servings: float
    per_day: float | None
    threshold: float
    rule: Rule
    met: bool
    source: str


@dataclass(frozen=True)
class PatternResult:
    days_logged: int
    lines: tuple[PatternLine, ...]
    polyphenol_servings: int

    @property
    def score(self) -> int:
        return sum(line.met for line in self.lines)


def _servings(item: PatternItem, food: LoggedFood) -> float:
    if not food.tags & set(item.tags):
        return 0.0
    if item.serving_g is None:
        return 1.0
    return (food.grams or 0.0) / item.serving_g


def weekly_pattern(foods: Iterable[LoggedFood]) -> PatternResult | None:
    """Servings per MEDAS item over the days with food logged; None when no food was logged."""
    logged = list(foods)
    days = sorted({f.day for f in logged})
    if not days:
        return None
    lines = []
    for item in ITEMS:
        if item.rule == "most_days":
            olive_days = {f.day for f in logged if f.tags & set(item.tags)}
            servings = float(len(olive_days))
            share = servings / len(days)
            lines.append(
                PatternLine(
                    item.key,
                    item.label,
                    servings,
                    share,
                    item.threshold,
                    item.rule,
                    share > item.threshold,
                    item.portion_source,
                )
            )
            continue
        if item.key == FRUIT_KEY:
            servings = daily_fruit_units(logged)
        else:
            servings = math.fsum(_servings(item, f) for f in logged)
        # Compared as shown (#9.6), to the line's 2 decimals, from an exact sum: 102 + 191 + 7 g
        # of fish is 3 servings, met, in whatever order they were logged.
        servings = round(servings, 2)
        per_day = round(servings / len(days), 2)
        met = {
            "at_least_per_day": per_day >= item.threshold,
            "below_per_day": per_day < item.threshold,
            "at_least_per_week": servings >= item.threshold,
            "below_per_week": servings < item.threshold,
        }[item.rule]
        lines.append(
            PatternLine(
                item.key,
                item.label,
                servings,
                per_day,
                item.threshold,
                item.rule,
                met,
                item.portion_source,
            )
        )
    polyphenols = sum("polyphenol-rich" in f.tags for f in logged)
    return PatternResult(len(days), tuple(lines), polyphenols)
