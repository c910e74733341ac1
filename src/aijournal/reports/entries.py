"""The entry list of `aij entries`: each entry's id, day, kind and a one-line summary."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.errors import BadInput
from aijournal.reports.plan import session_json
from aijournal.store.daily import DETAIL_MODELS, rows_between
from aijournal.store.exercise import sessions_between
from aijournal.suggest import did_you_mean


class EntryRow(BaseModel):
    id: str
    date: date
    kind: str
    summary: str
    written: datetime
    changed: datetime


def _summary(kind: str, detail: Any) -> str:
    describe: dict[str, Callable[[Any], str]] = {
        "symptom": lambda d: f"{d.name} {d.value:g}",
        "sites": lambda d: d.sites.replace(",", ", "),
        "dose": lambda d: (
            f"{d.medication} {d.dose} "
            + ("taken" if d.taken else "skipped")
            + (f" ({d.reason})" if d.reason else "")
        ),
        "body": lambda d: f"{d.measure.replace('_', ' ')} {d.value:g}",
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
    }
    return describe[kind](detail)


def check_kind(kind: str | None) -> tuple[str, ...]:
    if kind is None:
        return tuple(DETAIL_MODELS)
    if kind not in DETAIL_MODELS:
        hint = did_you_mean(kind, DETAIL_MODELS)
        raise BadInput(f"unknown kind '{kind}'{hint}; allowed: {', '.join(DETAIL_MODELS)}")
    return (kind,)


def entry_rows(*, session: Session, start: date, end: date, kind: str | None) -> list[EntryRow]:
    """Entries of start..end, oldest first, each with its one-line summary."""
    rows = [
        EntryRow(
            id=entry.id,
            date=entry.day,
            kind=one_kind,
            summary=_summary(one_kind, detail),
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
    return sorted(rows, key=lambda row: (row.date, row.written, row.id))
