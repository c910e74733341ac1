"""Plan views: a plan's week, today's session, and how a week measured up (adherence)."""

from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.catalog.protocols import DAY_KEYS, ExerciseCatalog, Plan
from aijournal.domain.adherence import WeekAdherence, week_dates, weekly_adherence
from aijournal.domain.exercise import format_entry
from aijournal.domain.status import NOT_STARTED
from aijournal.reports.medication import ScheduledDose, scheduled_doses
from aijournal.store.exercise import (
    StoredSession,
    item_entry,
    sessions_between,
)
from aijournal.store.exercise import (
    logged_sessions as logged_sessions,  # re-exported: reports/insights.py imports it here
)
from aijournal.store.models import ExerciseItem
from aijournal.store.span import journal_start


def item_json(item: ExerciseItem) -> dict[str, Any]:
    return {
        "exercise": item.exercise,
        "kind": item.kind,
        "sets": item.sets,
        "reps": item.reps,
        "seconds": item.seconds,
        "minutes": item.minutes,
        "impacts": item.impacts,
        "load_kg": item.load_kg,
    }


def session_json(stored: StoredSession) -> dict[str, Any]:
    """A session as `aij day --json` shows it under "exercise"."""
    return {
        "id": stored.entry_id,
        "rpe": stored.rpe,
        "items": [item_json(item) for item in stored.items],
        "text": " ".join(format_entry(item_entry(item), for_reading=True) for item in stored.items),
    }


def plan_json(plan: Plan, catalog: ExerciseCatalog) -> dict[str, Any]:
    """A plan's week with exercise names beside ids (`aij plan show --json`)."""
    data = plan.model_dump(mode="json")
    for key in DAY_KEYS:
        day = data["days"][key]
        day["activity_names"] = [
            [catalog.get(i).name if i in catalog else i for i in slot] for slot in day["activities"]
        ]
    return data


class CheckResult(BaseModel):
    """A week against a plan, as `aij plan check --json` shows it."""

    plan: str
    week: str
    start: date
    end: date
    days: list[dict[str, Any]]
    requirements: list[dict[str, Any]]
    moderate_minutes: int
    vigorous_minutes: int
    sessions: int
    aerobic_minutes: int = 0
    light_minutes: int = 0
    journal_start: date | None = None


def adherence_json(result: WeekAdherence) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    days = [
        {
            "day": d.day,
            "date": d.date.isoformat(),
            "focus": d.focus,
            "status": d.status,
            "moved_to": d.moved_to.isoformat() if d.moved_to else None,
            "slots_met": d.slots_met,
            "slots_planned": d.slots_planned,
            "minutes": d.minutes,
            "minutes_required": d.minutes_required,
        }
        for d in result.days
    ]
    requirements = [
        {
            "name": r.name,
            "unit": r.unit,
            "actual": r.actual,
            "required": r.required,
            "met": r.met,
            "state": r.state,
        }
        for r in result.requirements
    ]
    return days, requirements


def check_week(
    *, session: Session, plan: Plan, catalog: ExerciseCatalog, week: tuple[int, int], today: date
) -> CheckResult:
    """How the ISO ``week`` measured up to ``plan`` (reads that week's sessions only)."""
    dates = week_dates(*week)
    stored = sessions_between(session=session, start=dates[0], end=dates[-1])
    start = journal_start(session=session)
    result = weekly_adherence(
        plan, logged_sessions(stored), week=week, as_of=today, journal_start=start
    )
    days, requirements = adherence_json(result)
    return CheckResult(
        plan=plan.id,
        week=f"{week[0]}-W{week[1]:02d}",
        start=dates[0],
        end=dates[-1],
        days=days,
        requirements=requirements,
        moderate_minutes=result.moderate_minutes,
        vigorous_minutes=result.vigorous_minutes,
        sessions=len(stored),
        aerobic_minutes=result.aerobic_minutes,
        light_minutes=result.light_minutes,
        journal_start=None if start == NOT_STARTED else start,
    )


class TodayResult(BaseModel):
    date: date
    plan: str
    day: str
    focus: str
    planned: dict[str, Any]
    logged: list[dict[str, Any]]
    status: str
    scheduled: list[ScheduledDose] = []


def today_view(
    *, session: Session, plan: Plan, catalog: ExerciseCatalog, day: date, today: date
) -> TodayResult:
    """The planned session of ``day`` (usually today) and what is logged against it."""
    key = DAY_KEYS[day.weekday()]
    week = day.isocalendar()
    check = check_week(
        session=session, plan=plan, catalog=catalog, week=(week[0], week[1]), today=today
    )
    stored = sessions_between(session=session, start=day, end=day)
    planned = plan_json(plan, catalog)["days"][key]
    status = next(d["status"] for d in check.days if d["day"] == key)
    return TodayResult(
        date=day,
        plan=plan.id,
        day=key,
        focus=planned["focus"],
        planned=planned,
        logged=[session_json(s) for s in stored],
        status=status,
        scheduled=scheduled_doses(session=session, today=today),
    )
