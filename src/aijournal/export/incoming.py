"""An import's rows as read and checked: each value against its column, each row in place.

Every value is checked against its column (type, length, range, allowed words) as it is
read; the first bad one stops the import with the file, the row and the reason. The
collector refuses doubled ids, rows of an unknown entry and entries without their details.
"""

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from aijournal.domain.labels import article
from aijournal.errors import BadInput
from aijournal.export.cells import (
    CellError,
    parse_bool,
    parse_cell,
    parse_date,
    parse_datetime,
    parse_float,
    parse_int,
    read_text_cell,
)
from aijournal.export.tables import (
    ENTRY_COLUMNS,
    KIND_ITEMS,
    KIND_TABLE,
    Column,
    Table,
)

Values = tuple[Any, ...]
ENTRY_KEY = Column("entry_id", "text", max_length=12, pattern=ENTRY_COLUMNS[0].pattern)
POSITION = Column("position", "int", low=1, high=10000)


class RejectedImport(BadInput):
    """An export that cannot be imported; the message names the file, the row and why."""


@dataclass
class Incoming:
    """An export's entries, checked column by column: by entry id, its row and details."""

    source: str
    schema: int = 0  # the export's schema version, once its header is read
    entries: dict[str, tuple[date, str, datetime, datetime]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    details: dict[str, Values] = field(default_factory=dict)
    items: dict[str, dict[int, Values]] = field(default_factory=dict)
    # The user's own files (settings, recipes, foods, plans) by name in the aij home.
    files: dict[str, bytes] = field(default_factory=dict)

    def renamed(self, ids: dict[str, str]) -> "Incoming":
        """The same rows with entry ids renamed by ``ids`` (into another journal, #13)."""
        return Incoming(
            source=self.source,
            schema=self.schema,
            entries={ids[i]: row for i, row in self.entries.items()},
            where={ids[i]: text for i, text in self.where.items()},
            details={ids[i]: values for i, values in self.details.items()},
            items={ids[i]: rows for i, rows in self.items.items()},
            files=self.files,
        )

    def fail(self, where: str, reason: str) -> RejectedImport:
        return RejectedImport(f"{self.source}: {where}: {reason}; nothing was imported")


def check_value(column: Column, value: Any) -> None:
    """Raise CellError when ``value`` is outside what ``column`` allows."""
    if value is None:
        if not column.nullable:
            raise CellError("a value is needed")
        return
    if isinstance(value, str):
        check_text(value)
        if column.max_length is not None and len(value) > column.max_length:
            raise CellError(f"{len(value)} characters, at most {column.max_length} allowed")
        if len(value) < column.min_length:
            raise CellError("the text is empty")
        if column.choices and value not in column.choices:
            raise CellError(f"'{value}' is not allowed; use {', '.join(column.choices)}")
        if column.pattern is not None and column.pattern.match(value) is None:
            raise CellError(f"'{value}' is not in the allowed form")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise CellError(f"{value} is not a finite number")
        if column.low is not None and value < column.low:
            raise CellError(f"{value:g} is below the lowest allowed, {column.low:g}")
        if column.high is not None and value > column.high:
            raise CellError(f"{value:g} is above the highest allowed, {column.high:g}")


def check_text(value: str) -> None:
    """Refuse a NUL (CSV cannot carry it) or a lone surrogate (not Unicode text)."""
    if value.isascii():
        if "\0" in value:
            raise CellError("the text holds a NUL character")
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CellError("the text is not valid Unicode (a lone surrogate)") from None


def cell_value(column: Column, text: str) -> Any:
    try:
        value = parse_cell(column.type, text, nullable=column.nullable)
        check_value(column, value)
    except CellError as exc:
        raise CellError(f"column {column.name}: {exc}") from None
    return value


_PARSE: dict[str, Callable[[str], Any]] = {
    "text": read_text_cell,
    "float": parse_float,
    "int": parse_int,
    "bool": parse_bool,
    "date": parse_date,
    "datetime": parse_datetime,
}


def cell_parser(column: Column) -> Callable[[str], Any]:
    """A fast reader of ``column``'s cells: what _cell does, without its generic branches
    (the error path goes back through _cell, for the message)."""
    convert = _PARSE[column.type]
    checked = bool(
        column.max_length is not None
        or column.min_length
        or column.low is not None
        or column.high is not None
        or column.choices
        or column.pattern is not None
    )
    if column.nullable and not checked and column.type != "text":
        return lambda text: None if text == "" else convert(text)
    if column.type in ("float", "int") and not column.choices and column.pattern is None:
        return _number_parser(column, convert)
    if column.type == "text":
        return _text_parser(column)
    return lambda text: cell_value(column, text)


def _number_parser(column: Column, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    low = -math.inf if column.low is None else column.low
    high = math.inf if column.high is None else column.high
    nullable = column.nullable

    def parse(text: str) -> Any:
        if text == "":
            if nullable:
                return None
            raise CellError("empty")
        value = convert(text)
        if not low <= value <= high:
            raise CellError("out of range")
        return value

    return parse


def _text_parser(column: Column) -> Callable[[str], Any]:
    longest = math.inf if column.max_length is None else column.max_length
    shortest, choices, pattern = column.min_length, column.choices, column.pattern

    def parse(text: str) -> Any:
        if text == "" and column.nullable:
            return None
        value = read_text_cell(text)
        if "\0" in value:
            raise CellError("NUL")
        if not shortest <= len(value) <= longest:
            raise CellError("length")
        if (choices and value not in choices) or (pattern and pattern.match(value) is None):
            raise CellError("not allowed")
        return value

    return parse


def json_value(column: Column, value: Any) -> Any:
    """A JSON value of ``column``, typed strictly (a number is not text, true is not 1)."""
    kind = column.type
    try:
        if value is None:
            pass
        elif kind in ("text", "date", "datetime") and not isinstance(value, str):
            raise CellError(f"{json.dumps(value)} is not text")
        elif kind == "int" and (isinstance(value, bool) or not isinstance(value, int)):
            raise CellError(f"{json.dumps(value)} is not a whole number")
        elif kind == "float" and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise CellError(f"{json.dumps(value)} is not a number")
        elif kind == "bool" and not isinstance(value, bool):
            raise CellError(f"{json.dumps(value)} is not true or false")
        elif kind == "float":
            value = float(value)
        elif kind == "date":
            value = parse_date(value)
        elif kind == "datetime":
            value = parse_datetime(value)
        check_value(column, value)
    except CellError as exc:
        raise CellError(f"column {column.name}: {exc}") from None
    return value


class Collector:
    """Adds checked rows to an Incoming, refusing doubles and orphans."""

    def __init__(self, incoming: Incoming) -> None:
        self.incoming = incoming

    def entry(
        self, where: str, entry_id: str, values: tuple[date, str, datetime, datetime]
    ) -> None:
        into = self.incoming
        if entry_id in into.entries:
            raise into.fail(
                where, f"entry id {entry_id} appears twice (also {into.where[entry_id]})"
            )
        if values[1] not in KIND_TABLE:
            raise into.fail(where, f"unknown kind '{values[1]}'; allowed: {', '.join(KIND_TABLE)}")
        into.entries[entry_id] = values
        into.where[entry_id] = where

    def detail(self, where: str, table: Table, entry_id: str, values: Values) -> None:
        into = self.incoming
        known = into.entries.get(entry_id)
        if known is None:
            raise into.fail(where, f"entry {entry_id} is not in the entry table")
        if KIND_TABLE[known[1]] is not table:
            raise into.fail(
                where,
                f"entry {entry_id} is {article(known[1])} {known[1]} entry, "
                f"not {article(table.name)} {table.name} row",
            )
        if entry_id in into.details:
            raise into.fail(where, f"entry {entry_id} has two {table.name} rows")
        into.details[entry_id] = values
        into.where[entry_id] = where

    def item(self, where: str, table: Table, entry_id: str, position: int, values: Values) -> None:
        into = self.incoming
        known = into.entries.get(entry_id)
        if known is None or KIND_ITEMS.get(known[1]) is not table:
            raise into.fail(where, f"entry {entry_id} is not an entry these items belong to")
        items = into.items.setdefault(entry_id, {})
        if position in items:
            raise into.fail(where, f"entry {entry_id} has two items at position {position}")
        items[position] = values

    def finish(self) -> Incoming:
        into = self.incoming
        for entry_id, (_, kind, _, _) in into.entries.items():
            if entry_id not in into.details:
                table = KIND_TABLE[kind].name
                raise into.fail(into.where[entry_id], f"entry {entry_id} has no {table} row")
        return into
