"""status.py at every boundary, with the expected counts worked out by hand in each test.

The rules (the module doc and issue #9, item 8): before the journal's first entry is "not
journaling yet", never a miss; today is in progress; after today is upcoming; only the days
from the start to yesterday can be missed. A weekly dose is expected once in a week that has a
record or that ended (before today) after the journal started.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.status import (
    NOT_STARTED,
    DoseCount,
    countable_days,
    daily_doses,
    day_state,
    dose_status,
    weekly_doses,
)

TODAY = date(2026, 11, 26)  # a Thursday
START = date(2026, 11, 20)  # the journal's first entry, a Friday
ONE = timedelta(days=1)


def test_an_empty_journal_starts_after_every_day() -> None:
    assert date.max == NOT_STARTED
    assert day_state(date.max - ONE, journal_start=NOT_STARTED, today=date.max) == (
        "not-journaling-yet"
    )


@pytest.mark.parametrize(
    ("day", "start", "today", "state"),
    [
        # the start day itself counts; the day before it does not
        (START, START, TODAY, "counted"),
        (START - ONE, START, TODAY, "not-journaling-yet"),
        # the journal starting today: today is in progress, not missed
        (TODAY, TODAY, TODAY, "in-progress"),
        # a day before the start is not journaling yet even after today
        (TODAY + ONE, TODAY + 2 * ONE, TODAY, "not-journaling-yet"),
        (TODAY + ONE, START, TODAY, "upcoming"),
        (TODAY - ONE, START, TODAY, "counted"),
    ],
)
def test_day_state(day: date, start: date, today: date, state: str) -> None:
    assert day_state(day, journal_start=start, today=today) == state


@pytest.mark.parametrize(
    ("start", "end", "journal_start", "expected"),
    [
        # a week all after the start, today inside it: Monday 23 to Wednesday 25
        (
            date(2026, 11, 23),
            date(2026, 11, 29),
            START,
            [date(2026, 11, 23) + n * ONE for n in range(3)],
        ),
        # a window ending yesterday: its last day counts
        (TODAY - 3 * ONE, TODAY - ONE, START, [TODAY - 3 * ONE, TODAY - 2 * ONE, TODAY - ONE]),
        # a window of one day, yesterday
        (TODAY - ONE, TODAY - ONE, START, [TODAY - ONE]),
        # a window of today alone: nothing can be missed yet
        (TODAY, TODAY, START, []),
        # the journal starting yesterday: one day
        (date(2026, 11, 1), TODAY, TODAY - ONE, [TODAY - ONE]),
        # the journal starting today: none
        (date(2026, 11, 1), TODAY, TODAY, []),
        # a window wholly before the journal: none
        (date(2026, 11, 9), date(2026, 11, 15), START, []),
    ],
)
def test_countable_days(start: date, end: date, journal_start: date, expected: list[date]) -> None:
    assert countable_days(start, end, journal_start=journal_start, today=TODAY) == expected


@given(
    start=st.dates(date(2026, 1, 1), date(2026, 12, 31)),
    length=st.integers(0, 40),
    journal_start=st.dates(date(2025, 12, 1), date(2027, 1, 31)),
    today=st.dates(date(2025, 12, 1), date(2027, 1, 31)),
)
def test_countable_days_are_the_counted_days(
    start: date, length: int, journal_start: date, today: date
) -> None:
    end = start + length * ONE
    window = [start + n * ONE for n in range(length + 1)]
    counted = [
        d for d in window if day_state(d, journal_start=journal_start, today=today) == "counted"
    ]
    assert countable_days(start, end, journal_start=journal_start, today=today) == counted


@pytest.mark.parametrize(
    ("day", "taken", "status"),
    [
        (START - ONE, True, "taken"),  # a record is a record, even before the start
        (START - ONE, False, "skipped"),
        (TODAY + ONE, False, "skipped"),
        (TODAY - ONE, None, "missed"),
        (TODAY + ONE, None, "upcoming"),
        (START - ONE, None, "not-journaling-yet"),
        (TODAY, None, "in-progress"),
    ],
)
def test_dose_status(day: date, taken: bool | None, status: str) -> None:
    assert dose_status(day, taken, journal_start=START, today=TODAY) == status


def test_daily_doses_count_each_kind_apart() -> None:
    # Window Wednesday 18 to Saturday 28 November; the journal starts on Friday the 20th;
    # today is Thursday the 26th.
    records = {
        date(2026, 11, 19): True,  # before the start, but a record: taken
        date(2026, 11, 20): True,
        date(2026, 11, 21): False,
        date(2026, 11, 22): False,
        date(2026, 11, 24): True,
        date(2026, 11, 26): True,  # today, logged
        date(2026, 11, 28): False,  # a record ahead of today is a record too
    }
    count = daily_doses(
        records, date(2026, 11, 18), date(2026, 11, 28), journal_start=START, today=TODAY
    )
    # taken: 19, 20, 24, 26 = 4; skipped: 21, 22, 28 = 3; missed (no record, from the
    # 20th to the 25th): 23, 25 = 2. The 18th is before the start; the 27th upcoming.
    assert count == DoseCount(expected=4 + 3 + 2, taken=4, skipped=3, missed=2)


def test_daily_doses_over_an_empty_window_before_the_journal() -> None:
    count = daily_doses({}, date(2026, 11, 9), date(2026, 11, 15), journal_start=START, today=TODAY)
    assert count == DoseCount(0, 0, 0, 0)


@pytest.mark.parametrize(
    ("end", "records", "count"),
    [
        # the week ended yesterday, after the start: one dose expected
        (TODAY - ONE, [], DoseCount(1, 0, 0, 1)),
        (TODAY - ONE, [True], DoseCount(1, 1, 0, 0)),
        (TODAY - ONE, [False], DoseCount(1, 0, 1, 0)),
        # two records in one week: both count
        (TODAY - ONE, [True, False], DoseCount(2, 1, 1, 0)),
        (TODAY, [True, True], DoseCount(2, 2, 0, 0)),
        # the week ending today is still running: nothing due
        (TODAY, [], DoseCount(0, 0, 0, 0)),
        (TODAY, [False], DoseCount(1, 0, 1, 0)),
        # the week ending on the journal's first day is judged
        (START, [], DoseCount(1, 0, 0, 1)),
        # the week ending the day before the journal is not
        (START - ONE, [], DoseCount(0, 0, 0, 0)),
        (START - ONE, [True], DoseCount(1, 1, 0, 0)),
    ],
)
def test_weekly_doses(end: date, records: list[bool], count: DoseCount) -> None:
    assert weekly_doses(records, end - 6 * ONE, end, journal_start=START, today=TODAY) == count


def test_weekly_doses_take_any_iterable_once() -> None:
    records = iter([True, False, True])
    count = weekly_doses(records, TODAY - 7 * ONE, TODAY - ONE, journal_start=START, today=TODAY)
    assert count == DoseCount(3, 2, 1, 0)
