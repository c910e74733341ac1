"""Weekly exercise plans: their schema, and loading the shipped and the user's plans."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from aijournal.catalog.exercises import (
    CATALOG_FILE,
    KEBAB,
    Exercise,
    ExerciseCatalog,
    load_exercise_catalog,
    shipped_exercise_catalog,
)
from aijournal.catalog.yamlfile import read_yaml, validate_yaml
from aijournal.domain.adherence import DAY_KEYS
from aijournal.domain.exercise import Intensity, Kind
from aijournal.errors import BadInput, NotFound
from aijournal.paths import shipped_dir
from aijournal.suggest import did_you_mean

__all__ = [
    "DAY_KEYS",
    "DEFAULT_PLAN_ID",
    "DayPlan",
    "Exercise",
    "ExerciseCatalog",
    "Plan",
    "PlanSet",
    "Range",
    "Week",
    "WeeklyRequirements",
    "load_exercise_catalog",
    "load_plans",
    "validate_plan_file",
]

DEFAULT_PLAN_ID = "musculoskeletal"
_STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _range_shorthand(value: Any) -> Any:
    """``sets: 3`` is short for ``sets: {min: 3, max: 3}``."""
    return {"min": value, "max": value} if isinstance(value, int) else value


def _known_exercise(exercise_id: str, info: ValidationInfo) -> str:
    catalog = (info.context or {}).get("catalog")
    if isinstance(catalog, ExerciseCatalog) and exercise_id not in catalog:
        raise ValueError(
            f"unknown exercise '{exercise_id}'{did_you_mean(exercise_id, catalog.ids)}"
        )
    return exercise_id


ActivityId = Annotated[str, Field(pattern=KEBAB), AfterValidator(_known_exercise)]
Slot = Annotated[tuple[ActivityId, ...], BeforeValidator(_as_list), Field(min_length=1)]
"""One planned activity: a single catalog id, or a list of alternatives (any one of them)."""


class Range(BaseModel):
    """An inclusive range of whole numbers, ``{min, max}``."""

    model_config = _STRICT

    min: Annotated[int, Field(ge=1)]
    max: Annotated[int, Field(ge=1)]

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


RangeField = Annotated[Range, BeforeValidator(_range_shorthand)]


class DayPlan(BaseModel):
    """One day of a weekly plan."""

    model_config = _STRICT

    focus: Annotated[str, Field(min_length=1)]
    kind: Annotated[tuple[Kind, ...], BeforeValidator(_as_list), Field(min_length=1)]
    activities: tuple[Slot, ...] = ()
    sets: RangeField | None = None
    reps: RangeField | None = None
    minutes: RangeField | None = None
    intensity: Intensity | None = None
    as_written: str | None = Field(default=None, description="the source's own words for the day")

    @model_validator(mode="after")
    def _coherent(self) -> "DayPlan":
        if len(set(self.kind)) != len(self.kind):
            raise ValueError("kind lists the same kind twice")
        if self.is_rest:
            if self.kind != ("rest",):
                raise ValueError("a rest day has kind 'rest' alone")
            if any((self.sets, self.reps, self.minutes)):
                raise ValueError("a rest day takes no sets, reps or minutes")
            if self.activities not in ((), (("rest",),)):
                raise ValueError("a rest day lists no activity but 'rest'")
            return self
        if not self.activities:
            raise ValueError("a training day needs at least one activity")
        if self.sets is None and self.minutes is None:
            raise ValueError("a training day needs sets (with reps) or minutes")
        if self.reps is not None and self.sets is None:
            raise ValueError("reps need sets")
        if "resistance" in self.kind and self.sets is None:
            raise ValueError("a resistance day needs sets")
        return self

    @property
    def is_rest(self) -> bool:
        return "rest" in self.kind

    @property
    def activity_ids(self) -> frozenset[str]:
        """Every catalog id this day names, alternatives included."""
        return frozenset(i for slot in self.activities for i in slot)


class Week(BaseModel):
    """The seven days, each named once: mon, tue, wed, thu, fri, sat, sun."""

    model_config = _STRICT

    mon: DayPlan
    tue: DayPlan
    wed: DayPlan
    thu: DayPlan
    fri: DayPlan
    sat: DayPlan
    sun: DayPlan

    def ordered(self) -> list[tuple[str, DayPlan]]:
        """(day key, plan) from Monday to Sunday."""
        return [(key, getattr(self, key)) for key in DAY_KEYS]


class WeeklyRequirements(BaseModel):
    """Totals the week must reach, whatever day they fall on; None means no requirement."""

    model_config = _STRICT

    resistance_sessions_min: Annotated[int, Field(ge=0)] | None = None
    aerobic_moderate_equivalent_minutes_min: Annotated[int, Field(ge=0)] | None = None
    impact_sessions_min: Annotated[int, Field(ge=0)] | None = None
    note: str | None = None


class Plan(BaseModel):
    """A weekly exercise plan with its citation."""

    model_config = _STRICT

    id: Annotated[str, Field(pattern=KEBAB)]
    name: Annotated[str, Field(min_length=1)]
    description: Annotated[str, Field(min_length=1)]
    source: Annotated[str, Field(min_length=1, description="the citation the plan rests on")]
    references: tuple[str, ...] = ()
    days: Week
    weekly: WeeklyRequirements = WeeklyRequirements()


def _read_plan(path: Path, catalog: ExerciseCatalog) -> Plan:
    data, node = read_yaml(path)
    return validate_yaml(path, data, node, Plan, {"catalog": catalog})


def _claimed_id(path: Path) -> str:
    """The id a broken plan file meant to define, if it can still be read; else its stem."""
    try:
        data, _ = read_yaml(path)
    except BadInput:
        return path.stem
    claimed = data.get("id") if isinstance(data, dict) else None
    return claimed.strip() if isinstance(claimed, str) and claimed.strip() else path.stem


@dataclass(frozen=True)
class PlanSet:
    """The plans one can follow: shipped ones, replaced or joined by the user's."""

    catalog: ExerciseCatalog
    plans: Mapping[str, Plan]
    origins: Mapping[str, Path]
    problems: tuple[tuple[Path, str], ...] = ()
    broken: Mapping[str, str] = field(default_factory=dict)

    def get(self, plan_id: str) -> Plan:
        """The plan with this id; BadInput if its file is broken or there is no such plan."""
        key = plan_id.strip().lower()
        if key in self.broken:
            raise BadInput(self.broken[key])
        if key in self.plans:
            return self.plans[key]
        known = sorted(self.plans)
        raise NotFound(
            f"unknown plan '{plan_id}'{did_you_mean(key, known)}; plans: {', '.join(known)}"
        )

    def all(self) -> list[Plan]:
        """Every plan that loaded, by id."""
        return [self.plans[key] for key in sorted(self.plans)]


def _plan_files(folder: Path) -> list[Path]:
    files = [*folder.glob("*.yaml"), *folder.glob("*.yml")]
    return sorted(p for p in files if p.name != CATALOG_FILE and p.is_file())


@lru_cache(maxsize=1)
def _shipped_plans() -> tuple[tuple[Plan, Path], ...]:
    catalog = shipped_exercise_catalog()
    loaded: dict[str, tuple[Plan, Path]] = {}
    for path in _plan_files(shipped_dir("protocols")):
        plan = _read_plan(path, catalog)
        if plan.id in loaded:
            raise BadInput(f"{path}: plan id '{plan.id}' is also used by {loaded[plan.id][1]}")
        loaded[plan.id] = (plan, path)
    return tuple(loaded.values())


def load_plans(user_dir: Path | None) -> PlanSet:
    """Shipped plans plus the user's ``user_dir/*.yaml``; broken user files become problems."""
    plans = {plan.id: plan for plan, _ in _shipped_plans()}
    origins = {plan.id: path for plan, path in _shipped_plans()}
    if user_dir is None or not user_dir.is_dir():
        return PlanSet(shipped_exercise_catalog(), plans, origins)
    problems: list[tuple[Path, str]] = []
    broken: dict[str, str] = {}
    try:
        catalog = load_exercise_catalog(user_dir)
    except BadInput as exc:
        catalog = shipped_exercise_catalog()
        problems.append((user_dir / CATALOG_FILE, str(exc)))
    user_origins: dict[str, Path] = {}
    for path in _plan_files(user_dir):
        try:
            plan = _read_plan(path, catalog)
        except BadInput as exc:
            problems.append((path, str(exc)))
            broken[_claimed_id(path).lower()] = str(exc)
            continue
        if plan.id in user_origins:
            problems.append(
                (path, f"{path}: plan id '{plan.id}' is already used by {user_origins[plan.id]}")
            )
            continue
        user_origins[plan.id] = path
        plans[plan.id] = plan
        origins[plan.id] = path
    for plan_id in broken:
        plans.pop(plan_id, None)
        origins.pop(plan_id, None)
    return PlanSet(catalog, plans, origins, tuple(problems), broken)


def validate_plan_file(path: Path, catalog: ExerciseCatalog | None = None) -> Plan:
    """Check one plan file (``aij plan validate FILE``); BadInput names file, line and field."""
    return _read_plan(path, catalog if catalog is not None else shipped_exercise_catalog())
