"""The shape of a weekly exercise plan: its days, their activities and doses, weekly totals.

``catalog/protocols.py`` reads plan files into these models; the adherence rules
(``domain/adherence.py``) measure a week against them. Whether an activity id names a known
exercise is the catalog's to say: validation calls ``context["check_activity"]`` when given.
"""

from collections.abc import Callable
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

from aijournal.domain.exercise import KEBAB, Intensity, Kind

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _range_shorthand(value: Any) -> Any:
    """``sets: 3`` is short for ``sets: {min: 3, max: 3}``."""
    return {"min": value, "max": value} if isinstance(value, int) else value


def _known_activity(activity_id: str, info: ValidationInfo) -> str:
    """Ask the context's ``check_activity`` (which raises ValueError for an unknown id)."""
    check: Callable[[str], None] | None = (info.context or {}).get("check_activity")
    if check is not None:
        check(activity_id)
    return activity_id


ActivityId = Annotated[str, Field(pattern=KEBAB), AfterValidator(_known_activity)]
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
