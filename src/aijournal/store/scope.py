"""The one place that keeps every query to one journal (several journals share a database).

A session opened by `Journal.read()` or `Journal.write()` carries its journal's name in
``session.info``. Two session events do the rest, for every command:

- ``do_orm_execute`` adds, to every ORM select, update and delete, a criterion on ``entry``
  (``entry.journal = name``) and on every table of an entry's details (its entry exists in
  this journal: a primary-key lookup per row, so a query that reads a child table without
  joining ``entry`` cannot escape), and on the undo log (``undo_log.journal = name``).
  ``session.get`` goes through it too: another journal's id is "no entry" like a missing one.
- ``before_flush`` stamps each new entry (and undo record) with the session's journal.

Core statements run on ``session.connection()`` bypass both: store/undo.py and the
importer's inserts are the only ones, and they name the journal themselves. A session
without a journal (a migration, `aij db check`) sees every journal.

The only deliberate look across journals is `id_taken`: ids are the primary key of them all.
"""

from functools import lru_cache
from typing import Any

from sqlalchemy import event, exists, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria
from sqlmodel import SQLModel, col

from aijournal.store.models import ENTRY_FK, Entry, UndoRecord

JOURNAL_KEY = "aij_journal"


def journal_of(session: Session) -> str | None:
    """The journal this session is kept to, or None (a session that sees every journal)."""
    name = session.info.get(JOURNAL_KEY)
    return None if name is None else str(name)


def detail_models() -> list[type[SQLModel]]:
    """Every mapped table whose rows belong to an entry (a foreign key to entry.id)."""
    found = []
    for mapper in SQLModel._sa_registry.mappers:
        table = mapper.local_table
        if any(fk.target_fullname == ENTRY_FK for fk in table.foreign_keys):
            found.append(mapper.class_)
    return sorted(found, key=lambda model: model.__name__)


@lru_cache(maxsize=64)
def _criteria(name: str) -> tuple[Any, ...]:
    """The loader criteria keeping a statement to journal ``name``: built once a journal (a
    command uses one; a study export a few), so each query reuses them and SQLAlchemy's
    compiled-statement cache keeps working."""
    entry = Entry.__table__.alias("scope_entry")  # type: ignore[attr-defined]
    found = [
        with_loader_criteria(Entry, col(Entry.journal) == name, include_aliases=True),
        with_loader_criteria(UndoRecord, col(UndoRecord.journal) == name, include_aliases=True),
    ]
    for model in detail_models():
        mine = exists().where(
            entry.c.id == model.entry_id,  # type: ignore[attr-defined]
            entry.c.journal == name,
        )
        found.append(with_loader_criteria(model, mine, include_aliases=True))
    return tuple(found)


@event.listens_for(Session, "do_orm_execute")
def _keep_to_journal(state: ORMExecuteState) -> None:
    name = journal_of(state.session)
    if name is None:
        return
    if state.is_select or state.is_update or state.is_delete:
        state.statement = state.statement.options(*_criteria(name))


@event.listens_for(Session, "before_flush")
def _stamp_new_entries(session: Session, _context: Any, _instances: Any) -> None:
    name = journal_of(session)
    if name is None:
        return
    for obj in session.new:
        if isinstance(obj, Entry | UndoRecord):
            obj.journal = name


def journals_holding(session: Session, ids: list[str]) -> dict[str, str]:
    """Of ``ids``, those some journal holds, with that journal's name (for an import: an id
    another journal holds must be given a new one)."""
    table = Entry.__table__  # type: ignore[attr-defined]
    found: dict[str, str] = {}
    for begin in range(0, len(ids), 500):
        query = select(table.c.id, table.c.journal).where(table.c.id.in_(ids[begin : begin + 500]))
        found.update({row[0]: row[1] for row in session.connection().execute(query)})
    return found


def journal_names(session: Session) -> list[str]:
    """The names of the journals holding entries in this database (for a study export and
    its "did you mean"); the names only, never a row of them."""
    table = Entry.__table__  # type: ignore[attr-defined]
    query = select(table.c.journal).distinct().order_by(table.c.journal)
    return [str(row[0]) for row in session.connection().execute(query)]


def id_taken(session: Session, entry_id: str) -> bool:
    """Whether any journal holds an entry with ``entry_id`` (ids are unique across them)."""
    table = Entry.__table__  # type: ignore[attr-defined]
    query = table.select().where(table.c.id == entry_id)
    return session.connection().execute(query).first() is not None
