"""`aij foods add/edit/rm`: the user's own foods, kept in foods/my-foods.yaml in the aij home.

Every change is tried on the whole catalog before the file is written, so a saved food never
breaks another command; a name of yours that a shipped food also has is yours from then on."""

import math
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import ValidationError

from aijournal.catalog.foods import PER_100G_KEYS, Food, FoodCatalog, FoodFile, Tag
from aijournal.catalog.yamlfile import load_model
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput, NotFound
from aijournal.paths import ensure_private_dir, keep_previous, write_private_text

MY_FOODS = "my-foods.yaml"


def _parse_values(values: list[str]) -> dict[str, float]:
    parsed: dict[str, float] = {}
    for token in values:
        key, sep, text = token.partition("=")
        key = key.strip().lower().replace("-", "_")
        if not sep:
            raise BadInput(f"'{token}' is not nutrient=value, like calcium_mg=120")
        if key not in PER_100G_KEYS:
            hint = did_you_mean(key, PER_100G_KEYS)
            raise BadInput(f"unknown nutrient '{key}'{hint}; allowed: {', '.join(PER_100G_KEYS)}")
        try:
            number = float(text)
        except ValueError:
            raise BadInput(f"{key}={text} is not a number") from None
        if not math.isfinite(number) or number < 0:
            raise BadInput(f"{key}={text} is not allowed; a nutrient is 0 or more")
        parsed[key] = number
    return parsed


def add_user_food(
    *,
    folder: Path,
    catalog: FoodCatalog,
    food_id: str,
    name: str,
    values: list[str],
    per: str,
    serving_g: float | None,
    tags: str | None,
    source: str,
) -> Path:
    """Validate and append one food to my-foods.yaml (the previous file kept as .bak)."""
    if food_id in catalog and catalog.is_users(food_id):
        raise BadInput(f"'{food_id}' is already one of your foods; change it with aij foods edit")
    if food_id in catalog:
        raise BadInput(f"'{food_id}' is a shipped food's id; choose another id")
    numbers = _parse_values(values)
    if per not in ("100g", "serving"):
        raise BadInput(f"--per {per} is not allowed; use 100g or serving")
    if serving_g is not None and not 0 < serving_g <= 5000:
        raise BadInput(f"--serving-g {serving_g:g} is not allowed; use more than 0, up to 5000")
    if per == "serving":
        if serving_g is None:
            raise BadInput("--per serving needs --serving-g (grams in one serving)")
        numbers = {k: v * 100.0 / serving_g for k, v in numbers.items()}
    chosen_tags = [t.strip() for t in (tags or "").split(",") if t.strip()]
    allowed_tags = get_args(Tag)
    for tag in chosen_tags:
        if tag not in allowed_tags:
            hint = did_you_mean(tag, allowed_tags)
            raise BadInput(f"unknown tag '{tag}'{hint}; allowed: {', '.join(allowed_tags)}")
    record: dict[str, Any] = {
        "id": food_id,
        "name": name,
        "tags": chosen_tags,
        "per_100g": numbers,
        "source": source,
    }
    if serving_g is not None:
        record["measures"] = [{"unit": "serving", "grams": serving_g}]
        record["count_unit"] = "serving"
    path = folder / MY_FOODS
    _try_on_catalog(catalog, _validated(record), path)
    data = _read(path)
    data.setdefault("foods", []).append(record)
    return _write(folder, data)


def _validated(record: dict[str, Any]) -> Food:
    try:
        return Food.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise BadInput(f"food {record['id']}: {field}: {first['msg']}") from None


def _try_on_catalog(catalog: FoodCatalog, food: Food, path: Path) -> None:
    """Refuse a food that the catalog would leave out (a name another food of yours has)."""
    trial = catalog.with_user_entry(food, path)
    mine = [p for p in trial.problems if f": {food.id} is left out: " in p]
    if mine:
        raise BadInput(mine[0].split(": ", 1)[1] + "; nothing was saved")


def _read(path: Path) -> dict[str, Any]:
    existing = load_model(path, FoodFile) if path.exists() else FoodFile()
    data = existing.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.setdefault("source", "Your own foods (aij foods add)")
    return data


def _write(folder: Path, data: dict[str, Any]) -> Path:
    """Write my-foods.yaml (owner-only), the previous file kept as my-foods.yaml.bak."""
    FoodFile.model_validate(data)
    path = folder / MY_FOODS
    ensure_private_dir(folder)
    if path.exists():
        keep_previous(path, path.with_name(MY_FOODS + ".bak"))
    text = "# Your own foods; aij foods add, edit and rm keep this file\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True
    )
    write_private_text(path, text)
    return path


def _own_record(path: Path, catalog: FoodCatalog, food_id: str) -> tuple[dict[str, Any], int]:
    """The data of my-foods.yaml and the index of ``food_id`` in it; refused for others."""
    data = _read(path)
    ids = [f["id"] for f in data.get("foods", [])]
    if food_id in ids:
        return data, ids.index(food_id)
    if food_id in catalog and catalog.is_users(food_id):
        raise BadInput(f"{food_id} is in {catalog.origin(food_id)}; edit that file by hand")
    if food_id in catalog:
        raise BadInput(f"{food_id} is a shipped food; only your own foods can be changed")
    hint = did_you_mean(food_id, ids)
    yours = f"; yours: {', '.join(ids)}" if ids and not hint else ""
    raise NotFound(f"no food of yours is '{food_id}'{hint}{yours}")


def remove_user_food(*, folder: Path, catalog: FoodCatalog, food_id: str) -> Path:
    """Remove one of the user's own foods from my-foods.yaml."""
    path = folder / MY_FOODS
    data, index = _own_record(path, catalog, food_id)
    del data["foods"][index]
    return _write(folder, data)


def edit_user_food(
    *,
    folder: Path,
    catalog: FoodCatalog,
    food_id: str,
    values: list[str],
    name: str | None,
    source: str | None,
) -> list[str]:
    """Change a food of the user's; returns what changed, as 'field: old -> new'."""
    path = folder / MY_FOODS
    data, index = _own_record(path, catalog, food_id)
    record = dict(data["foods"][index])
    before = {**record, "per_100g": dict(record.get("per_100g", {}))}
    if name is not None:
        record["name"] = name
    if source is not None:
        record["source"] = source
    record["per_100g"] = {**before["per_100g"], **_parse_values(values)}
    if record == before:
        raise BadInput("nothing to change; give nutrient=value, --name or --source")
    _try_on_catalog(catalog, _validated(record), path)
    data["foods"][index] = record
    _write(folder, data)
    changes = [f"{key}: {before.get(key)} -> {record[key]}" for key in ("name", "source")
               if before.get(key) != record.get(key)]  # fmt: skip
    for key, value in record["per_100g"].items():
        old = before["per_100g"].get(key)
        if old != value:
            was = "unknown" if old is None else f"{old:g}"
            changes.append(f"{key} per 100 g: {was} -> {value:g}")
    return changes
