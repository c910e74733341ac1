"""The journal's start: the first day with any entry (one query through the day index)."""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from aijournal.domain.status import NOT_STARTED
from aijournal.store.models import Entry


def journal_start(*, session: Session) -> date:
    """The first day with any entry; ``NOT_STARTED`` (after every day) for an empty journal."""
    first = session.exec(select(func.min(Entry.day))).one()
    return first if isinstance(first, date) else NOT_STARTED


# Appointments and questions are kept ahead of and apart from the days logged.
_NOT_A_LOGGED_DAY = ("visit", "question")


def first_logged_day(*, session: Session) -> date | None:
    """The first day with something logged (a visit or a question aside), or None."""
    query = select(func.min(Entry.day)).where(col(Entry.kind).notin_(_NOT_A_LOGGED_DAY))
    first = session.exec(query).one()
    return first if isinstance(first, date) else None
