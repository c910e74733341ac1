"""adherence.py output field by field, its defaults, and the rules' rarer paths.

Expected values follow the module doc's rules and arithmetic written in each test (the
shipped plan's weekly minimums: 2 resistance sessions, 60 moderate-equivalent minutes, 1
impact session; a vigorous minute counts as two moderate ones, DOMAIN.md).
"""

from datetime import date
from typing import Any

import pytest

from aijournal.catalog.protocols import load_exercise_catalog, load_plans
from aijournal.domain.adherence import (
    COUNTED_DAY_STATUSES,
    DayAdherence,
    LoggedItem,
    LoggedSession,
    Requirement,
    WeekAdherence,
    iso_week,
    requirement_state,
    week_dates,
    weekly_adherence,
)
from aijournal.domain.exercise import parse_exercise_log
from aijournal.domain.plan import Plan
from aijournal.errors import BadInput

CATALOG = load_exercise_catalog()
PLAN = load_plans(None).get("musculoskeletal")
# ISO week 2026-W48 runs from Monday 23 to Sunday 29 November 2026.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, day) for day in range(23, 30))
NEXT_MON = date(2026, 11, 30)
MONDAY_A = "goblet-squat 3x10 push-up 3x10 dumbbell-row 3x10 overhead-press 3x10 plank 3x30s"


def session(day: date, line: str, rpe: int | None = None) -> LoggedSession:
    items = tuple(
        LoggedItem.from_entry(
            e, CATALOG.get(e.exercise_id).kind, CATALOG.get(e.exercise_id).intensity
        )
        for e in parse_exercise_log(line, CATALOG.resolve)
    )
    return LoggedSession(day, items, rpe)


def week(*sessions: LoggedSession, plan: Plan = PLAN, **when: date) -> WeekAdherence:
    return weekly_adherence(plan, sessions, week=(2026, 48), **when)


def test_counted_day_statuses() -> None:
    assert frozenset({"done", "partial", "moved", "missed"}) == COUNTED_DAY_STATUSES


def test_every_field_of_a_week() -> None:
    result = week(
        session(MON, MONDAY_A),
        session(TUE, "brisk-walk 20m", rpe=4),  # light: no aerobic minutes
        session(WED, "stretching 25m"),
        session(FRI, "light-jog 30m"),  # vigorous by the catalog
        session(SUN, "brisk-walk 15m"),
        as_of=SAT,
        journal_start=MON,
    )
    assert (result.plan_id, result.year, result.week) == ("musculoskeletal", 2026, 48)
    assert result.days == (
        DayAdherence("mon", MON, "Full Body Resistance A", "done", None, 5, 5, 0, None),
        DayAdherence("tue", TUE, "Moderate Impact Aerobics", "partial", None, 1, 1, 20, 30),
        DayAdherence("wed", WED, "Active Recovery", "done", None, 1, 1, 25, 20),
        DayAdherence("thu", THU, "Full Body Resistance B", "missed", None, 0, 4, 0, None),
        DayAdherence("fri", FRI, "Higher Impact & Aerobics", "done", None, 2, 2, 30, 30),
        DayAdherence("sat", SAT, "Active Recovery", "in-progress", None, 0, 1, 0, 20),
        DayAdherence("sun", SUN, "Rest", "rest", None, 0, 1, 0, None),  # activities: [rest]
    )
    # light 20 (RPE 4); moderate 15 (Sunday's walk); vigorous 30 (the jog)
    assert (result.light_minutes, result.moderate_minutes, result.vigorous_minutes) == (20, 15, 30)
    assert result.aerobic_minutes == 15 + 30
    assert result.requirements == (
        Requirement("resistance sessions", "sessions", 1, 2, "in-progress"),
        Requirement("aerobic minutes", "moderate-equivalent minutes", 15 + 2 * 30, 60, "met"),
        Requirement("impact sessions", "sessions", 1, 1, "met"),
    )


def test_the_defaults_of_the_result_types() -> None:
    day = DayAdherence("mon", MON, "Focus", "missed")
    assert (day.moved_to, day.slots_met, day.slots_planned, day.minutes) == (None, 0, 0, 0)
    assert day.minutes_required is None
    assert Requirement("x", "sessions", 0, 1).state == "not-met"
    assert WeekAdherence("p", 2026, 48, (), (), 10, 5).light_minutes == 0


@pytest.mark.parametrize(("actual", "met"), [(59, False), (60, True), (61, True)])
def test_a_requirement_is_met_at_its_minimum_exactly(actual: int, met: bool) -> None:
    assert Requirement("aerobic minutes", "minutes", actual, 60).met is met


def test_sixty_moderate_equivalent_minutes_exactly_meet_the_plan() -> None:
    # 30 moderate minutes + 15 vigorous ones = 30 + 2 x 15 = 60
    result = week(session(TUE, "brisk-walk 30m"), session(FRI, "light-jog 15m"))
    aerobic = result.requirements[1]
    assert (aerobic.actual, aerobic.state) == (60, "met")
    short = week(session(TUE, "brisk-walk 29m"), session(FRI, "light-jog 15m"))
    assert (short.requirements[1].actual, short.requirements[1].state) == (59, "not-met")


@pytest.mark.parametrize(
    ("actual", "as_of", "journal_start", "state"),
    [
        (2, MON, MON, "met"),
        (2, NEXT_MON, TUE, "met"),
        (1, SUN, MON, "in-progress"),
        (1, MON, MON, "in-progress"),
        (1, date(2026, 11, 1), MON, "in-progress"),
        (1, NEXT_MON, MON, "not-met"),
        (1, NEXT_MON, TUE, "not-journaling-yet"),  # started the day after the week's Monday
        (1, NEXT_MON, SUN, "not-journaling-yet"),
        (1, NEXT_MON, date(2026, 11, 1), "not-met"),
    ],
)
def test_requirement_state(actual: int, as_of: date, journal_start: date, state: str) -> None:
    dates = [MON, TUE, WED, THU, FRI, SAT, SUN]
    assert (
        requirement_state(actual, 2, dates=dates, as_of=as_of, journal_start=journal_start) == state
    )


def test_a_named_item_without_minutes_adds_no_minute() -> None:
    # Friday: 29 minutes of walking and 50 jumping jacks (a count, no minutes): 29 of 30.
    friday = week(session(FRI, "brisk-walk 29m jumping-jacks 50")).days[4]
    assert (friday.status, friday.minutes, friday.slots_met) == ("partial", 29, 2)


def test_one_set_meets_a_slot_of_a_day_without_sets() -> None:
    # Friday gives minutes, no sets: one set of jumping jacks (20 impacts) meets its slot.
    friday = week(session(FRI, "brisk-walk 30m jumping-jacks 1x20")).days[4]
    assert (friday.status, friday.slots_met, friday.slots_planned) == ("done", 2, 2)


def custom(days: dict[str, Any], weekly: dict[str, int] | None = None) -> Plan:
    rest = {"focus": "Rest", "kind": "rest"}
    return Plan.model_validate(
        {
            "id": "custom",
            "name": "Custom",
            "description": "a test plan",
            "source": "this test",
            "days": {
                key: days.get(key, rest)
                for key in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            },
            "weekly": weekly or {},
        }
    )


def test_sets_without_reps_count_any_reps() -> None:
    plan = custom(
        {"mon": {"focus": "Squats", "kind": "resistance", "activities": ["squat"], "sets": 2}}
    )
    monday = week(session(MON, "squat 2x1"), plan=plan).days[0]
    assert (monday.status, monday.slots_met) == ("done", 1)
    monday = week(session(MON, "squat 1x30"), plan=plan).days[0]
    assert (monday.status, monday.slots_met) == ("partial", 0)


def test_reps_below_the_minimum_do_not_count_but_impacts_and_held_sets_do() -> None:
    plan = custom(
        {
            "mon": {
                "focus": "Mixed",
                "kind": ["resistance", "impact"],
                "activities": ["squat", "hop", "plank"],
                "sets": 2,
                "reps": {"min": 8, "max": 12},
            }
        }
    )
    # squat: 1x8 counts, 1x7 does not (1 of 2 sets); hop 2x3 (impacts) counts whatever its
    # reps; plank 2x5s counts whatever its length.
    monday = week(session(MON, "squat 1x8 squat 1x7 hop 2x3 plank 2x5s"), plan=plan).days[0]
    assert (monday.status, monday.slots_met, monday.slots_planned) == ("partial", 2, 3)
    monday = week(session(MON, "squat 1x8 squat 1x9 hop 2x3 plank 2x5s"), plan=plan).days[0]
    assert (monday.status, monday.slots_met) == ("done", 3)


def test_a_minutes_slot_is_met_by_any_minutes_and_the_day_by_the_total() -> None:
    plan = custom(
        {
            "tue": {
                "focus": "Walk",
                "kind": "aerobic",
                "activities": ["brisk-walk", "cycling"],
                "minutes": 40,
            }
        }
    )
    tuesday = week(session(TUE, "brisk-walk 1m cycling 38m"), plan=plan).days[1]
    assert (tuesday.status, tuesday.slots_met, tuesday.minutes, tuesday.minutes_required) == (
        "partial",
        2,
        39,
        40,
    )
    tuesday = week(session(TUE, "brisk-walk 2m cycling 38m"), plan=plan).days[1]
    assert (tuesday.status, tuesday.minutes) == ("done", 40)


def test_a_plan_without_weekly_minimums_has_no_requirements() -> None:
    plan = custom(
        {"mon": {"focus": "Walk", "kind": "aerobic", "activities": ["brisk-walk"], "minutes": 10}}
    )
    result = week(session(MON, "brisk-walk 10m"), plan=plan)
    assert result.requirements == ()
    assert result.plan_id == "custom"
    only = custom(
        {"mon": {"focus": "Walk", "kind": "aerobic", "activities": ["brisk-walk"], "minutes": 10}},
        {"impact_sessions_min": 0},
    )
    assert week(plan=only).requirements == (
        Requirement("impact sessions", "sessions", 0, 0, "met"),
    )


def test_hosts_are_tried_from_monday() -> None:
    # Tuesday's walk done on both Monday and Wednesday (rest and recovery days of this plan
    # are not aerobic): Tuesday moved to Monday, the first host.
    plan = custom(
        {
            "tue": {
                "focus": "Walk",
                "kind": "aerobic",
                "activities": ["brisk-walk"],
                "minutes": 30,
            },
            "wed": {
                "focus": "Stretch",
                "kind": "recovery",
                "activities": ["stretching"],
                "minutes": 10,
            },
        }
    )
    result = week(session(WED, "brisk-walk 30m"), session(MON, "brisk-walk 30m"), plan=plan)
    assert [(d.status, d.moved_to) for d in result.days[:3]] == [
        ("rest", None),
        ("moved", MON),
        ("missed", None),
    ]


def test_a_week_of_another_year() -> None:
    result = weekly_adherence(PLAN, [session(date(2027, 1, 3), "brisk-walk 40m")], week=(2026, 53))
    assert (result.year, result.week) == (2026, 53)
    assert [d.date for d in result.days] == [date(2026, 12, 28 + n) for n in range(4)] + [
        date(2027, 1, n) for n in range(1, 4)
    ]
    assert (result.days[1].status, result.days[1].moved_to) == ("moved", date(2027, 1, 3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026w48", (2026, 48)),
        ("  2026-W48  ", (2026, 48)),
        ("2026-W1", (2026, 1)),
        ("2026-W01", (2026, 1)),
        (" 2026-11-23 ", (2026, 48)),
        ("0001-01-01", (1, 1)),
        ("0001-W01", (1, 1)),
        ("9999-W51", (9999, 51)),
    ],
)
def test_iso_week_forms(text: str, expected: tuple[int, int]) -> None:
    assert iso_week(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0000-W01", "year 0 is out of range: use 1 to 9999"),
        (
            "2026-W001",
            "week '2026-W001' is not allowed: write 2026-W48, or a date in it like 2026-11-25",
        ),
        ("2026-02-30", "week '2026-02-30': 2026-02-30 is not a calendar date"),
        ("2026-W53", None),  # 2026 has 53 weeks: allowed
        ("2025-W53", "week 2025-W53 does not exist: 2025 has weeks 1 to 52"),
        ("2026-W0", "week 2026-W00 does not exist: 2026 has weeks 1 to 53"),
    ],
)
def test_iso_week_messages(text: str, message: str | None) -> None:
    if message is None:
        assert iso_week(text) == (2026, 53)
        return
    with pytest.raises(BadInput) as caught:
        iso_week(text)
    assert str(caught.value) == message


def test_week_dates_at_the_calendars_ends() -> None:
    assert week_dates(1, 1) == [date(1, 1, day) for day in range(1, 8)]  # 1 January 1 was a Monday
    assert week_dates(9999, 51) == [date(9999, 12, day) for day in range(20, 27)]
    for year in (0, 10000, -1):
        with pytest.raises(BadInput) as caught:
            week_dates(year, 1)
        assert str(caught.value) == f"year {year} is out of range: use 1 to 9999"


def test_the_last_week_of_9999_is_refused_not_a_crash() -> None:
    # 9999-12-31 is a Friday: ISO week 52 of 9999 ends on 10000-01-02, past the last date.
    with pytest.raises(BadInput) as caught:
        week_dates(9999, 52)
    assert str(caught.value) == "week 9999-W52 ends after 9999-12-31, the last date aij can hold"
    with pytest.raises(BadInput):
        weekly_adherence(PLAN, [], week=iso_week("9999-12-31"))
