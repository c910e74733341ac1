"""A food or supplement item ready to log: what it is, how much, and its nutrients."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemToLog:
    """A resolved item: its nutrients are computed now and kept (None = unknown, never 0)."""

    food_id: str
    name: str
    source: str  # "food" or "supplement"
    origin: str  # "USDA SR28 NDB 15088", "label: ...", "your own food"
    amount: float
    unit: str | None
    grams: float | None
    units: float | None
    tags: tuple[str, ...]
    values: dict[str, float | None]
    recipe: str | None = None
    summary: str = ""
