"""The undo log: what each write command created, changed or removed, and taking it back.

Every write transaction that creates, changes or removes an entry is one *batch*. The first
such write of a session numbers the batch; each entry it creates is recorded, and each entry
it changes or removes is recorded with its rows as they were before (JSON), so `aij undo`
removes what the last command created and puts back what it changed or removed. Only the
last ``KEEP_COMMANDS`` batches are kept. Each journal (of several in one database) has its own
batches: `aij undo` in one never takes back a command of another. Records are written with
Core statements on the session's connection, which do not flush the session: a snapshot sees
the rows as they were before this command's pending changes.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Date, DateTime, Table, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlmodel import Session, SQLModel

from aijournal.clock import utcnow
from aijournal.errors import JournalError
from aijournal.store.models import DEFAULT_JOURNAL, ENTRY_FK
from aijournal.store.scope import journal_of

M = TypeVar("M", bound=SQLModel)

KEEP_COMMANDS = 10
CREATED, CHANGED, REMOVED = "created", "changed", "removed"
_BATCH = "aij_undo_batch"
_SEEN = "aij_undo_seen"


def _undo_table() -> Table:
    return SQLModel.metadata.tables["undo_log"]


def _entry_table() -> Table:
    return SQLModel.metadata.tables["entry"]


def detail_tables() -> list[Table]:
    """Every table whose rows belong to an entry (they cascade with it), in a fixed order."""
    return sorted(
        (
            table
            for table in SQLModel.metadata.tables.values()
            if any(fk.target_fullname == ENTRY_FK for fk in table.foreign_keys)
        ),
        key=lambda table: table.name,
    )


def _journal(session: Session) -> str:
    """The journal whose undo records this session reads and writes (these are Core
    statements, which store/scope.py does not see)."""
    return journal_of(session) or DEFAULT_JOURNAL


def _batch(session: Session) -> int:
    """This session's batch number; the first call starts the batch and prunes old ones."""
    if _BATCH not in session.info:
        conn = session.connection()
        undo = _undo_table()
        mine = undo.c.journal == _journal(session)
        last = conn.execute(select(func.max(undo.c.batch)).where(mine)).scalar() or 0
        batch = int(last) + 1
        conn.execute(delete(undo).where(mine, undo.c.batch <= batch - KEEP_COMMANDS))
        session.info[_BATCH] = batch
        session.info[_SEEN] = {}
    return int(session.info[_BATCH])


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def snapshot(conn: Connection, entry_id: str) -> dict[str, list[dict[str, Any]]]:
    """The entry's row and its details' rows as stored now (JSON-ready)."""
    entry = _entry_table()
    state = {
        entry.name: [
            {k: _plain(v) for k, v in row.items()}
            for row in conn.execute(select(entry).where(entry.c.id == entry_id)).mappings()
        ]
    }
    for table in detail_tables():
        # In key order (position for items): a server returns rows in no fixed order.
        query = select(table).where(table.c.entry_id == entry_id)
        rows = conn.execute(query.order_by(*table.primary_key.columns)).mappings()
        found = [{k: _plain(v) for k, v in row.items()} for row in rows]
        if found:
            state[table.name] = found
    return state


def snapshots(conn: Connection, entry_ids: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """``snapshot`` of each of ``entry_ids`` the journal holds, a query per table for them
    all (on a server each query is a round trip: one snapshot per entry made logging into a
    busy day cost a query per table per entry already there)."""
    entry = _entry_table()
    states: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start : start + 500]
        query = select(entry).where(entry.c.id.in_(chunk)).order_by(entry.c.id)
        for row in conn.execute(query).mappings():
            states[row["id"]] = {entry.name: [{k: _plain(v) for k, v in row.items()}]}
        for table in detail_tables():
            query = select(table).where(table.c.entry_id.in_(chunk))
            for row in conn.execute(query.order_by(*table.primary_key.columns)).mappings():
                state = states.get(row["entry_id"])
                if state is not None:
                    state.setdefault(table.name, []).append({k: _plain(v) for k, v in row.items()})
    return states


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    typed = dict(row)
    for name, value in row.items():
        kind = table.c[name].type
        kind = getattr(kind, "impl", kind)  # sqlmodel wraps DateTime in a TypeDecorator
        if value is not None and isinstance(kind, DateTime):
            typed[name] = datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            typed[name] = date.fromisoformat(value)
    return typed


def state_rows(state: dict[str, list[dict[str, Any]]], model: type[M]) -> list[M]:
    """The rows of ``model``'s table in a snapshot, as model objects (not in any session)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return [model(**_typed(table, row)) for row in state.get(table.name, [])]


def _restore(conn: Connection, entry_id: str, state: dict[str, list[dict[str, Any]]]) -> None:
    entry = _entry_table()
    conn.execute(delete(entry).where(entry.c.id == entry_id))  # its details cascade
    tables = {t.name: t for t in (entry, *detail_tables())}
    for name in (entry.name, *(n for n in state if n != entry.name)):
        rows = [_typed(tables[name], row) for row in state.get(name, [])]
        if rows:
            conn.execute(insert(tables[name]), rows)


def remember(*, session: Session, entry_id: str, action: str) -> None:
    """Record that this session's command created, changed or removed ``entry_id``.

    The first record of an entry in a batch wins: an entry created (or already saved as it
    was) earlier in the same command needs nothing more, except that a removal is noted.
    """
    batch = _batch(session)
    seen: dict[str, str] = session.info[_SEEN]
    conn = session.connection()
    undo = _undo_table()
    if entry_id in seen:
        if action == REMOVED and seen[entry_id] == CHANGED:
            conn.execute(
                undo.update()
                .where(undo.c.batch == batch, undo.c.entry_id == entry_id)
                .values(action=REMOVED)
            )
            seen[entry_id] = REMOVED
        return
    state = None if action == CREATED else json.dumps(snapshot(conn, entry_id))
    conn.execute(
        insert(undo).values(
            batch=batch,
            entry_id=entry_id,
            action=action,
            at=utcnow(),
            state=state,
            journal=_journal(session),
        )
    )
    seen[entry_id] = action


def remember_created(*, session: Session, entry_ids: list[str]) -> None:
    """Record that this session's command created every entry of ``entry_ids`` (an import:
    one batch, so `aij undo` takes the whole import back), in one statement per page."""
    if not entry_ids:
        return
    batch = _batch(session)
    seen: dict[str, str] = session.info[_SEEN]
    new = [entry_id for entry_id in entry_ids if entry_id not in seen]
    at = utcnow()
    conn = session.connection()
    undo = _undo_table()
    name = _journal(session)
    for begin in range(0, len(new), 1000):
        page = new[begin : begin + 1000]
        conn.execute(
            insert(undo),
            [
                {
                    "batch": batch,
                    "entry_id": i,
                    "action": CREATED,
                    "at": at,
                    "state": None,
                    "journal": name,
                }
                for i in page
            ],
        )
    seen.update(dict.fromkeys(new, CREATED))


def created_in_session(session: Session) -> list[str]:
    """Ids of the entries this session's command created so far."""
    seen: dict[str, str] = session.info.get(_SEEN, {})
    return [entry_id for entry_id, action in seen.items() if action == CREATED]


@dataclass(frozen=True)
class UndoStep:
    """One entry of the last command: what it did (created, changed, removed) and its rows
    before (None for a created entry)."""

    entry_id: str
    action: str
    before: dict[str, list[dict[str, Any]]] | None


@dataclass(frozen=True)
class LastCommand:
    batch: int
    at: datetime
    steps: list[UndoStep]


def last_command(*, session: Session) -> LastCommand | None:
    """What the last write command (not yet undone) did, or None."""
    conn = session.connection()
    undo = _undo_table()
    mine = undo.c.journal == _journal(session)
    batch = conn.execute(select(func.max(undo.c.batch)).where(mine)).scalar()
    if batch is None:
        return None
    rows = conn.execute(
        select(undo).where(mine, undo.c.batch == batch).order_by(undo.c.at, undo.c.entry_id)
    ).mappings()
    steps = []
    at = None
    for row in rows:
        at = at or row["at"]
        before = None if row["state"] is None else json.loads(row["state"])
        steps.append(UndoStep(row["entry_id"], row["action"], before))
    assert at is not None
    return LastCommand(int(batch), at, steps)


def undo_last(*, session: Session, batch: int) -> LastCommand:
    """Take back batch ``batch``, which must still be the last: remove the entries it
    created, put back those it changed or removed, and forget the batch."""
    last = last_command(session=session)
    if last is None or last.batch != batch:
        raise JournalError("the journal changed while you were asked; run 'aij undo' again")
    conn = session.connection()
    entry = _entry_table()
    for step in last.steps:
        if step.action == CREATED:
            conn.execute(delete(entry).where(entry.c.id == step.entry_id))
        elif step.before is not None:
            _restore(conn, step.entry_id, step.before)
    undo = _undo_table()
    conn.execute(delete(undo).where(undo.c.journal == _journal(session), undo.c.batch == batch))
    return last
