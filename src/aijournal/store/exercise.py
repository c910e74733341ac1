"""Exercise sessions: saving what was done, and reading sessions of a date range."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from aijournal.domain.activity import LoggedItem, LoggedSession
from aijournal.domain.exercise import ExerciseEntry, Intensity, Kind
from aijournal.store.daily import Saved
from aijournal.store.entries import new_entry
from aijournal.store.models import Entry, ExerciseItem, ExerciseSession


@dataclass(frozen=True)
class ItemToSave:
    """A parsed exercise with what the catalog says of it at logging time."""

    entry: ExerciseEntry
    kind: str
    intensity: str | None
    summary: str


def save_session(*, session: Session, day: date, items: list[ItemToSave], rpe: int | None) -> Saved:
    """One session (one entry) holding every item, in the order typed."""
    entry = new_entry(session=session, day=day, kind="exercise")
    session.add(ExerciseSession(entry_id=entry.id, rpe=rpe))
    for position, item in enumerate(items, start=1):
        done = item.entry
        session.add(
            ExerciseItem(
                entry_id=entry.id,
                position=position,
                exercise=done.exercise_id,
                kind=item.kind,
                intensity=item.intensity,
                sets=done.sets,
                reps=done.reps,
                seconds=done.seconds,
                minutes=done.minutes,
                impacts=done.impacts,
                load_kg=done.load_kg,
            )
        )
    effort = f" (RPE {rpe})" if rpe is not None else ""
    return Saved(entry.id, "exercise " + ", ".join(i.summary for i in items) + effort)


@dataclass(frozen=True)
class StoredSession:
    entry_id: str
    day: date
    rpe: int | None
    items: list[ExerciseItem]


def sessions_between(*, session: Session, start: date, end: date) -> list[StoredSession]:
    """Sessions of start..end with their items, by day then time written (two queries)."""
    heads = session.exec(
        select(Entry, ExerciseSession)
        .join(ExerciseSession, col(ExerciseSession.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end)
        .order_by(col(Entry.day), col(Entry.created_at))
    ).all()
    items: dict[str, list[ExerciseItem]] = {}
    rows = session.exec(
        select(ExerciseItem)
        .join(Entry, col(ExerciseItem.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end)
        .order_by(col(ExerciseItem.entry_id), col(ExerciseItem.position))
    )
    for row in rows:
        items.setdefault(row.entry_id, []).append(row)
    return [
        StoredSession(entry.id, entry.day, head.rpe, items.get(entry.id, []))
        for entry, head in heads
    ]


def item_entry(item: ExerciseItem) -> ExerciseEntry:
    """A stored item as the parser would have made it."""
    return ExerciseEntry(
        item.exercise,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        minutes=item.minutes,
        impacts=item.impacts,
        load_kg=item.load_kg,
    )


def logged_sessions(stored: list[StoredSession]) -> list[LoggedSession]:
    """Stored sessions as the adherence rules take them."""
    return [
        LoggedSession(
            date=s.day,
            items=tuple(
                LoggedItem.from_entry(
                    item_entry(item), _kind(item.kind), _intensity(item.intensity)
                )
                for item in s.items
            ),
            rpe=s.rpe,
        )
        for s in stored
    ]


def _kind(text: str) -> Kind:
    kinds: dict[str, Kind] = {
        "resistance": "resistance",
        "impact": "impact",
        "aerobic": "aerobic",
        "recovery": "recovery",
        "rest": "rest",
    }
    return kinds.get(text, "aerobic")


def _intensity(text: str | None) -> Intensity | None:
    """The typical intensity stored with an item (the catalog's when it was logged)."""
    levels: dict[str, Intensity] = {
        "light": "light",
        "moderate": "moderate",
        "vigorous": "vigorous",
    }
    return levels.get(text or "")
