"""Changing one entry in place (`aij edit ID key=value ...`), each value checked first, and
saying what changed (old → new)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

from aijournal.domain.daylog import MEAL_SLOTS, check_note, parse_number
from aijournal.domain.labels import article
from aijournal.domain.limits import (
    MAX_CLINICIAN,
    MAX_PRACTICE,
    MAX_QUESTION,
    MAX_VISIT_NOTE,
    check_text,
)
from aijournal.domain.medtimeline import MAX_REASON
from aijournal.domain.suggest import did_you_mean
from aijournal.domain.symptoms import SymptomSet, parse_sites
from aijournal.domain.units import Units, parse_waist_cm, parse_weight_kg
from aijournal.errors import BadInput
from aijournal.store.daily import DETAIL_MODELS
from aijournal.store.edit_items import Change, change_exercise_item, change_meal_item
from aijournal.store.entries import get_entry, touch
from aijournal.store.models import Entry

# What each kind of entry lets you change, besides `date`.
EDITABLE: dict[str, tuple[str, ...]] = {
    "symptom": ("value",),
    "sites": ("sites",),
    "dose": ("taken", "reason"),
    "body": ("value",),
    "sleep": ("hours", "quality"),
    "mind": ("minutes", "practice"),
    "note": ("text",),
    "exercise": ("rpe",),
    "meal": ("slot",),
    "supplement": (),
    "checkin": (),
    "visit": ("clinician", "note"),
    "question": ("text",),
    "lab": (),  # a wrong value: aij rm ID and log it again (or aij undo straight after)
    # A timeline event's dates and names are checked against every other event: to change
    # one, remove it (aij rm) and record it again; only its reason is edited in place.
    "med_event": ("reason",),
}
_YES = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False}


def _value_for(
    kind: str, detail: Any, key: str, text: str, symptoms: SymptomSet, units: Units
) -> Any:
    if kind == "symptom":
        symptom = symptoms.get(detail.name)
        return symptom.check(
            parse_number(detail.name, text, symptom.low, symptom.high, symptom.range_text)
        )
    if kind == "body":
        if detail.measure == "weight_kg":
            return parse_weight_kg(text, units)
        return parse_waist_cm(text, units)
    if key == "sites":
        return ",".join(parse_sites(text))
    if key == "taken":
        if text.lower() not in _YES:
            raise BadInput(f"taken={text} is not allowed; use yes or no")
        return _YES[text.lower()]
    # Texts: the longest the import takes back (domain/limits), refused past it, never cut.
    if key == "reason":
        return check_text("reason", text, MAX_REASON)
    if key == "hours":
        return parse_number(key, text, 0, 24, "hours slept, 0-24")
    if key == "quality":
        return parse_number(key, text, 0, 10, "sleep quality, 0-10")
    if key == "minutes":
        return parse_number(key, text, 1, 600, "minutes, 1-600")
    if key == "rpe":
        rpe = parse_number(key, text, 0, 10, "effort, a whole number 0-10")
        if not rpe.is_integer():
            raise BadInput(f"rpe={text} is not allowed; effort is a whole number 0-10")
        return int(rpe)
    if key == "slot":
        if text not in MEAL_SLOTS:
            raise BadInput(f"slot={text} is not allowed; use {', '.join(MEAL_SLOTS)}")
        return text
    if key == "clinician":
        return check_text("clinician's name", text, MAX_CLINICIAN)
    if key == "note":
        return check_text("visit note", text, MAX_VISIT_NOTE)
    if key == "practice":
        return check_text("practice", text, MAX_PRACTICE)
    if kind == "question":
        return check_text("question", text, MAX_QUESTION, required=True)
    return check_note(text)


# Kinds a day holds one of (per the named field): moving one onto a day that has one is refused.
ONE_PER_DAY: dict[str, str | None] = {
    "symptom": "name",
    "sites": None,
    "dose": "medication",
    "body": "measure",
    "sleep": None,
}


def _refuse_clash(*, session: Session, entry: Entry, detail: Any, day: date) -> None:
    if entry.kind not in ONE_PER_DAY:
        return
    model = DETAIL_MODELS[entry.kind]
    entry_id: Any = model.entry_id  # type: ignore[attr-defined]
    query = select(Entry.id).join(model, entry_id == Entry.id).where(Entry.day == day)
    field = ONE_PER_DAY[entry.kind]
    if field is not None:
        query = query.where(getattr(model, field) == getattr(detail, field))
    clash = session.exec(query).first()
    if clash is not None:
        raise BadInput(
            f"{day} already has such {article(entry.kind)} {entry.kind} entry ({clash}); "
            "remove it first"
        )


# Kinds whose items can be changed too (item=amount, or exercise.field=value).
ITEM_KINDS = ("meal", "supplement", "exercise")


@dataclass
class Edited:
    """What `aij edit` changed: the entry, and each value as ``field: old → new``."""

    entry_id: str
    day: date
    kind: str
    changes: list[Change] = field(default_factory=list)


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _allowed_text(kind: str) -> str:
    allowed = EDITABLE[kind]
    if kind == "exercise":
        allowed = (*allowed, "EXERCISE.sets/reps/seconds/minutes/impacts/load")
    elif kind in ITEM_KINDS:
        allowed = (*allowed, "ITEM=AMOUNT (an item's id or number)")
    return ", ".join((*allowed, "--date"))


def edit_entry(
    *,
    session: Session,
    entry_id: str,
    changes: list[str],
    symptoms: SymptomSet,
    new_day: date | None,
    units: Units = "metric",
) -> Edited:
    """Apply ``key=value`` changes (and a new day) to one entry; refuse all if one is bad.

    Every value is checked before anything is changed; an error raised part-way through the
    items leaves the session's transaction to be rolled back, so nothing is saved.
    """
    entry = get_entry(session=session, entry_id=entry_id)
    model = DETAIL_MODELS[entry.kind]
    detail = session.get(model, entry.id)
    allowed = EDITABLE[entry.kind]
    values: dict[str, Any] = {}
    item_changes: list[tuple[str, str]] = []
    for change in changes:
        key, sep, text = change.partition("=")
        key = key.strip().lower()
        if entry.kind == "symptom" and key == getattr(detail, "name", None):
            key = "value"
        if not sep:
            has = _allowed_text(entry.kind)
            raise BadInput(
                f"'{change}' is not key=value; {article(entry.kind)} {entry.kind} entry has: {has}"
            )
        if key not in allowed and entry.kind in ITEM_KINDS:
            item_changes.append((key, text))
            continue
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            raise BadInput(
                f"{article(entry.kind)} {entry.kind} entry has no '{key}'{hint}; "
                f"it has: {_allowed_text(entry.kind)}"
            )
        values[key] = _value_for(entry.kind, detail, key, text, symptoms, units)
    if not values and not item_changes and new_day is None:
        raise BadInput("nothing to change; give key=value pairs or --date")
    if new_day is not None and new_day != entry.day:
        _refuse_clash(session=session, entry=entry, detail=detail, day=new_day)
        if entry.kind == "med_event":
            raise BadInput(
                "a medication event's date is checked against the others: remove it "
                f"(aij rm {entry.id}) and record it again with aij med"
            )
    touch(entry)  # before any change is flushed: the undo log keeps the entry as it was
    edited = Edited(entry.id, entry.day, entry.kind)
    for key, value in values.items():
        old = getattr(detail, key)
        if old != value:
            label = getattr(detail, "name", key) if entry.kind == "symptom" else key
            edited.changes.append(Change(label, _shown(old), _shown(value)))
        setattr(detail, key, value)
    for key, text in item_changes:
        if entry.kind == "exercise":
            found = change_exercise_item(session=session, entry_id=entry.id, key=key, text=text)
        else:
            found = change_meal_item(
                session=session, entry_id=entry.id, kind=entry.kind, name=key, text=text
            )
        edited.changes.extend(c for c in found if c.old != c.new)
    if new_day is not None and new_day != entry.day:
        edited.changes.append(Change("date", entry.day.isoformat(), new_day.isoformat()))
        entry.day = new_day
        edited.day = new_day
    session.add_all([entry, detail])
    return edited
