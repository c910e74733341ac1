"""Which catalog foods one everyday name covers, and the tracked nutrients they differ in.

A name covers the foods of its food's kind (the part of the name before the first comma or
bracket: "Tofu", "Orange juice", "Salmon") that hold every word of the name, leaving out a
form the name does not say (canned, dried, smoked, pickled: "salmon" is not canned salmon
with bones, which people name as such). Where the foods a name covers differ several-fold
in a tracked nutrient, a plain name either asks which one (it is no food's id or alias) or
stands for the cautious one, the lowest in each such nutrient, and the saved line says so:
a target is never shown met on a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from aijournal.catalog.foods import Food, FoodCatalog, lookup_key
from aijournal.domain.nutrients import NUTRIENTS, item_nutrients

# Several-fold: the highest at least 3 times the lowest, and apart by a tenth of the
# default daily target (foods/targets.yaml, ai-women-51-plus) in 100 g, so that trace amounts
# (0.1 against 0.4 µg) are no difference worth asking about.
RATIO = 3.0
MEANINGFUL_PER_100G: dict[str, float] = {
    "calcium_mg": 120.0,  # target 1,200 mg
    "vitamin_d_ug": 2.0,  # target 20 µg
    "vitamin_k_ug": 9.0,  # AI 90 µg
    "magnesium_mg": 32.0,  # target 320 mg
    "ala_g": 0.11,  # AI 1.1 g
    "epa_dha_mg": 25.0,  # 250 mg, the low end of the common advice
}
# Forms people say when they mean them: a name without the word never covers that form.
FORM_WORDS = frozenset({"canned", "dried", "smoked", "pickled", "light"})


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


# Names are few and asked about often (each item of every meal compares its food with the
# whole catalog), so a name's words and kind are worked out once.
@lru_cache(maxsize=8192)
def words(text: str) -> frozenset[str]:
    """The words of a name, singular, as lookup_key spells them."""
    return frozenset(_singular(w) for w in re.findall(r"[a-z0-9]+", lookup_key(text)))


def kind(food: Food) -> str:
    """The everyday name of the food's kind: its name before the first comma or bracket."""
    return _kind_of(food.name)


@lru_cache(maxsize=8192)
def _kind_of(name: str) -> str:
    head = re.split(r"[,(]", name, maxsplit=1)[0]
    return " ".join(_singular(w) for w in re.findall(r"[a-z0-9]+", lookup_key(head)))


def _all_words(food: Food) -> frozenset[str]:
    names = (food.id, food.name, food.sr28_name or "", *food.aliases)
    return frozenset().union(*(words(n) for n in names))


def forms(food: Food) -> frozenset[str]:
    return words(food.name) & FORM_WORDS


def covered(name: str, food: Food, catalog_foods: Iterable[Food]) -> list[Food]:
    """The foods ``name`` (a name of ``food``) covers: ``food`` and the foods of its kind that
    hold every word of the name, in a form the name says or ``food`` is in."""
    said = words(name)
    allowed = said | forms(food)
    found = [food]
    mine = kind(food)
    for other in catalog_foods:
        if other.id == food.id or kind(other) != mine:
            continue
        if said <= _all_words(other) and forms(other) <= allowed:
            found.append(other)
    return found


@dataclass(frozen=True)
class Difference:
    """A tracked nutrient in which the foods one name covers differ several-fold."""

    key: str
    label: str
    unit: str
    per_100g: dict[str, float]  # food id -> value per 100 g (known values only)

    @property
    def lowest(self) -> float:
        return min(self.per_100g.values())

    def shown(self, food_id: str) -> str:
        label = self.label.split(" (")[0]
        label = label if label[1:2].isupper() else label[0].lower() + label[1:]
        return f"{label} {_number(self.per_100g[food_id])} {self.unit}"


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.2g}"


def differences(foods: list[Food], *, any_amount: bool = False) -> list[Difference]:
    """The tracked nutrients in which ``foods`` differ several-fold (unknown values aside);
    ``any_amount``: however small the difference in grams."""
    found = []
    values = {f.id: item_nutrients(f, 100.0) for f in foods}
    for key, apart in MEANINGFUL_PER_100G.items():
        known = {i: v[key] for i, v in values.items() if v[key] is not None}
        numbers = [float(v) for v in known.values() if v is not None]
        if len(numbers) < 2:
            continue
        low, high = min(numbers), max(numbers)
        if (any_amount or high - low >= apart) and high > 0 and high >= RATIO * low:
            info = NUTRIENTS[key]
            per = {i: float(v) for i, v in known.items() if v is not None}
            found.append(Difference(key, info.label, info.unit, per))
    return found


def is_cautious(food: Food, found: list[Difference]) -> bool:
    """Whether ``food`` is the lowest, within a meaningful amount, in every nutrient the foods
    differ in (a nutrient it has no value for does not count against it)."""
    return all(
        d.per_100g.get(food.id, d.lowest) - d.lowest < MEANINGFUL_PER_100G[d.key] for d in found
    )


def plain_name_note(name: str, food: Food, catalog: FoodCatalog) -> str:
    """What the saved line says when a plain name stood for the cautious one of several foods
    ('' when the name covers one food, or foods alike in what aij tracks)."""
    if not food.ndb or catalog.is_users(food.id):
        return ""
    shipped = [f for f in catalog.foods if f.ndb and not catalog.is_users(f.id)]
    found = differences(covered(name, food, shipped))
    if not found:
        return ""
    first = found[0]
    highest = max(first.per_100g, key=lambda i: first.per_100g[i])
    if is_cautious(food, found):
        return (
            f"'{name}' is taken as {food.id}, the lowest {first.shown(food.id)}/100 g of its"
            f" kind; name another for more (e.g. {highest},"
            f" {_number(first.per_100g[highest])} {first.unit})"
        )
    lowest = min(first.per_100g, key=lambda i: first.per_100g[i])
    return (
        f"'{name}' is taken as {food.id}, {first.shown(food.id)}/100 g; its kind ranges"
        f" {_number(first.per_100g[lowest])} ({lowest}) to {_number(first.per_100g[highest])}"
        f" ({highest}): name another if yours differs"
    )


def ask_text(foods: list[Food]) -> str:
    """The candidates of an ambiguous name with the nutrient they differ in, for the question."""
    found = differences(foods) or differences(foods, any_amount=True)
    if not found:
        return ", ".join(f.id for f in foods)
    first = found[0]
    return (
        ", ".join(
            f"{f.id} ({first.shown(f.id)})" if f.id in first.per_100g else f.id for f in foods
        )
        + " per 100 g"
    )
