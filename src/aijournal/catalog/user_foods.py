"""`aij foods add`: the user's own foods, kept in foods/my-foods.yaml in the aij home."""

import math
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import ValidationError

from aijournal.catalog.foods import PER_100G_KEYS, Food, FoodCatalog, FoodFile, Tag
from aijournal.catalog.yamlfile import load_model
from aijournal.errors import BadInput
from aijournal.paths import ensure_private_dir, write_private_text
from aijournal.suggest import did_you_mean

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
    if food_id in catalog:
        raise BadInput(f"'{food_id}' is already a food; choose another id")
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
    try:
        Food.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise BadInput(f"food {food_id}: {field}: {first['msg']}") from None
    path = folder / MY_FOODS
    existing = load_model(path, FoodFile) if path.exists() else FoodFile()
    data = existing.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.setdefault("source", "Your own foods (aij foods add)")
    data.setdefault("foods", []).append(record)
    FoodFile.model_validate(data)
    ensure_private_dir(folder)
    if path.exists():
        path.with_name(MY_FOODS + ".bak").write_bytes(path.read_bytes())
    text = "# Your own foods; aij foods add keeps this file\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True
    )
    write_private_text(path, text)
    return path
