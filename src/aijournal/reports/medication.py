"""The medication timeline for reports: which medications are due on a day (the one answer
used by the check-in, `aij log med`, missed-dose counts and exports), the bone-agent doses
due, and `aij med history` (the weeks before and after each change: reports/beforeafter.py).
"""

import datetime as dt
from datetime import date, timedelta

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.config import Config, Medication
from aijournal.domain.medtimeline import MedEvent, Timeline, display_name, next_dose
from aijournal.store.medication import describe, load_timeline, stored_events, taken_days


def due_from(timeline: Timeline, config: Config, day: date) -> list[Medication]:
    """The daily medications due on ``day``: the timeline's (not on holiday, not scheduled)
    when it has any course, else config.yaml's medications (journals without a timeline)."""
    if not timeline.has_courses:
        return list(config.medications)
    return [Medication(name=p.medication, dose=p.dose) for p in timeline.due_on(day)]


def taken_between(*, session: Session, config: Config, start: date, end: date) -> list[str]:
    """The daily medications taken on some day of start..end (a holiday included): the
    timeline's courses when it has any, else config.yaml's. The steady-vitamin-K reminder of
    `aij day`, `aij week` and the report reads this, so a course recorded with `aij med`
    counts as much as one in config.yaml."""
    timeline = load_timeline(session=session)
    if not timeline.has_courses:
        return [m.name for m in config.medications]
    overlapping = [
        p.medication
        for p in timeline.periods
        if p.start <= end and (p.until is None or start < p.until)
    ]
    return list(dict.fromkeys(overlapping))


def due_medications(*, session: Session, config: Config, day: date) -> list[Medication]:
    """The medications due on ``day`` (see ``due_from``)."""
    return due_from(load_timeline(session=session), config, day)


def timeline_due(*, session: Session, day: date) -> list[Medication] | None:
    """The daily medications the timeline says are due on ``day``; None without a timeline
    (the first run then asks which medication is taken)."""
    timeline = load_timeline(session=session)
    if not timeline.has_courses:
        return None
    return [Medication(name=p.medication, dose=p.dose) for p in timeline.due_on(day)]


def loggable(
    *, session: Session, config: Config, day: date
) -> tuple[list[Medication], dict[str, Medication]]:
    """What `aij log med` records on ``day``: the doses due (its default), and every name it
    accepts (those, any medication current that day, and each scheduled one)."""
    timeline = load_timeline(session=session)
    due = due_from(timeline, config, day)
    allowed = {m.name: m for m in due}
    for period in timeline.current_on(day):
        allowed.setdefault(period.medication, Medication(name=period.medication, dose=period.dose))
    for schedule in timeline.schedules.values():
        allowed.setdefault(
            schedule.medication, Medication(name=schedule.medication, dose=schedule.dose)
        )
    return due, allowed


def due_days(timeline: Timeline, name: str, start: date, end: date) -> set[date] | None:
    """The days of start..end a daily dose of ``name`` is due; None without a timeline
    (then every day is, as before the timeline)."""
    if not timeline.has_courses:
        return None
    days = (start + timedelta(days=n) for n in range((end - start).days + 1))
    return {d for d in days if any(p.medication == name for p in timeline.due_on(d))}


def daily_names(timeline: Timeline, config: Config, start: date, end: date) -> list[str]:
    """The daily medications of start..end: those with a course in it, or the configured."""
    if not timeline.has_courses:
        return [m.name for m in config.medications if m.schedule == "daily"]
    names = [
        p.medication
        for p in timeline.periods
        if p.start <= end
        and (p.until is None or p.until > start)
        and not timeline.scheduled_on(p.medication, max(p.start, start))
    ]
    return list(dict.fromkeys(names))


def shown_medications(
    timeline: Timeline, config: Config, start: date, end: date
) -> list[Medication]:
    """The medications a period's report lists: the configured ones without a timeline, else
    the daily ones with a course in start..end, at their last dose in it."""
    if not timeline.has_courses:
        return list(config.medications)
    shown = []
    for name in daily_names(timeline, config, start, end):
        periods = [p for p in timeline.periods if p.medication == name and p.start <= end]
        shown.append(Medication(name=name, dose=max(periods, key=lambda p: p.start).dose))
    return shown


class ScheduledDose(BaseModel):
    """A scheduled medication's next dose as of ``today``."""

    medication: str
    name: str
    dose: str
    every: str
    due: date
    days_overdue: int
    as_of: date


def scheduled_doses(*, session: Session, today: date) -> list[ScheduledDose]:
    """Each scheduled medication's next dose (reads the schedules' own doses only)."""
    timeline = load_timeline(session=session)
    found = []
    for schedule in timeline.schedules.values():
        # Every dose taken up to today: which of them count is next_dose's rule alone.
        taken = taken_days(session=session, medication=schedule.medication, end=today)
        nxt = next_dose(schedule, taken, today)
        found.append(
            ScheduledDose(
                medication=schedule.medication,
                name=display_name(schedule.medication),
                dose=schedule.dose,
                every=schedule.every,
                due=nxt.due,
                days_overdue=nxt.days_overdue,
                as_of=today,
            )
        )
    return found


class EventRow(BaseModel):
    id: str
    date: dt.date
    event: str
    medication: str
    dose: str
    to_medication: str | None
    ends_on: dt.date | None
    every: str | None
    next_due: dt.date | None
    reason: str | None
    text: str


class CurrentRow(BaseModel):
    medication: str
    dose: str
    since: date
    on_holiday: bool


class MedHistory(BaseModel):
    today: date
    events: list[EventRow]
    current: list[CurrentRow]
    scheduled: list[ScheduledDose]


def med_history(*, session: Session, today: date) -> MedHistory:
    """Every event in order, what is current today, and the scheduled doses."""
    stored = stored_events(session=session)
    timeline = load_timeline(session=session)
    events = [event_row(entry_id, e) for entry_id, e in stored]
    current = [
        CurrentRow(
            medication=p.medication,
            dose=p.dose,
            since=_course_start(timeline, p.medication, today),
            on_holiday=timeline.on_holiday(p.medication, today),
        )
        for p in timeline.current_on(today)
    ]
    return MedHistory(
        today=today,
        events=events,
        current=current,
        scheduled=scheduled_doses(session=session, today=today),
    )


def event_row(entry_id: str, event: MedEvent) -> EventRow:
    """One event as `aij med history`, `aij bone` and the visit summary list it."""
    return EventRow(id=entry_id, date=event.day, **_fields(event), text=describe(event))


def _fields(event: MedEvent) -> dict[str, object]:
    return {
        "event": event.event,
        "medication": event.medication,
        "dose": event.dose,
        "to_medication": event.to_medication,
        "ends_on": event.ends_on,
        "every": event.every,
        "next_due": event.next_due,
        "reason": event.reason,
    }


def _course_start(timeline: Timeline, name: str, day: date) -> date:
    """The first day of the unbroken course of ``name`` that holds ``day``."""
    start = day
    for period in sorted(timeline.periods, key=lambda p: p.start, reverse=True):
        if (
            period.medication == name
            and period.start <= start
            and (period.until is None or period.until >= start)
        ):
            start = period.start
    return start
