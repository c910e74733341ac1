"""The journal's start: the first day with any entry (one query through the day index)."""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from aijournal.domain.status import NOT_STARTED
from aijournal.store.models import Entry


def journal_start(*, session: Session) -> date:
    """The first day with any entry; ``NOT_STARTED`` (after every day) for an empty journal."""
    first = session.exec(select(func.min(Entry.day))).one()
    return first if isinstance(first, date) else NOT_STARTED
