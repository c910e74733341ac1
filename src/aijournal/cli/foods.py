"""`aij log meal`, `aij log supp`, and `aij foods` (search, show, add, recipe add/list)."""

from typing import TYPE_CHECKING, Annotated

import typer

from aijournal.cli.common import DateOption, JsonOption, day_of, is_interactive, journal
from aijournal.errors import BadInput

if TYPE_CHECKING:
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
    from aijournal.catalog.foods import load_food_catalog
    from aijournal.catalog.recipes import load_recipes
    from aijournal.paths import paths

    return load_food_catalog(paths().foods), load_recipes(paths().home)


def meal(
    items: Annotated[
        str | None,
        typer.Argument(help='Items: "salmon 150g, kale 1 cup, walnuts 30g, olive oil 1 tbsp".'),
    ] = None,
    slot: Annotated[
        str | None, typer.Option("--slot", help="breakfast, lunch, dinner or snack.")
    ] = None,
    date: DateOption = "today",
) -> None:
    """Record a meal: foods with amounts (g, oz, ml, cup, tbsp, slice, 2 eggs, 1/2 cup)."""
    from aijournal import render
    from aijournal.catalog.intake import resolve_items
    from aijournal.store.meals import save_meal

    day = day_of(date)
    if slot is not None and slot not in SLOTS:
        raise BadInput(f"--slot {slot} is not allowed; use {', '.join(SLOTS)}")
    catalog, recipes = _catalogs()
    if items is None:
        if not is_interactive():
            raise BadInput('name what you ate, e.g. aij log meal "oats 40g, milk 1 cup"')
        from aijournal.cli.meal_guided import ask_meal

        items = ask_meal(catalog)
    resolved = resolve_items(items, catalog, recipes)
    with journal() as opened, opened.write() as session:
        saved = save_meal(
            session=session, day=day, kind="meal", slot=slot, text=items.strip(), items=resolved
        )
    render.saved(day.isoformat(), [saved])


def supp(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Supplements, each optionally followed by a count: "
            "calcium-carbonate-600 2 vitamin-d3-1000."
        ),
    ],
    date: DateOption = "today",
) -> None:
    """Record supplements taken (one unit each unless a count follows the name)."""
    from aijournal import render
    from aijournal.catalog.intake import resolve_items
    from aijournal.store.meals import save_meal

    day = day_of(date)
    parts: list[str] = []
    for token in names:
        if parts and token.replace(".", "", 1).replace("/", "", 1).isdigit():
            parts[-1] += f" {token}"
        else:
            parts.append(token)
    text = ", ".join(p if " " in p else f"{p} 1" for p in parts)
    catalog, _ = _catalogs()
    resolved = resolve_items(text, catalog, {}, supplements_only=True)
    with journal() as opened, opened.write() as session:
        saved = save_meal(
            session=session, day=day, kind="supplement", slot=None, text=text, items=resolved
        )
    render.saved(day.isoformat(), [saved])


@app.command("search")
def search(
    text: Annotated[str, typer.Argument(help="Words to look for in names and aliases.")],
    as_json: JsonOption = False,
) -> None:
    """Find foods and supplements by name."""
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
    food_id: Annotated[str, typer.Argument(help="A food or supplement id (or alias).")],
    as_json: JsonOption = False,
) -> None:
    """Nutrients per 100 g and per measure, with the food's NDB number and source."""
    from aijournal import render
    from aijournal.reports.foods import food_view

    catalog, _ = _catalogs()
    entry = catalog.resolve(food_id)
    view = food_view(entry, catalog.origin(entry.id))
    if as_json:
        render.dump_json(view)
    else:
        render.food(view)


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
    """Add your own food (any subset of nutrients; the rest stay unknown)."""
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


@recipe_app.command("add")
def recipe_add(
    name: Annotated[str, typer.Argument(help="The recipe's name (its id is the kebab-case).")],
    items: Annotated[str, typer.Argument(help='Ingredients: "oats 40g, milk 1 cup".')],
    servings: Annotated[float, typer.Option("--servings", help="Servings it makes.")] = 1,
) -> None:
    """Save a recipe; log it later by name and servings: aij log meal "porridge 1"."""
    from aijournal import render
    from aijournal.catalog.intake import check_recipe
    from aijournal.catalog.recipes import Recipe, recipe_id, save_recipes
    from aijournal.paths import ensure_private_dir, paths

    catalog, recipes = _catalogs()
    key = recipe_id(name)
    if not key:
        raise BadInput(f"recipe name '{name}' has no letters or digits")
    if key in recipes:
        raise BadInput(f"recipe {key} exists already; remove it from recipes.yaml first")
    if key in catalog:
        raise BadInput(f"'{key}' is already a food id; name the recipe differently")
    if not 0 < servings <= 100:
        raise BadInput(f"--servings {servings:g} is not allowed; use more than 0, up to 100")
    recipe = Recipe(id=key, name=name, servings=servings, items=items)
    check_recipe(recipe, catalog, recipes)
    ensure_private_dir(paths().home)
    path = save_recipes(paths().home, {**recipes, key: recipe})
    render.info(f"saved recipe {key} ({servings:g} servings) to {path}")


@recipe_app.command("list")
def recipe_list(as_json: JsonOption = False) -> None:
    """Your recipes."""
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
