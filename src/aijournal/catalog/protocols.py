"""Weekly exercise plans: reading the shipped and the user's plan files into
``domain/plan.py``'s models, checking their activities against the exercise catalog."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from aijournal.catalog.exercises import (
    CATALOG_FILE,
    Exercise,
    ExerciseCatalog,
    load_exercise_catalog,
    shipped_exercise_catalog,
)
from aijournal.catalog.yamlfile import read_yaml, validate_yaml, validation_messages
from aijournal.domain.plan import DAY_KEYS, DayPlan, Plan, Range, Week, WeeklyRequirements
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput, NotFound, Problems
from aijournal.paths import shipped_dir

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


def _activity_checker(catalog: ExerciseCatalog) -> Callable[[str], None]:
    """What plan validation asks of each activity id: is it in ``catalog``?"""

    def check(exercise_id: str) -> None:
        if exercise_id not in catalog:
            raise ValueError(
                f"unknown exercise '{exercise_id}'{did_you_mean(exercise_id, catalog.ids)}"
            )

    return check


def _read_plan(path: Path, catalog: ExerciseCatalog) -> Plan:
    data, node = read_yaml(path)
    return validate_yaml(path, data, node, Plan, {"check_activity": _activity_checker(catalog)})


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
    """Check one plan file (``aij plan validate FILE``); BadInput lists every error, a line
    each with the file, the line, the field and what is allowed."""
    data, node = read_yaml(path)
    context = {"check_activity": _activity_checker(catalog or shipped_exercise_catalog())}
    try:
        return Plan.model_validate({} if data is None else data, context=context)
    except ValidationError as exc:
        lines = validation_messages(path, node, exc)
        if len(lines) == 1:
            raise BadInput(lines[0]) from None
        raise Problems(f"{path}: {len(lines)} errors", lines) from None
