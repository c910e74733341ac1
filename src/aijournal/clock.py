"""The one clock: today's date and the current time, for every command.

``AIJ_TODAY`` (an ISO date) fixes "today": the test suite sets it so that no test reads the
real clock, and anyone can use it to see what aij would have shown on another day. Times
written to the journal keep the real time of day, on the fixed date.
"""

import os
from datetime import UTC, date, datetime

from aijournal.errors import BadInput

ENV = "AIJ_TODAY"


def today() -> date:
    """Today: ``AIJ_TODAY`` when set, else the local calendar date."""
    fixed = os.environ.get(ENV, "").strip()
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise BadInput(f"{ENV}='{fixed}' is not an ISO date (2026-11-27)") from None


def utcnow() -> datetime:
    """Now in UTC, as the journal stores times; on ``AIJ_TODAY``'s date when that is set."""
    now = datetime.now(UTC)
    if not os.environ.get(ENV, "").strip():
        return now
    return datetime.combine(today(), now.timetz())
