"""Weekly check-ins: one entry per ISO week, with its answers; a second check-in in the same
week replaces the answers it gives again (and says so) and keeps the others."""

from datetime import date, timedelta

from sqlmodel import Session, col, select

from aijournal.domain.dates import iso_week_of
from aijournal.store.daily import Saved
from aijournal.store.entries import new_entry, touch
from aijournal.store.models import Checkin, CheckinAnswer, Entry


def _week_checkin(*, session: Session, day: date) -> Entry | None:
    """The check-in entry of ``day``'s ISO week, if one is logged (read through the day index)."""
    monday = day - timedelta(days=day.weekday())
    return session.exec(
        select(Entry)
        .join(Checkin, col(Checkin.entry_id) == Entry.id)
        .where(Entry.day >= monday, Entry.day <= monday + timedelta(days=6))
        .where(Entry.kind == "checkin")
        .order_by(col(Entry.created_at))
    ).first()


def save_checkin(*, session: Session, day: date, answers: dict[str, int]) -> Saved:
    existing = _week_checkin(session=session, day=day)
    merged = dict(answers)
    replaced: list[str] = []
    if existing is None:
        entry = new_entry(session=session, day=day, kind="checkin")
        session.add(Checkin(entry_id=entry.id, week=iso_week_of(day)))
    else:
        entry = existing
        touch(entry)  # before its answers change: the undo log keeps them
        old = session.exec(
            select(CheckinAnswer)
            .where(CheckinAnswer.entry_id == entry.id)
            .order_by(col(CheckinAnswer.position))
        ).all()
        before = {f"{a.item}.{a.attribute}": a.value for a in old}
        replaced = [f"{key} {value}" for key, value in before.items() if key in answers]
        merged = {**before, **answers}
        for answer in old:
            session.delete(answer)
        session.flush()
        entry.day = max(entry.day, day)
        session.add(entry)
    for position, (key, value) in enumerate(merged.items(), start=1):
        item, attribute = key.split(".")
        session.add(
            CheckinAnswer(
                entry_id=entry.id, position=position, item=item, attribute=attribute, value=value
            )
        )
    what = f"weekly check-in ({len(merged)} answers)"
    if existing is not None:
        what = f"weekly check-in {iso_week_of(day)} ({len(merged)} answers)"
    return Saved(entry.id, what, ", ".join(replaced) or None)
