"""From what a person types ("salmon 150g, kale 1 cup") to items with grams and nutrients."""

from collections.abc import Mapping

from aijournal.catalog.foods import AmbiguousName, Food, FoodCatalog, Supplement
from aijournal.catalog.kinds import ask_text, plain_name_note
from aijournal.catalog.recipes import Recipe, recipe_id
from aijournal.domain.intake import ItemToLog
from aijournal.domain.meals import parse_items, plausible_limit, units_for, weigh
from aijournal.domain.nutrients import item_nutrients, supplement_nutrients
from aijournal.domain.plausible import check_plausible
from aijournal.errors import BadInput, NotFound

MAX_RECIPE_DEPTH = 8


def provenance(entry: Food | Supplement) -> str:
    """Where an entry's numbers come from: its NDB number, else the source it names."""
    if isinstance(entry, Supplement):
        return entry.source
    origin = f"USDA SR28 NDB {entry.ndb}" if entry.ndb else (entry.source or "unknown")
    return origin + (f"; MK-7: {entry.mk7_source}" if entry.mk7_source else "")


# What one unit of a supplement adds, as the saved line names it: (field, factor, unit, label).
_LABEL_PARTS = (
    ("calcium_mg", 1.0, "mg", "calcium"),
    ("vitamin_d_ug", 1.0, "µg", "vitamin D"),
    ("magnesium_mg", 1.0, "mg", "magnesium"),
    ("vitamin_k1_ug", 1.0, "µg", "vitamin K1"),
    ("mk7_ug", 1.0, "µg", "vitamin K2 (MK-7)"),
    ("epa_g", 1000.0, "mg", "EPA"),
    ("dha_g", 1000.0, "mg", "DHA"),
    ("ala_g", 1.0, "g", "ALA"),
)


def supplement_adds(supplement: Supplement, count: float) -> str:
    """What ``count`` units of a supplement add, every nutrient its label states."""
    parts = []
    for key, factor, unit, label in _LABEL_PARTS:
        value = getattr(supplement.per_unit, key)
        if value is not None:
            parts.append(f"{value * factor * count:g} {unit} {label}")
    return ", ".join(parts)


def _plural(count: float, unit: str) -> str:
    return f"{count:g} {unit}" + ("" if count == 1 else "s")


def resolve_items(
    text: str,
    catalog: FoodCatalog,
    recipes: Mapping[str, Recipe],
    *,
    supplements_only: bool = False,
    confirmed: bool = False,
    _path: tuple[str, ...] = (),
) -> list[ItemToLog]:
    """Every item of ``text`` resolved; the first unknown or impossible one refuses them all.

    A recipe's name wins over a catalog food's (your names come first, and the saved line
    says "your recipe"); an implausible amount is refused unless ``confirmed``."""
    resolved: list[ItemToLog] = []

    def is_name(text: str) -> bool:
        return recipe_id(text) in recipes or catalog.knows(text)

    for item in parse_items(text, is_name):
        key = recipe_id(item.name)
        if key in recipes and not supplements_only:
            amount = 1.0 if item.amount is None else item.amount
            resolved += _expand(recipes[key], amount, item.unit, catalog, recipes, _path)
            continue
        try:
            entry = catalog.resolve(item.name)
        except AmbiguousName as exc:
            foods = [f for i in exc.candidates if isinstance(f := catalog.get(i), Food)]
            if len(foods) < 2 or len(exc.candidates) > 12:
                raise
            raise BadInput(
                f"'{item.name}' could be: {ask_text(foods)}; which one? name it"
                f" (e.g. '{foods[0].id} 100g')"
            ) from None
        except NotFound as exc:
            if supplements_only:
                raise NotFound(str(exc).replace("unknown food", "unknown supplement", 1)) from None
            if recipes:
                from aijournal.domain.suggest import did_you_mean

                hint = did_you_mean(key, [*recipes])
                if hint:
                    raise BadInput(f"unknown food or recipe '{item.name}'{hint}") from None
            raise
        if isinstance(entry, Supplement):
            count = units_for(entry, item.amount, item.unit)
            adds = supplement_adds(entry, count)
            resolved.append(
                ItemToLog(
                    food_id=entry.id,
                    name=entry.name,
                    source="supplement",
                    origin=provenance(entry),
                    amount=count,
                    unit=entry.unit,
                    grams=None,
                    units=count,
                    tags=(),
                    values=supplement_nutrients(entry, count),
                    summary=f"{entry.id} {_plural(count, entry.unit)} (adds {adds})",
                )
            )
            continue
        if supplements_only:
            raise BadInput(f"'{item.name}' is a food, not a supplement; log it with aij log meal")
        weighed = weigh(entry, item.amount, item.unit)
        grams = weighed.grams
        check_plausible(
            f"{weighed.shown} of {entry.id}", grams, plausible_limit(entry), confirmed=confirmed
        )
        mine = " (your own food)" if catalog.is_users(entry.id) else ""
        taken = plain_name_note(item.name, entry, catalog)
        resolved.append(
            ItemToLog(
                food_id=entry.id,
                name=entry.name,
                source="food",
                origin=provenance(entry),
                amount=weighed.amount,
                unit=weighed.unit,
                grams=grams,
                units=None,
                tags=tuple(entry.tags),
                values=item_nutrients(entry, grams),
                summary=f"{entry.id}{mine} {grams:.0f} g"
                + ("" if weighed.by_weight else f" ({weighed.shown})")
                + (f" [{taken}]" if taken else ""),
            )
        )
    return resolved


def _expand(
    recipe: Recipe,
    amount: float,
    unit: str | None,
    catalog: FoodCatalog,
    recipes: Mapping[str, Recipe],
    path: tuple[str, ...],
) -> list[ItemToLog]:
    """A recipe as its ingredients, scaled to the servings eaten (a count, or 'serving')."""
    if unit not in (None, "serving"):
        raise BadInput(f"recipe {recipe.id} is counted in servings, e.g. '{recipe.id} 1'")
    if recipe.id in path or len(path) >= MAX_RECIPE_DEPTH:
        chain = " -> ".join((*path, recipe.id))
        raise BadInput(f"recipe {recipe.id} contains itself ({chain})")
    share = amount / recipe.servings
    inner = resolve_items(recipe.items, catalog, recipes, _path=(*path, recipe.id))
    return [
        ItemToLog(
            food_id=i.food_id,
            name=i.name,
            source=i.source,
            origin=i.origin,
            amount=i.amount * share,
            unit=i.unit,
            grams=None if i.grams is None else i.grams * share,
            units=None if i.units is None else i.units * share,
            tags=i.tags,
            values={k: None if v is None else v * share for k, v in i.values.items()},
            recipe=recipe.id,
            summary=f"{i.food_id} {i.grams * share:.0f} g (your recipe {recipe.id})"
            if i.grams is not None
            else f"{i.food_id} (your recipe {recipe.id})",
        )
        for i in inner
    ]


def check_recipe(recipe: Recipe, catalog: FoodCatalog, recipes: Mapping[str, Recipe]) -> None:
    """Refuse a recipe whose items do not resolve or that contains itself."""
    trial = {**recipes, recipe.id: recipe}
    _expand(recipe, recipe.servings, None, catalog, trial, ())
