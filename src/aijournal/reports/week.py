"""`aij week`: one ISO week's plan, nutrients, eating pattern, symptoms, medication, habits.

Reads only the weeks it shows (the week, the one before, and the four before that for the
symptom baseline), through the entry day index, aggregating in the database.
"""

from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from aijournal.catalog.protocols import ExerciseCatalog, Plan
from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.adherence import week_dates
from aijournal.domain.change import RULE_TEXT, exact_mean, pain_change
from aijournal.domain.dayintake import day_intakes, summarize
from aijournal.domain.nutrients import MK7, MK7_NOTE, NUTRIENTS
from aijournal.domain.pattern import LoggedFood, weekly_pattern
from aijournal.domain.status import DoseCount, daily_doses, weekly_doses
from aijournal.domain.vitamin_k import steady_vitamin_k_reminder
from aijournal.reports.checkins import checkins_between
from aijournal.reports.medication import (
    ScheduledDose,
    due_days,
    scheduled_doses,
    shown_medications,
    taken_between,
)
from aijournal.reports.plan import check_week
from aijournal.store.daily import rows_between
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.medication import load_timeline
from aijournal.store.models import (
    BodyMeasure,
    Entry,
    MealItem,
    MedicationDose,
    MindSession,
    SleepRecord,
    SymptomRating,
)
from aijournal.store.span import journal_start

GOOD_NIGHT_HOURS = 7.0


class NutrientWeek(BaseModel):
    key: str
    label: str
    unit: str
    days_logged: int  # days with intake logged (food or supplements)
    days_with_food: int
    days_met: int
    average: float | None
    food_average: float | None
    supplements_average: float | None
    target: float
    goal: float | None
    upper_limit: float | None
    upper_counts: str
    days_over_upper: list[date]
    unknown_items: int
    source: str


class SymptomWeek(BaseModel):
    name: str
    mean: float
    worst: float
    days_rated: int
    previous_mean: float | None
    change_vs_previous: float | None
    baseline_mean: float | None
    change_vs_baseline: float | None
    flag: str | None
    flag_rule: str | None = None


class MedicationWeek(BaseModel):
    name: str
    dose: str
    expected: int
    taken: int
    skipped: list[dict[str, Any]]
    not_logged: int


class HabitsWeek(BaseModel):
    nights_logged: int
    nights_7h_or_more: int
    mind_minutes: float
    weight_kg: float | None
    weight_change_kg: float | None
    waist_cm: float | None
    waist_change_cm: float | None


class WeekReport(BaseModel):
    """One week. JSON keys documented in the README; later versions only add keys."""

    week: str
    start: date
    end: date
    empty: bool
    hint: str | None = None
    plan: dict[str, Any] | None = None
    nutrients: list[NutrientWeek] = []
    days_without_food: list[date] = []
    profile: dict[str, str] | None = None
    vitamin_k2_mk7: dict[str, Any] | None = None
    pattern: dict[str, Any] | None = None
    symptoms: list[SymptomWeek] = []
    medications: list[MedicationWeek] = []
    scheduled: list[ScheduledDose] = []
    habits: HabitsWeek | None = None
    checkins: list[dict[str, Any]] = []
    warnings: list[str] = []


def _symptom_stats(session: Session, start: date, end: date) -> dict[str, tuple[float, float, int]]:
    query = (
        select(
            SymptomRating.name,
            func.avg(SymptomRating.value),
            func.max(SymptomRating.value),
            func.count(),
        )
        .join(Entry, col(SymptomRating.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end)
        .group_by(SymptomRating.name)
    )
    return {name: (float(avg), float(worst), int(n)) for name, avg, worst, n in session.exec(query)}


def _ratings(session: Session, name: str, start: date, end: date) -> list[float]:
    query = (
        select(col(SymptomRating.value))
        .join(Entry, col(SymptomRating.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end, SymptomRating.name == name)
    )
    return [float(v) for v in session.exec(query)]


def _pain_flag(session: Session, start: date, end: date) -> str | None:
    """The worst-pain flag against the week before, on the exact means (domain/change.py)."""
    this = _ratings(session, "joint-pain", start, end)
    before = _ratings(session, "joint-pain", start - timedelta(days=7), start - timedelta(days=1))
    if not this or not before:
        return None
    found = pain_change(exact_mean(before), exact_mean(this))
    return None if found is None else found.describe()


def symptom_weeks(session: Session, start: date, end: date, order: list[str]) -> list[SymptomWeek]:
    this = _symptom_stats(session, start, end)
    previous = _symptom_stats(session, start - timedelta(days=7), start - timedelta(days=1))
    baseline = _symptom_stats(session, start - timedelta(days=28), start - timedelta(days=1))
    result = []
    for name in sorted(this, key=lambda n: [*order, n].index(n)):
        mean, worst, days = this[name]
        prev = previous.get(name, (None, None, 0))[0]
        base = baseline.get(name, (None, None, 0))[0]
        flag = _pain_flag(session, start, end) if name == "joint-pain" else None
        result.append(
            SymptomWeek(
                name=name,
                mean=round(mean, 2),
                worst=worst,
                days_rated=days,
                previous_mean=None if prev is None else round(prev, 2),
                change_vs_previous=None if prev is None else round(mean - prev, 2),
                baseline_mean=None if base is None else round(base, 2),
                change_vs_baseline=None if base is None else round(mean - base, 2),
                flag=flag,
                flag_rule=RULE_TEXT if flag else None,
            )
        )
    return result


def nutrient_weeks(
    session: Session, start: date, end: date, profile: TargetProfile
) -> tuple[list[NutrientWeek], list[date]]:
    """Each target over the days with intake logged (domain/dayintake.py defines them)."""
    days = day_intakes(daily_nutrient_sums(session=session, start=start, end=end))
    all_days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    result = []
    for key, target in profile.targets().items():
        summary = summarize(days.values(), key, target)
        info = NUTRIENTS[key]
        result.append(
            NutrientWeek(
                key=key,
                label=info.label,
                unit=info.unit,
                days_logged=summary.days_logged,
                days_with_food=summary.days_with_food,
                days_met=summary.days_met,
                average=summary.average,
                food_average=summary.food_average,
                supplements_average=summary.supplements_average,
                target=target.min,
                goal=target.goal,
                upper_limit=target.upper,
                upper_counts=target.upper_counts,
                days_over_upper=list(summary.days_over_upper),
                unknown_items=summary.unknown_items,
                source=target.source,
            )
        )
    food_days = {d for d, intake in days.items() if intake.food_logged}
    return result, [d for d in all_days if d not in food_days]


def mk7_week(session: Session, start: date, end: date) -> dict[str, Any] | None:
    """MK-7 on its own line: averaged like the targets, compared with none (DOMAIN.md)."""
    days = day_intakes(daily_nutrient_sums(session=session, start=start, end=end))
    mk7 = summarize(days.values(), MK7, None)
    if not mk7.days_logged:
        return None
    return {
        "key": MK7,
        "label": NUTRIENTS[MK7].label,
        "unit": NUTRIENTS[MK7].unit,
        "days_logged": mk7.days_logged,
        "days_with_food": mk7.days_with_food,
        "average": mk7.average,
        "food_average": mk7.food_average,
        "supplements_average": mk7.supplements_average,
        "note": MK7_NOTE,
    }


def pattern_week(session: Session, start: date, end: date) -> dict[str, Any] | None:
    columns: list[Any] = [Entry.day, MealItem.tags, MealItem.grams, MealItem.amount, MealItem.unit]
    query = (
        select(*columns)
        .join(Entry, col(MealItem.entry_id) == Entry.id)
        .where(Entry.day >= start, Entry.day <= end, MealItem.source == "food")
        .order_by(col(Entry.day), col(Entry.created_at), col(Entry.id), col(MealItem.position))
    )
    foods = [
        LoggedFood(day, frozenset(t for t in tags.split(",") if t), grams, amount, unit)
        for day, tags, grams, amount, unit in session.exec(query)
    ]
    result = weekly_pattern(foods)
    if result is None:
        return None
    return {
        "days_logged": result.days_logged,
        "score": result.score,
        "items_checked": len(result.lines),
        "items": [line.__dict__ for line in result.lines],
        "polyphenol_servings": result.polyphenol_servings,
    }


def medication_weeks(
    session: Session, start: date, end: date, config: Config, today: date
) -> list[MedicationWeek]:
    """Doses expected, taken, skipped and not logged (``domain/status.py``: days before the
    journal starts are not journaling yet, today is in progress, neither is a miss)."""
    doses = rows_between(session=session, model=MedicationDose, start=start, end=end)
    first = journal_start(session=session)
    timeline = load_timeline(session=session)
    result = []
    shown = shown_medications(timeline, config, start, end)
    names = [m.name for m in shown]
    names += sorted({d.medication for _, d in doses} - set(names))
    for name in names:
        med = next((m for m in shown if m.name == name), None)
        mine = [(e, d) for e, d in doses if d.medication == name]
        if timeline.scheduled_on(name, start):  # on its schedule all week
            taken = sum(d.taken for _, d in mine)
            count = DoseCount(len(mine), taken, len(mine) - taken, 0)
        elif med is None or med.schedule == "daily":
            records = {e.day: d.taken for e, d in mine}
            due = due_days(timeline, name, start, end)
            count = daily_doses(records, start, end, journal_start=first, today=today, due=due)
        else:
            count = weekly_doses(
                [d.taken for _, d in mine], start, end, journal_start=first, today=today
            )
        skipped = [{"date": e.day.isoformat(), "reason": d.reason} for e, d in mine if not d.taken]
        result.append(
            MedicationWeek(
                name=name,
                dose=med.dose if med else (mine[-1][1].dose if mine else ""),
                expected=count.expected,
                taken=count.taken,
                skipped=skipped,
                not_logged=count.missed,
            )
        )
    return result


def _last_measure(session: Session, measure: str, before: date) -> tuple[date, float] | None:
    query = (
        select(col(Entry.day), col(BodyMeasure.value))
        .join(BodyMeasure, col(BodyMeasure.entry_id) == Entry.id)
        .where(Entry.kind == "body", Entry.day <= before, BodyMeasure.measure == measure)
        .order_by(col(Entry.day).desc())
        .limit(1)
    )
    found = session.exec(query).first()
    return None if found is None else (found[0], float(found[1]))


def habits_week(session: Session, start: date, end: date) -> HabitsWeek:
    sleeps = rows_between(session=session, model=SleepRecord, start=start, end=end)
    hours = [s.hours for _, s in sleeps if s.hours is not None]
    minds = rows_between(session=session, model=MindSession, start=start, end=end)
    measures: dict[str, tuple[float | None, float | None]] = {}
    for measure in ("weight_kg", "waist_cm"):
        now = _last_measure(session, measure, end)
        before = _last_measure(session, measure, start - timedelta(days=1))
        in_week = now is not None and now[0] >= start
        value = now[1] if in_week and now else None
        change = value - before[1] if value is not None and before is not None else None
        measures[measure] = (value, None if change is None else round(change, 2))
    return HabitsWeek(
        nights_logged=len(hours),
        nights_7h_or_more=sum(h >= GOOD_NIGHT_HOURS for h in hours),
        mind_minutes=sum(m.minutes for _, m in minds),
        weight_kg=measures["weight_kg"][0],
        weight_change_kg=measures["weight_kg"][1],
        waist_cm=measures["waist_cm"][0],
        waist_change_cm=measures["waist_cm"][1],
    )


def _count_entries(session: Session, start: date, end: date) -> int:
    query = select(func.count()).select_from(Entry).where(Entry.day >= start, Entry.day <= end)
    return int(session.exec(query).one())


def week_report(
    *,
    session: Session,
    week: tuple[int, int],
    config: Config,
    plan: Plan,
    catalog: ExerciseCatalog,
    profile: TargetProfile,
    today: date,
) -> WeekReport:
    """The whole week; an empty week says what to log first instead of empty tables."""
    dates = week_dates(*week)
    start, end = dates[0], dates[-1]
    label = f"{week[0]}-W{week[1]:02d}"
    if _count_entries(session, start, end) == 0:
        return WeekReport(
            week=label,
            start=start,
            end=end,
            empty=True,
            scheduled=scheduled_doses(session=session, today=today),
            hint="Nothing is logged this week yet. Start with a check-in: aij log "
            "(or aij log joint-pain=3 sleep=7), your medication: aij log med, exercise: "
            'aij log ex brisk-walk 30m, and a meal: aij log meal "oats 40g, milk 1 cup".',
        )
    plan_result = check_week(session=session, plan=plan, catalog=catalog, week=week, today=today)
    nutrients, no_food = nutrient_weeks(session, start, end, profile)
    report = WeekReport(
        week=label,
        start=start,
        end=end,
        empty=False,
        plan=plan_result.model_dump(mode="json"),
        nutrients=nutrients,
        days_without_food=[d for d in no_food if d <= today],
        vitamin_k2_mk7=mk7_week(session, start, end),
        profile={"id": profile.id, "name": profile.name, "source": profile.source},
        pattern=pattern_week(session, start, end),
        symptoms=symptom_weeks(session, start, end, [s.name for s in config.symptom_set()]),
        medications=medication_weeks(session, start, end, config, today),
        scheduled=scheduled_doses(session=session, today=today),
        habits=habits_week(session, start, end),
        checkins=checkins_between(session=session, start=start, end=end),
    )
    report.warnings = week_warnings(
        report, taken_between(session=session, config=config, start=start, end=end)
    )
    return report


def week_warnings(report: WeekReport, medications: list[str]) -> list[str]:
    """Upper limits passed, and the steady-vitamin-K reminder for anyone on a K antagonist."""
    warnings = []
    for line in report.nutrients:
        if line.days_over_upper:
            counted = "from supplements" if line.upper_counts == "supplements" else "in total"
            days = ", ".join(d.isoformat() for d in line.days_over_upper)
            warnings.append(
                f"{line.label} {counted} was above the upper limit of {line.upper_limit:,g} "
                f"{line.unit} on {days} ({line.source})"
            )
    reminder = steady_vitamin_k_reminder(medications)
    if reminder is not None:
        warnings.append(reminder)
    return warnings
