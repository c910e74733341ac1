"""`aij insights`: lagged associations a person can act on, with honest uncertainty.

Each compares the mean of an outcome on days after one kind of day against the other
logged days (a day with nothing logged is in neither side), with Welch's 95% confidence
interval, and says nothing where either side has under 14. The finding, one plain
sentence with n on each side, is written by render (it holds the number format).
An association is not proof of cause, and every result says so.
"""

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel
from sqlmodel import Session, col, select

from aijournal.catalog.protocols import ExerciseCatalog, Plan
from aijournal.domain.adherence import weekly_adherence
from aijournal.domain.stats import MIN_DAYS, welch_difference
from aijournal.reports.plan import logged_sessions
from aijournal.store.daily import rows_between
from aijournal.store.exercise import StoredSession, sessions_between
from aijournal.store.models import Entry, SleepRecord, SymptomRating

CAUTION = "An association is not proof of cause: other things change on the same days."
SHORT_NIGHT_HOURS = 7.0
SHOWN_ZERO_BELOW = 0.05  # findings show one decimal: 0.05 reads 0.1, 0.049 reads 0.0


class Insight(BaseModel):
    """One comparison: the outcome on ``with_label`` against ``without_label``."""

    question: str
    outcome: str
    unit: str
    difference_unit: str
    with_label: str
    without_label: str
    n_with: int
    n_without: int
    min_each_side: int = MIN_DAYS
    mean_with: float | None = None
    mean_without: float | None = None
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    verdict: Literal["not enough data", "association", "no clear association"]


class InsightsResult(BaseModel):
    start: date
    end: date
    insights: list[Insight]
    # The 8 weeks before and after each medication change (reports/medication.py).
    medication_changes: list[Insight] = []
    caution: str = CAUTION


def _ratings(session: Session, name: str, start: date, end: date) -> dict[date, float]:
    query = (
        select(col(Entry.day), col(SymptomRating.value))
        .join(Entry, col(SymptomRating.entry_id) == Entry.id)
        .where(
            Entry.kind == "symptom",
            Entry.day >= start,
            Entry.day <= end,
            SymptomRating.name == name,
        )
    )
    return {day: value for day, value in session.exec(query)}


def compare(
    question: str,
    outcome: tuple[str, str, str],
    with_: list[float],
    without: list[float],
    labels: tuple[str, str],
) -> Insight:
    """``outcome`` is (name, scale, unit of a difference); ``labels`` name the two sides."""
    name, unit, difference_unit = outcome
    common = {
        "question": question,
        "outcome": name,
        "unit": unit,
        "difference_unit": difference_unit,
        "with_label": labels[0],
        "without_label": labels[1],
    }
    result = welch_difference(with_, without)
    if result is None:
        return Insight(
            **common, n_with=len(with_), n_without=len(without), verdict="not enough data"
        )
    # Decided on the interval as shown, to one decimal rounded half up: a bound under 0.05
    # either side of zero reads "no difference", so the interval does not clear zero.
    shown = SHOWN_ZERO_BELOW
    clear = min(result.low, result.high) >= shown or max(result.low, result.high) <= -shown
    return Insight(
        **common,
        n_with=result.n_with,
        n_without=result.n_without,
        mean_with=round(result.mean_with, 2),
        mean_without=round(result.mean_without, 2),
        difference=round(result.difference, 2),
        ci_low=round(result.low, 2),
        ci_high=round(result.high, 2),
        verdict="association" if clear else "no clear association",
    )


def _logged_days(session: Session, start: date, end: date) -> set[date]:
    """The days of start..end with anything logged."""
    query = select(col(Entry.day)).where(Entry.day >= start, Entry.day <= end).distinct()
    return set(session.exec(query))


def insights(
    *, session: Session, start: date, end: date, plan: Plan, catalog: ExerciseCatalog
) -> InsightsResult:
    """The associations over start..end (reads that range only)."""
    pain = _ratings(session, "joint-pain", start, end)
    stiffness = _ratings(session, "stiffness", start, end)
    stored = sessions_between(session=session, start=start, end=end)
    exercise_days = {s.day for s in stored if any(i.kind != "rest" for i in s.items)}
    logged = _logged_days(session, start, end)
    found: list[Insight] = []
    days = [start + timedelta(days=i) for i in range((end - start).days)]
    for outcome, values in (
        (("worst joint pain", "0-10", "points"), pain),
        (("morning stiffness", "minutes", "minutes"), stiffness),
    ):
        after_ex = [
            values[d + timedelta(days=1)]
            for d in days
            if d in exercise_days and d + timedelta(days=1) in values
        ]
        after_none = [
            values[d + timedelta(days=1)]
            for d in days
            if d in logged and d not in exercise_days and d + timedelta(days=1) in values
        ]
        found.append(
            compare(
                f"Next-day {outcome[0]} after exercise days vs other logged days",
                outcome,
                after_ex,
                after_none,
                ("days after exercise", "days after a logged day without exercise"),
            )
        )
    nights = rows_between(session=session, model=SleepRecord, start=start, end=end)
    short = [
        pain[e.day]
        for e, s in nights
        if s.hours is not None and s.hours < SHORT_NIGHT_HOURS and e.day in pain
    ]
    enough = [
        pain[e.day]
        for e, s in nights
        if s.hours is not None and s.hours >= SHORT_NIGHT_HOURS and e.day in pain
    ]
    found.append(
        compare(
            "Worst joint pain after nights under 7 h vs nights of 7 h or more",
            ("worst joint pain", "0-10", "points"),
            short,
            enough,
            ("days after a night under 7 h", "days after a night of 7 h or more"),
        )
    )
    found.append(_plan_weeks(start, end, pain, stored, plan, catalog, logged))
    from aijournal.reports.beforeafter import before_after  # it builds on compare() here

    changes = before_after(session=session, start=start, end=end)
    return InsightsResult(start=start, end=end, insights=found, medication_changes=changes)


def _plan_weeks(
    start: date,
    end: date,
    pain: dict[date, float],
    stored: list[StoredSession],
    plan: Plan,
    catalog: ExerciseCatalog,
    logged: set[date],
) -> Insight:
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    sessions = logged_sessions(stored)
    met_next: list[float] = []
    unmet_next: list[float] = []
    while monday + timedelta(days=13) <= end:
        year, week, _ = monday.isocalendar()
        result = weekly_adherence(plan, sessions, week=(year, week))
        following = [
            pain[d] for d in (monday + timedelta(days=7 + i) for i in range(7)) if d in pain
        ]
        week_logged = any(monday + timedelta(days=i) in logged for i in range(7))
        if following and week_logged:
            mean = sum(following) / len(following)
            met = all(r.met for r in result.requirements)
            (met_next if met else unmet_next).append(mean)
        monday += timedelta(days=7)
    return compare(
        "Mean worst joint pain in the week after a week that met the plan vs one that did not",
        ("weekly mean worst joint pain", "0-10", "points"),
        met_next,
        unmet_next,
        ("weeks after a logged week that met the plan", "weeks after a logged week that did not"),
    )
