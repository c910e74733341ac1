"""The weeks before and after each medication change (start, switch, dose change, stop),
compared on the outcomes people on an AI track, with the rules of `aij insights`: Welch's
95% interval, nothing said under 14 days a side, never a cause. `aij insights` shows them;
the visit report and `aij bone` can call ``before_after`` too.
"""

from datetime import date, timedelta

from sqlmodel import Session, col, select

from aijournal.domain.medtimeline import CHANGES, MedEvent
from aijournal.reports.insights import Insight, compare
from aijournal.store.daily import rows_between
from aijournal.store.medication import stored_events
from aijournal.store.models import Entry, SleepRecord, SymptomRating

# Before and after a change: this many days each side (8 weeks); the change's own day is the
# first day after. Each side needs 14 days with a value, as every insight does.
WINDOW_DAYS = 56


# The outcomes compared before and after: (symptom key or "sleep", outcome, unit, difference).
OUTCOMES = (
    ("joint-pain", "worst joint pain", "0-10", "points"),
    ("stiffness", "morning stiffness", "minutes", "minutes"),
    ("hot-flashes", "hot flashes a day", "count", "hot flashes"),
    ("sleep", "sleep", "hours", "hours"),
)


def _daily_values(session: Session, key: str, start: date, end: date) -> dict[date, float]:
    if key == "sleep":
        nights = rows_between(session=session, model=SleepRecord, start=start, end=end)
        return {e.day: s.hours for e, s in nights if s.hours is not None}
    query = (
        select(col(Entry.day), col(SymptomRating.value))
        .join(Entry, col(SymptomRating.entry_id) == Entry.id)
        .where(
            Entry.kind == "symptom",
            Entry.day >= start,
            Entry.day <= end,
            SymptomRating.name == key,
        )
    )
    return {day: value for day, value in session.exec(query)}


def event_title(event: MedEvent) -> str:
    """'the switch from letrozole to exemestane on 2025-03-01'."""
    what = {
        "start": f"starting {event.medication}",
        "switch": f"the switch from {event.medication} to {event.to_medication}",
        "dose": f"the dose change of {event.medication} to {event.dose}",
        "stop": f"stopping {event.medication}",
    }[event.event]
    return f"{what} on {event.day}"


def before_after(*, session: Session, start: date, end: date) -> list[Insight]:
    """For each start, switch, dose change or stop dated start..end: each outcome's mean in
    the 8 weeks after against the 8 weeks before (days up to ``end`` only), with the
    insights' rules (14 days a side, Welch's interval, never a cause)."""
    found = []
    for _, event in stored_events(session=session):
        if event.event not in CHANGES or not start <= event.day <= end:
            continue
        first = event.day - timedelta(days=WINDOW_DAYS)
        last = min(end, event.day + timedelta(days=WINDOW_DAYS - 1))
        for key, outcome, unit, difference in OUTCOMES:
            values = _daily_values(session, key, first, last)
            after = [v for d, v in values.items() if d >= event.day]
            before = [v for d, v in values.items() if d < event.day]
            found.append(
                compare(
                    f"{outcome[:1].upper()}{outcome[1:]} in the 8 weeks before and after "
                    + event_title(event),
                    (outcome, unit, difference),
                    after,
                    before,
                    ("days in the 8 weeks after", "days in the 8 weeks before"),
                )
            )
    return found
