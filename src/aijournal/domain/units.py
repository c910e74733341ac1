"""Body measures, sleep hours and their units: kg and cm stored; lb and in accepted, and
read and shown by default when the settings say ``units: imperial``."""

import re
from typing import Literal

from aijournal.errors import BadInput

Units = Literal["metric", "imperial"]
KG_PER_LB = 0.45359237
CM_PER_IN = 2.54
# A number with a decimal point or comma (68.2, 68,2), then an optional unit word.
_NUMBER_UNIT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$")

# Plausible adult ranges; a value outside is a typo, not a measurement.
WEIGHT_KG_RANGE = (20.0, 400.0)
WAIST_CM_RANGE = (40.0, 250.0)
SLEEP_HOURS_RANGE = (0.0, 24.0)

KG_WORDS = ("kg", "kgs", "kilo", "kilos")
LB_WORDS = ("lb", "lbs", "pound", "pounds")
CM_WORDS = ("cm",)
IN_WORDS = ("in", "inch", "inches")


def _split(text: str, what: str, allowed: str) -> tuple[float, str]:
    match = _NUMBER_UNIT.match(text.lower())
    if match is None:
        raise BadInput(f"{what} '{text}' is not a number; use {allowed}")
    return float(match.group(1).replace(",", ".")), match.group(2)


def weight_unit(units: Units) -> str:
    return "lb" if units == "imperial" else "kg"


def waist_unit(units: Units) -> str:
    return "in" if units == "imperial" else "cm"


def parse_weight_kg(text: str, units: Units = "metric") -> float:
    """Weight in kg from '68.2', '68,2', '68.2kg' or '150lb'; a bare number is in lb when
    ``units`` is imperial."""
    bare = weight_unit(units)
    allowed = f"a weight such as 68.2 ({bare}), 68.2kg or 150lb"
    value, unit = _split(text, "weight", allowed)
    unit = unit or bare
    if unit in KG_WORDS:
        kg = value
    elif unit in LB_WORDS:
        kg = value * KG_PER_LB
    else:
        raise BadInput(f"weight unit '{unit}' is not known; use kg or lb")
    low, high = WEIGHT_KG_RANGE
    if not low <= kg <= high:
        raise BadInput(
            f"weight {text} is outside {low:g}-{high:g} kg ({low / KG_PER_LB:.0f}-"
            f"{high / KG_PER_LB:.0f} lb)"
        )
    return round(kg, 3)


def parse_waist_cm(text: str, units: Units = "metric") -> float:
    """Waist in cm from '84', '84cm' or '33in'; a bare number is in inches when ``units`` is
    imperial."""
    bare = waist_unit(units)
    allowed = f"a waist such as 84 ({bare}), 84cm or 33in"
    value, unit = _split(text, "waist", allowed)
    unit = unit or bare
    if unit in CM_WORDS:
        cm = value
    elif unit in IN_WORDS:
        cm = value * CM_PER_IN
    else:
        raise BadInput(f"waist unit '{unit}' is not known; use cm or in")
    low, high = WAIST_CM_RANGE
    if not low <= cm <= high:
        raise BadInput(
            f"waist {text} is outside {low:g}-{high:g} cm ({low / CM_PER_IN:.0f}-"
            f"{high / CM_PER_IN:.0f} in)"
        )
    return round(cm, 2)


_HOURS = re.compile(
    r"^(?P<h>\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours)?$"
    r"|^(?P<hh>\d+)\s*(?::|h|hr|hrs)\s*(?P<mm>\d{1,2})\s*(?:m|min|mins)?$"
)
SLEEP_ALLOWED = "hours 0-24, such as 7, 7.5, 7h, 7h30 or 7:30"


def parse_sleep_hours(text: str) -> float:
    """Hours slept from '7', '7.5', '7,5', '7h', '7 hours', '7h30' or '7:30'."""
    match = _HOURS.match(text.strip().lower())
    if match is None:
        raise BadInput(f"sleep={text} is not a number of hours; allowed: {SLEEP_ALLOWED}")
    if match.group("h") is not None:
        hours = float(match.group("h").replace(",", "."))
    else:
        minutes = int(match.group("mm"))
        if minutes >= 60:
            raise BadInput(f"sleep={text}: minutes go up to 59; allowed: {SLEEP_ALLOWED}")
        hours = int(match.group("hh")) + minutes / 60
    low, high = SLEEP_HOURS_RANGE
    if not low <= hours <= high:
        raise BadInput(f"sleep={text} is outside the allowed range; allowed: {SLEEP_ALLOWED}")
    return round(hours, 2)


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def weight_in(kg: float, units: Units) -> float:
    """A stored weight (kg) as a number in the user's unit (``weight_unit``)."""
    return kg / KG_PER_LB if units == "imperial" else kg


def waist_in(cm: float, units: Units) -> float:
    """A stored waist (cm) as a number in the user's unit (``waist_unit``)."""
    return cm / CM_PER_IN if units == "imperial" else cm


def show_weight(kg: float, units: Units) -> str:
    """A stored weight as the user reads it: '68.2 kg', or '150.4 lb' in imperial units."""
    if units == "imperial":
        return f"{_number(kg / KG_PER_LB)} lb"
    return f"{_number(kg)} kg"


def show_waist(cm: float, units: Units) -> str:
    """A stored waist as the user reads it: '84 cm', or '33.1 in' in imperial units."""
    if units == "imperial":
        return f"{_number(cm / CM_PER_IN)} in"
    return f"{_number(cm)} cm"


def show_weight_change(kg: float | None, units: Units) -> str:
    """A change of weight, signed, in the user's unit ('-' when unknown)."""
    if kg is None:
        return "-"
    return f"{kg / KG_PER_LB if units == 'imperial' else kg:+.1f}"


def show_waist_change(cm: float | None, units: Units) -> str:
    """A change of waist, signed, in the user's unit ('-' when unknown)."""
    if cm is None:
        return "-"
    return f"{cm / CM_PER_IN if units == 'imperial' else cm:+.1f}"
