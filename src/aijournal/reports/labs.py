"""`aij labs`: every lab result, grouped by test, oldest first within a test.

Oldest first, as `aij entries` and `aij trends` read: going down a test's lines is going
forward in time, so the direction of a change reads the same way everywhere in aij.
"""

from datetime import date

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.domain.dates import earliest_day
from aijournal.domain.labs import (
    CALCIUM,
    KNOWN_TESTS,
    T_SCORE,
    VITAMIN_D,
    LabValue,
    mmol_l_to_mg_dl,
    nmol_l_to_ng_ml,
    show_value,
    who_category,
)
from aijournal.store.labs import StoredLab, labs_between


class LabLine(BaseModel):
    """One value of one result, with the other unit where aij knows it and, for a T-score,
    the WHO category the scan report itself would state."""

    id: str
    date: date
    test: str
    site: str | None
    value: float
    unit: str
    shown: str
    ng_ml: float | None = None
    mg_dl: float | None = None
    bmd_g_cm2: float | None = None
    lsc: float | None = None
    lsc_unit: str | None = None
    who_category: str | None = None


class LabGroup(BaseModel):
    test: str
    results: list[LabLine]


class LabsResult(BaseModel):
    since: date | None
    groups: list[LabGroup]


def lab_line(lab: StoredLab, value: LabValue) -> LabLine:
    """One stored value as a line of the report (the conversions of domain/labs.py)."""
    return LabLine(
        id=lab.entry_id,
        date=lab.day,
        test=lab.test,
        site=value.site,
        value=value.value,
        unit=value.unit,
        shown=show_value(lab.test, value),
        ng_ml=round(nmol_l_to_ng_ml(value.value), 2) if lab.test == VITAMIN_D else None,
        mg_dl=round(mmol_l_to_mg_dl(value.value), 2) if lab.test == CALCIUM else None,
        bmd_g_cm2=value.bmd_g_cm2,
        lsc=value.lsc,
        lsc_unit=value.lsc_unit,
        who_category=who_category(value.value) if value.unit == T_SCORE else None,
    )


def all_labs(*, session: Session, today: date, since: date | None = None) -> list[StoredLab]:
    """Every lab result from ``since`` (else the earliest day aij keeps) to today."""
    return labs_between(session=session, start=since or earliest_day(today), end=today)


def labs_report(*, session: Session, today: date, since: date | None = None) -> LabsResult:
    """Results by test (the known tests first, then the others by name), oldest first."""
    groups: dict[str, list[LabLine]] = {}
    for lab in all_labs(session=session, today=today, since=since):
        groups.setdefault(lab.test, []).extend(lab_line(lab, v) for v in lab.values)
    order = [t for t in KNOWN_TESTS if t in groups] + sorted(set(groups) - set(KNOWN_TESTS))
    return LabsResult(since=since, groups=[LabGroup(test=t, results=groups[t]) for t in order])
