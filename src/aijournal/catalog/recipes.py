"""The user's recipes (recipes.yaml in the aij home): a recipe counts as its ingredients."""

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aijournal.catalog.foods import FoodCatalog
from aijournal.catalog.yamlfile import load_model
from aijournal.domain.limits import MAX_RECIPE_ID
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput, NotFound
from aijournal.paths import keep_previous, write_private_text

RECIPES_FILE = "recipes.yaml"
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Recipe(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN, max_length=MAX_RECIPE_ID)
    name: str = Field(min_length=1)
    servings: float = Field(gt=0, le=100)
    items: str = Field(min_length=1, description="the ingredients, as `aij log meal` takes them")


def make_recipe(*, id: str, name: str, servings: float, items: str) -> Recipe:
    """A recipe from what a person typed, or BadInput saying what is missing or not allowed."""
    if not items.strip():
        raise BadInput(
            f"recipe {id} has no ingredients; write them as aij log meal takes them, "
            'e.g. "oats 40g, milk 1 cup"'
        )
    if not name.strip():
        raise BadInput("the recipe needs a name with letters or digits")
    try:
        return Recipe(id=id, name=name, servings=servings, items=items)
    except ValidationError as exc:
        field = ".".join(str(p) for p in exc.errors()[0]["loc"]) or "recipe"
        raise BadInput(f"recipe {id}: {field} is not allowed ({exc.errors()[0]['msg']})") from None


class RecipeFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recipes: list[Recipe] = Field(default_factory=list)


def load_recipes(home: Path) -> dict[str, Recipe]:
    path = home / RECIPES_FILE
    if not path.is_file():
        return {}
    parsed = load_model(path, RecipeFile)
    found: dict[str, Recipe] = {}
    for recipe in parsed.recipes:
        if recipe.id in found:
            raise BadInput(f"{path}: recipe '{recipe.id}' is listed twice")
        found[recipe.id] = recipe
    return found


def recipe_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")


def save_recipes(home: Path, recipes: dict[str, Recipe]) -> Path:
    """Write recipes.yaml (owner-only), keeping the previous file as recipes.yaml.bak."""
    path = home / RECIPES_FILE
    keep_previous(path, path.with_name(RECIPES_FILE + ".bak"))
    data = {"recipes": [r.model_dump() for r in sorted(recipes.values(), key=lambda r: r.id)]}
    text = "# Your recipes; aij foods recipe add keeps this file\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True
    )
    write_private_text(path, text)
    return path


def find_recipe(name: str, recipes: dict[str, Recipe]) -> Recipe:
    """The recipe ``name`` means, or NotFound with a did-you-mean."""
    key = recipe_id(name)
    if key in recipes:
        return recipes[key]
    hint = did_you_mean(key, list(recipes))
    known = f"; yours: {', '.join(sorted(recipes))}" if recipes and not hint else ""
    raise NotFound(f"no recipe '{name}'{hint}{known}")


def hidden_by(key: str, catalog: FoodCatalog) -> str | None:
    """The catalog food a recipe named ``key`` hides (your names win), or None."""
    if not catalog.knows(key):
        return None
    return catalog.resolve(key).id
