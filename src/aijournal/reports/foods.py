"""`aij foods show`: a food's nutrients per 100 g and per measure, with its provenance."""

from pathlib import Path
from typing import Any

from aijournal.catalog.foods import Food, Supplement
from aijournal.catalog.intake import provenance
from aijournal.domain.nutrients import NUTRIENTS, item_nutrients, supplement_nutrients


def food_view(entry: Food | Supplement, origin: Path) -> dict[str, Any]:
    """Plain data for render and --json."""
    if isinstance(entry, Supplement):
        return {
            "id": entry.id,
            "name": entry.name,
            "kind": "supplement",
            "unit": entry.unit,
            "per_unit": {k: v for k, v in supplement_nutrients(entry, 1).items() if v},
            "source": entry.source,
            "file": str(origin),
        }
    per_100 = item_nutrients(entry, 100.0)
    return {
        "id": entry.id,
        "name": entry.name,
        "kind": "food",
        "sr28_name": entry.sr28_name,
        "ndb": entry.ndb,
        "group": entry.group,
        "aliases": list(entry.aliases),
        "tags": list(entry.tags),
        "source": provenance(entry),
        "per_100g": per_100,
        "units": {key: info.unit for key, info in NUTRIENTS.items()},
        "measures": [
            {
                "unit": m.unit,
                "grams": m.grams,
                "sr28": m.sr28,
                "calcium_mg": per_100["calcium_mg"] and per_100["calcium_mg"] * m.grams / 100,
            }
            for m in entry.measures
        ],
        "file": str(origin),
    }
