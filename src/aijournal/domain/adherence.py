"""How one ISO week of logged exercise measures up to a weekly plan, day by day and in total.

Days. Each plan day gets one status:

- ``rest``: the plan rests that day (a session logged on it still counts toward the weekly
  totals, and may stand in for a day it replaces, below).
- ``done``: every activity slot of the day is met, and the day's minutes are reached.
  A slot is one planned activity; a slot of alternatives (``[lat-pulldown,
  banded-pull-apart]``) is met by any of its ids. The items logged that day for a slot's ids
  are pooled. A slot is met when they hold at least the day's minimum sets (one set if the
  day gives none), counting only sets whose reps reach the day's minimum reps (held sets in
  seconds and impact counts in sets count whatever their length), or when any of them is
  timed in minutes or counted in impacts. The day's minutes, when it has a minutes range, are
  the sum of the minutes of every item whose id the day names, each item counted once; they
  must reach the minimum. So a resistance day is done when each exercise (or one of its
  alternatives) has at least the minimum sets at the minimum reps or more; an aerobic or
  recovery day is done when its planned activities add up to the minimum minutes.
- ``partial``: something the day names was logged on it, but the day is not done (fewer
  sets or minutes than the minimum, or only some of the planned activities).
- ``moved``: the day is not done on its own date, but its whole plan was done on another day
  of the same week (``moved_to``). The host day must either have no session of the same kind
  planned (a rest day; an aerobic day hosting a resistance session) or have met its own plan.
  Only items the host's own plan does not name can stand in, and an item stands in for one
  day only. Hosts are tried from Monday to Sunday.
- ``missed``: none of the above; or ``upcoming`` instead when the day lies after ``as_of``
  and nothing of it was logged yet.

Items of no planned activity (an extra, unplanned session) leave the day's own status alone;
they count toward the weekly totals and may stand in for a moved day.

Weekly totals. A resistance (impact) session is a date with at least one item of kind
resistance (impact). Aerobic minutes are the minutes of items of kind aerobic or impact
(recovery minutes do not count), weighted by intensity: a vigorous minute counts as two
moderate-equivalent minutes, a light one as none. Intensity comes from the session's RPE:
5-6 is moderate, 7 and above vigorous; below 5, or no RPE, the activity's typical intensity
from the catalog, and moderate when the catalog gives none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from aijournal.domain.exercise import ExerciseEntry, Intensity, Kind
from aijournal.domain.plan import DayPlan, Plan
from aijournal.errors import BadInput

DayStatus = Literal["done", "partial", "moved", "missed", "rest", "upcoming"]
MODERATE_EQUIVALENT: Mapping[Intensity, int] = {"light": 0, "moderate": 1, "vigorous": 2}

_WEEK = re.compile(r"(\d{4})-?w(\d{1,2})\Z", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True, kw_only=True)
class LoggedItem(ExerciseEntry):
    """One exercise of a logged session, with the kind the catalog gave it, as stored."""

    kind: Kind

    @classmethod
    def from_entry(cls, entry: ExerciseEntry, kind: Kind) -> LoggedItem:
        """The item for a parsed log entry whose catalog kind is ``kind``."""
        return cls(**asdict(entry), kind=kind)


@dataclass(frozen=True)
class LoggedSession:
    """A logged exercise session: its date, its items, and its effort (RPE 0-10) if rated."""

    date: dt.date
    items: tuple[LoggedItem, ...]
    rpe: int | None = None


@dataclass(frozen=True)
class DayAdherence:
    """One plan day's status, with the counts behind it (of the day's own date)."""

    day: str
    date: dt.date
    focus: str
    status: DayStatus
    moved_to: dt.date | None = None
    slots_met: int = 0
    slots_planned: int = 0
    minutes: int = 0
    minutes_required: int | None = None


@dataclass(frozen=True)
class Requirement:
    """A weekly total against the plan's minimum."""

    name: str
    unit: str
    actual: int
    required: int

    @property
    def met(self) -> bool:
        return self.actual >= self.required


@dataclass(frozen=True)
class WeekAdherence:
    """A week measured against a plan."""

    plan_id: str
    year: int
    week: int
    days: tuple[DayAdherence, ...]
    requirements: tuple[Requirement, ...]
    moderate_minutes: int
    vigorous_minutes: int


def iso_week(value: str | dt.date) -> tuple[int, int]:
    """(ISO year, ISO week) of ``2026-W48`` or of any date in it (a date or ``2026-11-25``)."""
    if isinstance(value, dt.date):
        year, week, _ = value.isocalendar()
        return year, week
    text = value.strip()
    if match := _WEEK.match(text):
        year, week = int(match.group(1)), int(match.group(2))
        week_dates(year, week)
        return year, week
    if _DATE.match(text):
        try:
            return iso_week(dt.date.fromisoformat(text))
        except ValueError:
            raise BadInput(f"week '{value}': {text} is not a calendar date") from None
    raise BadInput(
        f"week '{value}' is not allowed: write 2026-W48, or a date in it like 2026-11-25"
    )


def week_dates(year: int, week: int) -> list[dt.date]:
    """The seven dates, Monday to Sunday, of ISO week ``week`` of ``year``."""
    if not 1 <= year <= 9999:
        raise BadInput(f"year {year} is out of range: use 1 to 9999")
    weeks_in_year = dt.date(year, 12, 28).isocalendar()[1]
    if not 1 <= week <= weeks_in_year:
        raise BadInput(
            f"week {year}-W{week:02d} does not exist: {year} has weeks 1 to {weeks_in_year}"
        )
    monday = dt.date.fromisocalendar(year, week, 1)
    return [monday + dt.timedelta(days=offset) for offset in range(7)]


def effort_intensity(rpe: int | None, typical: Intensity | None) -> Intensity:
    """RPE 7+ vigorous, 5-6 moderate; otherwise the typical intensity, else moderate."""
    if rpe is not None and rpe >= 7:
        return "vigorous"
    if rpe is not None and rpe >= 5:
        return "moderate"
    return typical or "moderate"


@dataclass(frozen=True)
class _Check:
    slots_met: int
    slots_planned: int
    minutes: int
    touched: bool

    def done(self, plan: DayPlan) -> bool:
        enough_minutes = plan.minutes is None or self.minutes >= plan.minutes.min
        return self.slots_met == self.slots_planned and enough_minutes


def _slot_met(plan: DayPlan, items: Sequence[LoggedItem]) -> bool:
    """Whether the items logged for one slot's ids meet it (see the module doc)."""
    if any(i.sets is None and (i.minutes or i.impacts) for i in items):
        return True
    sets_min = plan.sets.min if plan.sets is not None else 1
    reps_min = plan.reps.min if plan.reps is not None else 1
    counted = sum(
        i.sets or 0 for i in items if i.reps is None or i.impacts is not None or i.reps >= reps_min
    )
    return counted >= sets_min


def _check(plan: DayPlan, items: Sequence[LoggedItem]) -> _Check:
    met = sum(
        _slot_met(plan, [i for i in items if i.exercise_id in slot]) for slot in plan.activities
    )
    named = [i for i in items if i.exercise_id in plan.activity_ids]
    minutes = sum(i.minutes or 0 for i in named)
    return _Check(met, len(plan.activities), minutes, touched=bool(named))


def _can_host(host: DayPlan, host_done: bool, guest: DayPlan) -> bool:
    return host.is_rest or host_done or not set(host.kind) & set(guest.kind)


def _day_statuses(
    plan: Plan, dates: list[dt.date], by_day: list[list[LoggedItem]], as_of: dt.date | None
) -> list[DayAdherence]:
    days = plan.days.ordered()
    checks = [_check(day, items) for (_, day), items in zip(days, by_day, strict=True)]
    own_done = [not day.is_rest and c.done(day) for (_, day), c in zip(days, checks, strict=True)]
    spare = [
        [i for i in items if i.exercise_id not in day.activity_ids]
        for (_, day), items in zip(days, by_day, strict=True)
    ]
    result: list[DayAdherence] = []
    for index, (key, day) in enumerate(days):
        check = checks[index]
        status: DayStatus
        moved_to = None
        if day.is_rest:
            status = "rest"
        elif own_done[index]:
            status = "done"
        else:
            status = "partial" if check.touched else "missed"
            for host in range(7):
                if host == index or not _can_host(days[host][1], own_done[host], day):
                    continue
                if _check(day, spare[host]).done(day):
                    status, moved_to = "moved", dates[host]
                    spare[host] = [i for i in spare[host] if i.exercise_id not in day.activity_ids]
                    break
            if status == "missed" and as_of is not None and dates[index] > as_of:
                status = "upcoming"
        result.append(
            DayAdherence(
                day=key,
                date=dates[index],
                focus=day.focus,
                status=status,
                moved_to=moved_to,
                slots_met=check.slots_met,
                slots_planned=check.slots_planned,
                minutes=check.minutes,
                minutes_required=day.minutes.min if day.minutes is not None else None,
            )
        )
    return result


def _sessions_of(kind: Kind, by_day: Iterable[list[LoggedItem]]) -> int:
    return sum(any(i.kind == kind for i in items) for items in by_day)


def weekly_adherence(
    plan: Plan,
    sessions: Iterable[LoggedSession],
    *,
    week: tuple[int, int],
    typical_intensity: Mapping[str, Intensity] | None = None,
    as_of: dt.date | None = None,
) -> WeekAdherence:
    """The week's day statuses and weekly totals under ``plan`` (rules in the module doc).

    Sessions dated outside the week are ignored. ``typical_intensity`` maps exercise ids to
    the catalog's intensity; ``as_of`` (usually today) marks later days ``upcoming``.
    """
    year, number = week
    dates = week_dates(year, number)
    by_day: list[list[LoggedItem]] = [[] for _ in dates]
    minutes: dict[Intensity, int] = {"light": 0, "moderate": 0, "vigorous": 0}
    typical = typical_intensity or {}
    for session in sessions:
        if session.date not in dates:
            continue
        by_day[dates.index(session.date)].extend(session.items)
        for item in session.items:
            if item.minutes and item.kind in ("aerobic", "impact"):
                level = effort_intensity(session.rpe, typical.get(item.exercise_id))
                minutes[level] += item.minutes
    weekly = plan.weekly
    moderate_equivalent = sum(MODERATE_EQUIVALENT[level] * n for level, n in minutes.items())
    totals = [
        (
            "resistance sessions",
            "sessions",
            weekly.resistance_sessions_min,
            _sessions_of("resistance", by_day),
        ),
        (
            "aerobic minutes",
            "moderate-equivalent minutes",
            weekly.aerobic_moderate_equivalent_minutes_min,
            moderate_equivalent,
        ),
        ("impact sessions", "sessions", weekly.impact_sessions_min, _sessions_of("impact", by_day)),
    ]
    return WeekAdherence(
        plan_id=plan.id,
        year=year,
        week=number,
        days=tuple(_day_statuses(plan, dates, by_day, as_of)),
        requirements=tuple(
            Requirement(name, unit, actual, required)
            for name, unit, required, actual in totals
            if required is not None
        ),
        moderate_minutes=minutes["moderate"],
        vigorous_minutes=minutes["vigorous"],
    )
