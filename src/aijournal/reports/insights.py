"""`aij insights`: lagged associations a person can act on, with honest uncertainty.

Each compares the mean of an outcome on days after one kind of day against the other days,
with Welch's 95% confidence interval, and says nothing where either side has under 14.
An association is not proof of cause, and every result says so.
"""

from datetime import date, timedelta

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


class Insight(BaseModel):
    question: str
    unit: str
    n_with: int
    n_without: int
    mean_with: float | None = None
    mean_without: float | None = None
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    finding: str


class InsightsResult(BaseModel):
    start: date
    end: date
    insights: list[Insight]
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


def _compare(
    question: str, unit: str, with_: list[float], without: list[float], labels: tuple[str, str]
) -> Insight:
    result = welch_difference(with_, without)
    if result is None:
        return Insight(
            question=question,
            unit=unit,
            n_with=len(with_),
            n_without=len(without),
            finding=f"Not enough data yet ({labels[0]}: {len(with_)}, {labels[1]}: "
            f"{len(without)}); each side needs at least {MIN_DAYS}.",
        )
    verdict = (
        "an association: the interval excludes no difference"
        if result.excludes_zero
        else "no clear association: the interval includes no difference"
    )
    return Insight(
        question=question,
        unit=unit,
        n_with=result.n_with,
        n_without=result.n_without,
        mean_with=round(result.mean_with, 2),
        mean_without=round(result.mean_without, 2),
        difference=round(result.difference, 2),
        ci_low=round(result.low, 2),
        ci_high=round(result.high, 2),
        finding=f"{result.mean_with:.1f} against {result.mean_without:.1f} "
        f"(difference {result.difference:+.1f}, 95% CI {result.low:+.1f} to {result.high:+.1f}): "
        f"{verdict}.",
    )


def insights(
    *, session: Session, start: date, end: date, plan: Plan, catalog: ExerciseCatalog
) -> InsightsResult:
    """The associations over start..end (reads that range only)."""
    pain = _ratings(session, "joint-pain", start, end)
    stiffness = _ratings(session, "stiffness", start, end)
    stored = sessions_between(session=session, start=start, end=end)
    exercise_days = {s.day for s in stored if any(i.kind != "rest" for i in s.items)}
    found: list[Insight] = []
    days = [start + timedelta(days=i) for i in range((end - start).days)]
    for outcome, values, unit in (
        (("worst joint pain", pain, "0-10")),
        ("morning stiffness", stiffness, "minutes"),
    ):
        after_ex = [
            values[d + timedelta(days=1)]
            for d in days
            if d in exercise_days and d + timedelta(days=1) in values
        ]
        after_none = [
            values[d + timedelta(days=1)]
            for d in days
            if d not in exercise_days and d + timedelta(days=1) in values
        ]
        found.append(
            _compare(
                f"Next-day {outcome} after exercise days vs other days",
                unit,
                after_ex,
                after_none,
                ("days after exercise", "other days"),
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
        _compare(
            "Worst joint pain after nights under 7 h vs nights of 7 h or more",
            "0-10",
            short,
            enough,
            ("short nights", "longer nights"),
        )
    )
    found.append(_plan_weeks(start, end, pain, stored, plan, catalog))
    return InsightsResult(start=start, end=end, insights=found)


def _plan_weeks(
    start: date,
    end: date,
    pain: dict[date, float],
    stored: list[StoredSession],
    plan: Plan,
    catalog: ExerciseCatalog,
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
        if following:
            mean = sum(following) / len(following)
            met = all(r.met for r in result.requirements)
            (met_next if met else unmet_next).append(mean)
        monday += timedelta(days=7)
    return _compare(
        "Mean worst joint pain in the week after a week that met the plan vs one that did not",
        "0-10",
        met_next,
        unmet_next,
        ("weeks after a met plan", "other weeks"),
    )
