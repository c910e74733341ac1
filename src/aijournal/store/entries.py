"""Entries in general: short ids, creating, finding, listing and deleting (any kind)."""

import secrets
from datetime import date

from sqlmodel import Session, col, select

from aijournal.clock import utcnow
from aijournal.errors import NotFound
from aijournal.store.models import Entry

# No 0/o, 1/l/i: an id a person can read aloud and type.
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 6


def new_id(*, session: Session) -> str:
    while True:
        candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if session.get(Entry, candidate) is None:
            return candidate


def new_entry(*, session: Session, day: date, kind: str) -> Entry:
    """A new entry row, flushed (so details can refer to it) but not yet committed."""
    now = utcnow()
    entry = Entry(id=new_id(session=session), day=day, kind=kind, created_at=now, updated_at=now)
    session.add(entry)
    session.flush()
    return entry


def touch(entry: Entry) -> None:
    entry.updated_at = utcnow()


def get_entry(*, session: Session, entry_id: str) -> Entry:
    """The entry with ``entry_id``, or NotFound."""
    entry = session.get(Entry, entry_id.strip().lower())
    if entry is None:
        raise NotFound(f"no entry has the id '{entry_id}'; 'aij entries' lists them with their ids")
    return entry


def entries_between(
    *, session: Session, start: date, end: date, kinds: tuple[str, ...] = ()
) -> list[Entry]:
    """Entries of the days start..end (inclusive), by day then time written."""
    query = select(Entry).where(Entry.day >= start, Entry.day <= end)
    if kinds:
        query = query.where(col(Entry.kind).in_(kinds))
    return list(session.exec(query.order_by(col(Entry.day), col(Entry.created_at))))


def delete_entry(*, session: Session, entry_id: str) -> Entry:
    """Delete an entry and its details (they cascade); return what was deleted."""
    entry = get_entry(session=session, entry_id=entry_id)
    session.delete(entry)
    return entry
