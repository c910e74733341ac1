"""`aij log meal`, `aij log supp`, and `aij foods` (search, show, add, recipe add/list)."""

import re
from typing import TYPE_CHECKING, Annotated

import typer

from aijournal.cli.common import (
    DateOption,
    JsonOption,
    SavedJsonOption,
    complete_food,
    complete_supplement,
    day_of,
    is_interactive,
    journal,
    show_saved,
)
from aijournal.errors import BadInput

if TYPE_CHECKING:
    from pathlib import Path

    from aijournal.catalog.foods import FoodCatalog
    from aijournal.catalog.recipes import Recipe

app = typer.Typer(
    help="Foods and supplements: search, show, add your own, recipes.", no_args_is_help=True
)
recipe_app = typer.Typer(
    help="Your recipes: a recipe counts as its ingredients.", no_args_is_help=True
)
app.add_typer(recipe_app, name="recipe")

SLOTS = ("breakfast", "lunch", "dinner", "snack")


def _catalogs() -> tuple["FoodCatalog", dict[str, "Recipe"]]:
    """The food catalog and your recipes; a broken file of yours is named, never fatal."""
    from aijournal import render
    from aijournal.catalog.foods import load_food_catalog
    from aijournal.catalog.recipes import load_recipes
    from aijournal.paths import paths

    catalog = load_food_catalog(paths().foods)
    for problem in catalog.problems:
        render.warn(problem)
    return catalog, load_recipes(paths().home)


YesOption = Annotated[
    bool,
    typer.Option(
        "--yes",
        help="Accept an amount aij finds unlikely (over 1 kg of one food, 2 l of one drink).",
    ),
]


def meal(
    items: Annotated[
        str | None,
        typer.Argument(help='Items: "salmon 150g, kale 1 cup, walnuts 30g, olive oil 1 tbsp".'),
    ] = None,
    slot: Annotated[
        str | None, typer.Option("--slot", help="breakfast, lunch, dinner or snack.")
    ] = None,
    date: DateOption = "today",
    yes: YesOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record a meal: foods with amounts (g, oz, ml, cup, tbsp, slice, 2 eggs, 1/2 cup).

    Everyday forms work too: "toast with butter", "a glass of milk", "half a cup of rice",
    "salmon fillet", "pizza 2 slices". A count without a unit counts the food's single
    items (a nut, a medium fruit, a slice, an egg, a 3 oz portion of meat or fish).

    Examples:

    \b
      aij log meal "salmon 150g, kale 1 cup, walnuts 30g" --slot dinner
      aij log meal "toast with butter, a glass of milk" --slot breakfast --json
    """
    from aijournal.catalog.intake import resolve_items
    from aijournal.store.meals import save_meal

    day = day_of(date)
    slot = slot.strip().lower() if slot is not None else None
    if slot is not None and slot not in SLOTS:
        raise BadInput(f"--slot {slot} is not allowed; use {', '.join(SLOTS)}")
    catalog, recipes = _catalogs()
    if items is None:
        if not is_interactive():
            raise BadInput('name what you ate, e.g. aij log meal "oats 40g, milk 1 cup"')
        from aijournal.cli.meal_guided import ask_meal

        items = ask_meal(catalog)
    resolved = resolve_items(items, catalog, recipes, confirmed=yes)
    with journal() as opened, opened.write() as session:
        saved = save_meal(
            session=session, day=day, kind="meal", slot=slot, text=items.strip(), items=resolved
        )
    show_saved(day, [saved], as_json=as_json)


def supp(
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="SUPPLEMENT",
            help="Supplements, each optionally followed by a count: "
            "calcium-carbonate-600 2 vitamin-d3-1000.",
            autocompletion=complete_supplement,
        ),
    ],
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record supplements taken (one unit each unless a count follows: 2, x2).

    The saved line lists what each adds (calcium-carbonate-600 also adds 10 µg vitamin D).

    Examples:

    \b
      aij log supp calcium-carbonate-600 vitamin-d3-1000
      aij log supp fish-oil-1000 x2 --date yesterday
    """
    from aijournal.catalog.intake import resolve_items
    from aijournal.store.meals import save_meal

    day = day_of(date)
    parts: list[str] = []
    for token in names:
        if parts and re.fullmatch(r"[x×]?\s*[\d./]+\s*[x×]?", token.strip(), re.I):
            parts[-1] += f" {token}"
        else:
            parts.append(token)
    text = ", ".join(parts)
    catalog, _ = _catalogs()
    resolved = resolve_items(text, catalog, {}, supplements_only=True)
    with journal() as opened, opened.write() as session:
        saved = save_meal(
            session=session, day=day, kind="supplement", slot=None, text=text, items=resolved
        )
    show_saved(day, [saved], as_json=as_json)


@app.command("search")
def search(
    text: Annotated[
        str, typer.Argument(metavar="WORDS", help="Words to look for in names and aliases.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Find foods and supplements by name.

    Examples:

    \b
      aij foods search sardine
      aij foods search "greek yogurt" --json
    """
    from aijournal import render
    from aijournal.catalog.foods import Food

    catalog, _ = _catalogs()
    found = catalog.search(text)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "kind": "food" if isinstance(e, Food) else "supplement",
            "ndb": e.ndb if isinstance(e, Food) else None,
        }
        for e in found
    ]
    if as_json:
        render.dump_json(rows)
        return
    if not rows:
        render.hint(f"No food or supplement matches '{text}'. Add your own: aij foods add")
        return
    render.rows_table(
        f"Foods matching '{text}'",
        ("id", "name", "NDB"),
        ((r["id"], r["name"], r["ndb"] or r["kind"]) for r in rows[:40]),
    )
    if len(rows) > 40:
        render.hint(f"... and {len(rows) - 40} more; type more words")


@app.command("show")
def show(
    food_id: Annotated[
        str,
        typer.Argument(
            metavar="FOOD",
            help="A food or supplement id (or alias), or one of your recipes.",
            autocompletion=complete_food,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Nutrients per 100 g and per measure, with the food's NDB number and source.

    Examples:

    \b
      aij foods show sardines
      aij foods show calcium-carbonate-600 --json
    """
    from aijournal import render
    from aijournal.catalog.recipes import recipe_id
    from aijournal.reports.foods import food_view

    catalog, recipes = _catalogs()
    if recipe_id(food_id) in recipes:
        _show_recipe(recipes[recipe_id(food_id)], catalog, as_json=as_json)
        return
    entry = catalog.resolve(food_id)
    view = food_view(entry, catalog.origin(entry.id))
    if as_json:
        render.dump_json(view)
    else:
        render.food(view)


def _show_recipe(recipe: "Recipe", catalog: "FoodCatalog", *, as_json: bool) -> None:
    """A recipe of yours: its name wins over a catalog food's, and the view says so."""
    from aijournal import render
    from aijournal.catalog.recipes import hidden_by

    hides = hidden_by(recipe.id, catalog)
    data = {"kind": "recipe", **recipe.model_dump(), "hides": hides}
    if as_json:
        render.dump_json(data)
        return
    note = f"; the catalog food '{recipe.id}' is {hides}" if hides else ""
    render.key_values(
        f"Your recipe {recipe.id}",
        [
            ("name", recipe.name),
            ("servings", f"{recipe.servings:g}"),
            ("ingredients", recipe.items),
            ("note", f"your recipe wins over the catalog{note}"),
        ],
    )


@app.command("add")
def add(
    food_id: Annotated[str, typer.Argument(help="Your id for it, kebab-case: my-granola.")],
    name: Annotated[str, typer.Option("--name", help="What it is.")],
    values: Annotated[
        list[str] | None,
        typer.Argument(help="Nutrients as key=value: calcium_mg=120 fiber_g=3 energy_kcal=210."),
    ] = None,
    per: Annotated[
        str, typer.Option("--per", help="The values are per '100g' or per 'serving'.")
    ] = "100g",
    serving_g: Annotated[
        float | None, typer.Option("--serving-g", help="Grams in one serving.")
    ] = None,
    tags: Annotated[
        str | None, typer.Option("--tags", help="Eating-pattern tags: fruit,whole-grain,...")
    ] = None,
    source: Annotated[
        str, typer.Option("--source", help="Where the values come from, e.g. 'package label'.")
    ] = "your own: package label",
) -> None:
    """Add your own food (any subset of nutrients; the rest stay unknown).

    Examples:

    \b
      aij foods add granola --name Granola fiber_g=3 --per serving --serving-g 50
      aij foods add oat-drink --name "Oat drink" calcium_mg=120 vitamin_d_ug=1.1
    """
    from aijournal import render
    from aijournal.catalog.user_foods import add_user_food
    from aijournal.paths import paths

    catalog, _ = _catalogs()
    path = add_user_food(
        folder=paths().foods,
        catalog=catalog,
        food_id=food_id,
        name=name,
        values=values or [],
        per=per,
        serving_g=serving_g,
        tags=tags,
        source=source,
    )
    render.info(f"added {food_id} to {path}")
    for name, shipped in sorted(_hidden(food_id, path).items()):
        render.info(f"'{name}' now means your {food_id}; the shipped food is still {shipped}")


def _hidden(food_id: str, folder_file: "Path") -> dict[str, str]:
    from aijournal.catalog.foods import load_food_catalog

    catalog = load_food_catalog(folder_file.parent)
    return {k: v for k, v in catalog.shadowed.items() if catalog.resolve(k).id == food_id}


@app.command("rm")
def rm(
    food_id: Annotated[str, typer.Argument(help="The id of one of your own foods.")],
) -> None:
    """Remove one of your own foods (the shipped catalog is never changed).

    Examples:

    \b
      aij foods rm my-granola
    """
    from aijournal import render
    from aijournal.catalog.user_foods import remove_user_food
    from aijournal.paths import paths

    catalog, _ = _catalogs()
    path = remove_user_food(folder=paths().foods, catalog=catalog, food_id=food_id)
    render.info(f"removed {food_id} from {path}; meals already logged keep their values")


@app.command("edit")
def edit(
    food_id: Annotated[str, typer.Argument(help="The id of one of your own foods.")],
    values: Annotated[
        list[str] | None,
        typer.Argument(help="Nutrients to set, per 100 g: calcium_mg=120 fiber_g=3."),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="A new source.")] = None,
) -> None:
    """Change one of your own foods: its name, source or nutrients per 100 g.

    Examples:

    \b
      aij foods edit my-granola calcium_mg=80
      aij foods edit my-granola --name "Nut granola" --source "label, 2026"
    """
    from aijournal import render
    from aijournal.catalog.user_foods import edit_user_food
    from aijournal.paths import paths

    catalog, _ = _catalogs()
    changes = edit_user_food(
        folder=paths().foods,
        catalog=catalog,
        food_id=food_id,
        values=values or [],
        name=name,
        source=source,
    )
    for change in changes:
        render.info(f"{food_id}: {change}")


@recipe_app.command("add")
def recipe_add(
    name: Annotated[str, typer.Argument(help="The recipe's name (its id is the kebab-case).")],
    items: Annotated[str, typer.Argument(help='Ingredients: "oats 40g, milk 1 cup".')],
    servings: Annotated[float, typer.Option("--servings", help="Servings it makes.")] = 1,
) -> None:
    """Save a recipe; log it later by name and servings: aij log meal "porridge 1".

    Examples:

    \b
      aij foods recipe add porridge "oats 40g, milk 1 cup, blueberries 1/2 cup"
      aij foods recipe add soup "lentils 300g, carrots 200g" --servings 4
    """
    from aijournal import render
    from aijournal.catalog.intake import check_recipe
    from aijournal.catalog.recipes import hidden_by, make_recipe, recipe_id, save_recipes
    from aijournal.paths import ensure_private_dir, paths

    catalog, recipes = _catalogs()
    key = recipe_id(name)
    if not key:
        raise BadInput(f"recipe name '{name}' has no letters or digits")
    if key in recipes:
        raise BadInput(
            f"recipe {key} exists already; change it with aij foods recipe edit {key},"
            f" or remove it with aij foods recipe rm {key}"
        )
    if not 0 < servings <= 100:
        raise BadInput(f"--servings {servings:g} is not allowed; use more than 0, up to 100")
    recipe = make_recipe(id=key, name=name, servings=servings, items=items)
    check_recipe(recipe, catalog, recipes)
    ensure_private_dir(paths().home)
    path = save_recipes(paths().home, {**recipes, key: recipe})
    made = "1 serving" if servings == 1 else f"{servings:g} servings"
    render.info(f"saved recipe {key} ({made}) to {path}")
    hides = hidden_by(key, catalog)
    if hides:
        render.info(f"'{key}' now means your recipe; the catalog food is still {hides}")


@recipe_app.command("edit")
def recipe_edit(
    name: Annotated[str, typer.Argument(help="The recipe's id.")],
    items: Annotated[
        str | None, typer.Argument(help='New ingredients: "oats 50g, milk 1 cup".')
    ] = None,
    servings: Annotated[float | None, typer.Option("--servings", help="Servings it makes.")] = None,
) -> None:
    """Change a recipe's ingredients or servings (logged meals keep their values).

    Examples:

    \b
      aij foods recipe edit porridge --servings 2
      aij foods recipe edit porridge "oats 50g, milk 1 cup"
    """
    from aijournal import render
    from aijournal.catalog.intake import check_recipe
    from aijournal.catalog.recipes import find_recipe, save_recipes
    from aijournal.paths import paths

    catalog, recipes = _catalogs()
    old = find_recipe(name, recipes)
    if servings is not None and not 0 < servings <= 100:
        raise BadInput(f"--servings {servings:g} is not allowed; use more than 0, up to 100")
    new = old.model_copy(update={"items": items or old.items, "servings": servings or old.servings})
    check_recipe(new, catalog, {k: v for k, v in recipes.items() if k != old.id})
    save_recipes(paths().home, {**recipes, old.id: new})
    if new.items != old.items:
        render.info(f"{old.id}: ingredients: {old.items} -> {new.items}")
    if new.servings != old.servings:
        render.info(f"{old.id}: servings: {old.servings:g} -> {new.servings:g}")


@recipe_app.command("rm")
def recipe_rm(name: Annotated[str, typer.Argument(help="The recipe's id.")]) -> None:
    """Remove a recipe (logged meals keep their values).

    Examples:

    \b
      aij foods recipe rm porridge
    """
    from aijournal import render
    from aijournal.catalog.recipes import find_recipe, save_recipes
    from aijournal.paths import paths

    _, recipes = _catalogs()
    old = find_recipe(name, recipes)
    path = save_recipes(paths().home, {k: v for k, v in recipes.items() if k != old.id})
    render.info(f"removed recipe {old.id} from {path}")


@recipe_app.command("list")
def recipe_list(as_json: JsonOption = False) -> None:
    """Your recipes.

    Examples:

    \b
      aij foods recipe list
      aij foods recipe list --json
    """
    from aijournal import render

    _, recipes = _catalogs()
    if as_json:
        render.dump_json([r.model_dump() for r in recipes.values()])
        return
    if not recipes:
        render.hint('No recipes yet: aij foods recipe add porridge "oats 40g, milk 1 cup"')
        return
    render.rows_table(
        "Recipes",
        ("id", "servings", "ingredients"),
        ((r.id, f"{r.servings:g}", r.items) for r in recipes.values()),
    )


def register(root: typer.Typer) -> None:
    from aijournal.cli import log

    log.app.command("meal")(meal)
    log.app.command("supp")(supp)
    root.add_typer(app, name="foods")
