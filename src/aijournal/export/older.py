"""Exports written by an older aij, read as the current schema: what the migrations do to a
journal (store/migrations.py), done to the rows of an older export as they are read."""

from aijournal.export.incoming import Values
from aijournal.export.tables import MEAL_ITEM, Column, Table

MK7 = "vitamin_k2_mk7_ug"
MK7_SINCE = 6  # schema 6 keeps MK-7 apart from vitamin_k_ug (migration 6)
# Migration 6's split: natto per gram of food, the K2 supplements per unit.
MK7_PER_GRAM = {"natto": 7.75}
MK7_PER_UNIT = {"calcium-d3-k2": 90.0, "vitamin-k2-mk7-100": 100.0, "vitamin-d3-k2": 100.0}


def columns_in(table: Table, schema: int) -> tuple[Column, ...]:
    """The columns ``table`` had in an export of ``schema``."""
    if table is MEAL_ITEM and schema < MK7_SINCE:
        return tuple(c for c in table.columns if c.name != MK7)
    return table.columns


def upgrade(table: Table, schema: int, values: Values) -> Values:
    """A row of ``table`` read from an export of ``schema``, as the current schema holds it."""
    if table is not MEAL_ITEM or schema >= MK7_SINCE:
        return values
    row = dict(zip((c.name for c in columns_in(table, schema)), values, strict=True))
    row[MK7] = 0.0
    vitamin_k = row["vitamin_k_ug"]
    if row["source"] == "food" and row["food_id"] in MK7_PER_GRAM:
        if row["grams"] is not None and vitamin_k is not None:
            row[MK7] = row["grams"] * MK7_PER_GRAM[row["food_id"]]
            row["vitamin_k_ug"] = vitamin_k - row[MK7]
    elif (
        row["source"] == "supplement"
        and row["food_id"] in MK7_PER_UNIT
        and row["units"] is not None
    ):
        row[MK7] = row["units"] * MK7_PER_UNIT[row["food_id"]]
        row["vitamin_k_ug"] = None if vitamin_k is None else vitamin_k - row[MK7]
    return tuple(row[c.name] for c in table.columns)
