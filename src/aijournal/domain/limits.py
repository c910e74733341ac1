"""The declared range of every number and the longest of every text aij keeps: one set of
limits, used when a value is logged and when an export is imported, so every journal aij
can write it can restore."""

import math

from aijournal.errors import BadInput

# Texts a person types whose column has no other home for its limit.
MAX_MEAL_TEXT = 2000
MAX_CLINICIAN = 100
MAX_VISIT_NOTE = 2000
MAX_QUESTION = 2000
MAX_PRACTICE = 60
# A food's id, name and source as a meal item keeps them (your own foods and recipes too).
MAX_FOOD_ID = 80
MAX_FOOD_NAME = 200
MAX_FOOD_ORIGIN = 300
MAX_RECIPE_ID = 80


def check_text(what: str, text: str, limit: int, *, required: bool = False) -> str | None:
    """``text`` trimmed; None if empty (refused if ``required``); refused past ``limit``."""
    clean = text.strip()
    if not clean and required:
        raise BadInput(f"the {what} is empty; write it between quotes")
    if len(clean) > limit:
        raise BadInput(f"the {what} is {len(clean)} characters; at most {limit} are kept")
    return clean or None


# A symptom of the user's own has a scale inside this range (the built-in ones are too).
SYMPTOM_VALUE_RANGE = (-1000.0, 100000.0)
# A meal item's amount (in its own unit: grams, cups, items) and its grams or units.
MAX_ITEM_AMOUNT = 1_000_000.0
# One nutrient of one item (mg, µg, g, kcal): far above 5 kg of the richest food.
MAX_ITEM_NUTRIENT = 1_000_000_000.0


def check_number(what: str, value: float, low: float, high: float) -> None:
    """Refuse ``value`` unless it is finite and in [low, high] (NaN compares false: refused)."""
    if not (math.isfinite(value) and low <= value <= high):
        raise BadInput(f"{what} {value:g} is outside what aij keeps ({low:g} to {high:g})")
