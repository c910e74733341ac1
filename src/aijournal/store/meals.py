"""Meals and supplements: saving items with their computed nutrients, reading them back."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from aijournal.domain.intake import ItemToLog
from aijournal.domain.limits import MAX_ITEM_AMOUNT, MAX_ITEM_NUTRIENT, check_number
from aijournal.domain.nutrients import NUTRIENT_KEYS
from aijournal.store.daily import Saved
from aijournal.store.entries import new_entry
from aijournal.store.models import Entry, Meal, MealItem


def save_meal(
    *, session: Session, day: date, kind: str, slot: str | None, text: str, items: list[ItemToLog]
) -> Saved:
    """One meal (or supplements) entry holding every item."""
    for item in items:
        check_item_numbers(item)
    entry = new_entry(session=session, day=day, kind=kind)
    session.add(Meal(entry_id=entry.id, slot=slot, text=text))
    for position, item in enumerate(items, start=1):
        session.add(
            MealItem(
                entry_id=entry.id,
                position=position,
                food_id=item.food_id,
                name=item.name,
                source=item.source,
                origin=item.origin,
                recipe=item.recipe,
                amount=item.amount,
                unit=item.unit,
                grams=item.grams,
                units=item.units,
                tags=",".join(item.tags),
                **{key: item.values.get(key) for key in NUTRIENT_KEYS},
            )
        )
    label = slot or kind
    return Saved(entry.id, f"{label}: " + ", ".join(i.summary or i.food_id for i in items))


def check_item_numbers(item: ItemToLog) -> None:
    """Refuse an item whose amount or a nutrient is not finite or past its declared limit
    (a food of your own with calcium_mg=1e300): import would refuse the journal later."""
    for what, value in (("amount", item.amount), ("grams", item.grams), ("units", item.units)):
        if value is not None:
            check_number(f"{item.food_id}: {what}", value, 0, MAX_ITEM_AMOUNT)
    for key in NUTRIENT_KEYS:
        value = item.values.get(key)
        if value is not None:
            check_number(f"{item.food_id}: {key}", value, 0, MAX_ITEM_NUTRIENT)


@dataclass
class StoredMeal:
    entry_id: str
    day: date
    kind: str
    slot: str | None
    text: str
    items: list[MealItem] = field(default_factory=list)


def meals_between(*, session: Session, start: date, end: date) -> list[StoredMeal]:
    """Meals and supplement entries of start..end with their items (two queries)."""
    heads = session.exec(
        select(Entry, Meal)
        .join(Meal, col(Meal.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end)
        .order_by(col(Entry.day), col(Entry.created_at))
    ).all()
    meals = {e.id: StoredMeal(e.id, e.day, e.kind, m.slot, m.text) for e, m in heads}
    rows = session.exec(
        select(MealItem)
        .join(Entry, col(MealItem.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end)
        .order_by(col(MealItem.entry_id), col(MealItem.position))
    )
    for row in rows:
        meals[row.entry_id].items.append(row)
    return list(meals.values())


def daily_nutrient_sums(
    *, session: Session, start: date, end: date, keys: tuple[str, ...] = NUTRIENT_KEYS
) -> list[dict[str, Any]]:
    """Per day and source: item count, and for each nutrient of ``keys`` (all, unless a view
    reads only some) its sum and how many items knew it.

    Aggregated in the database over the range's rows only (the day index bounds it).
    """
    columns: list[Any] = [Entry.day, MealItem.source, func.count()]
    for key in keys:
        column = getattr(MealItem, key)
        columns += [func.sum(column), func.count(column)]
    query = (
        select(*columns)
        .join(Entry, col(MealItem.entry_id) == Entry.id)
        .where(col(Entry.kind).in_(("meal", "supplement")), Entry.day >= start, Entry.day <= end)
        .group_by(Entry.day, MealItem.source)
        .order_by(Entry.day)
    )
    result = []
    for row in session.exec(query):
        record: dict[str, Any] = {"day": row[0], "source": row[1], "items": row[2]}
        for index, key in enumerate(keys):
            record[key] = row[3 + 2 * index]
            record[key + "__known"] = row[4 + 2 * index]
        result.append(record)
    return result
