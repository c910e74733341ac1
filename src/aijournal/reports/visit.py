"""The one-page visit summary's content: what a period held, as plain result models.

Pain and stiffness by day (exercise days marked), plan adherence by ISO week, nutrient
adequacy against the user's target profile, medication adherence and skip reasons, sleep,
weight and waist, weekly check-ins, and the open questions. Numbers only: no advice.
"""

from collections import Counter, defaultdict
from datetime import date, timedelta
from statistics import fmean

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.catalog.exercises import ExerciseCatalog
from aijournal.catalog.protocols import Plan
from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.adherence import COUNTED_DAY_STATUSES
from aijournal.domain.dayintake import day_intakes, summarize
from aijournal.domain.nutrients import MK7, NUTRIENTS
from aijournal.domain.status import daily_doses
from aijournal.domain.vitamin_k import steady_vitamin_k_reminder
from aijournal.errors import BadInput
from aijournal.reports.plan import check_week
from aijournal.store.daily import rows_between
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.models import (
    BodyMeasure,
    Checkin,
    CheckinAnswer,
    ExerciseSession,
    MedicationDose,
    SleepRecord,
    SymptomRating,
)
from aijournal.store.span import journal_start
from aijournal.store.visits import (
    QuestionRow,
    VisitRow,
    last_visit_before,
    list_questions,
    next_visit_from,
)

DEFAULT_DAYS = 90
TABLE_WEEKS = 12


class DayValue(BaseModel):
    day: date
    value: float


class SymptomSummary(BaseModel):
    name: str
    label: str
    unit: str
    scale_max: float
    days_rated: int
    first_week_mean: float | None
    last_week_mean: float | None
    highest: DayValue | None
    series: list[DayValue]


class RequirementRow(BaseModel):
    name: str
    unit: str
    actual: int
    required: int
    met: bool
    state: str = "not-met"


class WeekRow(BaseModel):
    week: str
    start: date
    days_done: int
    days_planned: int
    requirements: list[RequirementRow]


class RequirementTotal(BaseModel):
    name: str
    weeks_met: int
    weeks: int


class NutrientRow(BaseModel):
    key: str
    label: str
    unit: str
    target: float | None  # None: shown on its own line, compared with nothing (MK-7)
    upper: float | None
    upper_counts: str
    days_logged: int  # days with intake logged: food or supplements
    days_with_food: int
    days_met: int
    average: float | None
    food_average: float | None
    supplements_average: float | None
    days_over: int
    days_incomplete: int


class ReasonCount(BaseModel):
    reason: str
    count: int


class MedicationRow(BaseModel):
    name: str
    dose: str
    taken: int
    skipped: int
    no_record: int | None
    reasons: list[ReasonCount]


class SleepSummary(BaseModel):
    nights: int
    mean_hours: float | None
    mean_quality: float | None


class MeasureSummary(BaseModel):
    label: str
    unit: str
    count: int
    first: DayValue | None
    last: DayValue | None


class CheckinRow(BaseModel):
    item: str
    attribute: str
    first_week: str
    first_value: int
    last_week: str
    last_value: int


class VisitReport(BaseModel):
    """Everything the one-page summary shows, for ``start``..``end``."""

    start: date
    end: date
    made_on: date
    last_visit: date | None
    next_visit: VisitRow | None
    profile_name: str
    profile_source: str
    plan_name: str
    plan_source: str
    pain: SymptomSummary
    stiffness: SymptomSummary
    exercise_days: list[date]
    weeks: list[WeekRow]
    weeks_total: int
    requirement_totals: list[RequirementTotal]
    nutrients: list[NutrientRow]
    vitamin_k_reminder: str | None = None
    medications: list[MedicationRow]
    sleep: SleepSummary
    body: list[MeasureSummary]
    checkins: list[CheckinRow]
    checkin_count: int
    questions: list[QuestionRow]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def report_range(
    *,
    session: Session,
    start: date | None,
    end: date | None,
    since_last_visit: bool,
    today: date,
) -> tuple[date, date]:
    """As given; else since the last visit before today; else the last 90 days."""
    if since_last_visit and (start is not None or end is not None):
        raise BadInput("give --from/--to or --since-last-visit, not both")
    last_day = end or today
    if start is None:
        last = last_visit_before(session=session, day=today)
        if since_last_visit and last is None:
            raise BadInput("no visit before today is recorded; add one (aij visit add DATE)")
        start = last if last is not None else last_day - timedelta(days=DEFAULT_DAYS - 1)
    if start > last_day:
        raise BadInput(f"the range is empty: {start} is after {last_day}")
    return start, last_day


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def _nice_top(top: float, highest: float) -> float:
    """The chart's top: the scale's usual top, or the highest value rounded up to a multiple
    of half of it (stiffness minutes: 89 becomes 90), so the axis ticks stay round."""
    if highest <= top:
        return top
    step = top / 2
    return float(-(-highest // step) * step)


def _symptom(
    name: str, label: str, unit: str, top: float, rated: dict[date, float], start: date, end: date
) -> SymptomSummary:
    series = [DayValue(day=d, value=v) for d, v in sorted(rated.items())]
    first = [v for d, v in rated.items() if d <= start + timedelta(days=6)]
    last = [v for d, v in rated.items() if d >= end - timedelta(days=6)]
    highest = max(series, key=lambda p: (p.value, p.day), default=None)
    return SymptomSummary(
        name=name,
        label=label,
        unit=unit,
        scale_max=_nice_top(top, max(rated.values(), default=0.0)),
        days_rated=len(series),
        first_week_mean=_mean(first),
        last_week_mean=_mean(last),
        highest=highest,
        series=series,
    )


def _weeks(
    session: Session, plan: Plan, catalog: ExerciseCatalog, start: date, end: date, today: date
) -> tuple[list[WeekRow], list[RequirementTotal]]:
    """Each ISO week of the period from the journal's start (earlier weeks are not
    journaling yet, not misses); totals count the finished weeks that were journaled."""
    rows: list[WeekRow] = []
    began = journal_start(session=session)
    monday = max(start, began) - timedelta(days=max(start, began).weekday())
    while monday <= end:
        year, week, _ = monday.isocalendar()
        check = check_week(
            session=session, plan=plan, catalog=catalog, week=(year, week), today=today
        )
        statuses = [d["status"] for d in check.days]
        rows.append(
            WeekRow(
                week=check.week,
                start=check.start,
                days_done=sum(s in ("done", "moved") for s in statuses),
                days_planned=sum(s in COUNTED_DAY_STATUSES for s in statuses),
                requirements=[RequirementRow(**r) for r in check.requirements],
            )
        )
        monday += timedelta(days=7)
    met: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for row in rows:
        for req in row.requirements:
            if req.state in ("met", "not-met"):
                seen[req.name] += 1
                met[req.name] += req.met
    totals = [RequirementTotal(name=n, weeks_met=met[n], weeks=seen[n]) for n in seen]
    return rows, totals


def _nutrients(
    session: Session, profile: TargetProfile, start: date, end: date
) -> list[NutrientRow]:
    """Each target over the days with intake logged (domain/dayintake.py defines them)."""
    days = day_intakes(daily_nutrient_sums(session=session, start=start, end=end))
    result = []
    for key, target in profile.targets().items():
        summary = summarize(days.values(), key, target)
        info = NUTRIENTS[key]
        result.append(
            NutrientRow(
                key=key,
                label=info.label,
                unit=info.unit,
                target=target.min,
                upper=target.upper,
                upper_counts=target.upper_counts,
                days_logged=summary.days_logged,
                days_with_food=summary.days_with_food,
                days_met=summary.days_met,
                average=summary.average,
                food_average=summary.food_average,
                supplements_average=summary.supplements_average,
                days_over=len(summary.days_over_upper),
                days_incomplete=summary.days_incomplete,
            )
        )
    mk7 = summarize(days.values(), MK7, None)
    if mk7.days_logged and mk7.average:
        info = NUTRIENTS[MK7]
        result.append(
            NutrientRow(
                key=MK7,
                label=info.label,
                unit=info.unit,
                target=None,
                upper=None,
                upper_counts="all",
                days_logged=mk7.days_logged,
                days_with_food=mk7.days_with_food,
                days_met=0,
                average=mk7.average,
                food_average=mk7.food_average,
                supplements_average=mk7.supplements_average,
                days_over=0,
                days_incomplete=mk7.days_incomplete,
            )
        )
    return result


def _medications(
    session: Session, config: Config, start: date, end: date, today: date
) -> list[MedicationRow]:
    """Taken, skipped, and days with no record of a daily medication (``domain/status.py``:
    not before the journal's start, not today)."""
    doses = rows_between(session=session, model=MedicationDose, start=start, end=end)
    by_name: dict[str, list[tuple[date, MedicationDose]]] = defaultdict(list)
    for entry, dose in doses:
        by_name[dose.medication].append((entry.day, dose))
    configured = {m.name: m for m in config.medications}
    names = [*configured, *sorted(set(by_name) - set(configured))]
    began = journal_start(session=session)
    rows = []
    for name in names:
        records = [d for _, d in by_name.get(name, [])]
        reasons = Counter(d.reason or "no reason given" for d in records if not d.taken)
        med = configured.get(name)
        missed = None
        if med and med.schedule == "daily":
            days = {day: d.taken for day, d in by_name.get(name, [])}
            missed = daily_doses(days, start, end, journal_start=began, today=today).missed
        rows.append(
            MedicationRow(
                name=name,
                dose=med.dose if med else (records[-1].dose if records else ""),
                taken=sum(d.taken for d in records),
                skipped=sum(not d.taken for d in records),
                no_record=missed,
                reasons=[ReasonCount(reason=r, count=c) for r, c in reasons.most_common()],
            )
        )
    return rows


def _measures(session: Session, start: date, end: date) -> list[MeasureSummary]:
    values: dict[str, list[DayValue]] = defaultdict(list)
    for entry, measure in rows_between(session=session, model=BodyMeasure, start=start, end=end):
        values[measure.measure].append(DayValue(day=entry.day, value=measure.value))
    return [
        MeasureSummary(
            label=label,
            unit=unit,
            count=len(values[key]),
            first=values[key][0] if values[key] else None,
            last=values[key][-1] if values[key] else None,
        )
        for key, label, unit in (("weight_kg", "Weight", "kg"), ("waist_cm", "Waist", "cm"))
    ]


def _checkins(session: Session, start: date, end: date) -> tuple[list[CheckinRow], int]:
    weeks = {
        e.id: c.week for e, c in rows_between(session=session, model=Checkin, start=start, end=end)
    }
    answers = rows_between(session=session, model=CheckinAnswer, start=start, end=end)
    first: dict[tuple[str, str], tuple[str, int]] = {}
    last: dict[tuple[str, str], tuple[str, int]] = {}
    for entry, answer in answers:
        key = (answer.item, answer.attribute)
        first.setdefault(key, (weeks.get(entry.id, ""), answer.value))
        last[key] = (weeks.get(entry.id, ""), answer.value)
    rows = [
        CheckinRow(
            item=item,
            attribute=attribute,
            first_week=first[(item, attribute)][0],
            first_value=first[(item, attribute)][1],
            last_week=last[(item, attribute)][0],
            last_value=last[(item, attribute)][1],
        )
        for item, attribute in first
    ]
    return rows, len(weeks)


def visit_report(
    *,
    session: Session,
    start: date,
    end: date,
    today: date,
    config: Config,
    profile: TargetProfile,
    plan: Plan,
    catalog: ExerciseCatalog,
) -> VisitReport:
    """The summary of ``start``..``end`` (reads that range, plus the open questions)."""
    ratings = rows_between(session=session, model=SymptomRating, start=start, end=end)
    pain = {e.day: r.value for e, r in ratings if r.name == "joint-pain"}
    stiffness = {e.day: r.value for e, r in ratings if r.name == "stiffness"}
    exercised = rows_between(session=session, model=ExerciseSession, start=start, end=end)
    weeks, totals = _weeks(session, plan, catalog, start, end, today)
    sleep = [s for _, s in rows_between(session=session, model=SleepRecord, start=start, end=end)]
    checkins, checkin_count = _checkins(session, start, end)
    return VisitReport(
        start=start,
        end=end,
        made_on=today,
        last_visit=last_visit_before(session=session, day=today),
        next_visit=next_visit_from(session=session, day=today),
        profile_name=profile.name,
        profile_source=profile.source,
        plan_name=plan.name,
        plan_source=plan.source,
        pain=_symptom("joint-pain", "Worst joint pain", "0-10", 10, pain, start, end),
        stiffness=_symptom("stiffness", "Morning stiffness", "min", 60, stiffness, start, end),
        exercise_days=sorted({e.day for e, _ in exercised}),
        weeks=weeks[-TABLE_WEEKS:],
        weeks_total=len(weeks),
        requirement_totals=totals,
        nutrients=_nutrients(session, profile, start, end),
        vitamin_k_reminder=steady_vitamin_k_reminder(m.name for m in config.medications),
        medications=_medications(session, config, start, end, today),
        sleep=SleepSummary(
            nights=len(sleep),
            mean_hours=_mean([s.hours for s in sleep if s.hours is not None]),
            mean_quality=_mean([s.quality for s in sleep if s.quality is not None]),
        ),
        body=_measures(session, start, end),
        checkins=checkins,
        checkin_count=checkin_count,
        questions=list_questions(session=session, include_answered=False),
    )
