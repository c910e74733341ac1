"""A week of logged exercise against a plan: each day rule, the weekly totals, and ISO weeks."""

from datetime import date

import pytest

from aijournal.catalog.protocols import load_exercise_catalog, load_plans
from aijournal.domain.adherence import (
    LoggedItem,
    LoggedSession,
    WeekAdherence,
    effort_intensity,
    iso_week,
    week_dates,
    weekly_adherence,
)
from aijournal.domain.exercise import parse_exercise_log
from aijournal.errors import BadInput

CATALOG = load_exercise_catalog()
PLAN = load_plans(None).get("musculoskeletal")
# ISO week 2026-W48 runs from Monday 23 to Sunday 29 November 2026.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, day) for day in range(23, 30))
MONDAY_A = "goblet-squat 3x10 push-up 3x10 dumbbell-row 3x10 overhead-press 3x10 plank 3x30s"
THURSDAY_B = "romanian-deadlift 3x10 lat-pulldown 3x10 lunge 3x10 glute-bridge 3x10"


def session(day: date, line: str, rpe: int | None = None) -> LoggedSession:
    entries = parse_exercise_log(line, CATALOG.resolve)
    items = tuple(
        LoggedItem.from_entry(
            e, CATALOG.get(e.exercise_id).kind, CATALOG.get(e.exercise_id).intensity
        )
        for e in entries
    )
    return LoggedSession(day, items, rpe)


def week(
    *sessions: LoggedSession, as_of: date = date.max, journal_start: date = date.min
) -> WeekAdherence:
    return weekly_adherence(
        PLAN, sessions, week=(2026, 48), as_of=as_of, journal_start=journal_start
    )


def statuses(result: WeekAdherence) -> list[str]:
    return [d.status for d in result.days]


def totals(result: WeekAdherence) -> dict[str, tuple[int, int, bool]]:
    return {r.name: (r.actual, r.required, r.met) for r in result.requirements}


def test_the_issues_scenario() -> None:
    result = week(session(MON, MONDAY_A), session(TUE, "brisk-walk 35m"))
    assert statuses(result) == ["done", "done", "missed", "missed", "missed", "missed", "rest"]
    assert totals(result) == {
        "resistance sessions": (1, 2, False),
        "aerobic minutes": (35, 60, False),
        "impact sessions": (0, 1, False),
    }
    assert (result.days[0].slots_met, result.days[0].slots_planned) == (5, 5)
    assert (result.days[1].minutes, result.days[1].minutes_required) == (35, 30)


def test_a_full_week_meets_everything() -> None:
    result = week(
        session(MON, MONDAY_A),
        session(TUE, "brisk-walk 30m"),
        session(WED, "yoga 20m"),
        session(THU, THURSDAY_B),
        session(FRI, "jog-interval 30m"),
        session(SAT, "foam-rolling 20m"),
    )
    assert statuses(result) == ["done"] * 6 + ["rest"]
    # 30 brisk walking + 30 jog intervals, both moderate by the catalog; yoga and foam
    # rolling are recovery and do not count.
    assert totals(result) == {
        "resistance sessions": (2, 2, True),
        "aerobic minutes": (60, 60, True),
        "impact sessions": (1, 1, True),
    }


@pytest.mark.parametrize(
    ("line", "slots_met"),
    [
        ("goblet-squat 3x10 push-up 3x10", 2),  # only some of the planned activities
        ("goblet-squat 1x10 push-up 1x10 dumbbell-row 1x10 overhead-press 1x10 plank 1x30s", 0),
        ("goblet-squat 3x6 push-up 3x6 dumbbell-row 3x6 overhead-press 3x6 plank 3x30s", 1),
    ],
)
def test_a_resistance_day_short_of_the_plan_is_partial(line: str, slots_met: int) -> None:
    monday = week(session(MON, line)).days[0]
    assert (monday.status, monday.slots_met, monday.slots_planned) == ("partial", slots_met, 5)


def test_resistance_done_rules() -> None:
    # Alternatives meet a slot; sets of one exercise pool; reps above the range still count.
    line = (
        "goblet-squat 1x10 goblet-squat 1x12 knee-push-up 2x8 dumbbell-row 2x15 "
        "overhead-press 3x12 plank 2x20s"
    )
    assert week(session(MON, line)).days[0].status == "done"
    thursday = "romanian-deadlift 2x8 banded-pull-apart 2x8 lunge 2x8 glute-bridge 2x8"
    assert week(session(THU, thursday)).days[3].status == "done"


def test_aerobic_and_recovery_days_count_minutes() -> None:
    result = week(
        session(TUE, "brisk-walk 20m"),
        session(WED, "stretching 10m yoga 10m"),
        session(SAT, "stretching 15m"),
    )
    assert statuses(result)[1:3] + statuses(result)[5:6] == ["partial", "done", "partial"]
    assert (result.days[1].minutes, result.days[5].minutes) == (20, 15)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("brisk-walk 30m", "partial"),  # no jogging or jumping-jack intervals
        ("brisk-walk 25m jumping-jacks 50", "partial"),  # 25 of 30 minutes
        ("brisk-walk 30m jumping-jacks 50", "done"),
        ("jog-interval 30m", "done"),
        ("light-jog 30m", "done"),
    ],
)
def test_friday_walking_with_intervals(line: str, status: str) -> None:
    assert week(session(FRI, line)).days[4].status == status


def test_a_session_done_on_a_day_without_its_kind_is_moved() -> None:
    result = week(session(WED, MONDAY_A))
    monday, wednesday = result.days[0], result.days[2]
    assert (monday.status, monday.moved_to) == ("moved", WED)
    assert wednesday.status == "missed"
    assert totals(result)["resistance sessions"] == (1, 2, False)


def test_a_session_may_move_to_the_rest_day() -> None:
    result = week(session(SUN, "brisk-walk 40m"))
    assert (result.days[1].status, result.days[1].moved_to) == ("moved", SUN)
    assert result.days[6].status == "rest"


def test_a_day_of_the_same_kind_hosts_only_when_its_own_plan_was_met() -> None:
    # Monday's exercises on Thursday instead of Thursday's: one resistance session, not two.
    swapped = week(session(THU, MONDAY_A))
    assert statuses(swapped)[0] == "missed" and statuses(swapped)[3] == "missed"
    # Both sessions on Thursday: Thursday is done, and Monday's session moved there.
    both = week(session(THU, THURSDAY_B), session(THU, MONDAY_A))
    assert (both.days[0].status, both.days[0].moved_to, both.days[3].status) == (
        "moved",
        THU,
        "done",
    )


def test_an_item_stands_in_for_one_day_only() -> None:
    result = week(session(SUN, "stretching 25m"))
    assert (result.days[2].status, result.days[2].moved_to) == ("moved", SUN)
    assert result.days[5].status == "missed"


def test_an_unplanned_extra_counts_for_the_week_but_not_the_day() -> None:
    result = week(session(TUE, "brisk-walk 35m goblet-squat 3x10"))
    assert statuses(result)[:2] == ["missed", "done"]
    assert totals(result)["resistance sessions"] == (1, 2, False)


def test_the_rest_day_stays_rest() -> None:
    assert week().days[6].status == "rest"
    assert week(session(SUN, "goblet-squat 3x10")).days[6].status == "rest"


def test_vigorous_minutes_count_double() -> None:
    # Light jogging is vigorous in the catalog (no RPE); jog intervals at RPE 8 are vigorous.
    result = week(session(TUE, "light-jog 30m"), session(FRI, "jog-interval 30m", rpe=8))
    assert (result.moderate_minutes, result.vigorous_minutes) == (0, 60)
    assert totals(result)["aerobic minutes"] == (120, 60, True)
    assert totals(result)["impact sessions"] == (2, 1, True)


@pytest.mark.parametrize(
    ("rpe", "minutes", "moderate_equivalent"),
    # A rating decides: below 5 light (0 minutes count), 5-6 moderate (x1), 7+ vigorous (x2).
    [
        (None, 30, 30),
        (0, 30, 0),
        (3, 30, 0),
        (4, 30, 0),
        (5, 30, 30),
        (6, 30, 30),
        (7, 30, 2 * 30),
        (8, 30, 2 * 30),
        (10, 25, 2 * 25),
    ],
)
def test_rpe_sets_the_intensity_of_brisk_walking(
    rpe: int | None, minutes: int, moderate_equivalent: int
) -> None:
    result = week(session(TUE, f"brisk-walk {minutes}m", rpe=rpe))
    assert totals(result)["aerobic minutes"][0] == moderate_equivalent


def test_recovery_minutes_do_not_count_as_aerobic() -> None:
    assert totals(week(session(WED, "gentle-walk 30m", rpe=7)))["aerobic minutes"][0] == 0


@pytest.mark.parametrize(
    ("rpe", "typical", "expected"),
    [
        (None, None, "moderate"),
        (4, "vigorous", "light"),
        (4, None, "light"),
        (0, "moderate", "light"),
        (5, "vigorous", "moderate"),
        (5, "light", "moderate"),
        (6, "light", "moderate"),
        (7, None, "vigorous"),
        (7, "light", "vigorous"),
        (None, "vigorous", "vigorous"),
        (None, "light", "light"),
    ],
)
def test_effort_intensity(rpe: int | None, typical: str | None, expected: str) -> None:
    assert effort_intensity(rpe, typical) == expected  # type: ignore[arg-type]


def test_today_is_in_progress_and_later_days_upcoming() -> None:
    result = week(as_of=WED)
    assert statuses(result) == ["missed"] * 2 + ["in-progress"] + ["upcoming"] * 3 + ["rest"]


def test_today_partly_done_is_in_progress_not_partial() -> None:
    result = week(session(TUE, "brisk-walk 10m"), as_of=TUE)
    assert result.days[1].status == "in-progress"
    assert (result.days[1].minutes, result.days[1].minutes_required) == (10, 30)
    assert week(session(TUE, "brisk-walk 10m"), as_of=WED).days[1].status == "partial"


def test_today_done_is_done() -> None:
    assert week(session(TUE, "brisk-walk 30m"), as_of=TUE).days[1].status == "done"


def test_days_before_the_journal_are_not_journaling_yet_never_missed() -> None:
    # The journal starts on Thursday; today is the following Monday (the week is over).
    result = week(session(THU, THURSDAY_B), as_of=date(2026, 11, 30), journal_start=THU)
    assert statuses(result) == [
        "not-journaling-yet",
        "not-journaling-yet",
        "not-journaling-yet",
        "done",
        "missed",
        "missed",
        "rest",
    ]
    # 1 of 2 resistance sessions: the week began before the journal, so not judged a miss.
    states = {r.name: (r.actual, r.state) for r in result.requirements}
    assert states["resistance sessions"] == (1, "not-journaling-yet")


def test_the_journal_starting_on_monday_judges_the_whole_week() -> None:
    result = week(session(MON, MONDAY_A), as_of=date(2026, 11, 30), journal_start=MON)
    assert statuses(result)[:3] == ["done", "missed", "missed"]
    assert {r.name: r.state for r in result.requirements}["resistance sessions"] == "not-met"


def test_a_day_done_elsewhere_before_the_journal_is_moved_not_unjournaled() -> None:
    # Monday's session done on Wednesday, the journal's first day: Monday is moved.
    result = week(session(WED, MONDAY_A), as_of=date(2026, 11, 30), journal_start=WED)
    assert (result.days[0].status, result.days[0].moved_to) == ("moved", WED)


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        (SUN, "in-progress"),  # Sunday is still part of the week
        (date(2026, 11, 30), "not-met"),  # the Monday after: the week is finished
        (SAT, "in-progress"),
    ],
)
def test_a_finished_week_is_not_met_a_running_one_in_progress(as_of: date, state: str) -> None:
    result = week(session(MON, MONDAY_A), as_of=as_of, journal_start=MON)
    assert {r.name: r.state for r in result.requirements}["resistance sessions"] == state


def test_a_met_requirement_is_met_whenever() -> None:
    both = (session(MON, MONDAY_A), session(THU, THURSDAY_B))
    for as_of in (THU, SUN, date(2026, 12, 7)):
        result = week(*both, as_of=as_of, journal_start=THU)
        assert {r.name: r.state for r in result.requirements}["resistance sessions"] == "met"


def test_sessions_outside_the_week_are_ignored() -> None:
    result = week(session(date(2026, 11, 30), MONDAY_A), session(date(2026, 11, 22), MONDAY_A))
    assert statuses(result)[0] == "missed"
    assert totals(result)["resistance sessions"][0] == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W48", (2026, 48)),
        ("2026-w48", (2026, 48)),
        ("2026-11-25", (2026, 48)),
        (date(2026, 11, 29), (2026, 48)),
        (date(2027, 1, 3), (2026, 53)),  # 2026 began on a Thursday: it has 53 weeks
        ("2025-12-29", (2026, 1)),
    ],
)
def test_iso_week(text: str | date, expected: tuple[int, int]) -> None:
    assert iso_week(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-W54", "2026 has weeks 1 to 53"),
        ("2025-W53", "2025 has weeks 1 to 52"),
        ("2026-W00", "does not exist"),
        ("2026-13-01", "not a calendar date"),
        ("last week", "2026-W48"),
        ("", "2026-W48"),
    ],
)
def test_iso_week_refusals(text: str, says: str) -> None:
    with pytest.raises(BadInput, match=says):
        iso_week(text)


def test_week_dates() -> None:
    assert week_dates(2026, 48) == [MON, TUE, WED, THU, FRI, SAT, SUN]
    assert week_dates(2026, 53)[-1] == date(2027, 1, 3)
    assert week_dates(2020, 1)[0] == date(2019, 12, 30)
