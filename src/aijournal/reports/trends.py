"""`aij trends`: weekly series of symptoms, exercise, nutrients, medication, sleep and body.

Each series says what a full bar means: its scale's top (10 for a 0-10 rating, 4 for a
PRO-CTCAE severity), the target (7 h of sleep, 100% of days or doses), or, for a count
or minutes with no top, the highest week shown. The weeks start no earlier than the
journal's first entry.
"""

from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.activity import LoggedSession, period_totals
from aijournal.domain.dayintake import DayIntake, day_intakes, summarize
from aijournal.domain.status import daily_doses
from aijournal.domain.suggest import did_you_mean
from aijournal.domain.units import waist_in, waist_unit, weight_in, weight_unit
from aijournal.errors import BadInput
from aijournal.reports.medication import daily_names, due_days
from aijournal.reports.week import GOOD_NIGHT_HOURS
from aijournal.store.daily import rows_between
from aijournal.store.exercise import logged_sessions_between
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.medication import load_timeline
from aijournal.store.models import BodyMeasure, Entry, MedicationDose, SleepRecord, SymptomRating
from aijournal.store.span import journal_start

OTHER_SERIES = {
    "aerobic-minutes": "moderate-equivalent aerobic minutes (as aij week counts them)",
    "exercise-minutes": "minutes of exercise (all kinds and intensities)",
    "resistance-sessions": "days with resistance training",
    "calcium": "% of days with intake logged meeting the calcium target",
    "vitamin-d": "% of days with intake logged meeting the vitamin D target",
    "medication": "% of expected doses taken (weeks with no dose logged: not logged)",
    "sleep": "weekly mean hours of sleep a night",
    "weight": "last weight of the week, kg",
    "waist": "last waist of the week, cm",
}
DEFAULT_SERIES = (
    "joint-pain",
    "stiffness",
    "exercise-minutes",
    "resistance-sessions",
    "calcium",
    "vitamin-d",
    "medication",
    "sleep",
    "weight",
    "waist",
)
# Where a series with no scale of its own draws a full bar (None: no bar, the number only).
FULL_SCALE: dict[str, float | None] = {
    "resistance-sessions": 7.0,
    "calcium": 100.0,
    "vitamin-d": 100.0,
    "medication": 100.0,
    "sleep": GOOD_NIGHT_HOURS,
    "weight": None,
    "waist": None,
}
UNITS = {
    "exercise-minutes": "min",
    "calcium": "%",
    "vitamin-d": "%",
    "medication": "%",
    "sleep": "h",
    "weight": "kg",
    "waist": "cm",
}
MAX_WEEKS = 520


class Series(BaseModel):
    """One weekly series; a bar is full at ``full_scale`` (None: draw no bar)."""

    name: str
    meaning: str
    values: list[float | None]
    unit: str = ""
    full_scale: float | None = None
    scale_note: str = ""


class TrendsResult(BaseModel):
    weeks: list[str]
    starts: list[date]
    series: list[Series]


def _week_index(day: date, first_monday: date) -> int:
    return (day - first_monday).days // 7


def trends(
    *,
    session: Session,
    weeks: int,
    names: list[str],
    config: Config,
    profile: TargetProfile,
    today: date,
) -> TrendsResult:
    """Weekly values for the last ``weeks`` weeks (this one included), from the journal's
    first week at the earliest; None = nothing logged."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise BadInput(f"--weeks {weeks} is not allowed; use 1 to {MAX_WEEKS}")
    symptom_names = [s.name for s in config.symptom_set()]
    chosen = names or list(DEFAULT_SERIES)
    for name in chosen:
        if name not in symptom_names and name not in OTHER_SERIES:
            hint = did_you_mean(name, [*symptom_names, *OTHER_SERIES])
            raise BadInput(f"unknown series '{name}'{hint}; symptoms or {', '.join(OTHER_SERIES)}")
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    began = journal_start(session=session)
    journal_monday = began - timedelta(days=began.weekday())
    first = min(this_monday, max(first, journal_monday))
    weeks = (this_monday - first).days // 7 + 1
    end = this_monday + timedelta(days=6)
    starts = [first + timedelta(weeks=i) for i in range(weeks)]
    labels = [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in starts]
    series: list[Series] = []
    wanted_symptoms = [n for n in chosen if n in symptom_names]
    if wanted_symptoms:
        query = (
            select(col(Entry.day), col(SymptomRating.name), col(SymptomRating.value))
            .join(Entry, col(SymptomRating.entry_id) == Entry.id)
            .where(
                Entry.kind == "symptom",
                Entry.day >= first,
                Entry.day <= end,
                col(SymptomRating.name).in_(wanted_symptoms),
            )
        )
        sums: dict[str, list[list[float]]] = {n: [[] for _ in starts] for n in wanted_symptoms}
        for day, name, value in session.exec(query):
            sums[name][_week_index(day, first)].append(value)
        scales = {s.name: s for s in config.symptom_set()}
        for name in wanted_symptoms:
            values = [round(sum(v) / len(v), 2) if v else None for v in sums[name]]
            scale = scales[name]
            series.append(
                Series(
                    name=name,
                    meaning="weekly mean: " + scale.meaning,
                    values=values,
                    unit="min" if scale.kind == "minutes" else "",
                    full_scale=scale.high if scale.kind in ("nrs", "severity") else None,
                )
            )
    builders = {
        "aerobic-minutes": lambda: _exercise(session, starts, began, today, "aerobic"),
        "exercise-minutes": lambda: _exercise(session, starts, began, today, "all"),
        "resistance-sessions": lambda: _exercise(session, starts, began, today, "resistance"),
        "calcium": lambda: _adequacy(session, first, end, starts, profile, "calcium_mg"),
        "vitamin-d": lambda: _adequacy(session, first, end, starts, profile, "vitamin_d_ug"),
        "medication": lambda: _medication(session, first, end, starts, config, today, began),
        "sleep": lambda: _sleep(session, first, end, starts),
        "weight": lambda: [
            None if kg is None else round(weight_in(kg, config.units), 1)
            for kg in _last_measure(session, first, end, starts, "weight_kg")
        ],
        "waist": lambda: [
            None if cm is None else round(waist_in(cm, config.units), 1)
            for cm in _last_measure(session, first, end, starts, "waist_cm")
        ],
    }
    # Weight and waist in the user's units (lb and in with ``units: imperial``).
    units = {**UNITS, "weight": weight_unit(config.units), "waist": waist_unit(config.units)}
    for name in chosen:
        if name in OTHER_SERIES:
            meaning = OTHER_SERIES[name]
            if name in ("weight", "waist"):
                meaning = f"{meaning.rsplit(', ', 1)[0]}, {units[name]}"
            series.append(
                Series(
                    name=name,
                    meaning=meaning,
                    values=builders[name](),
                    unit=units.get(name, ""),
                    full_scale=FULL_SCALE.get(name),
                )
            )
    for one in series:
        _describe_scale(one)
    order = {name: i for i, name in enumerate(chosen)}
    series.sort(key=lambda s: order[s.name])
    return TrendsResult(weeks=labels, starts=starts, series=series)


def _describe_scale(series: Series) -> None:
    """Say what a full bar means; a count or minutes with no top scale to the highest week."""
    if series.name in FULL_SCALE and series.full_scale is None:
        series.scale_note = "no bar: the value only"
        return
    if series.full_scale is None:
        series.full_scale = max((v for v in series.values if v is not None), default=0.0)
        series.scale_note = "bar full at the highest week shown"
        return
    unit = f" {series.unit}" if series.unit and series.unit != "%" else series.unit
    if series.name == "resistance-sessions":
        unit = " days"
    series.scale_note = f"bar full at {series.full_scale:g}{unit}"


def _sleep(session: Session, first: date, end: date, starts: list[date]) -> list[float | None]:
    nights: list[list[float]] = [[] for _ in starts]
    for entry, sleep in rows_between(session=session, model=SleepRecord, start=first, end=end):
        if sleep.hours is not None:
            nights[_week_index(entry.day, first)].append(sleep.hours)
    return [round(sum(n) / len(n), 2) if n else None for n in nights]


def _last_measure(
    session: Session, first: date, end: date, starts: list[date], measure: str
) -> list[float | None]:
    """The week's last stored value (kg or cm, unrounded)."""
    last: list[float | None] = [None for _ in starts]
    for entry, row in rows_between(session=session, model=BodyMeasure, start=first, end=end):
        if row.measure == measure:
            last[_week_index(entry.day, first)] = row.value
    return last


def _exercise(
    session: Session, starts: list[date], began: date, today: date, figure: str
) -> list[float | None]:
    """A weekly exercise figure (``domain/activity.py``); None for a week wholly before the
    journal's start or after today."""
    first, end = starts[0], starts[-1] + timedelta(days=6)
    weeks: list[list[LoggedSession]] = [[] for _ in starts]
    for logged in logged_sessions_between(session=session, start=first, end=end):
        weeks[_week_index(logged.date, first)].append(logged)
    values: list[float | None] = []
    for monday, found in zip(starts, weeks, strict=True):
        if monday + timedelta(days=6) < began or monday > today:
            values.append(None)
            continue
        totals = period_totals(found)
        if figure == "aerobic":
            values.append(float(totals.moderate_equivalent_minutes))
        elif figure == "resistance":
            values.append(float(totals.resistance_sessions))
        else:
            values.append(float(totals.all_minutes))
    return values


def _adequacy(
    session: Session, first: date, end: date, starts: list[date], profile: TargetProfile, key: str
) -> list[float | None]:
    """Per week: % of the days with intake logged that met the target (domain/dayintake.py)."""
    target = profile.targets().get(key)
    weeks: list[list[DayIntake]] = [[] for _ in starts]
    for day, intake in day_intakes(
        daily_nutrient_sums(session=session, start=first, end=end)
    ).items():
        weeks[_week_index(day, first)].append(intake)
    result: list[float | None] = []
    for days in weeks:
        summary = summarize(days, key, target)
        n = summary.days_logged
        result.append(round(100.0 * summary.days_met / n, 1) if n and target else None)
    return result


def _medication(
    session: Session,
    first: date,
    end: date,
    starts: list[date],
    config: Config,
    today: date,
    began: date,
) -> list[float | None]:
    """% of expected doses of daily medications taken (``domain/status.py``; the days due
    from the medication timeline, when there is one: a holiday's days are not expected)."""
    timeline = load_timeline(session=session)
    daily = daily_names(timeline, config, first, end)
    due = {name: due_days(timeline, name, first, end) for name in daily}
    records: dict[str, dict[date, bool]] = {name: {} for name in daily}
    for entry, dose in rows_between(session=session, model=MedicationDose, start=first, end=end):
        if dose.medication in records:
            records[dose.medication][entry.day] = dose.taken
    result: list[float | None] = []
    for start in starts:
        counts = [
            daily_doses(
                records[name],
                start,
                start + timedelta(days=6),
                journal_start=began,
                today=today,
                due=due[name],
            )
            for name in daily
        ]
        expected = sum(c.expected for c in counts)
        logged = sum(c.taken + c.skipped for c in counts)
        taken = sum(c.taken for c in counts)
        result.append(round(100.0 * taken / expected, 1) if expected and logged else None)
    return result


def as_json(result: TrendsResult) -> dict[str, Any]:
    return result.model_dump(mode="json")
