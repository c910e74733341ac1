"""`aij trends`: weekly series of symptoms, exercise, calcium and vitamin D, medication."""

from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.dayintake import DayIntake, day_intakes, summarize
from aijournal.errors import BadInput
from aijournal.store.daily import rows_between
from aijournal.store.exercise import sessions_between
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.models import Entry, MedicationDose, SymptomRating
from aijournal.suggest import did_you_mean

OTHER_SERIES = {
    "exercise-minutes": "minutes of exercise (all kinds)",
    "resistance-sessions": "days with resistance training",
    "calcium": "% of days with intake logged meeting the calcium target",
    "vitamin-d": "% of days with intake logged meeting the vitamin D target",
    "medication": "% of expected doses taken (weeks with no dose logged: not logged)",
}
DEFAULT_SERIES = ("joint-pain", "stiffness", *OTHER_SERIES)
MAX_WEEKS = 520


class Series(BaseModel):
    name: str
    meaning: str
    values: list[float | None]


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
    """Weekly values for the last ``weeks`` weeks (this one included); None = nothing logged."""
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
        meanings = {s.name: s.meaning for s in config.symptom_set()}
        for name in wanted_symptoms:
            values = [round(sum(v) / len(v), 2) if v else None for v in sums[name]]
            series.append(
                Series(name=name, meaning="weekly mean: " + meanings[name], values=values)
            )
    builders = {
        "exercise-minutes": lambda: _exercise(session, first, end, starts, resistance=False),
        "resistance-sessions": lambda: _exercise(session, first, end, starts, resistance=True),
        "calcium": lambda: _adequacy(session, first, end, starts, profile, "calcium_mg"),
        "vitamin-d": lambda: _adequacy(session, first, end, starts, profile, "vitamin_d_ug"),
        "medication": lambda: _medication(session, first, end, starts, config, today),
    }
    for name in chosen:
        if name in OTHER_SERIES:
            series.append(Series(name=name, meaning=OTHER_SERIES[name], values=builders[name]()))
    order = {name: i for i, name in enumerate(chosen)}
    series.sort(key=lambda s: order[s.name])
    return TrendsResult(weeks=labels, starts=starts, series=series)


def _exercise(
    session: Session, first: date, end: date, starts: list[date], *, resistance: bool
) -> list[float | None]:
    values: list[float] = [0.0 for _ in starts]
    days: list[set[date]] = [set() for _ in starts]
    for stored in sessions_between(session=session, start=first, end=end):
        index = _week_index(stored.day, first)
        values[index] += sum(item.minutes or 0 for item in stored.items)
        if any(item.kind == "resistance" for item in stored.items):
            days[index].add(stored.day)
    if resistance:
        return [float(len(d)) for d in days]
    return list(values)


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
    session: Session, first: date, end: date, starts: list[date], config: Config, today: date
) -> list[float | None]:
    daily = [m.name for m in config.medications if m.schedule == "daily"]
    taken = [0 for _ in starts]
    logged = [0 for _ in starts]
    for entry, dose in rows_between(session=session, model=MedicationDose, start=first, end=end):
        if dose.medication in daily:
            logged[_week_index(entry.day, first)] += 1
            taken[_week_index(entry.day, first)] += dose.taken
    result: list[float | None] = []
    for index, start in enumerate(starts):
        days = max(0, min(7, (today - start).days + 1))
        expected = days * len(daily)
        usable = expected and logged[index]
        result.append(round(100.0 * taken[index] / expected, 1) if usable else None)
    return result


def as_json(result: TrendsResult) -> dict[str, Any]:
    return result.model_dump(mode="json")
