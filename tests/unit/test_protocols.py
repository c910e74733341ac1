"""Weekly plans: the shipped ones, the article's table, each refusal, and the user's own plans."""

from pathlib import Path

import pytest

from aijournal.catalog.protocols import (
    DEFAULT_PLAN_ID,
    DayPlan,
    load_exercise_catalog,
    load_plans,
    validate_plan_file,
)
from aijournal.errors import BadInput, NotFound

PLANS = load_plans(None)
CATALOG = load_exercise_catalog()

# A small valid plan; the line numbers in the refusal tests below count from its first line.
MINIMAL = """\
id: mine
name: My week
description: Short.
source: My physiotherapist, 2026.
days:
  mon:
    focus: Strength
    kind: resistance
    activities: [goblet-squat, [push-up, knee-push-up]]
    sets: {min: 2, max: 3}
    reps: {min: 8, max: 12}
  tue: {focus: Walk, kind: aerobic, activities: [brisk-walk], minutes: {min: 30, max: 45}}
  wed: {focus: Rest, kind: rest}
  thu: {focus: Rest, kind: rest}
  fri: {focus: Rest, kind: rest}
  sat: {focus: Rest, kind: rest}
  sun: {focus: Rest, kind: rest}
"""


def ranges(day: DayPlan) -> tuple[object, object, object]:
    def pair(r: object) -> tuple[int, int] | None:
        return None if r is None else (r.min, r.max)  # type: ignore[attr-defined]

    return pair(day.sets), pair(day.reps), pair(day.minutes)


def test_the_default_plan_is_the_articles_week() -> None:
    plan = PLANS.get(DEFAULT_PLAN_ID)
    assert plan.id == "musculoskeletal"
    days = dict(plan.days.ordered())
    assert list(days) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert [d.focus for d in days.values()] == [
        "Full Body Resistance A",
        "Moderate Impact Aerobics",
        "Active Recovery",
        "Full Body Resistance B",
        "Higher Impact & Aerobics",
        "Active Recovery",
        "Rest",
    ]
    assert days["mon"].activities == (
        ("goblet-squat",),
        ("push-up", "knee-push-up"),
        ("dumbbell-row",),
        ("overhead-press",),
        ("plank",),
    )
    assert days["thu"].activities == (
        ("romanian-deadlift",),
        ("lat-pulldown", "banded-pull-apart"),
        ("lunge",),
        ("glute-bridge",),
    )
    assert days["tue"].activities == (("brisk-walk", "light-jog", "aerobics-class"),)
    assert days["wed"].activities == (("stretching", "yoga", "gentle-walk"),)
    assert days["sat"].activities == (("stretching", "foam-rolling"),)
    assert days["fri"].activity_ids == {"brisk-walk", "light-jog", "jog-interval", "jumping-jack"}
    # 2-3 sets of 8-12 repetitions; 30-45, 20-30, 30 and 20-30 minutes; a full rest day.
    assert ranges(days["mon"]) == ((2, 3), (8, 12), None)
    assert ranges(days["tue"]) == (None, None, (30, 45))
    assert ranges(days["wed"]) == (None, None, (20, 30))
    assert ranges(days["thu"]) == ((2, 3), (8, 12), None)
    assert ranges(days["fri"]) == (None, None, (30, 30))
    assert ranges(days["sat"]) == (None, None, (20, 30))
    assert ranges(days["sun"]) == (None, None, None)
    assert days["sun"].is_rest
    assert [d.kind for d in days.values()] == [
        ("resistance",),
        ("aerobic", "impact"),
        ("recovery",),
        ("resistance",),
        ("impact", "aerobic"),
        ("recovery",),
        ("rest",),
    ]


ARTICLE_WORDS = {
    "mon": ["Goblet Squats", "Push-ups", "Dumbbell Rows", "Overhead Press", "Plank"],
    "tue": ["Brisk Walking", "Light Jogging", "aerobics class"],
    "wed": ["Stretching", "Yoga", "gentle walk"],
    "thu": ["Romanian Deadlifts", "Lat Pulldowns", "Banded Pull-aparts", "Lunges", "Glute Bridges"],
    "fri": ["Brisk Walking", "jogging", "jumping jacks"],
    "sat": ["Stretching", "foam rolling"],
    "sun": ["Rest"],
}


@pytest.mark.parametrize("day", list(ARTICLE_WORDS))
def test_the_articles_words_name_the_days_activities(day: str) -> None:
    plan_day = dict(PLANS.get("musculoskeletal").days.ordered())[day]
    for words in ARTICLE_WORDS[day]:
        assert plan_day.as_written is not None and words in plan_day.as_written
        assert CATALOG.resolve(words).id in plan_day.activity_ids, words


def test_every_shipped_plan_loads_with_its_citation() -> None:
    plans = {p.id: p for p in PLANS.all()}
    assert sorted(plans) == ["acsm-2019", "gentle-start", "hope-trial", "musculoskeletal"]
    assert PLANS.problems == ()
    assert "NCT03953157" in plans["musculoskeletal"].source
    assert not any("2019;51(11):2375" in r for r in plans["musculoskeletal"].references)
    assert "Med Sci Sports Exerc 2019;51(11):2375" in plans["acsm-2019"].source
    assert "J Clin Oncol 2015;33(10):1104" in plans["hope-trial"].source
    assert "ACSM 2019" in plans["gentle-start"].source
    assert "clinician" in plans["gentle-start"].description


def test_the_weekly_requirements() -> None:
    muscle = PLANS.get("musculoskeletal").weekly
    # The table's own minimums: Monday and Thursday; Tuesday 30 + Friday 30 minutes; Friday.
    assert (
        muscle.resistance_sessions_min,
        muscle.aerobic_moderate_equivalent_minutes_min,
        muscle.impact_sessions_min,
    ) == (2, 60, 1)
    acsm = PLANS.get("acsm-2019").weekly
    assert (acsm.resistance_sessions_min, acsm.aerobic_moderate_equivalent_minutes_min) == (2, 150)
    hope = PLANS.get("hope-trial")
    assert (
        hope.weekly.resistance_sessions_min,
        hope.weekly.aerobic_moderate_equivalent_minutes_min,
    ) == (2, 150)
    monday = dict(hope.days.ordered())["mon"]
    assert (len(monday.activities), ranges(monday)[:2]) == (6, ((3, 3), (10, 10)))


def test_acsm_days_add_up_to_the_weekly_minutes() -> None:
    plan = PLANS.get("acsm-2019")
    total = sum(d.minutes.min for _, d in plan.days.ordered() if d.minutes and "aerobic" in d.kind)
    assert total == 150
    resistance = [d for _, d in plan.days.ordered() if "resistance" in d.kind]
    assert [ranges(d)[:2] for d in resistance] == [((2, 2), (8, 12)), ((2, 2), (8, 12))]


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_minimal_plan_is_valid(tmp_path: Path) -> None:
    plan = validate_plan_file(write(tmp_path, MINIMAL))
    assert plan.days.mon.activities == (("goblet-squat",), ("push-up", "knee-push-up"))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("name: My week\n", "name: My week\ncolour: blue\n", "3: colour: unknown key"),
        ("  wed: {focus: Rest, kind: rest}\n", "", "5: days.wed: missing (required)"),
        ("  wed: {", "  mon: {", "13: days: duplicate key 'mon' (first on line 6)"),
        ("id: mine\n", "id: mine\nid: yours\n", "2: duplicate key 'id' (first on line 1)"),
        ("{min: 2, max: 3}", "{min: 3, max: 2}", "10: days.mon.sets: min 3 is above max 2"),
        (
            "{min: 30, max: 45}",
            "{min: 45, max: 30}",
            "12: days.tue.minutes: min 45 is above max 30",
        ),
        (
            "[goblet-squat,",
            "[gobelt-squat,",
            "9: days.mon.activities.0.0: unknown exercise 'gobelt-squat' "
            "(did you mean goblet-squat?)",
        ),
        (
            "knee-push-up]",
            "knee-pushup]",
            "9: days.mon.activities.1.1: unknown exercise 'knee-pushup' (did you mean knee-push-up",
        ),
        ("source: My physiotherapist, 2026.\n", "", "1: source: missing (required)"),
        (
            "  wed: {focus: Rest, kind: rest}",
            "  wed: {focus: Rest, kind: rest, minutes: 20}",
            "13: days.wed: a rest day takes no sets, reps or minutes",
        ),
        (
            "kind: aerobic",
            "kind: cardio",
            "12: days.tue.kind.0: allowed: 'resistance', 'impact', 'aerobic', 'recovery' or 'rest'",
        ),
        ("    sets: {min: 2, max: 3}\n", "", "6: days.mon: a training day needs sets (with reps)"),
        ("focus: Strength", "focus: Strength: A", "7: mapping values are not allowed"),
    ],
)
def test_each_refusal_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(BadInput) as caught:
        validate_plan_file(path)
    assert str(caught.value).startswith(f"{path}:{expected}")


def test_an_unknown_plan_suggests_the_close_one() -> None:
    with pytest.raises(NotFound) as caught:
        PLANS.get("muskuloskeletal")
    assert str(caught.value) == (
        "unknown plan 'muskuloskeletal' (did you mean musculoskeletal?); "
        "plans: acsm-2019, gentle-start, hope-trial, musculoskeletal"
    )


def test_a_broken_user_file_is_a_problem_and_the_others_still_load(tmp_path: Path) -> None:
    broken = write(tmp_path, MINIMAL.replace("id: mine", "id: my-week\ncolour: blue"), "a.yaml")
    not_yaml = write(tmp_path, "days: [unclosed\n", "b.yaml")
    good = write(tmp_path, MINIMAL.replace("id: mine", "id: my-other-week"), "c.yaml")
    plans = load_plans(tmp_path)
    assert [path for path, _ in plans.problems] == [broken, not_yaml]
    assert plans.problems[0][1] == f"{broken}:2: colour: unknown key"
    assert sorted(p.id for p in plans.all()) == [
        "acsm-2019",
        "gentle-start",
        "hope-trial",
        "musculoskeletal",
        "my-other-week",
    ]
    assert plans.origins["my-other-week"] == good
    with pytest.raises(BadInput, match="colour: unknown key"):
        plans.get("my-week")
    with pytest.raises(BadInput, match=r"b\.yaml"):
        plans.get("b")


def test_a_user_plan_replaces_the_shipped_one_of_the_same_id(tmp_path: Path) -> None:
    mine = write(tmp_path, MINIMAL.replace("id: mine", "id: musculoskeletal"))
    plans = load_plans(tmp_path)
    assert plans.get("musculoskeletal").name == "My week"
    assert plans.origins["musculoskeletal"] == mine
    assert len(plans.all()) == 4


def test_a_broken_override_is_not_silently_replaced_by_the_shipped_plan(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL.replace("id: mine", "id: musculoskeletal\nbogus: 1"))
    plans = load_plans(tmp_path)
    with pytest.raises(BadInput, match="bogus: unknown key"):
        plans.get("musculoskeletal")
    assert plans.get("acsm-2019").id == "acsm-2019"


def test_a_user_plan_may_use_the_users_own_exercises(tmp_path: Path) -> None:
    write(
        tmp_path,
        "source: my physiotherapist\n"
        "exercises:\n"
        "  - {id: clamshell, name: Clamshell, kind: resistance, bone_loading: none,"
        " measure: sets-reps-load}\n",
        "exercises.yaml",
    )
    write(tmp_path, MINIMAL.replace("[goblet-squat,", "[clamshell,"))
    plans = load_plans(tmp_path)
    assert plans.problems == ()
    assert plans.get("mine").days.mon.activities[0] == ("clamshell",)
    assert plans.catalog.resolve("clamshells").id == "clamshell"


def test_a_broken_user_catalog_is_a_problem_too(tmp_path: Path) -> None:
    catalog = write(tmp_path, "source: mine\nexercises: {}\n", "exercises.yaml")
    plans = load_plans(tmp_path)
    assert [path for path, _ in plans.problems] == [catalog]
    assert plans.get("musculoskeletal").id == "musculoskeletal"


def test_the_article_plan_cites_the_article_and_its_own_references_only() -> None:
    plan = load_plans(None).get("musculoskeletal")
    # The article names neither the UCLA trial's design nor ACSM as the table's basis.
    assert "ACSM" not in plan.source and "draws on" not in plan.source
    assert not any("Campbell" in r or "Med Sci Sports" in r for r in plan.references)
    cited = " ".join(plan.references)
    for reference in (
        "NCT03953157",
        "NCT03823521",  # the number the article prints
        "Pérez-Gómez",
        "Nutrients 2022;14(19):4192",
        "Winters-Stone",
        "2020;29(6):1154-1162",
        "Roberts",
        "CD013532",
        "Lecuona",
    ):
        assert reference in cited, reference


def test_validate_lists_every_error_with_its_line(tmp_path: Path) -> None:
    broken = (
        MINIMAL.replace("name: My week\n", "name: My week\ncolour: blue\n", 1)
        .replace("[goblet-squat,", "[gobelt-squat,", 1)
        .replace("{min: 30, max: 45}", "{min: 45, max: 30}", 1)
    )
    path = write(tmp_path, broken)
    with pytest.raises(BadInput) as caught:
        validate_plan_file(path)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{path}: 3 errors"
    assert sorted(lines[1:]) == sorted(
        [
            f"{path}:3: colour: unknown key",
            f"{path}:10: days.mon.activities.0.0: unknown exercise 'gobelt-squat' "
            "(did you mean goblet-squat?)",
            f"{path}:13: days.tue.minutes: min 45 is above max 30",
        ]
    )
    assert "more error" not in str(caught.value)
