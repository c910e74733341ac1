"""Entries in general: short ids, creating, finding, listing and deleting (any kind), and
which entries are likely the same thing logged twice."""

import hashlib
import secrets
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import object_session
from sqlmodel import Session, col, select

from aijournal.clock import utcnow
from aijournal.errors import BadInput, NotFound
from aijournal.store.models import Entry
from aijournal.store.scope import id_taken, journal_of, journals_holding
from aijournal.store.undo import (
    CHANGED,
    CREATED,
    REMOVED,
    created_in_session,
    remember,
    snapshot,
    snapshots,
)

# No 0/o, 1/l/i: an id a person can read aloud and type.
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
# A new id begins with a letter, so no spreadsheet reads it as a number: every number form
# (234567, 454e95, 2d, 5f, +3, -2, .5) begins with a digit, a sign or a point, and the only
# words read as numbers are nan (three letters, not six) and inf, infinity (no i here).
# Ids written before (454e95) stay as they are: a lookup or an import takes any id.
ID_FIRST = "abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 6


def make_id(pick: Callable[[str], str] = secrets.choice) -> str:
    """A new id: a letter, then five of the alphabet (``pick`` chooses each)."""
    return pick(ID_FIRST) + "".join(pick(ID_ALPHABET) for _ in range(ID_LENGTH - 1))


def new_id(*, session: Session) -> str:
    """An id no journal of the database holds (ids are the primary key across journals)."""
    while True:
        candidate = make_id()
        if not id_taken(session, candidate):
            return candidate


def _derived_id(entry_id: str, journal: str, attempt: int) -> str:
    """An id made from another journal's ``entry_id``: the same every time (so importing one
    export twice into a journal finds its entries the second time)."""
    digest = hashlib.sha256(f"{journal}\n{entry_id}\n{attempt}".encode()).digest()
    return "".join(ID_ALPHABET[byte % len(ID_ALPHABET)] for byte in digest[:ID_LENGTH])


def ids_in_this_journal(*, session: Session, entry_ids: list[str]) -> dict[str, str]:
    """For an import: the id each of ``entry_ids`` takes in this session's journal. An id no
    other journal holds stays; one another journal holds (an export of journal A imported
    into B, in one database) becomes a derived id, stable across imports."""
    name = journal_of(session)
    held = journals_holding(session, entry_ids)
    mapping = {}
    for entry_id in entry_ids:
        mapping[entry_id] = entry_id
        if held.get(entry_id, name) == name:
            continue
        for attempt in range(100):
            candidate = _derived_id(entry_id, name or "", attempt)
            owner = journals_holding(session, [candidate]).get(candidate)
            if owner is None or owner == name:
                mapping[entry_id] = candidate
                break
    return mapping


def new_entry(*, session: Session, day: date, kind: str) -> Entry:
    """A new entry row, flushed (so details can refer to it) but not yet committed."""
    now = utcnow()
    entry = Entry(id=new_id(session=session), day=day, kind=kind, created_at=now, updated_at=now)
    session.add(entry)
    session.flush()
    remember(session=session, entry_id=entry.id, action=CREATED)
    return entry


def touch(entry: Entry) -> None:
    """Mark ``entry`` changed now; the undo log keeps it as it was before this command.

    Call it before the entry's changes are flushed (the stored rows are what is kept).
    """
    session = object_session(entry)
    if session is not None:
        remember(session=session, entry_id=entry.id, action=CHANGED)  # type: ignore[arg-type]
    entry.updated_at = utcnow()


def get_entry(*, session: Session, entry_id: str) -> Entry:
    """The entry with ``entry_id``, or NotFound."""
    entry = session.get(Entry, entry_id.strip().lower())
    if entry is None:
        raise NotFound(f"no entry has the id '{entry_id}'; 'aij entries' lists them with their ids")
    return entry


def get_entries(*, session: Session, entry_ids: list[str]) -> list[Entry]:
    """The entries with these ids, in the order given; all must exist, or BadInput naming
    the unknown ones (so that nothing is done to any)."""
    wanted = list(dict.fromkeys(i.strip().lower() for i in entry_ids))
    if not wanted:
        raise BadInput("give the id of at least one entry; 'aij entries' lists them")
    found = {e.id: e for e in session.exec(select(Entry).where(col(Entry.id).in_(wanted)))}
    unknown = [i for i in wanted if i not in found]
    if unknown:
        raise BadInput(
            f"no entry has the id {', '.join(repr(i) for i in unknown)}; nothing was removed;"
            " 'aij entries' lists the ids"
        )
    return [found[i] for i in wanted]


def entries_between(
    *, session: Session, start: date, end: date, kinds: tuple[str, ...] = ()
) -> list[Entry]:
    """Entries of the days start..end (inclusive), by day then time written."""
    query = select(Entry).where(Entry.day >= start, Entry.day <= end)
    if kinds:
        query = query.where(col(Entry.kind).in_(kinds))
    return list(session.exec(query.order_by(col(Entry.day), col(Entry.created_at))))


def delete_entry(*, session: Session, entry_id: str) -> Entry:
    """Delete an entry and its details (they cascade); the undo log keeps a copy."""
    entry = get_entry(session=session, entry_id=entry_id)
    remember(session=session, entry_id=entry.id, action=REMOVED)
    session.delete(entry)
    return entry


def _content(state: dict[str, list[dict[str, Any]]]) -> list[tuple[str, list[Any]]]:
    """What an entry says, without its id, times or item order: the one definition of
    "the same" for likely duplicates (same day, same kind, and this equal)."""
    return sorted(
        (
            name,
            sorted(
                sorted((k, repr(v)) for k, v in row.items() if k not in ("entry_id", "position"))
                for row in rows
            ),
        )
        for name, rows in state.items()
        if name != Entry.__tablename__
    )


def likely_duplicates(*, session: Session, entry_id: str) -> list[str]:
    """Ids of entries logged before this command on the same day, of the same kind, with the
    same content as ``entry_id`` (a second walk is real; a second identical log is often not)."""
    session.flush()
    entry = get_entry(session=session, entry_id=entry_id)
    this_command = set(created_in_session(session))
    conn = session.connection()
    mine = _content(snapshot(conn, entry.id))
    others = [
        other
        for other in session.exec(
            select(Entry.id)
            .where(Entry.day == entry.day, Entry.kind == entry.kind, Entry.id != entry.id)
            .order_by(col(Entry.created_at))
        )
        if other not in this_command
    ]
    states = snapshots(conn, others)
    return [other for other in others if _content(states[other]) == mine]


def duplicate_notices(*, session: Session) -> list[str]:
    """One line for each entry this command created that looks logged twice."""
    notices = []
    for entry_id in created_in_session(session):
        same = likely_duplicates(session=session, entry_id=entry_id)
        if same:
            entry = get_entry(session=session, entry_id=entry_id)
            notices.append(
                f"the same {entry.kind} is already logged on {entry.day} ({', '.join(same)});"
                f" saved again as {entry.id}: 'aij undo' takes it back"
            )
    return notices
