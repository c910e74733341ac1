"""Weekly check-ins: one entry per check-in, with its answers."""

from datetime import date

from sqlmodel import Session

from aijournal.domain.dates import iso_week_of
from aijournal.store.daily import Saved
from aijournal.store.entries import new_entry
from aijournal.store.models import Checkin, CheckinAnswer


def save_checkin(*, session: Session, day: date, answers: dict[str, int]) -> Saved:
    entry = new_entry(session=session, day=day, kind="checkin")
    session.add(Checkin(entry_id=entry.id, week=iso_week_of(day)))
    for position, (key, value) in enumerate(answers.items(), start=1):
        item, attribute = key.split(".")
        session.add(
            CheckinAnswer(
                entry_id=entry.id, position=position, item=item, attribute=attribute, value=value
            )
        )
    return Saved(entry.id, f"weekly check-in ({len(answers)} answers)")
