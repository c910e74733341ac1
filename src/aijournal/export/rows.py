"""The journal's rows for exports and imports: streamed in pages, compared, inserted in bulk.

Reads are ordered (day, time written, id[, position]) so that two journals holding the same
entries export the same bytes, and are streamed (``yield_per``) so memory stays flat.
"""

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, String, func, insert, select, type_coerce
from sqlmodel import Session, SQLModel

from aijournal.export.tables import ENTRY_COLUMNS, TABLES_BY_NAME, Table
from aijournal.store.models import Entry

PAGE = 2000
Row = tuple[Any, ...]


def _attr(model: type[SQLModel], name: str) -> Any:
    return getattr(model, name)


def _raw(model: type[SQLModel], name: str) -> Any:
    """A date or time column as the driver returns it, without the Python type's conversion:
    SQLite's ISO text (formatted in cells.py at a fraction of the cost), another database's
    date objects. No SQL changes: type_coerce only skips the result processing."""
    return type_coerce(getattr(model, name), String).label(name)


def run(session: Session, query: Any) -> Any:
    """Execute a core select (sqlmodel's typing knows only its own Select class)."""
    return session.exec(query)


def pages(session: Session, query: Select[Any]) -> Iterator[Sequence[Row]]:
    """Rows of a column select, a page at a time, on the session's own transaction; run by
    the session, so store/scope.py keeps it to the session's journal."""
    result = session.execute(query, execution_options={"yield_per": PAGE})
    yield from result.partitions()


def _stream(session: Session, query: Select[Any]) -> Iterator[Row]:
    for page in pages(session, query):
        yield from page


def _in_range(
    query: Select[Any], start: date | None, end: date | None, kinds: Sequence[str] = ()
) -> Select[Any]:
    if kinds:
        query = query.where(_attr(Entry, "kind").in_(kinds))
    if start is not None:
        query = query.where(_attr(Entry, "day") >= start)
    if end is not None:
        query = query.where(_attr(Entry, "day") <= end)
    return query


def _entry_order() -> tuple[ColumnElement[Any], ...]:
    return (_attr(Entry, "day"), _attr(Entry, "created_at"), _attr(Entry, "id"))


def span(*, session: Session) -> tuple[date, date] | None:
    """The first and last day holding an entry, or None for an empty journal."""
    day = _attr(Entry, "day")
    first, last = run(session, select(func.min(day), func.max(day))).one()
    if first is None or last is None:
        return None
    return first, last


def count_entries(*, session: Session, start: date | None, end: date | None) -> int:
    query = _in_range(select(func.count()).select_from(Entry), start, end)
    return int(run(session, query).one()[0])


def count_items(*, session: Session, start: date | None, end: date | None) -> int:
    """Rows of every items table for entries of the range."""
    total = 0
    for table in (t for t in TABLES_BY_NAME.values() if t.items):
        model = table.model
        query = _in_range(
            select(func.count())
            .select_from(model)
            .join(Entry, _attr(model, "entry_id") == Entry.id),
            start,
            end,
        )
        total += int(run(session, query).one()[0])
    return total


def entry_detail_pages(
    *, session: Session, table: Table, kind: str, start: date | None, end: date | None
) -> Iterator[Sequence[Row]]:
    """(id, day, created_at, updated_at, *detail columns) of ``kind``'s entries in the range."""
    model = table.model
    query = select(
        _attr(Entry, "id"),
        _raw(Entry, "day"),
        _raw(Entry, "created_at"),
        _raw(Entry, "updated_at"),
        *(_attr(model, name) for name in table.column_names),
    ).join(model, _attr(model, "entry_id") == Entry.id)
    query = _in_range(query, start, end, (kind,)).order_by(*_entry_order())
    return pages(session, query)


def item_pages(
    *, session: Session, table: Table, kind: str, start: date | None, end: date | None
) -> Iterator[Sequence[Row]]:
    """(entry_id, day, position, *item columns) of ``kind``'s entries in the range."""
    model = table.model
    query = select(
        _attr(model, "entry_id"),
        _raw(Entry, "day"),
        _attr(model, "position"),
        *(_attr(model, name) for name in table.column_names),
    ).join(Entry, _attr(model, "entry_id") == Entry.id)
    query = _in_range(query, start, end, (kind,)).order_by(
        *_entry_order(), _attr(model, "position")
    )
    return pages(session, query)


def entry_table_pages(*, session: Session) -> Iterator[Sequence[Row]]:
    """Every entry row, in the columns of ENTRY_COLUMNS."""
    query = select(*(_attr(Entry, c.name) for c in ENTRY_COLUMNS)).order_by(*_entry_order())
    return pages(session, query)


def table_pages(*, session: Session, table: Table) -> Iterator[Sequence[Row]]:
    """Every row of a detail table: (entry_id, [position,] *columns), in entry order."""
    model = table.model
    keys = ("entry_id", "position") if table.items else ("entry_id",)
    query = select(*(_attr(model, name) for name in (*keys, *table.column_names))).join(
        Entry, _attr(model, "entry_id") == Entry.id
    )
    order = (*_entry_order(), _attr(model, "position")) if table.items else _entry_order()
    return pages(session, query.order_by(*order))


def entries_by_id(*, session: Session, ids: Sequence[str]) -> dict[str, Row]:
    """(day, kind, created_at, updated_at) of those ``ids`` the journal holds."""
    found: dict[str, Row] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(*(_attr(Entry, c.name) for c in ENTRY_COLUMNS)).where(
            _attr(Entry, "id").in_(chunk)
        )
        for row in _stream(session, query):
            found[row[0]] = tuple(row[1:])
    return found


def details_by_id(*, session: Session, table: Table, ids: Sequence[str]) -> dict[str, list[Row]]:
    """Rows of ``table`` for ``ids``: (position, *columns) for items, (*columns) otherwise."""
    model = table.model
    keys = ("entry_id", "position") if table.items else ("entry_id",)
    found: dict[str, list[Row]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(*(_attr(model, n) for n in (*keys, *table.column_names))).where(
            _attr(model, "entry_id").in_(chunk)
        )
        # Items in their order (a server returns rows in no fixed order).
        for row in _stream(session, query.order_by(*(_attr(model, k) for k in keys))):
            found.setdefault(row[0], []).append(tuple(row[1:]))
    return found


def one_per_day_keys(
    *, session: Session, table: Table, kind: str, field: str | None, start: date, end: date
) -> Iterator[tuple[str, date, Any]]:
    """(entry id, day, value of ``field`` or None) of ``kind``'s entries in the range."""
    model = table.model
    columns = [_attr(Entry, "id"), _attr(Entry, "day")]
    if field:
        columns.append(_attr(model, field))
    query = (
        select(*columns)
        .join(model, _attr(model, "entry_id") == Entry.id)
        .where(_attr(Entry, "kind") == kind)
    )
    for row in _stream(session, _in_range(query, start, end)):
        yield row[0], row[1], row[2] if field else None


def insert_rows(
    *, session: Session, table_name: str, rows: Iterable[dict[str, Any]], page: int = PAGE
) -> Iterator[int]:
    """Insert ``rows`` into ``table_name`` in pages; yield how many each page wrote."""
    target = SQLModel.metadata.tables[table_name]
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= page:
            session.exec(insert(target), params=batch)
            yield len(batch)
            batch = []
    if batch:
        session.exec(insert(target), params=batch)
        yield len(batch)
