"""Day expressions: ISO, today, yesterday, weekday names, -Nd; the future refused."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.dates import earliest_day, iso_week_of, latest_day, parse_day
from aijournal.errors import BadInput

# 2026-11-27 is a Friday (checked against a calendar).
FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", FRIDAY),
        ("yesterday", date(2026, 11, 26)),
        ("2026-11-01", date(2026, 11, 1)),
        ("-3d", date(2026, 11, 24)),
        ("-0d", FRIDAY),
        ("friday", FRIDAY),  # today counts as its own most recent occurrence
        ("fri", FRIDAY),
        ("monday", date(2026, 11, 23)),
        ("Saturday", date(2026, 11, 21)),
        ("thu", date(2026, 11, 26)),
    ],
)
def test_day_expressions(text: str, expected: date) -> None:
    assert parse_day(text, today=FRIDAY) == expected


@pytest.mark.parametrize("text", ["tomorrow", "2026-13-01", "26/11/2026", "-3", "3d", "mo", ""])
def test_malformed_days_are_refused_naming_what_is_allowed(text: str) -> None:
    with pytest.raises(BadInput, match="is not a date; use an ISO date"):
        parse_day(text, today=FRIDAY)


def test_future_day_is_refused() -> None:
    with pytest.raises(BadInput, match="2026-11-28 is in the future"):
        parse_day("2026-11-28", today=FRIDAY)


@given(st.dates(min_value=earliest_day(FRIDAY), max_value=FRIDAY))
def test_any_past_iso_date_round_trips(day: date) -> None:
    assert parse_day(day.isoformat(), today=FRIDAY) == day


@given(st.dates(max_value=earliest_day(FRIDAY) - timedelta(days=1)))
def test_a_day_over_120_years_back_is_refused(day: date) -> None:
    with pytest.raises(BadInput, match="more than 120 years ago"):
        parse_day(day.isoformat(), today=FRIDAY)


@given(st.dates(min_value=latest_day(FRIDAY) + timedelta(days=1)))
def test_a_visit_over_2_years_ahead_is_refused(day: date) -> None:
    with pytest.raises(BadInput, match="more than 2 years ahead"):
        parse_day(day.isoformat(), today=FRIDAY, ahead=True)


@given(st.integers(min_value=0, max_value=3000))
def test_days_ago(n: int) -> None:
    assert parse_day(f"-{n}d", today=FRIDAY) == FRIDAY - timedelta(days=n)


def test_iso_week_label() -> None:
    # 2026-11-27 falls in ISO week 48 (Monday 23 Nov to Sunday 29 Nov).
    assert iso_week_of(FRIDAY) == "2026-W48"
    assert iso_week_of(date(2027, 1, 1)) == "2026-W53"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday", FRIDAY),  # today is its own next occurrence
        ("monday", date(2026, 11, 30)),
        ("thu", date(2026, 12, 3)),
        ("tomorrow", date(2026, 11, 28)),
        ("+3d", date(2026, 11, 30)),
        ("-3d", date(2026, 11, 24)),
        ("yesterday", date(2026, 11, 26)),
        ("2027-01-05", date(2027, 1, 5)),
    ],
)
def test_a_visit_date_looks_ahead(text: str, expected: date) -> None:
    assert parse_day(text, today=FRIDAY, ahead=True) == expected


@pytest.mark.parametrize("text", ["tomorrow", "+3d"])
def test_ahead_words_are_refused_for_a_journal_day(text: str) -> None:
    with pytest.raises(BadInput, match="is not a date; use an ISO date"):
        parse_day(text, today=FRIDAY)


@given(st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6))
def test_weekday_names_are_within_a_week(today_offset: int, index: int) -> None:
    today = FRIDAY + timedelta(days=today_offset)
    name = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[index]
    back = parse_day(name, today=today)
    ahead = parse_day(name, today=today, ahead=True)
    assert back.weekday() == ahead.weekday() == index
    assert 0 <= (today - back).days <= 6 and 0 <= (ahead - today).days <= 6


def test_an_iso_week_label_has_a_four_digit_year() -> None:
    """Import's pattern (export/tables.WEEK) reads what the check-in writes, even before 1000."""
    assert iso_week_of(date(999, 6, 1)) == "0999-W22"
    assert iso_week_of(date(2026, 11, 26)) == "2026-W48"
