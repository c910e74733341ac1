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
- ``moved``: the day is not done on its own date, but its whole plan was done on another day
  of the same week (``moved_to``). The host day must either have no session of the same kind
  planned (a rest day; an aerobic day hosting a resistance session) or have met its own plan.
  Only items the host's own plan does not name can stand in, and an item stands in for one
  day only. Hosts are tried from Monday to Sunday.
- otherwise the day's place in time decides (``domain/status.py``): ``not-journaling-yet``
  before the journal's first entry (never a miss); ``in-progress`` today; ``upcoming``
  after today; and on a day that can be missed, ``partial`` when something the day names was
  logged on it (fewer sets or minutes than the minimum, or only some of the activities),
  else ``missed``.

Items of no planned activity (an extra, unplanned session) leave the day's own status alone;
they count toward the weekly totals and may stand in for a moved day.

Weekly totals are ``domain/activity.py``'s figures of the week's sessions: resistance and
impact sessions (days with such an item) and moderate-equivalent aerobic minutes. Each is
``met`` when it reaches the plan's minimum; otherwise ``in-progress`` while the week runs
(today or later is in it), ``not-journaling-yet`` when the journal started after the week's
Monday, and ``not-met`` for a finished week.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from aijournal.domain.activity import (
    MODERATE_EQUIVALENT,
    LoggedItem,
    LoggedSession,
    effort_intensity,
    period_totals,
)
from aijournal.domain.plan import DayPlan, Plan
from aijournal.domain.status import day_state
from aijournal.errors import BadInput

__all__ = [
    "COUNTED_DAY_STATUSES",
    "MODERATE_EQUIVALENT",
    "DayAdherence",
    "LoggedItem",
    "LoggedSession",
    "Requirement",
    "WeekAdherence",
    "effort_intensity",
    "iso_week",
    "week_dates",
    "weekly_adherence",
]

DayStatus = Literal[
    "done", "partial", "moved", "missed", "rest", "in-progress", "upcoming", "not-journaling-yet"
]
COUNTED_DAY_STATUSES: frozenset[DayStatus] = frozenset({"done", "partial", "moved", "missed"})
"""The statuses of a planned day that can be done or missed (what "days done of N" counts)."""
RequirementState = Literal["met", "not-met", "in-progress", "not-journaling-yet"]

_WEEK = re.compile(r"(\d{4})-?w(\d{1,2})\Z", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


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
    state: RequirementState = "not-met"

    @property
    def met(self) -> bool:
        return self.actual >= self.required


def requirement_state(
    actual: int, required: int, *, dates: Sequence[dt.date], as_of: dt.date, journal_start: dt.date
) -> RequirementState:
    """A weekly total against its minimum over the week ``dates`` (see the module doc)."""
    if actual >= required:
        return "met"
    if as_of <= dates[-1]:
        return "in-progress"
    if journal_start > dates[0]:
        return "not-journaling-yet"
    return "not-met"


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
    light_minutes: int = 0

    @property
    def aerobic_minutes(self) -> int:
        """Moderate and vigorous aerobic minutes (light ones do not count)."""
        return self.moderate_minutes + self.vigorous_minutes


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
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
        return [monday + dt.timedelta(days=offset) for offset in range(7)]
    except (OverflowError, ValueError):
        raise BadInput(
            f"week {year}-W{week:02d} ends after 9999-12-31, the last date aij can hold"
        ) from None


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
    plan: Plan,
    dates: list[dt.date],
    by_day: list[list[LoggedItem]],
    as_of: dt.date,
    journal_start: dt.date,
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
            if status != "moved":
                state = day_state(dates[index], journal_start=journal_start, today=as_of)
                status = status if state == "counted" else state
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


def weekly_adherence(
    plan: Plan,
    sessions: Iterable[LoggedSession],
    *,
    week: tuple[int, int],
    as_of: dt.date = dt.date.max,
    journal_start: dt.date = dt.date.min,
) -> WeekAdherence:
    """The week's day statuses and weekly totals under ``plan`` (rules in the module doc).

    Sessions dated outside the week are ignored. ``as_of`` is today (the default: a week
    long past); ``journal_start`` the journal's first day (the default: always journaling).
    """
    year, number = week
    dates = week_dates(year, number)
    by_day: list[list[LoggedItem]] = [[] for _ in dates]
    in_week = [s for s in sessions if s.date in dates]
    for session in in_week:
        by_day[dates.index(session.date)].extend(session.items)
    totals = period_totals(in_week)
    weekly = plan.weekly
    wanted = [
        (
            "resistance sessions",
            "sessions",
            weekly.resistance_sessions_min,
            totals.resistance_sessions,
        ),
        (
            "aerobic minutes",
            "moderate-equivalent minutes",
            weekly.aerobic_moderate_equivalent_minutes_min,
            totals.moderate_equivalent_minutes,
        ),
        ("impact sessions", "sessions", weekly.impact_sessions_min, totals.impact_sessions),
    ]
    return WeekAdherence(
        plan_id=plan.id,
        year=year,
        week=number,
        days=tuple(_day_statuses(plan, dates, by_day, as_of, journal_start)),
        requirements=tuple(
            Requirement(
                name,
                unit,
                actual,
                required,
                requirement_state(
                    actual, required, dates=dates, as_of=as_of, journal_start=journal_start
                ),
            )
            for name, unit, required, actual in wanted
            if required is not None
        ),
        moderate_minutes=totals.moderate_minutes,
        vigorous_minutes=totals.vigorous_minutes,
        light_minutes=totals.light_minutes,
    )
