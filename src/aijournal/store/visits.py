"""Appointments and the questions kept for them: saving, listing, marking answered."""

from datetime import date

from pydantic import BaseModel
from sqlmodel import Session, col, func, select

from aijournal.domain.limits import MAX_CLINICIAN, MAX_QUESTION, MAX_VISIT_NOTE
from aijournal.errors import BadInput
from aijournal.store.daily import Saved
from aijournal.store.entries import get_entry, new_entry, touch
from aijournal.store.models import Entry, Question, Visit


class VisitRow(BaseModel):
    """One appointment as `aij visit list --json` shows it."""

    id: str
    date: date
    clinician: str | None
    note: str | None
    upcoming: bool


class QuestionRow(BaseModel):
    """One question as `aij question list --json` shows it."""

    id: str
    asked: date
    text: str
    answered_on: date | None


def _optional_text(text: str | None, what: str, limit: int) -> str | None:
    if text is None or not text.strip():
        return None
    clean = text.strip()
    if len(clean) > limit:
        raise BadInput(f"the {what} is {len(clean)} characters; at most {limit} are kept")
    return clean


def add_visit(*, session: Session, day: date, clinician: str | None, note: str | None) -> Saved:
    """Record an appointment on ``day`` (past or upcoming)."""
    who = _optional_text(clinician, "clinician's name", MAX_CLINICIAN)
    what = _optional_text(note, "visit note", MAX_VISIT_NOTE)
    entry = new_entry(session=session, day=day, kind="visit")
    session.add(Visit(entry_id=entry.id, clinician=who, note=what))
    return Saved(entry.id, "visit" + (f" with {who}" if who else ""))


def list_visits(*, session: Session, today: date) -> list[VisitRow]:
    """Every appointment, oldest first; those after ``today`` are upcoming."""
    rows = session.exec(
        select(Entry, Visit)
        .join(Visit, col(Visit.entry_id) == Entry.id)
        .where(Entry.kind == "visit")
        .order_by(col(Entry.day), col(Entry.created_at), col(Entry.id))
    )
    return [
        VisitRow(
            id=entry.id,
            date=entry.day,
            clinician=visit.clinician,
            note=visit.note,
            upcoming=entry.day > today,
        )
        for entry, visit in rows
    ]


def last_visit_before(*, session: Session, day: date) -> date | None:
    """The day of the latest appointment before ``day`` (today's own visit is not "last")."""
    found = session.exec(
        select(func.max(Entry.day)).where(Entry.kind == "visit", Entry.day < day)
    ).one()
    return found


def next_visit_from(*, session: Session, day: date) -> VisitRow | None:
    """The first appointment on or after ``day``, if one is recorded."""
    found = session.exec(
        select(Entry, Visit)
        .join(Visit, col(Visit.entry_id) == Entry.id)
        .where(Entry.kind == "visit", Entry.day >= day)
        .order_by(col(Entry.day), col(Entry.created_at))
        .limit(1)
    ).first()
    if found is None:
        return None
    entry, visit = found
    return VisitRow(
        id=entry.id, date=entry.day, clinician=visit.clinician, note=visit.note, upcoming=True
    )


def add_question(*, session: Session, day: date, text: str) -> Saved:
    """Keep a question for the next visit, asked on ``day``."""
    clean = text.strip()
    if not clean:
        raise BadInput("the question is empty; write it between quotes")
    if len(clean) > MAX_QUESTION:
        raise BadInput(f"the question is {len(clean)} characters; at most {MAX_QUESTION} are kept")
    entry = new_entry(session=session, day=day, kind="question")
    session.add(Question(entry_id=entry.id, text=clean))
    return Saved(entry.id, "question")


def list_questions(*, session: Session, include_answered: bool) -> list[QuestionRow]:
    """Questions by the day they were asked; open ones only unless ``include_answered``."""
    query = (
        select(Entry, Question)
        .join(Question, col(Question.entry_id) == Entry.id)
        .where(Entry.kind == "question")
        .order_by(col(Entry.day), col(Entry.created_at), col(Entry.id))
    )
    if not include_answered:
        query = query.where(col(Question.answered_on).is_(None))
    return [
        QuestionRow(
            id=entry.id, asked=entry.day, text=question.text, answered_on=question.answered_on
        )
        for entry, question in session.exec(query)
    ]


def answer_question(*, session: Session, entry_id: str, day: date) -> QuestionRow:
    """Mark a question answered on ``day``; refuse another kind of entry or a second answer."""
    entry = get_entry(session=session, entry_id=entry_id)
    question = session.get(Question, entry.id)
    if entry.kind != "question" or question is None:
        raise BadInput(
            f"entry {entry.id} is a {entry.kind} entry, not a question; "
            "'aij question list' shows the open questions"
        )
    if question.answered_on is not None:
        raise BadInput(f"question {entry.id} was already marked answered on {question.answered_on}")
    if day < entry.day:
        raise BadInput(
            f"question {entry.id} was asked on {entry.day}; it cannot be answered on {day}"
        )
    question.answered_on = day
    touch(entry)
    session.add_all([entry, question])
    return QuestionRow(id=entry.id, asked=entry.day, text=question.text, answered_on=day)
