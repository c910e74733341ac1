"""Day expressions a person types: ISO dates, today, yesterday, weekday names, -3d."""

import re
from datetime import date, timedelta

from aijournal.errors import BadInput

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ALLOWED = "an ISO date (2026-11-27), today, yesterday, a weekday name, or -3d"
_AGO = re.compile(r"^-(\d{1,5})d$")


def parse_day(text: str, *, today: date, allow_future: bool = False) -> date:
    """The day ``text`` names, relative to ``today``; a future day is refused unless allowed."""
    word = text.strip().lower()
    day: date | None = None
    if word == "today":
        day = today
    elif word == "yesterday":
        day = today - timedelta(days=1)
    elif (match := _AGO.match(word)) is not None:
        day = today - timedelta(days=int(match.group(1)))
    else:
        for index, name in enumerate(WEEKDAYS):
            if len(word) >= 3 and name.startswith(word):
                day = today - timedelta(days=(today.weekday() - index) % 7)
                break
    if day is None:
        try:
            day = date.fromisoformat(word)
        except ValueError:
            raise BadInput(f"'{text}' is not a date; use {ALLOWED}") from None
    if day > today and not allow_future:
        raise BadInput(f"{day.isoformat()} is in the future; aij records days that have begun")
    return day


def iso_week_of(day: date) -> str:
    """The ISO week label of ``day``, e.g. 2026-W48."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
