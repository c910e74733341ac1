"""Meal items: parse "salmon 150g, 2 eggs, 1/2 cup blueberries" and turn amounts into grams."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from aijournal.domain.limits import MAX_MEAL_TEXT
from aijournal.domain.plausible import DRINK, SOLID_FOOD, Limit
from aijournal.errors import BadInput

MAX_ITEM_GRAMS = 5000.0  # refused even with --yes: no one item of a meal is 5 kg
MAX_SUPPLEMENT_UNITS = 50.0
# A bare count ("walnuts 7", "salmon 1") is a count of single items or portions: a measure of
# one unit heavier than this is a whole dish, can or fish side, never what "1" means.
MAX_COUNT_GRAMS = 350.0
# SR28's standard cooked portion of meat and fish is its "3 oz" row (85 g); tools/build_foods.py
# keeps that row as the measure "portion".
PORTION = "portion"
# A glass is the FDA's reference amount customarily consumed for milk and other beverages,
# 240 ml (21 CFR 101.12(b), Table 2), unless SR28 gives the food a glass measure of its own.
GLASS_ML = 240.0
GLASS_SOURCE = "240 ml, the FDA reference amount for beverages (21 CFR 101.12(b))"

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
    "glass": GLASS_ML,
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
    "portion": ("portion", "portions"),
    "glass": ("glass", "glasses"),
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
# Measures that are never ONE item a bare count could mean: volumes, containers, whole dishes.
NOT_COUNTABLE = frozenset(
    {*VOLUME_ML, "serving", "can", "bottle", "container", "package", "packet", "box", "bag",
     "bowl", "head", "bunch", "block", "melon", "roast", "pie", "pizza", "cake", "jigger", "dash",
     "drink", "milkshake", "stick", "bit", "sprig", "strip", "ring", "floweret", "mini",
     "extra-small", "jumbo", "extra-large", "fry", "twist", "chip", "hole", "pod",
     "bean", "baby-ear", "bulb", "item", "cube", "leaf", "chicken", "duck"}
)  # fmt: skip

_FRACTION_CHARS = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅛": "1/8"}
_WORD_NUMBERS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "half": 0.5, "half a": 0.5, "half an": 0.5, "two": 2.0,
    "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "a half": 0.5, "a quarter": 0.25,
    "quarter": 0.25, "a quarter of a": 0.25,
}  # fmt: skip
_NUMBER = r"-?(?:\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?|\.\d+)"
_WORDS = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(w) for w in UNIT_ALIASES), key=len, reverse=True))
# "2 eggs", "150g salmon", "a cup of tea", "half a cup of rice", "2 slices of toast"
_LEADING = re.compile(
    rf"^(?P<qty>{_NUMBER}|(?:{_WORDS})(?=\s))(?:\s*(?P<unit>{_UNIT})\b)?\s+(?:of\s+)?(?P<name>.+)$",
    re.I,
)
# "cup of tea", "glass of milk", "medium apple": a unit first without a number means one.
_LEADING_UNIT = re.compile(rf"^(?P<unit>{_UNIT})\s+(?:of\s+(?P<name>.+)|(?P<sized>.+))$", re.I)
# "salmon 150g", "pizza 2 slices", "salmon fillet", "fish-oil-1000 x2", "eggs 2x"
_TRAILING = re.compile(
    rf"^(?P<name>.+?)\s+(?:(?P<qty>{_NUMBER})(?:\s*(?P<unit>{_UNIT}))?"
    rf"|[x×]\s*(?P<times>{_NUMBER})|(?P<times2>{_NUMBER})\s*[x×]|(?P<bare_unit>{_UNIT}))$",
    re.I,
)
_UNKNOWN_UNIT = re.compile(rf"^.+?\s+{_NUMBER}\s*(?P<word>[^\W\d_]+)$")
_SIZES = {"large", "medium", "small"}
_WITH = re.compile(r"\s+with\s+", re.I)
_CUTS = {"fillet", "steak"}  # a cut SR28 may weigh as a whole side: one eaten is a portion
# A fish fillet or steak over this is a whole side of the fish in SR28 (its ".5 fillet" rows
# give 248-356 g), not what one person eats: one is then taken as SR28's 3 oz portion.
CUT_PORTION_GRAMS = 200.0


@dataclass(frozen=True)
class MealItem:
    """One item of a meal as typed: the food's name, the amount (None = not given) and its unit
    (None = a count of the food's own count unit)."""

    text: str
    name: str
    amount: float | None
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
    """A number as typed: 2, 0.5, .5, 1/2 or 1 1/2 (and ½), or a/an/half; BadInput otherwise."""
    clean = text.strip()
    for char, fraction in _FRACTION_CHARS.items():
        clean = clean.replace(char, f" {fraction}")
    clean = " ".join(clean.split())
    if clean.lower() in _WORD_NUMBERS:
        return _WORD_NUMBERS[clean.lower()]
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


def _never_a_name(_: str) -> bool:
    return False


def parse_items(text: str, is_name: Callable[[str], bool] = _never_a_name) -> list[MealItem]:
    """Split an item list at commas and at "with" ("toast with butter"); an amount goes first
    or last, or is left out (None). ``is_name`` says a text is a whole known name, so a name
    holding "with" or a unit word ("cheese slice") is kept whole."""
    if not text.strip():
        raise BadInput("no meal items given; write e.g. 'salmon 150g, kale 1 cup, 2 eggs'")
    if len(text) > MAX_MEAL_TEXT:
        raise BadInput(
            f"the meal is {len(text)} characters; at most {MAX_MEAL_TEXT} are kept "
            "(log it as two meals)"
        )
    items: list[MealItem] = []
    for number, raw in enumerate(re.split(r"[,;\n]", text), start=1):
        item = _clean(raw)
        if not item:
            raise BadInput(f"item {number} of the list is empty; separate items with one comma")
        parts = [item] if _whole_name(item, is_name) else _WITH.split(item)
        items += [_parse_item(part, is_name) for part in parts]
    return items


def _whole_name(item: str, is_name: Callable[[str], bool]) -> bool:
    """Whether ``item`` with its amount is one known name ("chicken breast with skin 1")."""
    try:
        return is_name(_parse_item(item, is_name).name)
    except BadInput:
        return False


def _clean(raw: str) -> str:
    item = raw.strip()
    for char, fraction in _FRACTION_CHARS.items():
        item = item.replace(char, f" {fraction} ")
    return " ".join(item.split())


def _parse_item(item: str, is_name: Callable[[str], bool]) -> MealItem:
    if not item:
        raise BadInput("an item around 'with' is empty; write e.g. 'toast 1 slice with butter'")
    qty: str | None = None
    unit_word: str | None = None
    if is_name(item):
        name = item
    elif match := _LEADING.match(item):
        qty, unit_word, name = match["qty"], match["unit"], match["name"]
    elif (match := _LEADING_UNIT.match(item)) and (
        match["name"] or match["unit"].lower() in _SIZES
    ):
        unit_word, name = match["unit"], match["name"] or match["sized"]
    elif match := _TRAILING.match(item):
        name = match["name"]
        qty = match["qty"] or match["times"] or match["times2"]
        unit_word = match["unit"] or match["bare_unit"]
    elif odd := _UNKNOWN_UNIT.match(item):
        raise BadInput(
            f"item '{item}': '{odd['word']}' is not a unit; use g, kg, oz, lb, ml, l,"
            " cup, tbsp, tsp, glass, slice, piece, portion ... or a plain count"
        )
    elif re.fullmatch(rf"{_NUMBER}\s*(?:{_UNIT})?", item, re.I):
        raise BadInput(f"item '{item}' has no food name")
    else:
        name = item
    name = name.strip()
    if not re.search(r"[^\W\d_]", name) or UNIT_ALIASES.get(name.lower()) in _NOT_A_FOOD:
        raise BadInput(f"item '{item}' has no food name")
    amount = None if qty is None else parse_quantity(qty)
    if amount is None and unit_word is not None:
        amount = 1.0
    if amount is not None and amount <= 0:
        raise BadInput(f"item '{item}': the amount must be more than 0")
    unit = UNIT_ALIASES[unit_word.lower()] if unit_word else None
    return MealItem(text=item, name=name, amount=amount, unit=unit)


# Units written the same for one or many: weights and volumes by symbol, and the size words
# SR28 uses as units ("2 large" eggs, "2 medium" bananas, never "2 larges").
_NO_PLURAL = {
    *WEIGHT_GRAMS, "ml", "l", "fl-oz", "tsp", "tbsp",
    "small", "medium", "large", "extra-large", "jumbo", "extra large",
}  # fmt: skip
_PLURALS = {"half": "halves", "leaf": "leaves", "berry": "berries", "patty": "patties"}


def _describe(amount: float, unit: str | None) -> str:
    if unit is None:
        return f"{amount:g}"
    if amount == 1 or unit in _NO_PLURAL:
        return f"{amount:g} {unit}"
    plural = _PLURALS.get(unit) or (
        unit + "es" if unit.endswith(("sh", "ch", "ss")) else unit + "s"
    )
    return f"{amount:g} {plural}"


def measures_text(food: MeasuredFoodLike) -> str:
    """The food's measures as a user reads them: 'nut (4 g), cup (117 g)'."""
    listed = ", ".join(f"{m.unit} ({_grams_text(m.grams)} g)" for m in food.measures)
    return listed or "no household measures"


def _grams_text(grams: float) -> str:
    """Grams as read: three significant figures, whole grams from 100 up (never 1e+03)."""
    return f"{grams:,.0f}" if grams >= 100 else f"{grams:.3g}"


def count_measure(food: MeasuredFoodLike) -> MeasureLike | None:
    """What a bare count of ``food`` counts, or None: the one place that decides it.

    In order: the food's declared count_unit, its SR28 3 oz portion (meat and fish), its
    'medium' size, then its first measure that is one item (a nut, a slice, an egg, a berry);
    a measure of one unit over MAX_COUNT_GRAMS (a fish side, a melon, a can) never counts.
    """
    candidates = [m for m in food.measures if m.unit == food.count_unit]
    candidates += [m for m in food.measures if m.unit in ("pat", "packet")]
    candidates += [m for m in food.measures if m.unit == PORTION]
    candidates += [m for m in food.measures if m.unit == "medium"]
    candidates += [m for m in food.measures if m.unit not in NOT_COUNTABLE]
    return next((m for m in candidates if m.grams <= MAX_COUNT_GRAMS), None)


@dataclass(frozen=True)
class Weighed:
    """Grams of an item and the amount they were read as ('1 portion', '250 ml')."""

    grams: float
    amount: float
    unit: str | None
    note: str = ""

    @property
    def by_weight(self) -> bool:
        return self.unit in WEIGHT_GRAMS and not self.note

    @property
    def shown(self) -> str:
        text = _describe(self.amount, self.unit)
        return f"{text}; {self.note}" if self.note else text


def weigh(food: MeasuredFoodLike, amount: float | None, unit: str | None) -> Weighed:
    """Grams of ``food`` in ``amount`` ``unit``: by weight, volume, its measures, or a count
    (a count of its count measure; ``amount`` None means one). Refused where none fits."""
    if amount is not None and amount <= 0:
        raise BadInput(f"{food.id}: the amount must be more than 0 (got {amount:g})")
    measures = {m.unit: m for m in reversed(food.measures)}
    have = measures_text(food)
    note = ""
    if unit is None:
        counted = count_measure(food)
        if counted is None:
            how = "how much" if amount is None else f"'{amount:g}' of what"
            raise BadInput(
                f"{food.id}: {how}? it has no single item to count; give a weight (100g, 3 oz)"
                f" or one of its measures: {have}"
            )
        amount, unit = (1.0 if amount is None else amount), counted.unit
        if amount > 1 and counted.unit == PORTION:
            note = "a portion is SR28's 3 oz"
    elif amount is None:
        amount = 1.0
    if unit in WEIGHT_GRAMS:
        grams = amount * WEIGHT_GRAMS[unit]
    elif unit in _CUTS and PORTION in measures and _weight(measures.get(unit)) > CUT_PORTION_GRAMS:
        # SR28's salmon "fillet" is a side of the fish (356 g): one fillet eaten is a portion.
        big = measures[unit]
        note = f"SR28's {unit} is {big.grams:.0f} g, so one {unit} is taken as a 3 oz portion"
        grams = amount * measures[PORTION].grams
    elif unit in measures:
        grams = amount * measures[unit].grams
    elif unit in VOLUME_ML:
        volume = next((m for m in food.measures if m.unit in VOLUME_ML), None)
        if volume is None:
            raise BadInput(
                f"{food.id} has no volume measure to convert '{unit}'; it has: {have}"
                " (or give a weight: g, oz)"
            )
        grams = amount * VOLUME_ML[unit] / VOLUME_ML[volume.unit] * volume.grams
        if unit == "glass":
            note = f"a glass is {GLASS_SOURCE}"
    else:
        raise BadInput(
            f"{food.id} has no '{unit}' measure; it has: {have} (or give a weight: g, oz)"
        )
    if grams > MAX_ITEM_GRAMS:
        raise BadInput(
            f"{_describe(amount, unit)} of {food.id} is {grams:,.0f} g;"
            f" one item may be at most {MAX_ITEM_GRAMS:,.0f} g"
        )
    return Weighed(grams=grams, amount=amount, unit=unit, note=note)


def _weight(measure: MeasureLike | None) -> float:
    return 0.0 if measure is None else measure.grams


def grams_for(food: MeasuredFoodLike, amount: float | None, unit: str | None) -> float:
    """Grams of ``food`` in ``amount`` ``unit`` (see weigh)."""
    return weigh(food, amount, unit).grams


def plausible_limit(food: MeasuredFoodLike) -> Limit:
    """The plausibility limit of one item: a drink (measured in fl oz by SR28) or a solid."""
    return DRINK if any(m.unit == "fl-oz" for m in food.measures) else SOLID_FOOD


def units_for(supplement: CountedSupplementLike, amount: float | None, unit: str | None) -> float:
    """How many units (tablets, capsules ...) of a supplement: a count of its own unit, one
    when no amount is given."""
    if amount is None:
        amount = 1.0
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
