"""From what a person types ("salmon 150g, kale 1 cup") to items with grams and nutrients."""

from collections.abc import Mapping

from aijournal.catalog.foods import Food, FoodCatalog, Supplement
from aijournal.catalog.recipes import Recipe, recipe_id
from aijournal.domain.intake import ItemToLog
from aijournal.domain.meals import grams_for, parse_items, units_for
from aijournal.domain.nutrients import item_nutrients, supplement_nutrients
from aijournal.errors import BadInput, NotFound

MAX_RECIPE_DEPTH = 8


def provenance(entry: Food | Supplement) -> str:
    """Where an entry's numbers come from: its NDB number, else the source it names."""
    if isinstance(entry, Supplement):
        return entry.source
    origin = f"USDA SR28 NDB {entry.ndb}" if entry.ndb else (entry.source or "unknown")
    return origin + (f"; MK-7: {entry.mk7_source}" if entry.mk7_source else "")


def _amount_text(amount: float, unit: str | None) -> str:
    return f"{amount:g}" + (f" {unit}" if unit else "")


def resolve_items(
    text: str,
    catalog: FoodCatalog,
    recipes: Mapping[str, Recipe],
    *,
    supplements_only: bool = False,
    _path: tuple[str, ...] = (),
) -> list[ItemToLog]:
    """Every item of ``text`` resolved; the first unknown or impossible one refuses them all."""
    resolved: list[ItemToLog] = []
    for item in parse_items(text):
        key = recipe_id(item.name)
        if key in recipes and not supplements_only:
            resolved += _expand(recipes[key], item.amount, item.unit, catalog, recipes, _path)
            continue
        try:
            entry = catalog.resolve(item.name)
        except NotFound:
            if recipes and not supplements_only:
                from aijournal.suggest import did_you_mean

                hint = did_you_mean(key, [*recipes])
                if hint:
                    raise BadInput(f"unknown food or recipe '{item.name}'{hint}") from None
            raise
        if isinstance(entry, Supplement):
            count = units_for(entry, item.amount, item.unit)
            resolved.append(
                ItemToLog(
                    food_id=entry.id,
                    name=entry.name,
                    source="supplement",
                    origin=provenance(entry),
                    amount=item.amount,
                    unit=entry.unit,
                    grams=None,
                    units=count,
                    tags=(),
                    values=supplement_nutrients(entry, count),
                    summary=f"{entry.id} x{count:g}",
                )
            )
            continue
        if supplements_only:
            raise BadInput(f"'{item.name}' is a food, not a supplement; log it with aij log meal")
        grams = grams_for(entry, item.amount, item.unit)
        resolved.append(
            ItemToLog(
                food_id=entry.id,
                name=entry.name,
                source="food",
                origin=provenance(entry),
                amount=item.amount,
                unit=item.unit,
                grams=grams,
                units=None,
                tags=tuple(entry.tags),
                values=item_nutrients(entry, grams),
                summary=f"{entry.id} {grams:.0f} g",
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
            summary=f"{i.food_id} ({recipe.id})",
        )
        for i in inner
    ]


def check_recipe(recipe: Recipe, catalog: FoodCatalog, recipes: Mapping[str, Recipe]) -> None:
    """Refuse a recipe whose items do not resolve or that contains itself."""
    trial = {**recipes, recipe.id: recipe}
    _expand(recipe, recipe.servings, None, catalog, trial, ())
