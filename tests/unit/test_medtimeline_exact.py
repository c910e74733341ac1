"""domain/medtimeline.py, every rule at its edges and every message in full (issue #14). The
dates are worked out by hand on a calendar and written in the test; the medicines and
intervals are DOMAIN.md's ("Bone health and the medication timeline")."""

from datetime import date, timedelta

import pytest

from aijournal.domain import medtimeline as mt
from aijournal.domain.medtimeline import (
    Holiday,
    MedEvent,
    NextDose,
    Period,
    Schedule,
    Timeline,
    add_every,
    check_ahead,
    check_name,
    check_text,
    display_name,
    dose_due_words,
    long_date,
    next_dose,
    parse_every,
    replay,
)
from aijournal.errors import BadInput

D = date
HELP = "Nd (days, 1-366), Nw (weeks, 1-52), Nmo (months, 1-24) or Ny (years, 1-2)"
KNOWN = (
    "anastrozole, letrozole, exemestane, tamoxifen, zoledronic-acid, denosumab, alendronate,"
    " risedronate, ibandronate"
)


def _refused(call: object, *args: object, **kwargs: object) -> str:
    assert callable(call)
    with pytest.raises(BadInput) as refused:
        call(*args, **kwargs)
    return str(refused.value)


# --- the constants ---------------------------------------------------------------------------


def test_the_medicines_are_domain_md_s() -> None:
    # DOMAIN.md: anastrozole 1 mg, letrozole 2.5 mg, exemestane 25 mg
    assert mt.AROMATASE_INHIBITORS == ("anastrozole", "letrozole", "exemestane")
    # DOMAIN.md: zoledronic acid, denosumab, alendronate, risedronate (ibandronate is an
    # oral bisphosphonate of the same ASCO/CCO guideline)
    assert mt.BONE_AGENTS == (
        "zoledronic-acid", "denosumab", "alendronate", "risedronate", "ibandronate",
    )  # fmt: skip
    assert mt.KNOWN_MEDICATIONS == (
        "anastrozole", "letrozole", "exemestane", "tamoxifen",
        "zoledronic-acid", "denosumab", "alendronate", "risedronate", "ibandronate",
    )  # fmt: skip


def test_the_events_limits_and_interval_rules() -> None:
    assert mt.EVENTS == ("start", "switch", "dose", "holiday", "stop", "schedule")
    assert mt.CHANGES == ("start", "switch", "dose", "stop")
    assert (mt.MAX_AHEAD_DAYS, mt.MAX_REASON, mt.MAX_DOSE) == (366, 500, 40)
    assert mt.EVERY_LIMITS == {"d": 366, "w": 52, "mo": 24, "y": 2}
    assert mt.EVERY_HELP == HELP
    assert mt.MONTHS == (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    )  # fmt: skip
    # what the import accepts as a stored interval is what parse_every writes
    for stored in ("1d", "366d", "52w", "6mo", "24mo", "2y", "999d"):
        assert mt.EVENT_EVERY.match(stored)
    for bad in ("0d", "06mo", "1000d", "6m", "mo", "6mo ", "-1w", "1.5y"):
        assert not mt.EVENT_EVERY.match(bad)


# --- periods and the timeline's questions ----------------------------------------------------


def test_a_period_covers_its_start_and_not_its_until() -> None:
    period = Period("letrozole", "2.5 mg", D(2026, 3, 1), D(2026, 3, 10))
    covered = [period.covers(D(2026, 3, d)) for d in (1, 9, 10)]
    assert covered == [True, True, False]
    assert not period.covers(D(2026, 2, 28))
    open_ = Period("letrozole", "2.5 mg", D(2026, 3, 1))
    assert open_.covers(D(9999, 12, 31)) and not open_.covers(D(2026, 2, 28))


def test_an_empty_timeline() -> None:
    timeline = replay([])
    assert timeline == Timeline([], [], {})
    assert not timeline.has_courses
    assert timeline.medications() == []
    assert timeline.due_on(D(2026, 1, 1)) == []


def test_a_schedule_alone_is_no_course_and_is_never_due_daily() -> None:
    timeline = replay(
        [
            MedEvent(D(2026, 1, 10), "start", "alendronate", "10 mg"),
            MedEvent(D(2026, 2, 1), "stop", "alendronate"),
            MedEvent(
                D(2026, 3, 1),
                "schedule",
                "alendronate",
                "70 mg",
                every="1w",
                next_due=D(2026, 3, 8),
            ),
            MedEvent(
                D(2026, 3, 1), "schedule", "denosumab", "60 mg", every="6mo", next_due=D(2026, 9, 1)
            ),
        ],
        strict=True,
    )
    assert timeline.has_courses  # the daily alendronate of January was a course
    assert timeline.medications() == ["alendronate", "denosumab"]
    assert timeline.current_on(D(2026, 1, 20)) == [
        Period("alendronate", "10 mg", D(2026, 1, 10), D(2026, 2, 1))
    ]
    # the days it was taken daily, before the schedule, were due; from the schedule on, never
    assert [p.medication for p in timeline.due_on(D(2026, 1, 20))] == ["alendronate"]
    assert timeline.due_on(D(2026, 3, 1)) == []
    assert timeline.schedules == {
        "alendronate": Schedule("alendronate", "70 mg", "1w", D(2026, 3, 8), D(2026, 3, 1)),
        "denosumab": Schedule("denosumab", "60 mg", "6mo", D(2026, 9, 1), D(2026, 3, 1)),
    }
    only_schedule = replay(
        [MedEvent(D(2026, 3, 1), "schedule", "denosumab", every="6mo", next_due=D(2026, 9, 1))]
    )
    assert not only_schedule.has_courses
    assert only_schedule.medications() == ["denosumab"]


def test_holidays_are_per_medication_and_include_both_ends() -> None:
    timeline = replay(
        [
            MedEvent(D(2026, 1, 1), "start", "letrozole", "2.5 mg"),
            MedEvent(D(2026, 1, 1), "start", "tamoxifen", "20 mg"),
            MedEvent(
                D(2026, 2, 10), "holiday", "letrozole", ends_on=D(2026, 2, 12), reason="surgery"
            ),
        ],
        strict=True,
    )
    assert timeline.holidays == [Holiday("letrozole", D(2026, 2, 10), D(2026, 2, 12), "surgery")]
    on = [timeline.on_holiday("letrozole", D(2026, 2, d)) for d in (9, 10, 11, 12, 13)]
    assert on == [False, True, True, True, False]
    assert not timeline.on_holiday("tamoxifen", D(2026, 2, 11))
    due = [p.medication for p in timeline.due_on(D(2026, 2, 11))]
    assert due == ["tamoxifen"]
    assert [p.medication for p in timeline.due_on(D(2026, 2, 13))] == ["letrozole", "tamoxifen"]
    assert [p.medication for p in timeline.current_on(D(2026, 2, 11))] == [
        "letrozole", "tamoxifen",
    ]  # fmt: skip


def test_periods_are_sorted_by_start_then_name_and_events_by_day() -> None:
    # given out of order: replay sorts by day
    events = [
        MedEvent(D(2026, 5, 1), "stop", "tamoxifen"),
        MedEvent(D(2026, 1, 1), "start", "tamoxifen", "20 mg"),
        MedEvent(D(2026, 5, 1), "start", "letrozole", "2.5 mg"),
        MedEvent(D(2026, 5, 1), "start", "anastrozole", "1 mg"),
    ]
    assert replay(events, strict=True).periods == [
        Period("tamoxifen", "20 mg", D(2026, 1, 1), D(2026, 5, 1)),
        Period("anastrozole", "1 mg", D(2026, 5, 1)),
        Period("letrozole", "2.5 mg", D(2026, 5, 1)),
    ]


def test_same_day_events_apply_in_the_order_written() -> None:
    # started and its dose changed on the same day: one period, the second dose, no empty one
    events = [
        MedEvent(D(2026, 1, 1), "start", "letrozole", "2.5 mg"),
        MedEvent(D(2026, 1, 1), "dose", "letrozole", "5 mg"),
    ]
    assert replay(events, strict=True).periods == [Period("letrozole", "5 mg", D(2026, 1, 1))]
    # the other way round, the dose change comes before any start: refused
    assert _refused(replay, events[::-1], strict=True) == (
        "letrozole is not current on 2026-01-01 (current then: none); start it first"
    )


def test_a_dose_change_keeps_the_dose_when_none_is_given_and_a_switch_does_not() -> None:
    events = [
        MedEvent(D(2026, 1, 1), "start", "anastrozole", "1 mg"),
        MedEvent(D(2026, 2, 1), "dose", "anastrozole"),  # no dose written: still 1 mg
        MedEvent(D(2026, 3, 1), "switch", "anastrozole", to_medication="letrozole"),
    ]
    assert replay(events, strict=True).periods == [
        Period("anastrozole", "1 mg", D(2026, 1, 1), D(2026, 2, 1)),
        Period("anastrozole", "1 mg", D(2026, 2, 1), D(2026, 3, 1)),
        Period("letrozole", "", D(2026, 3, 1)),  # anastrozole's 1 mg is not letrozole's
    ]


def test_stopping_a_scheduled_medicine_ends_its_schedule() -> None:
    schedule = MedEvent(
        D(2026, 1, 1), "schedule", "zoledronic-acid", "4 mg", every="6mo", next_due=D(2026, 7, 1)
    )
    stop = MedEvent(D(2026, 6, 1), "stop", "zoledronic-acid")
    timeline = replay([schedule, stop], strict=True)
    assert timeline.schedules == {}
    assert timeline.periods == []


# --- events that do not fit ------------------------------------------------------------------


BASE = [
    MedEvent(D(2026, 1, 1), "start", "anastrozole", "1 mg"),
    MedEvent(D(2026, 1, 1), "start", "tamoxifen", "20 mg"),
]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (MedEvent(D(2026, 2, 1), "start", "tamoxifen", "20 mg"),
         "tamoxifen is already current since 2026-01-01; a new dose is 'aij med dose'"),
        (MedEvent(D(2026, 2, 1), "dose", "letrozole", "5 mg"),
         "letrozole is not current on 2026-02-01 (current then: anastrozole, tamoxifen);"
         " start it first"),
        (MedEvent(D(2026, 2, 1), "switch", "letrozole", to_medication="exemestane"),
         "letrozole is not current on 2026-02-01 (current then: anastrozole, tamoxifen);"
         " start it first"),
        (MedEvent(D(2026, 2, 1), "switch", "anastrozole"),
         "cannot switch anastrozole to None on 2026-02-01: None is already current"),
        (MedEvent(D(2026, 2, 1), "switch", "anastrozole", to_medication="anastrozole"),
         "cannot switch anastrozole to anastrozole on 2026-02-01: anastrozole is already"
         " current"),
        (MedEvent(D(2026, 2, 1), "switch", "anastrozole", to_medication="tamoxifen"),
         "cannot switch anastrozole to tamoxifen on 2026-02-01: tamoxifen is already current"),
        (MedEvent(D(2026, 2, 1), "stop", "letrozole"),
         "letrozole is not current on 2026-02-01 (current then: anastrozole, tamoxifen);"
         " nothing to stop"),
        (MedEvent(D(2026, 2, 1), "holiday", "anastrozole"),
         "a holiday of anastrozole must end on or after its first day 2026-02-01"),
        (MedEvent(D(2026, 2, 1), "holiday", "anastrozole", ends_on=D(2026, 1, 31)),
         "a holiday of anastrozole must end on or after its first day 2026-02-01"),
        (MedEvent(D(2026, 2, 1), "schedule", "denosumab", every="6mo"),
         "a schedule of denosumab needs --every and --next"),
        (MedEvent(D(2026, 2, 1), "schedule", "denosumab", next_due=D(2026, 8, 1)),
         "a schedule of denosumab needs --every and --next"),
        (MedEvent(D(2026, 2, 1), "schedule", "tamoxifen", every="1w", next_due=D(2026, 2, 8)),
         "tamoxifen is taken daily since 2026-01-01; stop it before scheduling"),
    ],
)  # fmt: skip
def test_an_event_that_does_not_fit_is_refused_strictly_and_passed_over_otherwise(
    event: MedEvent, message: str
) -> None:
    assert _refused(replay, [*BASE, event], strict=True) == message
    assert replay([*BASE, event]) == replay(BASE)


def test_nothing_current_is_said_as_none() -> None:
    assert _refused(replay, [MedEvent(D(2026, 2, 1), "stop", "letrozole")], strict=True) == (
        "letrozole is not current on 2026-02-01 (current then: none); nothing to stop"
    )


def _course(*extra: MedEvent) -> list[MedEvent]:
    """Exemestane 1 March 2025 to 31 December 2025 (stopped on 1 January 2026), its dose
    halved on 1 September, and again from 1 March 2026 (open)."""
    return [
        MedEvent(D(2025, 3, 1), "start", "exemestane", "25 mg"),
        MedEvent(D(2025, 9, 1), "dose", "exemestane", "12.5 mg"),
        MedEvent(D(2026, 1, 1), "stop", "exemestane"),
        MedEvent(D(2026, 3, 1), "start", "exemestane", "25 mg"),
        *extra,
    ]


def _holiday(first: date, last: date, name: str = "exemestane") -> MedEvent:
    return MedEvent(first, "holiday", name, ends_on=last)


@pytest.mark.parametrize(
    "holidays",
    [
        [_holiday(D(2025, 3, 1), D(2025, 3, 1))],  # the first day of the course, one day
        [_holiday(D(2025, 12, 31), D(2025, 12, 31))],  # the last day before the stop
        [_holiday(D(2025, 8, 25), D(2025, 9, 5))],  # across the dose change: one course
        [_holiday(D(2026, 3, 1), D(2026, 12, 31))],  # the open course
        # two holidays meeting end to start do not overlap
        [_holiday(D(2025, 6, 1), D(2025, 6, 10)), _holiday(D(2025, 6, 11), D(2025, 6, 20))],
        [_holiday(D(2025, 6, 11), D(2025, 6, 20)), _holiday(D(2025, 6, 1), D(2025, 6, 10))],
    ],
)
def test_holidays_inside_a_course_fit(holidays: list[MedEvent]) -> None:
    timeline = replay(_course(*holidays), strict=True)
    assert len(timeline.holidays) == len(holidays)


@pytest.mark.parametrize(
    ("holidays", "message"),
    [
        ([_holiday(D(2025, 2, 28), D(2025, 3, 5))],
         "a holiday of exemestane 2025-02-28 to 2025-03-05 lies outside its course"
         " (2025-03-01 to 2025-12-31; 2026-03-01 to now)"),
        ([_holiday(D(2025, 12, 31), D(2026, 1, 1))],  # the stop day has no exemestane
         "a holiday of exemestane 2025-12-31 to 2026-01-01 lies outside its course"
         " (2025-03-01 to 2025-12-31; 2026-03-01 to now)"),
        ([_holiday(D(2026, 2, 1), D(2026, 2, 5))],  # between the courses
         "a holiday of exemestane 2026-02-01 to 2026-02-05 lies outside its course"
         " (2025-03-01 to 2025-12-31; 2026-03-01 to now)"),
        ([_holiday(D(2025, 6, 1), D(2025, 6, 5), "letrozole")],
         "a holiday of letrozole 2025-06-01 to 2025-06-05 lies outside its course"
         " (not started)"),
        ([_holiday(D(2025, 6, 1), D(2025, 6, 10)), _holiday(D(2025, 6, 10), D(2025, 6, 20))],
         "a holiday of exemestane 2025-06-10 to 2025-06-20 overlaps the one 2025-06-01 to"
         " 2025-06-10"),
        ([_holiday(D(2025, 6, 10), D(2025, 6, 20)), _holiday(D(2025, 6, 1), D(2025, 6, 10))],
         "a holiday of exemestane 2025-06-10 to 2025-06-20 overlaps the one 2025-06-01 to"
         " 2025-06-10"),
        # two beginning on the same day, the second of one day
        ([_holiday(D(2025, 6, 10), D(2025, 6, 20)), _holiday(D(2025, 6, 10), D(2025, 6, 10))],
         "a holiday of exemestane 2025-06-10 to 2025-06-10 overlaps the one 2025-06-10 to"
         " 2025-06-20"),
        ([_holiday(D(2025, 6, 1), D(2025, 6, 30)), _holiday(D(2025, 6, 5), D(2025, 6, 6))],
         "a holiday of exemestane 2025-06-05 to 2025-06-06 overlaps the one 2025-06-01 to"
         " 2025-06-30"),
    ],
)  # fmt: skip
def test_holidays_outside_a_course_or_overlapping_are_refused(
    holidays: list[MedEvent], message: str
) -> None:
    assert _refused(replay, _course(*holidays), strict=True) == message
    replay(_course(*holidays))  # read leniently, the journal still opens


def test_holidays_of_different_medicines_may_overlap() -> None:
    events = [
        MedEvent(D(2026, 1, 1), "start", "letrozole", "2.5 mg"),
        MedEvent(D(2026, 1, 1), "start", "tamoxifen", "20 mg"),
        _holiday(D(2026, 2, 1), D(2026, 2, 10), "letrozole"),
        _holiday(D(2026, 2, 5), D(2026, 2, 15), "tamoxifen"),
    ]
    assert len(replay(events, strict=True).holidays) == 2


# --- intervals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("1d", "1d"), ("366d", "366d"), ("1w", "1w"), ("52w", "52w"), ("1mo", "1mo"),
        ("24mo", "24mo"), ("1y", "1y"), ("2y", "2y"), (" 6MO ", "6mo"), ("007d", "7d"),
    ],
)  # fmt: skip
def test_every_unit_at_its_limits_is_accepted(text: str, canonical: str) -> None:
    assert parse_every(text) == canonical


@pytest.mark.parametrize("text", ["0d", "367d", "0w", "53w", "0mo", "25mo", "0y", "3y", "1000d"])
def test_one_past_each_limit_is_refused(text: str) -> None:
    assert (
        _refused(parse_every, text) == f"--every {text} is not allowed; use {HELP}, like 6mo or 1w"
    )


@pytest.mark.parametrize(
    ("start", "every", "expected"),
    [
        (D(2026, 1, 1), "1d", D(2026, 1, 2)),
        (D(2026, 12, 31), "1d", D(2027, 1, 1)),
        (D(2026, 1, 1), "10w", D(2026, 3, 12)),  # 70 days: 30 (Jan) + 28 (Feb) + 12
        (D(2026, 11, 15), "3mo", D(2027, 2, 15)),  # across the year
        (D(2026, 12, 31), "1mo", D(2027, 1, 31)),
        (D(2026, 12, 15), "12mo", D(2027, 12, 15)),
        (D(2027, 1, 31), "1mo", D(2027, 2, 28)),
        (D(2026, 3, 31), "1mo", D(2026, 4, 30)),
        (D(2026, 3, 15), "2y", D(2028, 3, 15)),  # a year is 12 months
        (D(2027, 2, 28), "1y", D(2028, 2, 28)),
        (D(2026, 1, 1), "24mo", D(2028, 1, 1)),
        (D(2026, 1, 1), "0d", D(2026, 1, 1)),  # stored intervals are checked on the way in
    ],
)
def test_add_every_by_hand(start: date, every: str, expected: date) -> None:
    assert add_every(start, every) == expected


def test_add_every_refuses_an_interval_it_cannot_read() -> None:
    assert _refused(add_every, D(2026, 1, 1), "6m") == f"interval '6m' is not allowed; use {HELP}"


# --- names, texts, days ahead ---------------------------------------------------------------------


def test_known_names_are_cleaned() -> None:
    assert check_name(" Zoledronic Acid ", known=[], new_name=False) == "zoledronic-acid"
    assert check_name("LETROZOLE", known=[], new_name=False) == "letrozole"
    assert check_name("ibandronate", known=[], new_name=False) == "ibandronate"


def test_an_unknown_name_is_refused_with_every_known_one() -> None:
    assert _refused(check_name, "exemestan", known=[], new_name=False) == (
        f"'exemestan' is not a medication aij knows (did you mean exemestane?); known: {KNOWN};"
        " to record another, add --new-name"
    )
    # the journal's own names are known too, once each, after aij's
    assert _refused(check_name, "zzz", known=["letrozole", "fulvestrant"], new_name=False) == (
        f"'zzz' is not a medication aij knows; known: {KNOWN}, fulvestrant; to record another,"
        " add --new-name"
    )


@pytest.mark.parametrize(
    "name", ["", "1mg", "-a", "a-", "a--b", "a_b", "a.b", "é", "a" * 61, "a" * 30 + "-" + "b" * 30]
)
def test_a_name_not_in_kebab_case_or_over_60_is_refused(name: str) -> None:
    assert _refused(check_name, name, known=[], new_name=True) == (
        f"medication '{name}' is not allowed; a name is lower-case words joined by hyphens"
    )


def test_a_name_of_60_is_kept() -> None:
    assert check_name("a" * 60, known=[], new_name=True) == "a" * 60
    assert (
        check_name("a" * 29 + "-" + "b" * 30, known=[], new_name=True) == "a" * 29 + "-" + "b" * 30
    )


def test_check_text_trims_and_limits() -> None:
    assert check_text("dose", None, 40) is None
    assert check_text("dose", "", 40) is None
    assert check_text("dose", " \t\n", 40) is None
    assert check_text("reason", "  hot   flushes\n at night ", 500) == "hot flushes at night"
    assert check_text("dose", "x" * 40, 40) == "x" * 40
    # the length is the cleaned text's: 40 letters and spaces around are kept
    assert check_text("dose", "  " + "x" * 40 + "  ", 40) == "x" * 40
    assert _refused(check_text, "dose", "x" * 41, 40) == (
        "dose is 41 characters; at most 40 are allowed"
    )
    assert _refused(check_text, "reason", "y" * 501, 500) == (
        "reason is 501 characters; at most 500 are allowed"
    )


def test_check_ahead_at_366_days() -> None:
    today = D(2026, 11, 26)
    check_ahead("--next", None, today)
    check_ahead("--next", D(2027, 11, 27), today)  # 4 days of 2026 + 27 Nov 2027 = 366 days
    assert D(2027, 11, 27) - today == timedelta(days=366)
    assert _refused(check_ahead, "--until", D(2027, 11, 28), today) == (
        "--until 2027-11-28 is more than 366 days ahead; use a date up to 2027-11-27"
    )


# --- the next dose and its words ---------------------------------------------------------------


SCHEDULE = Schedule("denosumab", "60 mg", "6mo", D(2027, 1, 15), since=D(2026, 11, 26))


def test_the_next_dose_follows_the_latest_dose_after_the_schedule() -> None:
    taken = [D(2027, 1, 20), D(2026, 11, 1), D(2027, 1, 10)]  # in any order
    # the latest, 20 January 2027, + 6 months = 20 July 2027
    assert next_dose(SCHEDULE, taken, D(2027, 7, 20)) == NextDose("denosumab", D(2027, 7, 20), 0)
    assert next_dose(SCHEDULE, taken, D(2027, 7, 21)) == NextDose("denosumab", D(2027, 7, 20), 1)
    # before the due day, no negative lateness
    assert next_dose(SCHEDULE, taken, D(2027, 2, 1)).days_overdue == 0
    # a dose before or on the schedule's day leaves the schedule's own date
    early = next_dose(SCHEDULE, [D(2026, 11, 26), D(2026, 1, 1)], D(2027, 2, 14))
    assert early == NextDose("denosumab", D(2027, 1, 15), 30)  # 16 days of Jan + 14 of Feb
    assert next_dose(SCHEDULE, iter([D(2026, 11, 27)]), D(2026, 12, 1)).due == D(2027, 5, 27)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("zoledronic-acid", "Zoledronic acid"),
        ("denosumab", "Denosumab"),
        ("", ""),
        ("a-b-c", "A b c"),
    ],
)
def test_display_name(name: str, shown: str) -> None:
    assert display_name(name) == shown


def test_long_dates_name_every_month() -> None:
    shown = [long_date(D(2027, month, 5)) for month in range(1, 13)]
    assert shown == [
        "5 Jan 2027", "5 Feb 2027", "5 Mar 2027", "5 Apr 2027", "5 May 2027", "5 Jun 2027",
        "5 Jul 2027", "5 Aug 2027", "5 Sep 2027", "5 Oct 2027", "5 Nov 2027", "5 Dec 2027",
    ]  # fmt: skip
    assert long_date(D(2026, 12, 31)) == "31 Dec 2026"


def test_dose_due_words() -> None:
    today = D(2027, 1, 27)
    name = "Zoledronic acid"
    assert dose_due_words(name, D(2027, 1, 15), 12, today) == (
        "Zoledronic acid: dose due 15 Jan 2027 is 12 days overdue"
    )
    assert dose_due_words(name, D(2027, 1, 26), 1, today) == (
        "Zoledronic acid: dose due 26 Jan 2027 is 1 day overdue"
    )
    assert dose_due_words(name, today, 0, today) == "Zoledronic acid: dose due today (27 Jan 2027)"
    assert dose_due_words(name, D(2027, 1, 28), 0, today) == (
        "Zoledronic acid: next dose due 28 Jan 2027"
    )
