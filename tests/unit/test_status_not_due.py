"""A day on which no dose is due (a holiday, before a start, after a stop: the medication
timeline's days) is 'not-due', never missed; a record on such a day is still a record.
Days counted by hand on the calendar of November 2026 (today Thursday the 26th)."""

from datetime import date, timedelta

import pytest

from aijournal.domain.status import DoseCount, daily_doses, dose_status

START = date(2026, 11, 20)
TODAY = date(2026, 11, 26)
ONE = timedelta(days=1)
DUE = {date(2026, 11, d) for d in (20, 21, 22, 26, 27)}  # 23-25 a holiday


@pytest.mark.parametrize(
    ("day", "taken", "due", "status"),
    [
        (date(2026, 11, 23), None, DUE, "not-due"),  # a holiday day without a record
        (date(2026, 11, 23), None, None, "missed"),  # None: every day is due
        (date(2026, 11, 23), None, set(), "not-due"),  # nothing due at all
        (date(2026, 11, 21), None, DUE, "missed"),  # due, no record
        (date(2026, 11, 23), True, DUE, "taken"),  # a record is a record, due or not
        (date(2026, 11, 24), False, DUE, "skipped"),
        (START - ONE, None, DUE, "not-due"),  # not due is said before the journal's state
        (TODAY, None, DUE, "in-progress"),
        (TODAY + ONE, None, DUE, "upcoming"),
        (TODAY + 2 * ONE, None, DUE, "not-due"),
    ],
)
def test_dose_status_with_the_days_due(
    day: date, taken: bool | None, due: set[date] | None, status: str
) -> None:
    assert dose_status(day, taken, journal_start=START, today=TODAY, due=due) == status


def test_daily_doses_do_not_count_days_not_due() -> None:
    records = {date(2026, 11, 20): True, date(2026, 11, 24): True, date(2026, 11, 25): False}
    window = (date(2026, 11, 18), date(2026, 11, 28))
    # due 20, 21, 22 (26 in progress, 27 upcoming); 23-25 a holiday: 24 and 25 have records
    # and count as taken and skipped; 23 is not due. taken 20, 24 = 2; skipped 25 = 1;
    # missed 21, 22 = 2.
    count = daily_doses(records, *window, journal_start=START, today=TODAY, due=DUE)
    assert count == DoseCount(expected=5, taken=2, skipped=1, missed=2)
    # every day due: 23 is missed too
    every = daily_doses(records, *window, journal_start=START, today=TODAY)
    assert every == DoseCount(expected=6, taken=2, skipped=1, missed=3)
