"""The therapy side of `aij bone`: the bone-agent doses taken in each period between scans,
the medication events of each period, and the next bone-agent dose.

A bone agent is any medication the timeline has ever scheduled (``aij med schedule``) or
one of ``domain/medtimeline.BONE_AGENTS``; its doses are the ``medication_dose`` rows
marked taken, counted on the day they were logged. The next dose is
``reports/medication.scheduled_doses``, the same answer `aij today` gives.
"""

from datetime import date, timedelta

from pydantic import BaseModel
from sqlmodel import Session

from aijournal.domain.medtimeline import BONE_AGENTS, display_name
from aijournal.reports.medication import EventRow, event_row
from aijournal.store.medication import stored_events, taken_days_of


class AgentDoses(BaseModel):
    """The doses of one bone agent taken in a period."""

    medication: str
    name: str
    taken: int


class Therapy(BaseModel):
    """What a period held: the bone-agent doses taken and the medication events."""

    bone_agent_doses: list[AgentDoses]
    medication_events: list[EventRow]


def bone_agents(session: Session) -> list[str]:
    """Every medication ever scheduled, then the known bone agents (in that order)."""
    scheduled = [e.medication for _, e in stored_events(session=session) if e.event == "schedule"]
    return list(dict.fromkeys([*scheduled, *BONE_AGENTS]))


def agent_dose_days(session: Session, start: date, end: date) -> dict[str, list[date]]:
    """Each bone agent's days with a dose taken in start..end (agents with none left out)."""
    agents = bone_agents(session)
    taken = taken_days_of(
        session=session, medications=agents, after=start - timedelta(days=1), end=end
    )
    return {name: sorted(taken[name]) for name in agents if name in taken}


def period_therapy(
    doses: dict[str, list[date]], events: list[EventRow], start: date, end: date
) -> Therapy:
    """The doses and events of start..end (both days included)."""
    counted = [
        AgentDoses(
            medication=name,
            name=display_name(name),
            taken=sum(start <= d <= end for d in days),
        )
        for name, days in doses.items()
    ]
    return Therapy(
        bone_agent_doses=[c for c in counted if c.taken],
        medication_events=[e for e in events if start <= e.date <= end],
    )


def all_event_rows(session: Session) -> list[EventRow]:
    """Every medication event in order (a handful a year)."""
    return [event_row(entry_id, e) for entry_id, e in stored_events(session=session)]
