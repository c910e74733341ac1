"""Changing the items of a meal, supplement or exercise entry (`aij edit ID oats=60g`).

A food's or supplement's item takes a new amount in the unit it was logged in; its grams,
units and nutrients scale with it, so the values computed when it was logged stay the
source (a later change to foods/ still never rewrites history). An exercise's item takes
new sets, reps, seconds, minutes, impacts or load, each within the limits of logging.
"""

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlmodel import Session, col, select

from aijournal.domain.exercise import (
    MAX_IMPACTS,
    MAX_LOAD_KG,
    MAX_MINUTES,
    MAX_REPS,
    MAX_SECONDS,
    MAX_SETS,
)
from aijournal.domain.meals import MAX_ITEM_GRAMS, MAX_SUPPLEMENT_UNITS
from aijournal.domain.nutrients import NUTRIENT_KEYS
from aijournal.domain.suggest import did_you_mean
from aijournal.domain.units import KG_PER_LB
from aijournal.errors import BadInput
from aijournal.store.models import ExerciseItem, Meal, MealItem

EXERCISE_FIELDS: dict[str, int] = {
    "sets": MAX_SETS,
    "reps": MAX_REPS,
    "seconds": MAX_SECONDS,
    "minutes": MAX_MINUTES,
    "impacts": MAX_IMPACTS,
}
_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?|\d+/\d+)\s*([a-zµ]+)?\s*$")
_LOAD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(kg|lb|lbs)?\s*$")


@dataclass(frozen=True)
class Change:
    """One changed value, as the user reads it: ``field: old → new``."""

    field: str
    old: str
    new: str


def _pick(items: list[Any], name: str, what: str, label: str) -> Any:
    """The item named by its position (1, 2 ...), its id or name, or a unique start of its id."""
    if name.isdigit() and 1 <= int(name) <= len(items):
        return items[int(name) - 1]
    for item in items:
        if name in (getattr(item, label), getattr(item, "name", "").lower()):
            return item
    starting = [item for item in items if getattr(item, label).startswith(name)]
    if len(starting) == 1:
        return starting[0]
    listed = ", ".join(f"{i} {getattr(item, label)}" for i, item in enumerate(items, start=1))
    hint = did_you_mean(name, [getattr(item, label) for item in items])
    raise BadInput(f"this {what} has no item '{name}'{hint}; its items: {listed}")


def _number(text: str) -> float:
    return float(Fraction(text)) if "/" in text else float(text)


def _amount_text(amount: float, unit: str | None) -> str:
    return f"{amount:g} {unit}" if unit else f"{amount:g}"


def change_meal_item(
    *, session: Session, entry_id: str, kind: str, name: str, text: str
) -> list[Change]:
    """Set one item's amount (``oats=60g``, ``2=1/2``, ``vitamin-d3-1000=2``)."""
    items = list(
        session.exec(
            select(MealItem).where(MealItem.entry_id == entry_id).order_by(col(MealItem.position))
        )
    )
    single = name == "amount" and len(items) == 1
    item = items[0] if single else _pick(items, name, kind, "food_id")
    match = _AMOUNT.match(text.lower())
    unit = item.unit
    allowed = f"a number{f' of {unit}' if unit else ''}, e.g. {item.food_id}=2"
    if match is None:
        raise BadInput(f"{item.food_id}={text} is not an amount; give {allowed}")
    given = match.group(2)
    if given is not None and unit is not None and given not in (unit, unit + "s", unit + "es"):
        raise BadInput(
            f"{item.food_id} was logged in {unit}, not '{given}'; give {allowed}"
            " (to change the unit, rm the entry and log it again)"
        )
    if given is not None and unit is None:
        raise BadInput(f"{item.food_id} was logged as a count; give {allowed}")
    amount = _number(match.group(1))
    if amount <= 0:
        raise BadInput(f"{item.food_id}={text}: the amount must be more than 0")
    ratio = amount / item.amount
    if item.grams is not None and item.grams * ratio > MAX_ITEM_GRAMS:
        raise BadInput(
            f"{item.food_id}={text} is {item.grams * ratio:,.0f} g;"
            f" one item may be at most {MAX_ITEM_GRAMS:,.0f} g"
        )
    if item.source == "supplement" and amount > MAX_SUPPLEMENT_UNITS:
        raise BadInput(
            f"{item.food_id}={text} is more than {MAX_SUPPLEMENT_UNITS:g}; check the amount"
        )
    old = _amount_text(item.amount, unit)
    item.amount = amount
    item.grams = None if item.grams is None else item.grams * ratio
    item.units = None if item.units is None else item.units * ratio
    for key in NUTRIENT_KEYS:
        value = getattr(item, key)
        setattr(item, key, None if value is None else value * ratio)
    session.add(item)
    meal = session.get(Meal, entry_id)
    if meal is not None:
        meal.text = ", ".join(f"{i.food_id} {_amount_text(i.amount, i.unit)}" for i in items)
        session.add(meal)
    return [Change(item.food_id, old, _amount_text(amount, unit))]


def _load_kg(key: str, text: str) -> float:
    match = _LOAD.match(text.lower())
    if match is None or (match.group(2) is None and float(match.group(1)) != 0):
        raise BadInput(f"{key}={text} is not a load; write it like 14kg or 30lb")
    number = float(match.group(1))
    kg = number * KG_PER_LB if (match.group(2) or "kg").startswith("lb") else number
    if not 0 <= kg <= MAX_LOAD_KG:
        raise BadInput(f"{key}={text}: the load must be 0 to {MAX_LOAD_KG:g} kg")
    return round(kg, 3)


def change_exercise_item(*, session: Session, entry_id: str, key: str, text: str) -> list[Change]:
    """Set one item's field (``brisk-walk.minutes=40``, ``1.sets=4``, ``minutes=40`` when
    only one item has minutes); only fields the item was logged with, and a load on sets."""
    items = list(
        session.exec(
            select(ExerciseItem)
            .where(ExerciseItem.entry_id == entry_id)
            .order_by(col(ExerciseItem.position))
        )
    )
    name, dot, field = key.rpartition(".")
    field = {"load_kg": "load"}.get(field, field)
    fields = (*EXERCISE_FIELDS, "load")
    if field not in fields:
        hint = did_you_mean(field, fields)
        raise BadInput(
            f"an exercise item has no '{field}'{hint}; change {', '.join(fields)}"
            " (as brisk-walk.minutes=40), or rpe"
        )
    column = "load_kg" if field == "load" else field
    if dot:
        item = _pick(items, name, "exercise session", "exercise")
    else:
        having = [i for i in items if getattr(i, column) is not None]
        if len(having) != 1:
            raise BadInput(
                f"name the exercise: {', '.join(f'{i.exercise}.{field}' for i in items)}"
            )
        item = having[0]
    if field == "load" and item.sets is None:
        raise BadInput(f"{item.exercise} was logged without sets; a load goes with sets x reps")
    if field != "load" and getattr(item, column) is None:
        logged = [f for f in EXERCISE_FIELDS if getattr(item, f) is not None]
        raise BadInput(
            f"{item.exercise} was logged with {', '.join(logged)}, not {field};"
            f" change {item.exercise}.{logged[0]}"
        )
    old_value = getattr(item, column)
    if field == "load":
        value: float | int = _load_kg(key, text)
        old = "none" if old_value is None else f"{old_value:g} kg"
        new = f"{value:g} kg"
    else:
        high = EXERCISE_FIELDS[field]
        if not text.strip().isdigit() or not 1 <= int(text) <= high:
            raise BadInput(f"{key}={text} is not allowed; {field} is a whole number 1 to {high}")
        value = int(text)
        old, new = str(old_value), str(value)
    setattr(item, column, value)
    session.add(item)
    return [Change(f"{item.exercise} {field}", old, new)]
