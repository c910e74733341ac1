"""The day report: everything logged on one day, as the JSON contract of `aij day --json`."""

from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from sqlmodel import Session

from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.activity import ActivityTotals, day_totals
from aijournal.domain.dayintake import DayIntake, counted_for_upper, day_intakes, over_upper
from aijournal.domain.nutrients import NUTRIENT_KEYS, TRACKED
from aijournal.domain.precision import rounded_half_up, unit_decimals
from aijournal.domain.vitamin_k import steady_vitamin_k_reminder
from aijournal.reports.medication import due_medications, taken_between
from aijournal.reports.plan import session_json
from aijournal.store.daily import rows_between
from aijournal.store.exercise import logged_sessions, sessions_between
from aijournal.store.meals import StoredMeal, daily_nutrient_sums, meals_between
from aijournal.store.models import (
    BodyMeasure,
    MedicationDose,
    MindSession,
    Note,
    PainSites,
    SleepRecord,
    SymptomRating,
)


class DoseOut(BaseModel):
    name: str
    dose: str
    taken: bool | None
    reason: str | None = None
    id: str | None = None


class BodyOut(BaseModel):
    weight_kg: float | None = None
    waist_cm: float | None = None


class SleepOut(BaseModel):
    hours: float | None = None
    quality: float | None = None


class DayReport(BaseModel):
    """One day. Keys are a contract: later versions add keys, never rename or remove one."""

    date: date
    symptoms: dict[str, int | float] = Field(default_factory=dict)
    sites: list[str] = Field(default_factory=list)
    medications: list[DoseOut] = Field(default_factory=list)
    body: BodyOut = Field(default_factory=BodyOut)
    sleep: SleepOut = Field(default_factory=SleepOut)
    mind_minutes: int | float | None = None
    notes: list[str] = Field(default_factory=list)
    exercise: list[dict[str, Any]] = Field(default_factory=list)
    exercise_totals: dict[str, int | float | None] = Field(
        default_factory=lambda: exercise_totals_json(ActivityTotals())
    )
    meals: list[dict[str, Any]] = Field(default_factory=list)
    nutrients: dict[str, dict[str, Any]] = Field(default_factory=dict)
    intake: dict[str, bool] = Field(default_factory=dict)
    profile: dict[str, str] | None = None
    warnings: list[str] = Field(default_factory=list)
    ids: dict[str, list[str]] = Field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(self.ids.values())


def as_number(value: float) -> int | float:
    """6.0 as 6 (ratings are mostly whole numbers), 6.5 as it is."""
    return int(value) if value.is_integer() else value


def day_report(
    *, session: Session, day: date, config: Config, profile: TargetProfile | None = None
) -> DayReport:
    """Everything logged on ``day``; medications due that day (reports/medication.py) with no
    record show taken=None."""
    report = DayReport(date=day)
    ids: dict[str, list[str]] = {}
    symptom_order = [s.name for s in config.symptom_set()]
    ratings = rows_between(session=session, model=SymptomRating, start=day, end=day)
    ratings.sort(key=lambda pair: [*symptom_order, pair[1].name].index(pair[1].name))
    for entry, rating in ratings:
        report.symptoms[rating.name] = as_number(rating.value)
        ids.setdefault("symptom", []).append(entry.id)
    for entry, sites in rows_between(session=session, model=PainSites, start=day, end=day):
        report.sites = sites.sites.split(",") if sites.sites else []
        ids.setdefault("sites", []).append(entry.id)
    recorded: dict[str, DoseOut] = {}
    for entry, dose in rows_between(session=session, model=MedicationDose, start=day, end=day):
        recorded[dose.medication] = DoseOut(
            name=dose.medication, dose=dose.dose, taken=dose.taken, reason=dose.reason, id=entry.id
        )
        ids.setdefault("dose", []).append(entry.id)
    for med in due_medications(session=session, config=config, day=day):
        report.medications.append(
            recorded.pop(med.name, DoseOut(name=med.name, dose=med.dose, taken=None))
        )
    report.medications.extend(recorded.values())
    for entry, measure in rows_between(session=session, model=BodyMeasure, start=day, end=day):
        setattr(report.body, measure.measure, measure.value)
        ids.setdefault("body", []).append(entry.id)
    for entry, sleep in rows_between(session=session, model=SleepRecord, start=day, end=day):
        report.sleep = SleepOut(hours=sleep.hours, quality=sleep.quality)
        ids.setdefault("sleep", []).append(entry.id)
    minutes = rows_between(session=session, model=MindSession, start=day, end=day)
    if minutes:
        report.mind_minutes = as_number(sum(mind.minutes for _, mind in minutes))
        ids["mind"] = [entry.id for entry, _ in minutes]
    for entry, note in rows_between(session=session, model=Note, start=day, end=day):
        report.notes.append(note.text)
        ids.setdefault("note", []).append(entry.id)
    stored_sessions = sessions_between(session=session, start=day, end=day)
    for stored in stored_sessions:
        report.exercise.append(session_json(stored))
        ids.setdefault("exercise", []).append(stored.entry_id)
    report.exercise_totals = exercise_totals_json(day_totals(logged_sessions(stored_sessions)))
    meals = meals_between(session=session, start=day, end=day)
    for meal in meals:
        report.meals.append(meal_json(meal))
        ids.setdefault(meal.kind, []).append(meal.entry_id)
    intake = day_intakes(daily_nutrient_sums(session=session, start=day, end=day)).get(day)
    report.intake = {
        "food": intake is not None and intake.food_logged,
        "supplements": intake is not None and intake.supplements_logged,
    }
    if profile is not None:
        report.profile = {"id": profile.id, "name": profile.name, "source": profile.source}
        report.nutrients, report.warnings = day_nutrients(meals, intake, profile)
    if intake is not None:
        taken = taken_between(session=session, config=config, start=day, end=day)
        reminder = steady_vitamin_k_reminder(taken)
        if reminder is not None:
            report.warnings.append(reminder)
    report.ids = ids
    return report


def exercise_totals_json(totals: ActivityTotals) -> dict[str, int | float | None]:
    """The day's exercise figures (`domain/activity.py`, as in daily.csv) for "exercise_totals".

    Resistance minutes are null when a set of reps recorded no time (unknown, never 0)."""
    held = totals.resistance_minutes
    return {
        "aerobic_minutes": totals.aerobic_minutes,
        "moderate_equivalent_minutes": totals.moderate_equivalent_minutes,
        "light_minutes": totals.light_minutes,
        "moderate_minutes": totals.moderate_minutes,
        "vigorous_minutes": totals.vigorous_minutes,
        "impact_minutes": totals.impact_minutes,
        "recovery_minutes": totals.recovery_minutes,
        "resistance_minutes": None if held is None else as_number(round(held, 3)),
        "resistance_sets": totals.resistance_sets,
        "resistance_sessions": totals.resistance_sessions,
        "impacts": totals.impacts,
        "impact_sessions": totals.impact_sessions,
    }


def meal_json(meal: StoredMeal) -> dict[str, Any]:
    """A meal as `aij day --json` shows it under "meals"."""
    return {
        "id": meal.entry_id,
        "kind": meal.kind,
        "slot": meal.slot,
        "text": meal.text,
        "items": [
            {
                "food_id": item.food_id,
                "name": item.name,
                "source": item.source,
                "origin": item.origin,
                "recipe": item.recipe,
                "grams": item.grams,
                "units": item.units,
                "nutrients": {key: getattr(item, key) for key in NUTRIENT_KEYS},
            }
            for item in meal.items
        ],
    }


def day_nutrients(
    meals: list[StoredMeal], intake: DayIntake | None, profile: TargetProfile
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Totals of the tracked nutrients against the profile, food and supplements apart.

    Amounts are domain/dayintake.py's: food unknown (None) on a day with supplements only.
    """
    unknown: dict[str, list[str]] = {info.key: [] for info in TRACKED}
    for meal in meals:
        for item in meal.items:
            for info in TRACKED:
                if getattr(item, info.key) is None and item.food_id not in unknown[info.key]:
                    unknown[info.key].append(item.food_id)
    targets = profile.targets()
    result: dict[str, dict[str, Any]] = {}
    warnings = []
    for info in TRACKED:
        target = targets.get(info.key)
        logged = intake is not None and intake.logged
        result[info.key] = {
            "total": intake.total(info.key) if intake and logged else None,
            "food": intake.food_amount(info.key) if intake and logged else None,
            "supplements": intake.supplement_amount(info.key) if intake and logged else None,
            "target": None if target is None else target.min,
            "goal": None if target is None else target.goal,
            "upper_limit": None if target is None else target.upper,
            "upper_counts": None if target is None else target.upper_counts,
            "unknown_items": unknown[info.key],
        }
        if intake is None or target is None or not over_upper(intake, info.key, target):
            continue
        counted = counted_for_upper(intake, info.key, target.upper_counts)
        where = "from supplements" if target.upper_counts == "supplements" else "in total"
        bound = "" if intake.total(info.key) is not None else "at least "
        shown = rounded_half_up(counted, unit_decimals(info.unit))  # as the table shows it
        warnings.append(
            f"{info.label} {where} is {bound}{shown:,} {info.unit}, above the upper limit "
            f"of {target.upper:,g} {info.unit} ({target.source})"
        )
    return result, warnings
