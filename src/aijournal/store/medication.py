"""The medication timeline's events: reading them all, and saving one after checking it
against every other (``domain/medtimeline.py`` replays them)."""

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from aijournal.domain.medtimeline import MedEvent, Timeline, replay
from aijournal.store.daily import Saved
from aijournal.store.entries import new_entry
from aijournal.store.models import Entry, MedicationDose, MedicationEvent

KIND = "med_event"


def stored_event(row: MedicationEvent, day: date | None = None) -> MedEvent:
    """The domain's event of a stored row (its day from the entry, when given)."""
    event: Any = row.event
    return MedEvent(
        day=day or date.min,
        event=event,
        medication=row.medication,
        dose=row.dose,
        to_medication=row.to_medication,
        ends_on=row.ends_on,
        every=row.every,
        next_due=row.next_due,
        reason=row.reason,
    )


def stored_events(*, session: Session) -> list[tuple[str, MedEvent]]:
    """Every event with its entry id, by day then the order written (a handful per year)."""
    query = (
        select(Entry, MedicationEvent)
        .join(MedicationEvent, col(MedicationEvent.entry_id) == Entry.id)
        .where(Entry.kind == KIND)  # the kind's index: not a walk through every entry
        .order_by(col(Entry.day), col(Entry.created_at), col(Entry.id))
    )
    return [(entry.id, stored_event(row, entry.day)) for entry, row in session.exec(query)]


def load_timeline(*, session: Session) -> Timeline:
    """The timeline of the journal's events (an event that does not fit is passed over)."""
    return replay([event for _, event in stored_events(session=session)])


def save_event(*, session: Session, event: MedEvent) -> Saved:
    """Save ``event`` if the timeline with it still holds (BadInput naming why, if not)."""
    events = [e for _, e in stored_events(session=session)]
    replay([*events, event], strict=True)
    entry = new_entry(session=session, day=event.day, kind=KIND)
    session.add(
        MedicationEvent(
            entry_id=entry.id,
            event=event.event,
            medication=event.medication,
            dose=event.dose,
            to_medication=event.to_medication,
            ends_on=event.ends_on,
            every=event.every,
            next_due=event.next_due,
            reason=event.reason,
        )
    )
    return Saved(entry.id, describe(event))


def describe(event: MedEvent) -> str:
    """One line for an event: 'switch letrozole → exemestane 25 mg (joint pain)'."""
    text = {
        "start": f"start {event.medication} {event.dose}",
        "switch": f"switch {event.medication} → {event.to_medication} {event.dose}",
        "dose": f"dose of {event.medication} now {event.dose}",
        "holiday": f"holiday from {event.medication} until {event.ends_on}",
        "stop": f"stop {event.medication}",
        "schedule": f"{event.medication} {event.dose} every {event.every}, next {event.next_due}",
    }[event.event]
    text = " ".join(text.split())
    return text + (f" ({event.reason})" if event.reason else "")


def taken_days_of(
    *, session: Session, medications: list[str], after: date, end: date
) -> dict[str, list[date]]:
    """``taken_days`` of each of ``medications`` (those with none left out), in one query."""
    query = (
        select(col(MedicationDose.medication), col(Entry.day))
        .join(MedicationDose, col(MedicationDose.entry_id) == Entry.id)
        .where(
            Entry.kind == "dose",
            Entry.day > after,
            Entry.day <= end,
            col(MedicationDose.medication).in_(medications),
            col(MedicationDose.taken).is_(True),
        )
    )
    found: dict[str, list[date]] = {}
    for medication, day in session.exec(query):
        found.setdefault(medication, []).append(day)
    return found


def taken_days(*, session: Session, medication: str, end: date) -> list[date]:
    """The days up to ``end`` with a dose of ``medication`` taken."""
    query = (
        select(col(Entry.day))
        .join(MedicationDose, col(MedicationDose.entry_id) == Entry.id)
        .where(
            Entry.kind == "dose",
            Entry.day <= end,
            MedicationDose.medication == medication,
            col(MedicationDose.taken).is_(True),
        )
    )
    return list(session.exec(query))
