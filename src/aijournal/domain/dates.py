"""Day expressions a person types: ISO dates, today, yesterday, weekday names, -3d (and, for
a visit, tomorrow and +3d)."""

import re
from datetime import date, timedelta

from aijournal.errors import BadInput

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ALLOWED = "an ISO date (2026-11-27), today, yesterday, a weekday name, or -3d"
ALLOWED_AHEAD = (
    "an ISO date (2026-12-03), today, tomorrow, a weekday name (the next one), +3d or -3d"
)
_OFFSET = re.compile(r"^([-+])(\d{1,5})d$")

# The days aij records, one rule for typing and importing: none more than 120 years back (a
# typo such as 0206-12-03 for 2026-12-03), none more than 2 years ahead (visits, report ends).
MAX_YEARS_BACK = 120
MAX_YEARS_AHEAD = 2


class DayOutOfRange(BadInput):
    """A day outside what aij records (more than 120 years back, 2 years ahead)."""


def _years_from(today: date, years: int) -> date:
    year = today.year + years
    try:
        return today.replace(year=year)
    except ValueError:  # 29 February, in a year without one
        return today.replace(year=year, day=28)


def earliest_day(today: date) -> date:
    """The first day aij accepts: 120 years before ``today``."""
    return _years_from(today, -MAX_YEARS_BACK)


def latest_day(today: date) -> date:
    """The last day aij accepts (a visit booked ahead, the end of a report): 2 years ahead."""
    return _years_from(today, MAX_YEARS_AHEAD)


def check_day_range(day: date, *, today: date) -> None:
    """Refuse a day more than 120 years back or more than 2 years ahead (a likely typo)."""
    if day < earliest_day(today):
        raise DayOutOfRange(
            f"{day.isoformat()} is more than {MAX_YEARS_BACK} years ago; "
            f"use a day from {earliest_day(today).isoformat()} on"
        )
    if day > latest_day(today):
        raise DayOutOfRange(
            f"{day.isoformat()} is more than {MAX_YEARS_AHEAD} years ahead; "
            f"use a day up to {latest_day(today).isoformat()}"
        )


def parse_day(text: str, *, today: date, allow_future: bool = False, ahead: bool = False) -> date:
    """The day ``text`` names, relative to ``today``; a future day is refused unless allowed.

    A weekday name is its most recent occurrence (today included); with ``ahead`` (a visit
    being booked) it is its next occurrence (today included), and ``tomorrow`` and ``+3d``
    are understood.
    """
    word = text.strip().lower()
    allow_future = allow_future or ahead
    day: date | None = None
    if word == "today":
        day = today
    elif word == "yesterday":
        day = today - timedelta(days=1)
    elif word == "tomorrow" and ahead:
        day = today + timedelta(days=1)
    elif (match := _OFFSET.match(word)) is not None and (match.group(1) == "-" or ahead):
        days = int(match.group(2))
        try:
            day = today - timedelta(days=days) if match.group(1) == "-" else today + timedelta(days)
        except OverflowError:
            raise DayOutOfRange(
                f"{text} is more than {MAX_YEARS_BACK} years away; use a nearer day"
            ) from None
    else:
        for index, name in enumerate(WEEKDAYS):
            if len(word) >= 3 and name.startswith(word):
                if ahead:
                    day = today + timedelta(days=(index - today.weekday()) % 7)
                else:
                    day = today - timedelta(days=(today.weekday() - index) % 7)
                break
    if day is None:
        try:
            day = date.fromisoformat(word)
        except ValueError:
            raise BadInput(
                f"'{text}' is not a date; use {ALLOWED_AHEAD if ahead else ALLOWED}"
            ) from None
    if day > today and not allow_future:
        raise BadInput(f"{day.isoformat()} is in the future; aij records days that have begun")
    check_day_range(day, today=today)
    return day


def iso_week_of(day: date) -> str:
    """The ISO week label of ``day``, e.g. 2026-W48 (the year in four digits: 0999-W22)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"
