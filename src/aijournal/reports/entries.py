"""The entry list of `aij entries`: each entry's id, day, kind and a one-line summary."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.domain.labs import describe
from aijournal.domain.suggest import did_you_mean
from aijournal.domain.units import Units, show_waist, show_weight
from aijournal.errors import BadInput
from aijournal.reports.plan import session_json
from aijournal.store.daily import DETAIL_MODELS, rows_between
from aijournal.store.exercise import StoredSession, sessions_between
from aijournal.store.labs import labs_between, stored_value
from aijournal.store.models import Entry, ExerciseItem, LabResult
from aijournal.store.undo import CREATED, last_command, state_rows

ORDERS = ("day", "written")


class EntryRow(BaseModel):
    id: str
    date: date
    kind: str
    summary: str
    written: datetime
    changed: datetime


def _measure(detail: Any, units: Units) -> str:
    """'weight 68.2 kg', 'waist 33.1 in': the measure's word and its value in the user's unit."""
    if detail.measure == "weight_kg":
        return f"weight {show_weight(detail.value, units)}"
    if detail.measure == "waist_cm":
        return f"waist {show_waist(detail.value, units)}"
    return f"{detail.measure.replace('_', ' ')} {detail.value:g}"


def _summary(kind: str, detail: Any, units: Units = "metric") -> str:
    describe: dict[str, Callable[[Any], str]] = {
        "symptom": lambda d: f"{d.name} {d.value:g}",
        "sites": lambda d: d.sites.replace(",", ", "),
        "dose": lambda d: (
            f"{d.medication} {d.dose} "
            + ("taken" if d.taken else "skipped")
            + (f" ({d.reason})" if d.reason else "")
        ),
        "body": lambda d: _measure(d, units),
        "sleep": lambda d: ", ".join(
            t
            for t in (
                None if d.hours is None else f"{d.hours:g} h",
                None if d.quality is None else f"quality {d.quality:g}",
            )
            if t
        ),
        "mind": lambda d: f"{d.minutes:g} min" + (f" {d.practice}" if d.practice else ""),
        "note": lambda d: d.text if len(d.text) <= 60 else d.text[:57] + "...",
        "exercise": lambda d: "RPE " + str(d.rpe) if d.rpe is not None else "",
        "meal": lambda d: (f"{d.slot}: " if d.slot else "") + d.text,
        "supplement": lambda d: d.text,
        "checkin": lambda d: f"weekly check-in, {d.week}",
        "visit": lambda d: (
            "visit"
            + (f" with {d.clinician}" if d.clinician else "")
            + (f": {d.note}" if d.note else "")
        ),
        "question": lambda d: d.text + (f" (answered {d.answered_on})" if d.answered_on else ""),
        "lab": lambda d: d.test,
        "med_event": _med_event,
    }
    return describe[kind](detail)


def _med_event(detail: Any) -> str:
    from aijournal.store.medication import describe, stored_event

    return describe(stored_event(detail))


def check_kind(kind: str | None) -> tuple[str, ...]:
    if kind is None:
        return tuple(DETAIL_MODELS)
    if kind not in DETAIL_MODELS:
        hint = did_you_mean(kind, DETAIL_MODELS)
        raise BadInput(f"unknown kind '{kind}'{hint}; allowed: {', '.join(DETAIL_MODELS)}")
    return (kind,)


def check_order(order: str) -> str:
    if order not in ORDERS:
        raise BadInput(f"--order {order} is not allowed; use {' or '.join(ORDERS)}")
    return order


def entry_rows(
    *,
    session: Session,
    start: date,
    end: date,
    kind: str | None,
    order: str = "day",
    units: Units = "metric",
) -> list[EntryRow]:
    """Entries of start..end, each with its one-line summary (weights and waists in
    ``units``): by day (then time written), or ``order="written"``: by the time each was
    written, oldest first."""
    rows = [
        EntryRow(
            id=entry.id,
            date=entry.day,
            kind=one_kind,
            summary=_summary(one_kind, detail, units),
            written=entry.created_at,
            changed=entry.updated_at,
        )
        for one_kind in check_kind(kind)
        for entry, detail in rows_between(
            session=session, model=DETAIL_MODELS[one_kind], start=start, end=end, kind=one_kind
        )
    ]
    if "exercise" in check_kind(kind):
        texts = {
            s.entry_id: session_json(s)["text"]
            for s in sessions_between(session=session, start=start, end=end)
        }
        for row in rows:
            if row.kind == "exercise":
                row.summary = " ".join(t for t in (texts.get(row.id, ""), row.summary) if t)
    if "lab" in check_kind(kind):
        _lab_summaries(session, start, end, rows)
    if check_order(order) == "written":
        return sorted(rows, key=lambda row: (row.written, row.id))
    return sorted(rows, key=lambda row: (row.date, row.written, row.id))


def _lab_summaries(session: Session, start: date, end: date, rows: list[EntryRow]) -> None:
    """A lab entry reads with its values: 'dexa lumbar-spine -2.1 (osteopenia), ...'."""
    texts = {
        lab.entry_id: describe(lab.test, lab.values)
        for lab in labs_between(session=session, start=start, end=end)
    }
    for row in rows:
        if row.kind == "lab":
            row.summary = texts.get(row.id, row.summary)


def entry_row(*, session: Session, entry_id: str, units: Units = "metric") -> EntryRow | None:
    """One entry's row (None if no entry has the id)."""
    entry = session.get(Entry, entry_id)
    if entry is None:
        return None
    rows = entry_rows(session=session, start=entry.day, end=entry.day, kind=entry.kind, units=units)
    return next(row for row in rows if row.id == entry_id)


def _row_of_state(entry_id: str, state: dict[str, list[dict[str, Any]]], units: Units) -> EntryRow:
    """The row an entry had when its snapshot was taken."""
    (entry,) = state_rows(state, Entry)
    (detail,) = state_rows(state, DETAIL_MODELS[entry.kind])
    summary = _summary(entry.kind, detail, units)
    if entry.kind == "exercise":
        items = state_rows(state, ExerciseItem)
        items.sort(key=lambda item: item.position)
        stored = StoredSession(entry_id, entry.day, getattr(detail, "rpe", None), items)
        summary = " ".join(t for t in (session_json(stored)["text"], summary) if t)
    if entry.kind == "lab":
        results = sorted(state_rows(state, LabResult), key=lambda r: r.position)
        summary = describe(getattr(detail, "test", ""), [stored_value(r) for r in results])
    return EntryRow(
        id=entry_id,
        date=entry.day,
        kind=entry.kind,
        summary=summary,
        written=entry.created_at,
        changed=entry.updated_at,
    )


class UndoLine(BaseModel):
    """What undoing does to one entry: remove it, or put it back as it was (``now``: how it
    reads today, when it still exists)."""

    action: str
    row: EntryRow
    now: str | None = None


class UndoPreview(BaseModel):
    batch: int
    at: datetime
    lines: list[UndoLine]


def undo_preview(*, session: Session, units: Units = "metric") -> UndoPreview | None:
    """What `aij undo` would do: the last command's entries, removed or put back."""
    last = last_command(session=session)
    if last is None:
        return None
    lines = []
    for step in last.steps:
        current = entry_row(session=session, entry_id=step.entry_id, units=units)
        if step.action == CREATED:
            if current is not None:
                lines.append(UndoLine(action="remove", row=current))
        elif step.before is not None:
            lines.append(
                UndoLine(
                    action="put back",
                    row=_row_of_state(step.entry_id, step.before, units),
                    now=None if current is None else current.summary,
                )
            )
    return UndoPreview(batch=last.batch, at=last.at, lines=lines)
