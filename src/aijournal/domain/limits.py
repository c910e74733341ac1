"""The declared range of every number and the longest of every text aij keeps: one set of
limits, used when a value is logged and when an export is imported, so every journal aij
can write it can restore."""

import math

from aijournal.errors import BadInput

# Texts a person types whose column has no other home for its limit.
MAX_MEAL_TEXT = 2000

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
