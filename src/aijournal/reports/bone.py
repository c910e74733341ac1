"""`aij bone`: the years-long view of bone health.

T-scores by site with the change from the scan before (and, where the user entered the
scan's least significant change, whether the BMD change is larger than it); vitamin D
results in both units; and, for the periods between scans, the weekly impact and
resistance sessions and the share of days with intake logged that met the calcium and the
vitamin D target.

The periods run from scan to scan because a scan is what the question is about: "what did
my bone density do while I exercised like this?" reads straight across one row. Before the
first scan and since the last one are periods too. Every figure comes from its one
definition: sessions from domain/activity.py, days meeting a target from
domain/dayintake.py with the user's target profile; bone-agent doses and medication events
from reports/bonetherapy.py; the next dose from reports/medication.py (as `aij today` says
it); the weeks before and after each change from reports/beforeafter.py (as `aij insights`
compares them: nothing said under 14 days a side, never a cause).
"""

from datetime import date, timedelta
from itertools import pairwise

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.catalog.targets import TargetProfile
from aijournal.domain.activity import period_sessions
from aijournal.domain.dayintake import DayIntake, day_intakes, target_days
from aijournal.domain.labs import (
    DEXA,
    DEXA_SITES,
    NG_ML_TO_NMOL_L,
    T_SCORE,
    VITAMIN_D,
    VITAMIN_D_THRESHOLDS,
    LabValue,
    nmol_l_to_ng_ml,
    site_change,
    who_category,
)
from aijournal.reports.beforeafter import before_after
from aijournal.reports.bonetherapy import (
    AgentDoses,
    agent_dose_days,
    all_event_rows,
    period_therapy,
)
from aijournal.reports.insights import CAUTION, Insight
from aijournal.reports.labs import all_labs
from aijournal.reports.medication import EventRow, ScheduledDose, scheduled_doses
from aijournal.store.exercise import item_kinds_by_day
from aijournal.store.labs import StoredLab
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.span import first_logged_day

NO_SCAN = (
    "No DEXA scan logged yet: aij log lab dexa lumbar-spine=-2.1 total-hip=-1.4"
    " femoral-neck=-1.8 --date 2026-03-10"
)
NO_VITAMIN_D = "No vitamin D result logged yet: aij log lab vitamin-d 62 nmol/L (or 25 ng/mL)"
# The nutrients whose target days a period shows (only these are read).
_TARGET_KEYS = ("calcium_mg", "vitamin_d_ug")
NO_DAYS = "Nothing logged yet, so no periods to show: aij log ex, aij log meal, aij log supp"


class SiteScan(BaseModel):
    """One site on one scan, and its change from the site's scan before (None: first)."""

    date: date
    id: str
    t_score: float
    who_category: str
    bmd_g_cm2: float | None = None
    lsc: float | None = None
    lsc_unit: str | None = None
    t_score_change: float | None = None
    bmd_change_g_cm2: float | None = None
    bmd_change_percent: float | None = None
    larger_than_lsc: bool | None = None


class SiteSeries(BaseModel):
    site: str
    scans: list[SiteScan]


class VitaminDResult(BaseModel):
    date: date
    id: str
    nmol_l: float
    ng_ml: float


class Threshold(BaseModel):
    ng_ml: float
    nmol_l: float
    source: str


class TargetShare(BaseModel):
    """Days with intake logged in a period, and how many met the target (None: no target)."""

    days_logged: int
    days_met: int
    percent: float | None


class Period(BaseModel):
    """A run of days between scans (``start``..``end``, inclusive) and what was done in it."""

    start: date
    end: date
    label: str
    weeks: float
    impact_sessions: int
    resistance_sessions: int
    impact_per_week: float | None
    resistance_per_week: float | None
    calcium: TargetShare
    vitamin_d: TargetShare
    bone_agent_doses: list[AgentDoses] = []
    medication_events: list[EventRow] = []


class BoneResult(BaseModel):
    since: date | None
    today: date
    sites: list[SiteSeries]
    vitamin_d: list[VitaminDResult]
    vitamin_d_thresholds: list[Threshold]
    periods: list[Period]
    missing: list[str]
    scheduled: list[ScheduledDose] = []
    medication_changes: list[Insight] = []
    caution: str = CAUTION


def _site_series(scans: list[StoredLab]) -> list[SiteSeries]:
    """Each site's scans, oldest first, with the change from the one before."""
    by_site: dict[str, list[tuple[StoredLab, LabValue]]] = {}
    for scan in scans:
        for value in scan.values:
            if value.site is not None and value.unit == T_SCORE:
                by_site.setdefault(value.site, []).append((scan, value))
    series = []
    for site in DEXA_SITES:
        rows: list[SiteScan] = []
        before: LabValue | None = None
        for scan, value in by_site.get(site, []):
            row = SiteScan(
                date=scan.day,
                id=scan.entry_id,
                t_score=value.value,
                who_category=who_category(value.value),
                bmd_g_cm2=value.bmd_g_cm2,
                lsc=value.lsc,
                lsc_unit=value.lsc_unit,
            )
            if before is not None:
                lsc, unit = (
                    (value.lsc, value.lsc_unit) if value.lsc else (before.lsc, before.lsc_unit)
                )
                change = site_change(before, value, lsc, unit)
                row.t_score_change = change.t_score
                row.bmd_change_g_cm2 = change.bmd_g_cm2
                row.bmd_change_percent = change.bmd_percent
                row.larger_than_lsc = change.beyond_lsc
            rows.append(row)
            before = value
        if rows:
            series.append(SiteSeries(site=site, scans=rows))
    return series


def _periods(start: date, today: date, scan_days: list[date]) -> list[tuple[date, date, str]]:
    """Scan to scan: before the first scan, from each scan to the day before the next, and
    from the last scan to today."""
    bounds = sorted({d for d in scan_days if start < d <= today})
    cuts = [start, *bounds, today + timedelta(days=1)]
    found = []
    for begin, after in pairwise(cuts):
        if begin in scan_days:
            label = f"from the scan of {begin}"
        elif scan_days and begin < min(scan_days):
            label = "before the first scan"
        else:
            label = f"from {begin}"
        found.append((begin, after - timedelta(days=1), label))
    return found


def _share(days: list[DayIntake], key: str, profile: TargetProfile) -> TargetShare:
    target = profile.targets().get(key)
    counted = target_days(days, key, target)
    n = counted.days_logged
    percent = round(100.0 * counted.days_met / n, 1) if n and target is not None else None
    return TargetShare(days_logged=n, days_met=counted.days_met, percent=percent)


def _per_week(count: int, weeks: float) -> float | None:
    return round(count / weeks, 1) if weeks else None


def _period_rows(
    session: Session, start: date, today: date, scan_days: list[date], profile: TargetProfile
) -> list[Period]:
    spans = _periods(start, today, scan_days)
    kinds = item_kinds_by_day(session=session, start=start, end=today)
    sums = daily_nutrient_sums(session=session, start=start, end=today, keys=_TARGET_KEYS)
    intakes = day_intakes(sums, keys=_TARGET_KEYS)
    doses = agent_dose_days(session, start, today)
    events = all_event_rows(session)
    rows = []
    for begin, end, label in spans:
        totals = period_sessions(k for day, k in kinds.items() if begin <= day <= end)
        days = [d for day, d in intakes.items() if begin <= day <= end]
        weeks = ((end - begin).days + 1) / 7
        therapy = period_therapy(doses, events, begin, end)
        rows.append(
            Period(
                start=begin,
                end=end,
                label=label,
                weeks=round(weeks, 1),
                impact_sessions=totals.impact_sessions,
                resistance_sessions=totals.resistance_sessions,
                impact_per_week=_per_week(totals.impact_sessions, weeks),
                resistance_per_week=_per_week(totals.resistance_sessions, weeks),
                calcium=_share(days, _TARGET_KEYS[0], profile),
                vitamin_d=_share(days, _TARGET_KEYS[1], profile),
                bone_agent_doses=therapy.bone_agent_doses,
                medication_events=therapy.medication_events,
            )
        )
    return rows


def bone_report(
    *, session: Session, profile: TargetProfile, today: date, since: date | None = None
) -> BoneResult:
    """The bone view from ``since`` (else the journal's first logged day) to today."""
    labs = all_labs(session=session, today=today)
    scans = [lab for lab in labs if lab.test == DEXA]
    sites = [
        SiteSeries(
            site=s.site, scans=[row for row in s.scans if since is None or row.date >= since]
        )
        for s in _site_series(scans)
    ]
    sites = [s for s in sites if s.scans]
    vitamin_d = [
        VitaminDResult(
            date=lab.day,
            id=lab.entry_id,
            nmol_l=value.value,
            ng_ml=round(nmol_l_to_ng_ml(value.value), 1),
        )
        for lab in labs
        if lab.test == VITAMIN_D and (since is None or lab.day >= since)
        for value in lab.values
    ]
    first = first_logged_day(session=session)
    start = max(d for d in (since, first) if d is not None) if first or since else None
    periods = []
    changes = []
    if first is not None and start is not None and start <= today:
        periods = _period_rows(session, start, today, [s.day for s in scans], profile)
        changes = before_after(session=session, start=start, end=today)
    missing = [
        text for text, absent in ((NO_SCAN, not sites), (NO_VITAMIN_D, not vitamin_d)) if absent
    ]
    if not periods:
        missing.append(NO_DAYS)
    return BoneResult(
        since=since,
        today=today,
        sites=sites,
        vitamin_d=vitamin_d,
        vitamin_d_thresholds=[
            Threshold(ng_ml=float(ng), nmol_l=float(ng * NG_ML_TO_NMOL_L), source=source)
            for ng, source in VITAMIN_D_THRESHOLDS
        ],
        periods=periods,
        missing=missing,
        scheduled=scheduled_doses(session=session, today=today),
        medication_changes=changes,
    )
