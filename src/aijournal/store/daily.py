"""Daily records: symptoms, pain sites, doses, body measures, sleep, mind-body minutes, notes."""

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from aijournal.domain.daylog import DayLog
from aijournal.domain.units import Units, show_waist, show_weight
from aijournal.store.entries import new_entry, touch
from aijournal.store.models import (
    BodyMeasure,
    Checkin,
    Entry,
    ExerciseSession,
    Lab,
    Meal,
    MedicationDose,
    MedicationEvent,
    MindSession,
    Note,
    PainSites,
    Question,
    SleepRecord,
    SymptomRating,
    Visit,
)

D = TypeVar("D", bound=SQLModel)

# The kind names of entries, and the table holding each kind's details.
DETAIL_MODELS: dict[str, type[SQLModel]] = {
    "symptom": SymptomRating,
    "sites": PainSites,
    "dose": MedicationDose,
    "body": BodyMeasure,
    "sleep": SleepRecord,
    "mind": MindSession,
    "note": Note,
    "exercise": ExerciseSession,
    "meal": Meal,
    "supplement": Meal,
    "checkin": Checkin,
    "visit": Visit,
    "question": Question,
    "lab": Lab,
    "med_event": MedicationEvent,
}


@dataclass(frozen=True)
class Saved:
    """One thing a command saved: the entry id, what it is, and what it replaced (if any)."""

    entry_id: str
    what: str
    replaced: str | None = None


def rows_between(
    *, session: Session, model: type[D], start: date, end: date, kind: str | None = None
) -> list[tuple[Entry, D]]:
    """(entry, details) pairs of one table (and kind) for start..end, by day then time written."""
    entry_id: Any = model.entry_id  # type: ignore[attr-defined]
    query = (
        select(Entry, model)
        .join(model, entry_id == Entry.id)
        .where(Entry.day >= start, Entry.day <= end)
        .order_by(col(Entry.day), col(Entry.created_at))
    )
    if kind is not None:
        query = query.where(Entry.kind == kind)
    position = getattr(model, "position", None)
    if position is not None:  # items (answers, results) in their order within an entry
        query = query.order_by(col(Entry.id), col(position))
    return [(entry, detail) for entry, detail in session.exec(query)]


def _replace_symptom(*, session: Session, day: date, name: str, value: float) -> Saved:
    query = (
        select(Entry, SymptomRating)
        .join(SymptomRating, col(SymptomRating.entry_id) == Entry.id)
        .where(Entry.day == day, SymptomRating.name == name)
    )
    found = session.exec(query).first()
    if found is not None:
        entry, rating = found
        before = rating.value
        rating.value = value
        touch(entry)
        session.add_all([entry, rating])
        return Saved(entry.id, f"{name} {value:g}", replaced=f"{before:g}")
    entry = new_entry(session=session, day=day, kind="symptom")
    session.add(SymptomRating(entry_id=entry.id, name=name, value=value))
    return Saved(entry.id, f"{name} {value:g}")


def _one_of_day(*, session: Session, model: type[D], day: date, **match: Any) -> tuple[Entry, D]:
    """The day's (entry, details) of ``model`` matching ``match``, or a new pair to fill."""
    entry_id: Any = model.entry_id  # type: ignore[attr-defined]
    query = select(Entry, model).join(model, entry_id == Entry.id).where(Entry.day == day)
    for key, value in match.items():
        query = query.where(getattr(model, key) == value)
    found = session.exec(query).first()
    if found is not None:
        entry, detail = found
        touch(entry)
        return entry, detail
    kind = next(k for k, m in DETAIL_MODELS.items() if m is model)
    entry = new_entry(session=session, day=day, kind=kind)
    return entry, model(entry_id=entry.id, **match)


def _replace_measure(
    *, session: Session, day: date, measure: str, value: float, units: Units
) -> Saved:
    entry, row = _one_of_day(session=session, model=BodyMeasure, day=day, measure=measure)
    old = getattr(row, "value", None)
    show = show_weight if measure == "weight_kg" else show_waist
    label = "weight" if measure == "weight_kg" else "waist"
    before = None if old is None else show(old, units)
    row.value = value
    session.add_all([entry, row])
    return Saved(entry.id, f"{label} {show(value, units)}", replaced=before)


def save_day_log(
    *, session: Session, day: date, log: DayLog, units: Units = "metric"
) -> list[Saved]:
    """Save everything in ``log`` for ``day``; a symptom, the sites, a body measure or the
    night's sleep logged again for the same day replaces the earlier value. Weights and waists
    are stored in kg and cm and described in ``units``."""
    saved = [
        _replace_symptom(session=session, day=day, name=name, value=value)
        for name, value in log.symptoms.items()
    ]
    if log.sites is not None:
        entry, row = _one_of_day(session=session, model=PainSites, day=day)
        before = getattr(row, "sites", None)
        row.sites = ",".join(log.sites)
        session.add_all([entry, row])
        saved.append(Saved(entry.id, "sites " + ", ".join(log.sites), before))
    if log.weight_kg is not None:
        saved.append(
            _replace_measure(
                session=session, day=day, measure="weight_kg", value=log.weight_kg, units=units
            )
        )
    if log.waist_cm is not None:
        saved.append(
            _replace_measure(
                session=session, day=day, measure="waist_cm", value=log.waist_cm, units=units
            )
        )
    if log.sleep_hours is not None or log.sleep_quality is not None:
        entry, sleep = _one_of_day(session=session, model=SleepRecord, day=day)
        replaced = [
            f"{old:g} h" if label == "hours" else f"{label} {old:g}"
            for label, old, new in (
                ("hours", sleep.hours, log.sleep_hours),
                ("quality", sleep.quality, log.sleep_quality),
            )
            if old is not None and new is not None
        ]
        sleep.hours = log.sleep_hours if log.sleep_hours is not None else sleep.hours
        sleep.quality = log.sleep_quality if log.sleep_quality is not None else sleep.quality
        session.add_all([entry, sleep])
        what = ", ".join(
            text
            for text in (
                None if sleep.hours is None else f"{sleep.hours:g} h",
                None if sleep.quality is None else f"quality {sleep.quality:g}",
            )
            if text
        )
        saved.append(Saved(entry.id, "sleep " + what, ", ".join(replaced) or None))
    if log.mind_minutes is not None:
        entry = new_entry(session=session, day=day, kind="mind")
        session.add(MindSession(entry_id=entry.id, minutes=log.mind_minutes))
        saved.append(Saved(entry.id, f"mind-body {log.mind_minutes:g} min"))
    if log.note is not None:
        entry = new_entry(session=session, day=day, kind="note")
        session.add(Note(entry_id=entry.id, text=log.note))
        saved.append(Saved(entry.id, "note"))
    return saved


def save_dose(
    *, session: Session, day: date, medication: str, dose: str, taken: bool, reason: str | None
) -> Saved:
    """Record a medication's dose for ``day`` (taken or skipped); a second record replaces."""
    entry, row = _one_of_day(session=session, model=MedicationDose, day=day, medication=medication)
    before = None
    if getattr(row, "taken", None) is not None:
        before = "taken" if row.taken else "skipped"
    row.dose = dose
    row.taken = taken
    row.reason = reason
    session.add_all([entry, row])
    state = "taken" if taken else "skipped"
    return Saved(entry.id, f"{medication} {dose} {state}".replace("  ", " "), before)
