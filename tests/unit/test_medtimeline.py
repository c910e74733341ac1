"""The medication timeline (#14): courses, holidays, schedules, and the missed-dose rule,
each expected value worked out by hand in the test."""

import re
from datetime import date, timedelta

import pytest

from aijournal.domain.medtimeline import (
    MedEvent,
    Schedule,
    add_every,
    check_ahead,
    check_name,
    next_dose,
    parse_every,
    replay,
)
from aijournal.domain.status import daily_doses
from aijournal.errors import BadInput

D = date


def _history() -> list[MedEvent]:
    return [
        MedEvent(D(2024, 5, 1), "start", "anastrozole", "1 mg"),
        MedEvent(D(2025, 3, 1), "switch", "anastrozole", "25 mg", to_medication="exemestane"),
        MedEvent(D(2025, 6, 10), "holiday", "exemestane", ends_on=D(2025, 6, 23)),
        MedEvent(D(2025, 9, 1), "dose", "exemestane", "12.5 mg"),
        MedEvent(D(2026, 1, 1), "stop", "exemestane"),
    ]


def test_the_timeline_says_what_is_current_and_due_on_each_day() -> None:
    timeline = replay(_history(), strict=True)
    current = {d: [(p.medication, p.dose) for p in timeline.current_on(d)] for d in (
        D(2024, 4, 30), D(2024, 5, 1), D(2025, 2, 28), D(2025, 3, 1), D(2025, 6, 10),
        D(2025, 8, 31), D(2025, 9, 1), D(2025, 12, 31), D(2026, 1, 1),
    )}  # fmt: skip
    assert current == {
        D(2024, 4, 30): [],
        D(2024, 5, 1): [("anastrozole", "1 mg")],
        D(2025, 2, 28): [("anastrozole", "1 mg")],  # the switch day is exemestane's first
        D(2025, 3, 1): [("exemestane", "25 mg")],
        D(2025, 6, 10): [("exemestane", "25 mg")],  # on holiday, still current
        D(2025, 8, 31): [("exemestane", "25 mg")],
        D(2025, 9, 1): [("exemestane", "12.5 mg")],
        D(2025, 12, 31): [("exemestane", "12.5 mg")],
        D(2026, 1, 1): [],  # the stop day is the first without it
    }
    # A holiday's first and last days are not due; the days either side are.
    due = [bool(timeline.due_on(D(2025, 6, d))) for d in (9, 10, 23, 24)]
    assert due == [True, False, False, True]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (MedEvent(D(2026, 2, 1), "switch", "letrozole", to_medication="exemestane"),
         "letrozole is not current on 2026-02-01"),
        (MedEvent(D(2026, 2, 1), "stop", "tamoxifen"), "tamoxifen is not current"),
        (MedEvent(D(2025, 6, 20), "holiday", "exemestane", ends_on=D(2025, 6, 30)),
         "overlaps the one 2025-06-10 to 2025-06-23"),
        (MedEvent(D(2025, 12, 20), "holiday", "exemestane", ends_on=D(2026, 1, 5)),
         "lies outside its course (2025-03-01 to 2025-12-31)"),
        (MedEvent(D(2024, 6, 1), "start", "anastrozole", "1 mg"),
         "anastrozole is already current since 2024-05-01"),
        # Inserted before the switch, a stop leaves the later switch without its medication.
        (MedEvent(D(2025, 1, 1), "stop", "anastrozole"),
         "anastrozole is not current on 2025-03-01"),
    ],
)  # fmt: skip
def test_an_event_that_does_not_fit_is_refused_with_the_reason(
    event: MedEvent, message: str
) -> None:
    with pytest.raises(BadInput, match=re.escape(message)):
        replay([*_history(), event], strict=True)


def test_a_lenient_replay_passes_over_what_does_not_fit() -> None:
    odd = MedEvent(D(2026, 2, 1), "stop", "tamoxifen")
    assert replay([*_history(), odd]).periods == replay(_history()).periods


@pytest.mark.parametrize(
    ("start", "every", "expected"),
    [
        (D(2026, 7, 15), "6mo", D(2027, 1, 15)),
        (D(2026, 8, 31), "6mo", D(2027, 2, 28)),  # no 31 February: the month's last day
        (D(2027, 8, 31), "6mo", D(2028, 2, 29)),  # 2028 is a leap year
        (D(2026, 11, 26), "1w", D(2026, 12, 3)),
        (D(2026, 12, 30), "2w", D(2027, 1, 13)),
        (D(2028, 2, 29), "1y", D(2029, 2, 28)),
        (D(2026, 1, 31), "28d", D(2026, 2, 28)),
    ],
)
def test_add_every_steps_by_calendar_months_or_whole_days(
    start: date, every: str, expected: date
) -> None:
    assert add_every(start, every) == expected


@pytest.mark.parametrize("text", ["6 months", "0mo", "25mo", "53w", "3y", "mo", "6m", "-1w"])
def test_an_interval_outside_the_documented_forms_is_refused(text: str) -> None:
    with pytest.raises(BadInput, match=r"Nd .* Nw .* Nmo .* Ny"):
        parse_every(text)


def test_parse_every_canonical_forms() -> None:
    assert [parse_every(t) for t in ("6MO", " 1w", "06mo", "1y")] == ["6mo", "1w", "6mo", "1y"]


def test_the_next_dose_moves_on_from_the_last_dose_and_says_how_late_it_is() -> None:
    schedule = Schedule("zoledronic-acid", "4 mg", "6mo", D(2027, 1, 15), since=D(2026, 11, 26))
    # No dose since the schedule: its own date; 2027-01-27 is 12 days after 15 January.
    assert next_dose(schedule, [], D(2026, 12, 1)).due == D(2027, 1, 15)
    late = next_dose(schedule, [D(2026, 11, 26)], D(2027, 1, 27))  # the schedule day's own dose
    assert (late.due, late.days_overdue) == (D(2027, 1, 15), 12)
    # Given on 20 January: next 20 July 2027, not late on 1 February.
    moved = next_dose(schedule, [D(2027, 1, 20)], D(2027, 2, 1))
    assert (moved.due, moved.days_overdue) == (D(2027, 7, 20), 0)


def test_a_holiday_day_is_not_a_missed_dose() -> None:
    """Ten days 1-10 June 2025, journal started long before, today 2025-07-01: doses taken
    on the 1st and 2nd, a holiday 4-6 June, nothing else: missed = 3, 7, 8, 9, 10 = 5."""
    timeline = replay(
        [
            MedEvent(D(2025, 1, 1), "start", "exemestane", "25 mg"),
            MedEvent(D(2025, 6, 4), "holiday", "exemestane", ends_on=D(2025, 6, 6)),
        ],
        strict=True,
    )
    days = [D(2025, 6, 1) + timedelta(days=n) for n in range(10)]
    due = {d for d in days if timeline.due_on(d)}
    records = {D(2025, 6, 1): True, D(2025, 6, 2): True}
    count = daily_doses(
        records, days[0], days[-1], journal_start=D(2025, 1, 1), today=D(2025, 7, 1), due=due
    )
    assert (count.expected, count.taken, count.missed) == (7, 2, 5)
    every_day = daily_doses(
        records, days[0], days[-1], journal_start=D(2025, 1, 1), today=D(2025, 7, 1)
    )
    assert (every_day.expected, every_day.missed) == (10, 8)


def test_names_are_checked_with_a_did_you_mean_and_new_ones_need_a_flag() -> None:
    with pytest.raises(BadInput, match="did you mean exemestane"):
        check_name("exemestan", known=[], new_name=False)
    with pytest.raises(BadInput, match="--new-name"):
        check_name("fulvestrant", known=[], new_name=False)
    assert check_name("Fulvestrant", known=[], new_name=True) == "fulvestrant"
    assert check_name("vitamin-d", known=["vitamin-d"], new_name=False) == "vitamin-d"


def test_a_date_more_than_366_days_ahead_is_refused() -> None:
    check_ahead("--next", D(2027, 11, 27), D(2026, 11, 26))  # 366 days: allowed
    with pytest.raises(BadInput, match="more than 366 days ahead"):
        check_ahead("--next", D(2027, 11, 28), D(2026, 11, 26))


def test_days_taken_daily_before_a_schedule_stay_due() -> None:
    """Alendronate daily 1-28 February (stopped 1 March), then weekly from 1 March: the
    February days were due, the days from the schedule on are not (a weekly dose is never a
    daily one)."""
    timeline = replay(
        [
            MedEvent(D(2026, 2, 1), "start", "alendronate", "10 mg"),
            MedEvent(D(2026, 3, 1), "stop", "alendronate"),
            MedEvent(D(2026, 3, 1), "schedule", "alendronate", "70 mg", every="1w",
                     next_due=D(2026, 3, 8)),
        ],
        strict=True,
    )  # fmt: skip
    due = {d: [p.medication for p in timeline.due_on(d)] for d in (
        D(2026, 1, 31), D(2026, 2, 1), D(2026, 2, 28), D(2026, 3, 1), D(2026, 3, 8),
    )}  # fmt: skip
    assert due == {
        D(2026, 1, 31): [],
        D(2026, 2, 1): ["alendronate"],
        D(2026, 2, 28): ["alendronate"],
        D(2026, 3, 1): [],
        D(2026, 3, 8): [],
    }
    assert not timeline.scheduled_on("alendronate", D(2026, 2, 28))
    assert timeline.scheduled_on("alendronate", D(2026, 3, 1))


def test_a_dose_on_the_day_a_schedule_names_counts_even_on_the_day_it_was_set() -> None:
    """Alendronate weekly, set on Monday 16 November with the first dose that same day, taken
    that day: the next is 16 + 7 = 23 November, 7 days overdue on the 30th (not the 16th, 14
    days overdue)."""
    weekly = Schedule("alendronate", "70 mg", "1w", D(2026, 11, 16), since=D(2026, 11, 16))
    nxt = next_dose(weekly, [D(2026, 11, 16)], D(2026, 11, 30))
    assert (nxt.due, nxt.days_overdue) == (D(2026, 11, 23), 7)


def test_a_dose_before_the_schedule_was_set_counts_from_the_date_it_names() -> None:
    """Set on 1 December, naming 23 November (already late): an infusion logged on 25
    November is that dose (next: 25 May 2027); one on 22 November, before the date named, is
    not (due 23 November, 8 days overdue on 1 December)."""
    late = Schedule("zoledronic-acid", "4 mg", "6mo", D(2026, 11, 23), since=D(2026, 12, 1))
    assert next_dose(late, [D(2026, 11, 25)], D(2026, 12, 1)).due == D(2027, 5, 25)
    early = next_dose(late, [D(2026, 11, 22)], D(2026, 12, 1))
    assert (early.due, early.days_overdue) == (D(2026, 11, 23), 8)
    on_the_day = next_dose(late, [D(2026, 11, 23)], D(2026, 12, 1))
    assert on_the_day.due == D(2027, 5, 23)
