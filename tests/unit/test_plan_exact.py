"""plan.py's models directly: each rule of a day, each range, the shorthands, every message.

Expected values come from the module doc and the models' own contract (a rest day takes
nothing; a training day needs an activity and sets or minutes; reps need sets; a resistance
day needs sets; ranges are whole numbers from 1, min at most max).
"""

from typing import Any

import pytest
from pydantic import ValidationError

from aijournal.domain.plan import DAY_KEYS, DayPlan, Plan, Range, Week, WeeklyRequirements

WALK: dict[str, Any] = {
    "focus": "Walk",
    "kind": "aerobic",
    "activities": ["brisk-walk"],
    "minutes": 30,
}
REST: dict[str, Any] = {"focus": "Rest", "kind": "rest"}


def day(**changes: Any) -> DayPlan:
    return DayPlan.model_validate({**WALK, **changes})


def refused(model: type[Any], data: Any, context: dict[str, Any] | None = None) -> str:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data, context=context)
    return str(caught.value)


def test_day_keys_run_monday_to_sunday() -> None:
    assert DAY_KEYS == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def test_shorthands_a_single_id_kind_and_number() -> None:
    plan = day(kind="impact", activities=["jog", ["hop", "jumping-jack"]], minutes=25)
    assert plan.kind == ("impact",)
    assert plan.activities == (("jog",), ("hop", "jumping-jack"))
    assert plan.minutes == Range(min=25, max=25)
    assert day(minutes={"min": 20, "max": 30}).minutes == Range(min=20, max=30)


def test_activity_ids_are_every_id_alternatives_included() -> None:
    plan = day(activities=["jog", ["hop", "jumping-jack"], "jog"])
    assert plan.activity_ids == frozenset({"jog", "hop", "jumping-jack"})
    assert DayPlan.model_validate(REST).activity_ids == frozenset()


@pytest.mark.parametrize(
    ("data", "is_rest"),
    [(REST, True), (WALK, False), ({**REST, "activities": ["rest"]}, True)],
)
def test_is_rest(data: dict[str, Any], is_rest: bool) -> None:
    assert DayPlan.model_validate(data).is_rest is is_rest


@pytest.mark.parametrize(("low", "high"), [(1, 1), (1, 2), (8, 12), (3, 3)])
def test_a_range_from_one_with_min_at_most_max(low: int, high: int) -> None:
    assert (Range(min=low, max=high).min, Range(min=low, max=high).max) == (low, high)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"min": 3, "max": 2}, "min 3 is above max 2"),
        ({"min": 0, "max": 2}, "greater than or equal to 1"),
        ({"min": 1, "max": 0}, "greater than or equal to 1"),
        ({"min": 1}, "max\n  Field required"),
        ({"min": 1, "max": 2, "step": 1}, "Extra inputs are not permitted"),
    ],
)
def test_a_range_refuses(data: dict[str, int], says: str) -> None:
    assert says in refused(Range, data)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"activities": []}, "a training day needs at least one activity"),
        ({"minutes": None}, "a training day needs sets (with reps) or minutes"),
        ({"reps": 10}, "reps need sets"),
        ({"kind": ["resistance"], "activities": ["squat"]}, "a resistance day needs sets"),
        ({"kind": ["aerobic", "aerobic"]}, "kind lists the same kind twice"),
        ({"kind": []}, "at least 1 item"),
        ({"focus": ""}, "at least 1 character"),
        ({"focus": "   "}, "at least 1 character"),  # stripped first
        ({"activities": [[]]}, "at least 1 item"),
        ({"activities": ["Brisk Walk"]}, "should match pattern"),
        ({"kind": "cardio"}, "'resistance', 'impact', 'aerobic', 'recovery' or 'rest'"),
        ({"intensity": "hard"}, "'light', 'moderate' or 'vigorous'"),
        ({"colour": "blue"}, "Extra inputs are not permitted"),
        ({"minutes": 0}, "greater than or equal to 1"),
    ],
)
def test_a_training_day_refuses(changes: dict[str, Any], says: str) -> None:
    assert says in refused(DayPlan, {**WALK, **changes})


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"kind": ["rest", "recovery"]}, "a rest day has kind 'rest' alone"),
        ({"sets": 2}, "a rest day takes no sets, reps or minutes"),
        ({"minutes": 20}, "a rest day takes no sets, reps or minutes"),
        ({"activities": ["stretching"]}, "a rest day lists no activity but 'rest'"),
        ({"activities": ["rest", "rest"]}, "a rest day lists no activity but 'rest'"),
    ],
)
def test_a_rest_day_refuses(changes: dict[str, Any], says: str) -> None:
    assert says in refused(DayPlan, {**REST, **changes})


def test_a_rest_day_reps_alone_are_refused_as_a_rest_day_first() -> None:
    assert "a rest day takes no sets, reps or minutes" in refused(DayPlan, {**REST, "reps": 10})


def test_a_resistance_day_with_sets_and_reps() -> None:
    plan = day(
        kind=["resistance", "impact"],
        activities=["squat", "hop"],
        sets=2,
        reps={"min": 8, "max": 12},
        minutes=None,
    )
    assert (plan.sets, plan.reps, plan.minutes) == (Range(min=2, max=2), Range(min=8, max=12), None)
    assert plan.kind == ("resistance", "impact")


def test_a_day_with_sets_needs_no_reps_and_keeps_its_words() -> None:
    plan = day(
        kind="impact",
        activities=["hop"],
        sets=3,
        minutes=None,
        as_written=" 3 sets ",
        intensity="vigorous",
    )
    assert (plan.sets, plan.reps, plan.as_written, plan.intensity) == (
        Range(min=3, max=3),
        None,
        "3 sets",
        "vigorous",
    )


def test_the_days_models_are_frozen() -> None:
    with pytest.raises(ValidationError):
        day().focus = "Other"  # type: ignore[misc]


def test_activities_are_checked_by_the_context() -> None:
    seen: list[str] = []

    def check(activity_id: str) -> None:
        seen.append(activity_id)
        if activity_id == "gobelt-squat":
            raise ValueError("unknown exercise 'gobelt-squat'")

    ok = DayPlan.model_validate(
        {**WALK, "activities": ["brisk-walk", ["jog", "hop"]]}, context={"check_activity": check}
    )
    assert ok.activity_ids == frozenset({"brisk-walk", "jog", "hop"})
    assert seen == ["brisk-walk", "jog", "hop"]
    says = refused(DayPlan, {**WALK, "activities": ["gobelt-squat"]}, {"check_activity": check})
    assert "unknown exercise 'gobelt-squat'" in says
    # without a check, or with a context that has none, any kebab id passes
    assert day(activities=["gobelt-squat"]).activity_ids == frozenset({"gobelt-squat"})
    assert DayPlan.model_validate({**WALK, "activities": ["x"]}, context={}).activity_ids == {"x"}


def a_week() -> dict[str, Any]:
    return {key: (REST if key == "sun" else {**WALK, "focus": key.upper()}) for key in DAY_KEYS}


def test_a_week_in_order_and_a_plan_with_its_defaults() -> None:
    plan = Plan.model_validate(
        {"id": "my-week", "name": "Mine", "description": "d", "source": "s", "days": a_week()}
    )
    assert [(key, d.focus) for key, d in plan.days.ordered()] == [
        ("mon", "MON"),
        ("tue", "TUE"),
        ("wed", "WED"),
        ("thu", "THU"),
        ("fri", "FRI"),
        ("sat", "SAT"),
        ("sun", "Rest"),
    ]
    assert plan.references == ()
    assert plan.weekly == WeeklyRequirements()
    assert (
        plan.weekly.resistance_sessions_min,
        plan.weekly.aerobic_moderate_equivalent_minutes_min,
        plan.weekly.impact_sessions_min,
        plan.weekly.note,
    ) == (None, None, None, None)


def test_a_week_needs_all_seven_days() -> None:
    days = a_week()
    del days["wed"]
    assert "wed\n  Field required" in refused(Week, days)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"id": "My Week"}, "should match pattern"),
        ({"name": ""}, "at least 1 character"),
        ({"description": ""}, "at least 1 character"),
        ({"source": ""}, "at least 1 character"),
        ({"weekly": {"impact_sessions_min": -1}}, "greater than or equal to 0"),
        ({"weekly": {"aerobic_moderate_equivalent_minutes_min": -1}}, "greater than or equal to 0"),
        ({"weekly": {"resistance_sessions_min": -1}}, "greater than or equal to 0"),
        ({"weekly": {"sessions": 2}}, "Extra inputs are not permitted"),
    ],
)
def test_a_plan_refuses(changes: dict[str, Any], says: str) -> None:
    data = {"id": "my-week", "name": "Mine", "description": "d", "source": "s", "days": a_week()}
    assert says in refused(Plan, {**data, **changes})


def test_weekly_minimums_of_zero_are_allowed() -> None:
    weekly = WeeklyRequirements(
        resistance_sessions_min=0, aerobic_moderate_equivalent_minutes_min=0, impact_sessions_min=0
    )
    assert (weekly.resistance_sessions_min, weekly.impact_sessions_min) == (0, 0)
