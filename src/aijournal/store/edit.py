"""Changing one entry in place (`aij edit ID key=value ...`), each value checked first."""

from datetime import date
from typing import Any

from sqlmodel import Session, select

from aijournal.domain.daylog import MEAL_SLOTS, check_note, parse_number
from aijournal.domain.labels import article
from aijournal.domain.symptoms import SymptomSet, parse_sites
from aijournal.domain.units import parse_waist_cm, parse_weight_kg
from aijournal.errors import BadInput
from aijournal.store.daily import DETAIL_MODELS
from aijournal.store.entries import get_entry, touch
from aijournal.store.models import Entry
from aijournal.suggest import did_you_mean

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
}
_YES = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False}


def _value_for(kind: str, detail: Any, key: str, text: str, symptoms: SymptomSet) -> Any:
    if kind == "symptom":
        symptom = symptoms.get(detail.name)
        return symptom.check(
            parse_number(detail.name, text, symptom.low, symptom.high, symptom.range_text)
        )
    if kind == "body":
        return parse_weight_kg(text) if detail.measure == "weight_kg" else parse_waist_cm(text)
    if key == "sites":
        return ",".join(parse_sites(text))
    if key == "taken":
        if text.lower() not in _YES:
            raise BadInput(f"taken={text} is not allowed; use yes or no")
        return _YES[text.lower()]
    if key == "reason":
        return text.strip() or None
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
    if key in ("clinician", "note"):
        return text.strip()[:2000] or None
    if key == "practice":
        return text.strip()[:60] or None
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


def edit_entry(
    *,
    session: Session,
    entry_id: str,
    changes: list[str],
    symptoms: SymptomSet,
    new_day: date | None,
) -> Entry:
    """Apply ``key=value`` changes (and a new day) to one entry; refuse all if one is bad."""
    entry = get_entry(session=session, entry_id=entry_id)
    model = DETAIL_MODELS[entry.kind]
    detail = session.get(model, entry.id)
    allowed = EDITABLE[entry.kind]
    values: dict[str, Any] = {}
    for change in changes:
        key, sep, text = change.partition("=")
        key = key.strip().lower()
        if entry.kind == "symptom" and key == getattr(detail, "name", None):
            key = "value"
        if not sep:
            raise BadInput(
                f"'{change}' is not key=value; {article(entry.kind)} {entry.kind} entry has: "
                + ", ".join(allowed)
            )
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            raise BadInput(
                f"{article(entry.kind)} {entry.kind} entry has no '{key}'{hint}; it has: "
                + ", ".join((*allowed, "--date"))
            )
        values[key] = _value_for(entry.kind, detail, key, text, symptoms)
    if not values and new_day is None:
        raise BadInput("nothing to change; give key=value pairs or --date")
    if new_day is not None and new_day != entry.day:
        _refuse_clash(session=session, entry=entry, detail=detail, day=new_day)
    for key, value in values.items():
        setattr(detail, key, value)
    if new_day is not None:
        entry.day = new_day
    touch(entry)
    session.add_all([entry, detail])
    return entry
