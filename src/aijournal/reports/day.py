"""The day report: everything logged on one day, as the JSON contract of `aij day --json`."""

from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from sqlmodel import Session

from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.nutrients import (
    NUTRIENT_KEYS,
    TRACKED,
    ItemNutrients,
    assess,
    total_nutrients,
)
from aijournal.reports.plan import session_json
from aijournal.store.daily import rows_between
from aijournal.store.exercise import sessions_between
from aijournal.store.meals import StoredMeal, meals_between
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
    meals: list[dict[str, Any]] = Field(default_factory=list)
    nutrients: dict[str, dict[str, Any]] = Field(default_factory=dict)
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
    """Everything logged on ``day``; configured medications with no record show taken=None."""
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
    for med in config.medications:
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
    for stored in sessions_between(session=session, start=day, end=day):
        report.exercise.append(session_json(stored))
        ids.setdefault("exercise", []).append(stored.entry_id)
    meals = meals_between(session=session, start=day, end=day)
    for meal in meals:
        report.meals.append(meal_json(meal))
        ids.setdefault(meal.kind, []).append(meal.entry_id)
    if profile is not None:
        report.profile = {"id": profile.id, "name": profile.name, "source": profile.source}
        report.nutrients, report.warnings = day_nutrients(meals, profile)
    report.ids = ids
    return report


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
    meals: list[StoredMeal], profile: TargetProfile
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Totals of the tracked nutrients against the profile, food and supplements apart."""
    items = [
        ItemNutrients(
            name=item.food_id,
            source="supplement" if item.source == "supplement" else "food",
            values={key: getattr(item, key) for key in NUTRIENT_KEYS},
        )
        for meal in meals
        for item in meal.items
    ]
    totals = total_nutrients(items)
    targets = profile.targets()
    result: dict[str, dict[str, Any]] = {}
    warnings = []
    for info in TRACKED:
        line = totals[info.key]
        target = targets.get(info.key)
        result[info.key] = {
            "total": line.total if items else None,
            "food": line.food if items else None,
            "supplements": line.supplements if items else None,
            "target": None if target is None else target.min,
            "goal": None if target is None else target.goal,
            "upper_limit": None if target is None else target.upper,
            "upper_counts": None if target is None else target.upper_counts,
            "unknown_items": list(line.unknown_items),
        }
    for assessment in assess(totals, profile) if items else []:
        if assessment.over_upper:
            counted = "from supplements" if assessment.upper_counts == "supplements" else "in total"
            warnings.append(
                f"{assessment.label} {counted} is {assessment.counted_for_upper:.0f} "
                f"{assessment.unit}, above the upper limit of {assessment.upper:g} "
                f"{assessment.unit} ({targets[assessment.key].source})"
            )
    return result, warnings
