"""Exercise sessions: saving what was done, and reading sessions of a date range."""

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

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


class ItemColumns(Protocol):
    """The columns of an exercise item that the adherence rules read: a stored
    ``ExerciseItem`` or a plain row of those columns."""

    @property
    def exercise(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def intensity(self) -> str | None: ...
    @property
    def sets(self) -> int | None: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def seconds(self) -> int | None: ...
    @property
    def minutes(self) -> int | None: ...
    @property
    def impacts(self) -> int | None: ...
    @property
    def load_kg(self) -> float | None: ...


def item_entry(item: ItemColumns) -> ExerciseEntry:
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


def logged_item(item: ItemColumns) -> LoggedItem:
    """A stored item as the adherence rules take it: ``LoggedItem.from_entry(item_entry(item),
    ...)`` with the kind and typical intensity stored with it, made in one step (years of
    items are read at a time)."""
    return LoggedItem(
        item.exercise,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        minutes=item.minutes,
        impacts=item.impacts,
        load_kg=item.load_kg,
        kind=_kind(item.kind),
        typical=_intensity(item.intensity),
    )


def logged_sessions(stored: list[StoredSession]) -> list[LoggedSession]:
    """Stored sessions as the adherence rules take them."""
    return [
        LoggedSession(date=s.day, items=tuple(logged_item(item) for item in s.items), rpe=s.rpe)
        for s in stored
    ]


# An item's columns as ``logged_item`` reads them (the ``ItemColumns`` of a plain row).
_ITEM_COLUMNS = (
    "entry_id",
    "exercise",
    "kind",
    "intensity",
    "sets",
    "reps",
    "seconds",
    "minutes",
    "impacts",
    "load_kg",
)


def logged_sessions_between(*, session: Session, start: date, end: date) -> list[LoggedSession]:
    """``logged_sessions(sessions_between(...))`` read as plain rows, not ORM objects: the
    same sessions in the same order with the same items, for the views that read years of
    them (``aij trends``, daily.csv). Two queries, on the exercise entries' index (only an
    exercise entry has a session and items)."""
    heads = session.exec(
        select(col(Entry.id), col(Entry.day), col(ExerciseSession.rpe))
        .join(ExerciseSession, col(ExerciseSession.entry_id) == Entry.id)
        .where(Entry.kind == "exercise", Entry.day >= start, Entry.day <= end)
        .order_by(col(Entry.day), col(Entry.created_at))
    ).all()
    columns: list[Any] = [col(getattr(ExerciseItem, name)) for name in _ITEM_COLUMNS]
    rows = session.exec(
        select(*columns)
        .join(Entry, col(ExerciseItem.entry_id) == Entry.id)
        .where(Entry.kind == "exercise", Entry.day >= start, Entry.day <= end)
        .order_by(col(ExerciseItem.entry_id), col(ExerciseItem.position))
    )
    items: dict[str, list[LoggedItem]] = {}
    for row in rows:
        items.setdefault(row.entry_id, []).append(logged_item(row))
    return [
        LoggedSession(date=day, items=tuple(items.get(entry_id, ())), rpe=rpe)
        for entry_id, day, rpe in heads
    ]


def item_kinds_by_day(*, session: Session, start: date, end: date) -> dict[date, set[Kind]]:
    """The kinds of the items logged each day of start..end (days with an item only), for
    ``domain/activity.period_sessions``: one query of distinct (day, kind) pairs."""
    rows = session.exec(
        select(col(Entry.day), col(ExerciseItem.kind))
        .join(Entry, col(ExerciseItem.entry_id) == Entry.id)
        .where(Entry.kind == "exercise", Entry.day >= start, Entry.day <= end)
        .distinct()
    )
    kinds: dict[date, set[Kind]] = {}
    for day, kind in rows:
        kinds.setdefault(day, set()).add(_kind(kind))
    return kinds


_KINDS: dict[str, Kind] = {
    "resistance": "resistance",
    "impact": "impact",
    "aerobic": "aerobic",
    "recovery": "recovery",
    "rest": "rest",
}
_LEVELS: dict[str, Intensity] = {"light": "light", "moderate": "moderate", "vigorous": "vigorous"}


def _kind(text: str) -> Kind:
    return _KINDS.get(text, "aerobic")


def _intensity(text: str | None) -> Intensity | None:
    """The typical intensity stored with an item (the catalog's when it was logged)."""
    return _LEVELS.get(text or "")
