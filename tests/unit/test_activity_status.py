"""The one definition of each exercise figure and of which days count, at every boundary."""

from datetime import date, timedelta

import pytest

from aijournal.catalog.exercises import load_exercise_catalog
from aijournal.domain.activity import (
    RPE_MODERATE,
    RPE_VIGOROUS,
    LoggedItem,
    LoggedSession,
    day_totals,
    effort_intensity,
    period_totals,
    resistance_minutes,
)
from aijournal.domain.exercise import ExerciseEntry
from aijournal.domain.status import (
    NOT_STARTED,
    countable_days,
    daily_doses,
    day_state,
    dose_status,
    weekly_doses,
)

CATALOG = load_exercise_catalog()
D = date(2026, 11, 18)


def item(exercise_id: str, **amount: int) -> LoggedItem:
    known = CATALOG.get(exercise_id)
    return LoggedItem.from_entry(ExerciseEntry(exercise_id, **amount), known.kind, known.intensity)


def test_the_rpe_bands_are_domain_mds() -> None:
    assert (RPE_MODERATE, RPE_VIGOROUS) == (5, 7)
    assert [effort_intensity(r, "vigorous") for r in range(11)] == ["light"] * 5 + [
        "moderate"
    ] * 2 + ["vigorous"] * 4


@pytest.mark.parametrize(
    ("rpe", "aerobic", "equivalent", "light"),
    [(4, 0, 0, 30), (5, 30, 30, 0), (6, 30, 30, 0), (7, 30, 60, 0), (None, 30, 60, 0)],
)
def test_the_issues_light_jog_at_each_rating(
    rpe: int | None, aerobic: int, equivalent: int, light: int
) -> None:
    # light-jog is vigorous in the catalog; a rating, when given, decides.
    totals = day_totals([LoggedSession(D, (item("light-jog", minutes=30),), rpe)])
    assert (totals.aerobic_minutes, totals.moderate_equivalent_minutes) == (aerobic, equivalent)
    assert (totals.light_minutes, totals.impact_minutes) == (light, 30)


@pytest.mark.parametrize(
    ("exercise", "amount", "expected"),
    [
        ("plank", {"sets": 3, "seconds": 30}, 3 * 30 / 60),
        ("plank", {"sets": 1, "seconds": 45}, 45 / 60),
        ("goblet-squat", {"sets": 3, "reps": 10}, None),
        ("brisk-walk", {"minutes": 30}, 0.0),
    ],
)
def test_resistance_minutes(exercise: str, amount: dict[str, int], expected: float | None) -> None:
    assert resistance_minutes(item(exercise, **amount)) == expected


def test_a_day_with_an_untimed_set_has_unknown_resistance_minutes() -> None:
    sessions = [
        LoggedSession(D, (item("plank", sets=2, seconds=30),), None),
        LoggedSession(D, (item("goblet-squat", sets=3, reps=10),), None),
    ]
    totals = day_totals(sessions)
    assert totals.resistance_minutes is None
    assert (totals.resistance_sets, totals.resistance_sessions) == (2 + 3, 1)


def test_sessions_count_by_day_and_recovery_is_not_aerobic() -> None:
    sessions = [
        LoggedSession(D, (item("goblet-squat", sets=2, reps=8),), 6),
        LoggedSession(D, (item("lunge", sets=2, reps=8), item("stretching", minutes=20)), 6),
        LoggedSession(D + timedelta(days=1), (item("jumping-jack", impacts=50),), None),
    ]
    totals = period_totals(sessions)
    assert (totals.resistance_sessions, totals.impact_sessions) == (1, 1)
    assert (totals.recovery_minutes, totals.aerobic_minutes, totals.impacts) == (20, 0, 50)
    assert totals.all_minutes == 20


TODAY = date(2026, 11, 26)
START = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (START - timedelta(days=1), "not-journaling-yet"),
        (START, "counted"),
        (TODAY - timedelta(days=1), "counted"),
        (TODAY, "in-progress"),
        (TODAY + timedelta(days=1), "upcoming"),
    ],
)
def test_day_state_at_each_boundary(day: date, state: str) -> None:
    assert day_state(day, journal_start=START, today=TODAY) == state


def test_an_empty_journal_has_not_started() -> None:
    assert day_state(TODAY - timedelta(days=400), journal_start=NOT_STARTED, today=TODAY) == (
        "not-journaling-yet"
    )
    assert countable_days(START, TODAY, journal_start=NOT_STARTED, today=TODAY) == []


def test_countable_days_run_from_the_start_to_yesterday() -> None:
    days = countable_days(date(2026, 11, 16), date(2026, 11, 29), journal_start=START, today=TODAY)
    assert days == [START + timedelta(days=n) for n in range(6)]  # 20th to 25th


@pytest.mark.parametrize(
    ("day", "taken", "status"),
    [
        (START - timedelta(days=1), None, "not-journaling-yet"),
        (START, None, "missed"),
        (TODAY, None, "in-progress"),
        (TODAY, True, "taken"),
        (TODAY - timedelta(days=1), False, "skipped"),
    ],
)
def test_dose_status(day: date, taken: bool | None, status: str) -> None:
    assert dose_status(day, taken, journal_start=START, today=TODAY) == status


def test_the_issues_week_of_doses_is_not_5_of_7() -> None:
    # ISO week of Monday 16 to Sunday 22 November; the journal starts on Friday the 20th,
    # today is the 26th; doses taken on the 20th, 21st and 22nd.
    monday, sunday = date(2026, 11, 16), date(2026, 11, 22)
    records = {START + timedelta(days=n): True for n in range(3)}
    count = daily_doses(records, monday, sunday, journal_start=START, today=TODAY)
    assert (count.expected, count.taken, count.skipped, count.missed) == (3, 3, 0, 0)


def test_today_counts_only_when_logged() -> None:
    week = (date(2026, 11, 23), date(2026, 11, 29))  # today, the 26th, is a Thursday
    none = daily_doses({}, *week, journal_start=START, today=TODAY)
    # Monday to Wednesday missed; today in progress; Friday to Sunday upcoming.
    assert (none.expected, none.missed) == (3, 3)
    logged = daily_doses({TODAY: False}, *week, journal_start=START, today=TODAY)
    assert (logged.expected, logged.skipped, logged.missed) == (4, 1, 3)


@pytest.mark.parametrize(
    ("end", "records", "expected", "missed"),
    [
        (TODAY - timedelta(days=1), [], 1, 1),  # a finished week without a dose
        (TODAY, [], 0, 0),  # the week runs: not due yet
        (TODAY, [True], 1, 0),
        (START - timedelta(days=1), [], 0, 0),  # before the journal
    ],
)
def test_weekly_doses(end: date, records: list[bool], expected: int, missed: int) -> None:
    count = weekly_doses(records, end - timedelta(days=6), end, journal_start=START, today=TODAY)
    assert (count.expected, count.missed) == (expected, missed)
