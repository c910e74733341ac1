"""The visit summary's "Bone and therapy" section: the latest DEXA scan with each site's
T-score and the scan's WHO category (worded as `aij labs` words it), the latest vitamin D,
each bone agent's next dose (``reports/medication.scheduled_doses``, as `aij today` says
it), and the medication events of the period with their reasons.

The scan and the vitamin D are the latest up to the period's end, not only those inside it:
a scan is a year or two apart, and the one before the visit is what is discussed. The
section is left out when all four are empty (see ``bone_therapy``).
"""

from datetime import date

from sqlmodel import Session

from aijournal.domain.labs import (
    DEXA,
    T_SCORE,
    VITAMIN_D,
    nmol_l_to_ng_ml,
    show_t_score,
    who_category,
)
from aijournal.reports.bonetherapy import all_event_rows
from aijournal.reports.labs import all_labs
from aijournal.reports.medication import scheduled_doses
from aijournal.reports.visit_content import BoneTherapy, LatestScan, LatestVitaminD, ScanSite
from aijournal.store.labs import StoredLab


def _latest_scan(labs: list[StoredLab]) -> LatestScan | None:
    scans = [lab for lab in labs if lab.test == DEXA]
    if not scans:
        return None
    last = scans[-1]
    sites = [
        ScanSite(
            site=v.site.replace("-", " "),
            t_score=show_t_score(v.value),
            who_category=who_category(v.value),
        )
        for v in last.values
        if v.site is not None and v.unit == T_SCORE
    ]
    return LatestScan(date=last.day, sites=sites)


def _latest_vitamin_d(labs: list[StoredLab]) -> LatestVitaminD | None:
    results = [lab for lab in labs if lab.test == VITAMIN_D and lab.values]
    if not results:
        return None
    last = results[-1]
    nmol_l = last.values[0].value
    return LatestVitaminD(date=last.day, nmol_l=nmol_l, ng_ml=round(nmol_l_to_ng_ml(nmol_l), 1))


def bone_therapy(*, session: Session, start: date, end: date, today: date) -> BoneTherapy | None:
    """The section's content; None when no scan, vitamin D, schedule or event in the period
    is logged: a whole section saying only "not logged" four times would take room on a
    one-page summary from what was logged, and a person not followed for bone loss has
    nothing to read there."""
    labs = all_labs(session=session, today=end)
    found = BoneTherapy(
        scan=_latest_scan(labs),
        vitamin_d=_latest_vitamin_d(labs),
        scheduled=scheduled_doses(session=session, today=today),
        events=[e for e in all_event_rows(session) if start <= e.date <= end],
    )
    if found.scan is None and found.vitamin_d is None and not found.scheduled and not found.events:
        return None
    return found
