"""Meal items: parse "salmon 150g, 2 eggs, 1/2 cup blueberries" and turn amounts into grams."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from aijournal.errors import BadInput

MAX_ITEM_GRAMS = 5000.0
MAX_SUPPLEMENT_UNITS = 50.0

WEIGHT_GRAMS: dict[str, float] = {"g": 1.0, "kg": 1000.0, "oz": 28.3495, "lb": 453.592}
VOLUME_ML: dict[str, float] = {
    "ml": 1.0,
    "l": 1000.0,
    "tsp": 4.929,
    "tbsp": 14.787,
    "fl-oz": 29.574,
    "cup": 236.588,
    "pint": 473.176,
    "quart": 946.353,
}

# What people type for a unit, and the unit it means (plural forms included).
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "g": ("g", "gr", "gram", "grams", "gramme", "grammes"),
    "kg": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"),
    "oz": ("oz", "ounce", "ounces"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "ml": ("ml", "milliliter", "milliliters", "millilitre", "millilitres"),
    "l": ("l", "liter", "liters", "litre", "litres"),
    "fl-oz": ("fl-oz", "floz", "fl oz", "fluid ounce", "fluid ounces"),
    "cup": ("cup", "cups"),
    "tbsp": ("tbsp", "tbsps", "tbs", "tbl", "tablespoon", "tablespoons"),
    "tsp": ("tsp", "tsps", "teaspoon", "teaspoons"),
    "pint": ("pint", "pints"),
    "quart": ("quart", "quarts"),
    "slice": ("slice", "slices"),
    "piece": ("piece", "pieces", "pc", "pcs"),
    "fillet": ("fillet", "fillets", "filet", "filets"),
    "steak": ("steak", "steaks"),
    "chop": ("chop", "chops"),
    "large": ("large",),
    "medium": ("medium",),
    "small": ("small",),
    "can": ("can", "cans", "tin", "tins"),
    "bottle": ("bottle", "bottles"),
    "container": ("container", "containers", "pot", "pots", "tub", "tubs"),
    "package": ("package", "packages", "pack", "packs"),
    "packet": ("packet", "packets", "sachet", "sachets"),
    "bar": ("bar", "bars"),
    "stick": ("stick", "sticks"),
    "patty": ("patty", "patties"),
    "link": ("link", "links"),
    "serving": ("serving", "servings"),
    "stalk": ("stalk", "stalks"),
    "spear": ("spear", "spears"),
    "leaf": ("leaf", "leaves"),
    "clove": ("clove", "cloves"),
    "sprig": ("sprig", "sprigs"),
    "wedge": ("wedge", "wedges"),
    "head": ("head", "heads"),
    "bunch": ("bunch", "bunches"),
    "square": ("square", "squares"),
    "sheet": ("sheet", "sheets"),
    "scoop": ("scoop", "scoops"),
    "tablet": ("tablet", "tablets", "tab", "tabs"),
    "capsule": ("capsule", "capsules", "cap", "caps"),
    "softgel": ("softgel", "softgels"),
    "chew": ("chew", "chews"),
    "gummy": ("gummy", "gummies"),
    "drop": ("drop", "drops"),
}
UNIT_ALIASES: dict[str, str] = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_NOT_A_FOOD = {*WEIGHT_GRAMS, *VOLUME_ML, "slice", "piece", "serving", "large", "medium", "small"}

_FRACTION_CHARS = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅛": "1/8"}
_NUMBER = r"-?(?:\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?|\.\d+)"
_UNIT = "|".join(sorted((re.escape(w) for w in UNIT_ALIASES), key=len, reverse=True))
_LEADING = re.compile(
    rf"^(?P<qty>{_NUMBER}|an?(?=\s))(?:\s*(?P<unit>{_UNIT})\b)?\s+(?:of\s+)?(?P<name>.+)$", re.I
)
_TRAILING = re.compile(rf"^(?P<name>.+?)\s+(?P<qty>{_NUMBER})(?:\s*(?P<unit>{_UNIT}))?$", re.I)
_UNKNOWN_UNIT = re.compile(rf"^.+?\s+{_NUMBER}\s*(?P<word>[^\W\d_]+)$")


@dataclass(frozen=True)
class MealItem:
    """One item of a meal as typed: the food's name, the amount and its unit (None = a count)."""

    text: str
    name: str
    amount: float
    unit: str | None


class MeasureLike(Protocol):
    @property
    def unit(self) -> str: ...
    @property
    def grams(self) -> float: ...


class MeasuredFoodLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def count_unit(self) -> str | None: ...
    @property
    def measures(self) -> Sequence[MeasureLike]: ...


class CountedSupplementLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def unit(self) -> str: ...


def parse_quantity(text: str) -> float:
    """A number as typed: 2, 0.5, .5, 1/2 or 1 1/2 (and ½); BadInput otherwise."""
    clean = text.strip()
    for char, fraction in _FRACTION_CHARS.items():
        clean = clean.replace(char, f" {fraction}")
    clean = " ".join(clean.split())
    if clean.lower() in ("a", "an"):
        return 1.0
    if not re.fullmatch(_NUMBER, clean):
        raise BadInput(f"'{text}' is not an amount; write e.g. 2, 0.5, 1/2 or 1 1/2")
    negative = clean.startswith("-")
    whole, _, fraction = clean.lstrip("-").rpartition(" ")
    if "/" in fraction:
        top, bottom = fraction.split("/")
        if float(bottom) == 0:
            raise BadInput(f"'{text}' divides by zero")
        value = float(top) / float(bottom) + (float(whole) if whole else 0.0)
    else:
        value = float(fraction)
    return -value if negative else value


def parse_items(text: str) -> list[MealItem]:
    """Split a comma-separated item list; each item needs a name and an amount, first or last."""
    if not text.strip():
        raise BadInput("no meal items given; write e.g. 'salmon 150g, kale 1 cup, 2 eggs'")
    raw_items = re.split(r"[,;\n]", text)
    return [_parse_item(raw, number) for number, raw in enumerate(raw_items, start=1)]


def _parse_item(raw: str, number: int) -> MealItem:
    item = raw.strip()
    for char, fraction in _FRACTION_CHARS.items():
        item = item.replace(char, f" {fraction} ")
    item = " ".join(item.split())
    if not item:
        raise BadInput(f"item {number} of the list is empty; separate items with one comma")
    match = _LEADING.match(item) or _TRAILING.match(item)
    if match is None:
        odd = _UNKNOWN_UNIT.match(item)
        if odd:
            raise BadInput(
                f"item '{item}': '{odd['word']}' is not a unit; use g, kg, oz, lb, ml, l,"
                " cup, tbsp, tsp, slice, piece ... or a plain count"
            )
        raise BadInput(
            f"item '{item}' has no amount; write e.g. 'kale 1 cup', '150g salmon' or '2 eggs'"
        )
    name = match["name"].strip()
    if not re.search(r"[^\W\d_]", name) or UNIT_ALIASES.get(name.lower()) in _NOT_A_FOOD:
        raise BadInput(f"item '{item}' has no food name")
    amount = parse_quantity(match["qty"])
    if amount <= 0:
        raise BadInput(f"item '{item}': the amount must be more than 0")
    unit = UNIT_ALIASES[match["unit"].lower()] if match["unit"] else None
    return MealItem(text=item, name=name, amount=amount, unit=unit)


def _describe(amount: float, unit: str | None) -> str:
    return f"{amount:g} {unit}" if unit else f"{amount:g}"


def grams_for(food: MeasuredFoodLike, amount: float, unit: str | None) -> float:
    """Grams of ``food`` in ``amount`` ``unit``: by weight, volume, its measures, or a count."""
    if amount <= 0:
        raise BadInput(f"{food.id}: the amount must be more than 0 (got {amount:g})")
    measures = {m.unit: m.grams for m in reversed(food.measures)}
    have = ", ".join(m.unit for m in food.measures) or "no household measures"
    if unit in WEIGHT_GRAMS:
        grams = amount * WEIGHT_GRAMS[unit]
    elif unit is None:
        count_unit = food.count_unit or (food.measures[0].unit if food.measures else None)
        if count_unit is None:
            raise BadInput(f"{food.id} cannot be counted; give a weight such as 100 g or 3 oz")
        if count_unit not in measures:
            raise BadInput(f"{food.id} has no '{count_unit}' measure to count by; it has: {have}")
        grams = amount * measures[count_unit]
    elif unit in measures:
        grams = amount * measures[unit]
    elif unit in VOLUME_ML:
        volume = next((m for m in food.measures if m.unit in VOLUME_ML), None)
        if volume is None:
            raise BadInput(
                f"{food.id} has no volume measure to convert '{unit}'; it has: {have}"
                " (or give a weight: g, oz)"
            )
        grams = amount * VOLUME_ML[unit] / VOLUME_ML[volume.unit] * volume.grams
    else:
        raise BadInput(
            f"{food.id} has no '{unit}' measure; it has: {have} (or give a weight: g, oz)"
        )
    if grams > MAX_ITEM_GRAMS:
        raise BadInput(
            f"{_describe(amount, unit)} of {food.id} is {grams:,.0f} g;"
            f" one item may be at most {MAX_ITEM_GRAMS:,.0f} g"
        )
    return grams


def units_for(supplement: CountedSupplementLike, amount: float, unit: str | None) -> float:
    """How many units (tablets, capsules ...) of a supplement; only a count of its own unit."""
    if amount <= 0:
        raise BadInput(f"{supplement.id}: the amount must be more than 0 (got {amount:g})")
    if unit is not None and unit != supplement.unit:
        raise BadInput(
            f"{supplement.id} is counted in {supplement.unit}s, not '{unit}';"
            f" write e.g. '1 {supplement.id}'"
        )
    if amount > MAX_SUPPLEMENT_UNITS:
        raise BadInput(
            f"{amount:g} {supplement.unit}s of {supplement.id} is more than"
            f" {MAX_SUPPLEMENT_UNITS:g}; check the amount"
        )
    return amount
