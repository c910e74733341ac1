"""Body measures and their units: kg and cm stored, lb and in accepted."""

import re

from aijournal.errors import BadInput

KG_PER_LB = 0.45359237
CM_PER_IN = 2.54
_NUMBER_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$")

# Plausible adult ranges; a value outside is a typo, not a measurement.
WEIGHT_KG_RANGE = (20.0, 400.0)
WAIST_CM_RANGE = (40.0, 250.0)


def _split(text: str, what: str, allowed: str) -> tuple[float, str]:
    match = _NUMBER_UNIT.match(text.lower())
    if match is None:
        raise BadInput(f"{what} '{text}' is not a number; use {allowed}")
    return float(match.group(1)), match.group(2)


def parse_weight_kg(text: str) -> float:
    """Weight in kg from '68.2', '68.2kg' or '150lb'."""
    allowed = "a weight such as 68.2, 68.2kg or 150lb"
    value, unit = _split(text, "weight", allowed)
    if unit in ("", "kg", "kgs"):
        kg = value
    elif unit in ("lb", "lbs", "pound", "pounds"):
        kg = value * KG_PER_LB
    else:
        raise BadInput(f"weight unit '{unit}' is not known; use kg or lb")
    low, high = WEIGHT_KG_RANGE
    if not low <= kg <= high:
        raise BadInput(f"weight {text} is outside {low:g}-{high:g} kg")
    return round(kg, 3)


def parse_waist_cm(text: str) -> float:
    """Waist in cm from '84', '84cm' or '33in'."""
    allowed = "a waist such as 84, 84cm or 33in"
    value, unit = _split(text, "waist", allowed)
    if unit in ("", "cm"):
        cm = value
    elif unit in ("in", "inch", "inches"):
        cm = value * CM_PER_IN
    else:
        raise BadInput(f"waist unit '{unit}' is not known; use cm or in")
    low, high = WAIST_CM_RANGE
    if not low <= cm <= high:
        raise BadInput(f"waist {text} is outside {low:g}-{high:g} cm")
    return round(cm, 2)
