"""The date window (120 years back, 2 years ahead: issue #11) from a 29 February: a year
without one ends the window on 28 February. Leap years by the Gregorian rule, by hand: 2020,
2024 and 2028 are leap years, 1900 is not (a century not divisible by 400), 2026 is not."""

from datetime import date

import pytest

from aijournal.domain.dates import (
    DayOutOfRange,
    check_day_range,
    earliest_day,
    latest_day,
    parse_day,
)


def test_the_window_from_a_29_february() -> None:
    assert earliest_day(date(2020, 2, 29)) == date(1900, 2, 28)  # 1900 has no 29 February
    assert earliest_day(date(2028, 2, 29)) == date(1908, 2, 29)  # 1908 has one
    assert latest_day(date(2024, 2, 29)) == date(2026, 2, 28)
    assert latest_day(date(2028, 2, 29)) == date(2030, 2, 28)
    assert latest_day(date(2026, 11, 26)) == date(2028, 11, 26)
    assert earliest_day(date(2026, 11, 26)) == date(1906, 11, 26)


def test_the_edges_of_the_window_from_a_29_february() -> None:
    today = date(2024, 2, 29)
    check_day_range(date(2026, 2, 28), today=today)
    check_day_range(date(1904, 2, 29), today=today)
    with pytest.raises(DayOutOfRange) as ahead:
        check_day_range(date(2026, 3, 1), today=today)
    assert str(ahead.value) == "2026-03-01 is more than 2 years ahead; use a day up to 2026-02-28"
    with pytest.raises(DayOutOfRange) as back:
        check_day_range(date(1900, 2, 27), today=date(2020, 2, 29))
    assert str(back.value) == "1900-02-27 is more than 120 years ago; use a day from 1900-02-28 on"


def test_an_offset_past_the_calendar_is_refused_as_out_of_range() -> None:
    # 99,999 days is about 273.8 years: from 1 January 200 it would fall before year 1
    with pytest.raises(DayOutOfRange) as refused:
        parse_day("-99999d", today=date(200, 1, 1))
    assert str(refused.value) == "-99999d is more than 120 years away; use a nearer day"
    with pytest.raises(DayOutOfRange) as ahead:
        parse_day("+99999d", today=date(9990, 1, 1), ahead=True, allow_future=True)
    assert str(ahead.value) == "+99999d is more than 120 years away; use a nearer day"
