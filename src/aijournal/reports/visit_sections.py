"""Gathering each section of the visit summary from the journal: pain and stiffness by day,
plan adherence by ISO week, nutrients against the target profile, medication, weight and
waist, weekly check-ins. Each function reads ``start``..``end`` and returns content models."""

from collections import Counter, defaultdict
from datetime import date, timedelta
from statistics import fmean

from sqlmodel import Session

from aijournal.catalog.exercises import ExerciseCatalog
from aijournal.catalog.protocols import Plan
from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.adherence import COUNTED_DAY_STATUSES
from aijournal.domain.dayintake import day_intakes, summarize
from aijournal.domain.nutrients import MK7, NUTRIENTS
from aijournal.domain.status import daily_doses, day_state
from aijournal.domain.units import Units, waist_in, waist_unit, weight_in, weight_unit
from aijournal.reports.medication import due_days, shown_medications
from aijournal.reports.plan import check_week
from aijournal.reports.visit_content import (
    CheckinRow,
    DayValue,
    MeasureSummary,
    MedicationRow,
    MonthRow,
    NutrientRow,
    ReasonCount,
    RequirementRow,
    RequirementTotal,
    SymptomSummary,
    WeekRow,
)
from aijournal.store.daily import rows_between
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.medication import load_timeline
from aijournal.store.models import BodyMeasure, Checkin, CheckinAnswer, MedicationDose
from aijournal.store.span import journal_start


def mean_or_none(values: list[float]) -> float | None:
    return fmean(values) if values else None


def nice_top(top: float, highest: float) -> float:
    """The chart's top: the scale's usual top, or the highest value rounded up to a multiple
    of half of it (stiffness minutes: 89 becomes 90), so the axis ticks stay round."""
    if highest <= top:
        return top
    step = top / 2
    return float(-(-highest // step) * step)


def symptom_summary(
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
        scale_max=nice_top(top, max(rated.values(), default=0.0)),
        days_rated=len(series),
        first_week_mean=mean_or_none(first),
        last_week_mean=mean_or_none(last),
        highest=highest,
        series=series,
    )


def plan_weeks(
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
                state=week_state(check.start, began, today),
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


def week_state(monday: date, began: date, today: date) -> str:
    """A week that holds today is in progress; one the journal began in the middle of is a part
    week (its earlier days are not journaling yet, ``domain/status.py``)."""
    sunday = monday + timedelta(days=6)
    if monday <= today <= sunday:
        return "in progress"
    if day_state(monday, journal_start=began, today=today) == "not-journaling-yet":
        return f"journal began {began:%a}"
    return ""


def plan_months(weeks: list[WeekRow]) -> list[MonthRow]:
    """The weeks summed by month: days done and planned, and for each requirement the
    finished, journaled weeks that met it (as the period's totals count them)."""
    by_month: dict[date, list[WeekRow]] = defaultdict(list)
    for week in weeks:
        thursday = week.start + timedelta(days=3)
        by_month[thursday.replace(day=1)].append(week)
    rows = []
    for month, held in by_month.items():
        met: Counter[str] = Counter()
        seen: Counter[str] = Counter()
        for week in held:
            for req in week.requirements:
                seen[req.name] += 0
                if req.state in ("met", "not-met"):
                    seen[req.name] += 1
                    met[req.name] += req.met
        rows.append(
            MonthRow(
                month=month,
                weeks=len(held),
                days_done=sum(w.days_done for w in held),
                days_planned=sum(w.days_planned for w in held),
                requirements=[
                    RequirementTotal(name=n, weeks_met=met[n], weeks=seen[n]) for n in seen
                ],
                in_progress=any(w.state == "in progress" for w in held),
            )
        )
    return rows


def nutrient_rows(
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


def medication_rows(
    session: Session, config: Config, start: date, end: date, today: date
) -> list[MedicationRow]:
    """Taken, skipped, and days with no record of a daily medication (``domain/status.py``:
    not before the journal's start, not today, not a day the timeline says is not due, such
    as a holiday: ``reports/medication.due_days``, the answer `aij week` counts by)."""
    doses = rows_between(session=session, model=MedicationDose, start=start, end=end)
    by_name: dict[str, list[tuple[date, MedicationDose]]] = defaultdict(list)
    for entry, dose in doses:
        by_name[dose.medication].append((entry.day, dose))
    timeline = load_timeline(session=session)
    shown = {m.name: m for m in shown_medications(timeline, config, start, end)}
    names = [*shown, *sorted(set(by_name) - set(shown))]
    began = journal_start(session=session)
    rows = []
    for name in names:
        records = [d for _, d in by_name.get(name, [])]
        reasons = Counter(d.reason or "no reason given" for d in records if not d.taken)
        med = shown.get(name)
        missed = None
        if med and med.schedule == "daily":
            days = {day: d.taken for day, d in by_name.get(name, [])}
            due = due_days(timeline, name, start, end)
            counted = daily_doses(days, start, end, journal_start=began, today=today, due=due)
            missed = counted.missed
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


def body_measures(
    session: Session, start: date, end: date, units: Units = "metric"
) -> list[MeasureSummary]:
    """Weight and waist over the period, in the user's units (lb and in with imperial)."""
    convert = {"weight_kg": weight_in, "waist_cm": waist_in}
    values: dict[str, list[DayValue]] = defaultdict(list)
    for entry, measure in rows_between(session=session, model=BodyMeasure, start=start, end=end):
        if measure.measure not in convert:
            continue  # only weight and waist are shown
        shown = convert[measure.measure](measure.value, units)
        values[measure.measure].append(DayValue(day=entry.day, value=shown))
    return [
        MeasureSummary(
            label=label,
            unit=unit,
            count=len(values[key]),
            first=values[key][0] if values[key] else None,
            last=values[key][-1] if values[key] else None,
        )
        for key, label, unit in (
            ("weight_kg", "Weight", weight_unit(units)),
            ("waist_cm", "Waist", waist_unit(units)),
        )
    ]


def checkin_rows(session: Session, start: date, end: date) -> tuple[list[CheckinRow], int]:
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
