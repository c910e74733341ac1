"""The shipped exercise catalog: its size, its ids, and finding an exercise by what one types."""

import re
from pathlib import Path

import pytest

from aijournal.catalog.protocols import load_exercise_catalog, load_plans
from aijournal.errors import BadInput, NotFound

CATALOG = load_exercise_catalog()
KEBAB = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
# Mass nouns: they end in a single "s" and are singular all the same.
SINGULAR_ENDING_IN_S = {"pilates", "water-aerobics"}


def test_at_least_forty_exercises_with_a_source() -> None:
    assert len(CATALOG) >= 40
    assert "Compendium" in CATALOG.source


def test_every_id_is_singular_kebab_case() -> None:
    for exercise_id in CATALOG.ids:
        assert KEBAB.fullmatch(exercise_id), exercise_id
        plural_looking = exercise_id.endswith("s") and not exercise_id.endswith("ss")
        assert not plural_looking or exercise_id in SINGULAR_ENDING_IN_S, exercise_id


def test_the_ids_people_will_guess_exist() -> None:
    guessed = [
        "goblet-squat",
        "push-up",
        "dumbbell-row",
        "overhead-press",
        "plank",
        "romanian-deadlift",
        "lat-pulldown",
        "banded-pull-apart",
        "lunge",
        "glute-bridge",
        "brisk-walk",
        "light-jog",
        "aerobics-class",
        "jumping-jack",
        "stretching",
        "yoga",
        "foam-rolling",
        "gentle-walk",
        "jog-interval",
        "rest",
    ]
    assert [i for i in guessed if i not in CATALOG] == []
    # and the plural a person may type instead
    assert CATALOG.resolve("jumping-jacks").id == "jumping-jack"
    assert CATALOG.resolve("jog-intervals").id == "jog-interval"


def test_the_measures_fit_the_exercises() -> None:
    assert CATALOG.get("plank").measure == "seconds"
    assert CATALOG.get("goblet-squat").measure == "sets-reps-load"
    assert CATALOG.get("brisk-walk").measure == "minutes"
    assert CATALOG.get("jumping-jack").measure == "impacts"
    assert CATALOG.get("rest").measure == "none"
    assert CATALOG.get("jumping-jack").bone_loading == "high"
    assert CATALOG.get("light-jog").intensity == "vigorous"


def test_every_plans_activities_resolve() -> None:
    for plan in load_plans(None).all():
        for _, day in plan.days.ordered():
            for exercise_id in day.activity_ids:
                assert CATALOG.resolve(exercise_id).id == exercise_id


@pytest.mark.parametrize(
    ("typed", "exercise_id"),
    [
        ("goblet squats", "goblet-squat"),
        ("Goblet Squat", "goblet-squat"),
        ("push-ups", "push-up"),
        ("pushups", "push-up"),
        ("walking", "brisk-walk"),
        ("brisk walking", "brisk-walk"),
        ("lunges", "lunge"),
        ("jumping-jacks", "jumping-jack"),
        ("jumping jacks", "jumping-jack"),
        ("lat pulldowns", "lat-pulldown"),
        ("banded pull-aparts", "banded-pull-apart"),
        ("Romanian Deadlifts", "romanian-deadlift"),
        ("light jogging", "light-jog"),
        ("foam_rolling", "foam-rolling"),
        ("goblet", "goblet-squat"),
        ("romanian", "romanian-deadlift"),
        ("foam", "foam-rolling"),
    ],
)
def test_resolve_by_id_alias_plural_or_prefix(typed: str, exercise_id: str) -> None:
    assert CATALOG.resolve(typed).id == exercise_id


def test_an_ambiguous_prefix_lists_the_candidates() -> None:
    with pytest.raises(BadInput, match=r"could be .*leg-curl.*leg-press"):
        CATALOG.resolve("leg")


def test_unknown_exercise_suggests_close_ids() -> None:
    with pytest.raises(NotFound) as caught:
        CATALOG.resolve("goblit-squat")
    assert str(caught.value) == "unknown exercise 'goblit-squat' (did you mean goblet-squat?)"


def test_user_exercises_join_the_catalog(tmp_path: Path) -> None:
    (tmp_path / "exercises.yaml").write_text(
        "source: my physiotherapist\n"
        "exercises:\n"
        "  - id: clamshell\n"
        "    name: Clamshell\n"
        "    aliases: [clams]\n"
        "    kind: resistance\n"
        "    bone_loading: none\n"
        "    measure: sets-reps-load\n",
        encoding="utf-8",
    )
    catalog = load_exercise_catalog(tmp_path)
    assert catalog.resolve("clamshells").id == "clamshell"
    assert catalog.resolve("clams").id == "clamshell"
    assert len(catalog) == len(CATALOG) + 1


def test_a_user_alias_that_clashes_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "exercises.yaml"
    path.write_text(
        "source: mine\n"
        "exercises:\n"
        "  - id: wall-angel\n"
        "    name: Wall angel\n"
        "    kind: resistance\n"
        "    bone_loading: none\n"
        "    measure: sets-reps-load\n"
        "  - id: box-squat\n"
        "    name: Box squat\n"
        "    aliases: [goblet squat]\n"
        "    kind: resistance\n"
        "    bone_loading: low\n"
        "    measure: sets-reps-load\n",
        encoding="utf-8",
    )
    with pytest.raises(BadInput) as caught:
        load_exercise_catalog(tmp_path)
    assert str(caught.value) == (
        f"{path}:8: exercises.1: 'goblet-squat' already names exercise 'goblet-squat'"
    )


def test_only_an_impact_activity_is_graded_high_bone_loading() -> None:
    # The catalog's own rule: moderate is "jogging, loaded squats and hinges", high "jumping".
    high = {e.id for e in load_exercise_catalog() if e.bone_loading == "high"}
    assert high and all(load_exercise_catalog().get(i).kind == "impact" for i in high)
    catalog = load_exercise_catalog()
    assert catalog.get("deadlift").bone_loading == catalog.get("romanian-deadlift").bone_loading
    assert catalog.get("deadlift").bone_loading == "moderate"


def test_aerobics_class_is_vigorous_as_the_compendium_grades_it() -> None:
    # Compendium 2011, "aerobic, general": 7.3 METs; vigorous is 6.0 METs or more.
    assert 7.3 >= 6.0
    assert load_exercise_catalog().get("aerobics-class").intensity == "vigorous"


def test_every_timed_aerobic_or_impact_activity_has_a_typical_intensity() -> None:
    # Without one, an unrated session would fall back to moderate without a source.
    for exercise in load_exercise_catalog():
        if exercise.kind in ("aerobic", "impact") and exercise.measure == "minutes":
            assert exercise.intensity is not None, exercise.id
