"""Which days count: before the journal starts, today, and the days that can be missed.

The journal starts on the first day with any entry (the store supplies it; an empty journal
has not started: ``NOT_STARTED``). A day before the start is "not journaling yet", never a
miss. Today is "in progress": what is logged today counts, what is not logged yet is not
missed. A day after today is "upcoming". Only the days from the start to yesterday can be
missed.

Doses of a daily medication: a day with a dose record is ``taken`` or ``skipped``; a day
without one is ``missed`` (no record) when it can be missed, else it has the day's status
above; but a day on which no dose is due (a holiday, before the medication's start or after
its stop, as the medication timeline says) is ``not-due``, never missed. A dose is expected
on each day that is taken, skipped or missed. A weekly medication
is expected once in a week that has a record, or that ended (before today) after the
journal started.
"""

import datetime as dt
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

NOT_STARTED = dt.date.max
"""The start of a journal with no entry: every day lies before it."""

DayState = Literal["not-journaling-yet", "counted", "in-progress", "upcoming"]
DoseStatus = Literal[
    "taken", "skipped", "missed", "not-due", "in-progress", "upcoming", "not-journaling-yet"
]


def day_state(day: dt.date, *, journal_start: dt.date, today: dt.date) -> DayState:
    """Whether ``day`` lies before the journal, can be missed (counted), is today or ahead."""
    if day < journal_start:
        return "not-journaling-yet"
    if day == today:
        return "in-progress"
    if day > today:
        return "upcoming"
    return "counted"


def countable_days(
    start: dt.date, end: dt.date, *, journal_start: dt.date, today: dt.date
) -> list[dt.date]:
    """The days of start..end that can be missed: from the journal start to yesterday."""
    first = max(start, journal_start)
    last = min(end, today - dt.timedelta(days=1))
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def dose_status(
    day: dt.date,
    taken: bool | None,
    *,
    journal_start: dt.date,
    today: dt.date,
    due: Container[dt.date] | None = None,
) -> DoseStatus:
    """One day's dose: ``taken`` is the record (True taken, False skipped, None none);
    ``due`` holds the days a dose is due (None: every day)."""
    if taken is not None:
        return "taken" if taken else "skipped"
    if due is not None and day not in due:
        return "not-due"
    state = day_state(day, journal_start=journal_start, today=today)
    return "missed" if state == "counted" else state


@dataclass(frozen=True)
class DoseCount:
    """A medication over a period: doses expected, taken, skipped and missed (no record)."""

    expected: int
    taken: int
    skipped: int
    missed: int


def daily_doses(
    records: Mapping[dt.date, bool],
    start: dt.date,
    end: dt.date,
    *,
    journal_start: dt.date,
    today: dt.date,
    due: Container[dt.date] | None = None,
) -> DoseCount:
    """A daily medication's count over start..end; ``records`` maps a day to taken/skipped,
    ``due`` holds the days a dose is due (None: every day; see the module doc)."""
    statuses = [
        dose_status(day, records.get(day), journal_start=journal_start, today=today, due=due)
        for day in _days(start, end)
    ]
    taken = statuses.count("taken")
    skipped = statuses.count("skipped")
    missed = statuses.count("missed")
    return DoseCount(taken + skipped + missed, taken, skipped, missed)


def weekly_doses(
    records: Iterable[bool],
    start: dt.date,
    end: dt.date,
    *,
    journal_start: dt.date,
    today: dt.date,
) -> DoseCount:
    """A weekly medication over one week start..end (see the module doc)."""
    logged = list(records)
    taken = sum(logged)
    skipped = len(logged) - taken
    finished = end < today and end >= journal_start
    expected = 1 if logged or finished else 0
    missed = 1 if finished and not logged else 0
    return DoseCount(max(expected, len(logged)), taken, skipped, missed)


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
