"""Day expressions at their edges: case and spaces, the future allowed or not, the messages.

Weekdays are read off a calendar: 2026-11-27 is a Friday; 2027-01-04 is the Monday of ISO
week 1 of 2027 (the week holding the year's first Thursday, 7 January).
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain import dates
from aijournal.domain.dates import iso_week_of, parse_day
from aijournal.errors import BadInput

FRIDAY = date(2026, 11, 27)


def test_the_weekday_names_are_monday_first_as_iso_numbers_them() -> None:
    assert dates.WEEKDAYS == (
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    )
    assert [date(2026, 11, 23 + i).strftime("%A").lower() for i in range(7)] == list(dates.WEEKDAYS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  TODAY ", FRIDAY),
        ("Yesterday", date(2026, 11, 26)),
        (" FRI ", FRIDAY),
        ("Sun", date(2026, 11, 22)),
        ("wednes", date(2026, 11, 25)),
        ("-1D", date(2026, 11, 26)),
        ("-43800d", FRIDAY - timedelta(days=43800)),  # 120 years of 365 days: still allowed
        (" 2026-11-27 ", FRIDAY),
    ],
)
def test_case_and_spaces_do_not_matter(text: str, expected: date) -> None:
    assert parse_day(text, today=FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOMORROW", date(2026, 11, 28)),
        ("+1d", date(2026, 11, 28)),
        ("+0d", FRIDAY),
        ("+10d", date(2026, 12, 7)),
        ("sat", date(2026, 11, 28)),
        ("sunday", date(2026, 11, 29)),
        ("wed", date(2026, 12, 2)),
        ("today", FRIDAY),
    ],
)
def test_a_visit_day_ahead(text: str, expected: date) -> None:
    assert parse_day(text, today=FRIDAY, ahead=True) == expected


def test_allow_future_accepts_a_later_iso_date_but_not_the_ahead_words() -> None:
    assert parse_day("2026-11-28", today=FRIDAY, allow_future=True) == date(2026, 11, 28)
    # allow_future only lifts the future check; "tomorrow" and "+3d" still need ``ahead``.
    for text in ("tomorrow", "+3d"):
        with pytest.raises(BadInput, match="is not a date"):
            parse_day(text, today=FRIDAY, allow_future=True)
    # A weekday name still looks back without ``ahead``.
    assert parse_day("sat", today=FRIDAY, allow_future=True) == date(2026, 11, 21)


def test_today_itself_is_not_the_future() -> None:
    assert parse_day("2026-11-27", today=FRIDAY) == FRIDAY
    with pytest.raises(BadInput) as caught:
        parse_day("+1d", today=FRIDAY, ahead=False)
    assert str(caught.value) == (
        "'+1d' is not a date; use an ISO date (2026-11-27), today, yesterday, a weekday name,"
        " or -3d"
    )


def test_the_future_message_in_full() -> None:
    with pytest.raises(BadInput) as caught:
        parse_day("2026-12-01", today=FRIDAY)
    assert str(caught.value) == "2026-12-01 is in the future; aij records days that have begun"


def test_the_ahead_message_names_the_ahead_forms() -> None:
    with pytest.raises(BadInput) as caught:
        parse_day("soon", today=FRIDAY, ahead=True)
    assert str(caught.value) == (
        "'soon' is not a date; use an ISO date (2026-12-03), today, tomorrow, a weekday name"
        " (the next one), +3d or -3d"
    )


@pytest.mark.parametrize("text", ["fr", "t", "fridays", "-d", "-123456d", "+-3d", "- 3d"])
def test_near_misses_are_refused(text: str) -> None:
    with pytest.raises(BadInput, match="is not a date"):
        parse_day(text, today=FRIDAY, ahead=True)


# Two years ahead of Friday 2026-11-27 is 2028-11-27: 731 days (2028 is a leap year).
@given(st.integers(min_value=0, max_value=731))
def test_days_ahead(n: int) -> None:
    assert parse_day(f"+{n}d", today=FRIDAY, ahead=True) == FRIDAY + timedelta(days=n)
    assert parse_day(f"-{n}d", today=FRIDAY, ahead=True) == FRIDAY - timedelta(days=n)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 6))
def test_a_weekday_name_is_the_nearest_such_day(today: date, index: int) -> None:
    # Counted by hand: step back (or ahead) one day at a time until the weekday matches.
    back = today
    while back.weekday() != index:
        back -= timedelta(days=1)
    ahead = today
    while ahead.weekday() != index:
        ahead += timedelta(days=1)
    name = dates.WEEKDAYS[index]
    assert parse_day(name[:3], today=today) == back
    assert parse_day(name, today=today, ahead=True) == ahead


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2027, 1, 4), "2027-W01"),
        (date(2027, 1, 3), "2026-W53"),
        (date(2026, 3, 2), "2026-W10"),
        (date(2026, 2, 23), "2026-W09"),
        (date(2024, 12, 30), "2025-W01"),  # a Monday whose Thursday is 2 Jan 2025
    ],
)
def test_iso_week_labels_from_the_calendar(day: date, label: str) -> None:
    assert iso_week_of(day) == label


def test_the_day_after_two_years_ahead_is_refused() -> None:
    assert parse_day("+731d", today=FRIDAY, ahead=True) == date(2028, 11, 27)
    with pytest.raises(BadInput, match="more than 2 years ahead"):
        parse_day("+732d", today=FRIDAY, ahead=True)
