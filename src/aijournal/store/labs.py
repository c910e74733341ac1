"""Lab results: saving one (an entry of kind "lab" and its values), and reading them back."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from aijournal.domain.labs import LabValue
from aijournal.store.daily import Saved
from aijournal.store.entries import new_entry
from aijournal.store.models import Entry, Lab, LabResult

LAB_KIND = "lab"


def save_lab(*, session: Session, day: date, test: str, values: list[LabValue], what: str) -> Saved:
    """One lab result (one entry) with its values in the order given."""
    entry = new_entry(session=session, day=day, kind=LAB_KIND)
    session.add(Lab(entry_id=entry.id, test=test))
    for position, value in enumerate(values, start=1):
        session.add(
            LabResult(
                entry_id=entry.id,
                position=position,
                site=value.site,
                value=value.value,
                unit=value.unit,
                bmd_g_cm2=value.bmd_g_cm2,
                lsc=value.lsc,
                lsc_unit=value.lsc_unit,
            )
        )
    return Saved(entry.id, what)


@dataclass(frozen=True)
class StoredLab:
    """A lab result as stored: its entry, day, test and values (by position)."""

    entry_id: str
    day: date
    test: str
    values: list[LabValue]


def stored_value(row: LabResult) -> LabValue:
    """A stored row as the value it holds."""
    return LabValue(
        value=row.value,
        unit=row.unit,
        site=row.site,
        bmd_g_cm2=row.bmd_g_cm2,
        lsc=row.lsc,
        lsc_unit=row.lsc_unit,
    )


def labs_between(*, session: Session, start: date, end: date) -> list[StoredLab]:
    """Lab results of start..end with their values, by day then time written (two queries;
    labs are a few a year, so even ten years are a few hundred rows)."""
    heads = session.exec(
        select(Entry, Lab)
        .join(Lab, col(Lab.entry_id) == Entry.id)
        .where(Entry.kind == LAB_KIND, Entry.day >= start, Entry.day <= end)
        .order_by(col(Entry.day), col(Entry.created_at))
    ).all()
    values: dict[str, list[LabValue]] = {}
    rows = session.exec(
        select(LabResult)
        .join(Entry, col(LabResult.entry_id) == Entry.id)
        .where(Entry.kind == LAB_KIND, Entry.day >= start, Entry.day <= end)
        .order_by(col(LabResult.entry_id), col(LabResult.position))
    )
    for row in rows:
        values.setdefault(row.entry_id, []).append(stored_value(row))
    return [
        StoredLab(entry.id, entry.day, head.test, values.get(entry.id, [])) for entry, head in heads
    ]
