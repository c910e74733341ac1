"""What a patient reads: no internal names, no Python reprs, nouns that agree (#10.14)."""

import json

from aijournal.domain.labels import article
from tests.conftest import Run


def test_a_weight_saved_reads_as_a_weight(aij: Run) -> None:
    result = aij("log", "weight", "150lb")
    # 150 lb x 0.45359237 = 68.0389 kg, shown to one decimal (68.0, written 68).
    assert "weight 68 kg" in result.out
    assert "weight_kg" not in result.out and "68.039" not in result.out
    again = aij("log", "weight", "68.2")
    assert "weight 68.2 kg  (replaced 68 kg)" in again.out


def test_config_show_and_set_print_no_python(aij: Run) -> None:
    result = aij("config", "set", "medications", "letrozole 2.5 mg")
    assert result.out.splitlines()[0] == "medications: letrozole 2.5 mg (daily)"
    shown = aij("config", "show").out
    assert "letrozole 2.5 mg (daily)" in shown
    for python in ("[{", "{'", "'name'", "None"):
        assert python not in shown and python not in result.out
    assert json.loads(aij("config", "show", "--json").out)["medications"][0]["name"] == (
        "letrozole"
    )


def test_foods_show_labels_nutrients(aij: Run) -> None:
    shown = aij("foods", "show", "kale").out
    assert "Calcium" in shown and "Vitamin K" in shown
    assert "calcium_mg" not in shown and "vitamin_k_ug" not in shown


def test_day_shows_a_severity_in_words_without_the_legend(aij: Run) -> None:
    aij("log", "fatigue=2", "joint-pain=6", "stiffness=30")
    shown = aij("day").out
    assert "2 moderate" in shown
    assert "6 of 10" in shown
    assert "30 min" in shown
    assert "very severe" not in shown  # the full legend, once on every row before


def test_one_session_is_singular(aij: Run) -> None:
    aij("log", "joint-pain=3")
    shown = aij("week").out  # the shipped plan asks for 1 impact session a week
    assert "1 session " in shown
    assert "1 sessions" not in shown


def test_an_exercise_entry() -> None:
    assert article("exercise") == "an"
    assert article("meal") == "a"
    assert article("symptom") == "a"
    assert article("") == "a"


def test_edit_names_an_exercise_entry(aij: Run) -> None:
    saved = aij("log", "ex", "brisk-walk", "30m").out
    entry_id = saved.split()[1]
    result = aij("edit", entry_id, "minutes")
    assert "an exercise entry" in result.err, result.err


def test_entries_rm_and_undo_show_a_weight_in_your_units(aij: Run) -> None:
    # A weight typed as 150lb is stored as 68.0389 kg (150 x 0.45359237); the list of
    # entries shows it as the day view does, never as "weight kg 68.039".
    aij("log", "weight", "150lb")
    aij("log", "waist", "84")
    listed = aij("entries").out
    assert "weight 68 kg" in listed and "waist 84 cm" in listed
    assert "weight kg" not in listed and "68.039" not in listed
    aij("config", "set", "units", "imperial")
    listed = aij("entries").out
    # 68.0389 kg / 0.45359237 = 150 lb; 84 cm / 2.54 = 33.07 in, shown 33.1 in.
    assert "weight 150 lb" in listed and "waist 33.1 in" in listed
    weight_id = next(line.split()[0] for line in listed.splitlines() if "weight" in line)
    removed = aij("rm", weight_id, "--yes")
    assert f"deleted {weight_id}" in removed.out and "weight 150 lb" in removed.out
    undone = aij("undo", "--yes")
    assert "weight 150 lb" in undone.out


def test_counts_of_one_agree_in_plan_check_and_recipes(aij: Run) -> None:
    # protocols/acsm-2019.yaml: Tuesday (moderate aerobic) has one activity slot, Monday five.
    aij("plan", "use", "acsm-2019")
    checked = aij("plan", "check", "2026-W02")
    assert checked.code == 0, checked.err
    assert "0 of 1 activity," in checked.out and "0 of 5 activities" in checked.out
    assert "1 activities" not in checked.out
    added = aij("foods", "recipe", "add", "porridge", "oats 40g, milk 1 cup")
    assert "saved recipe porridge (1 serving) to" in added.out
    two = aij("foods", "recipe", "add", "soup", "kale 1 cup", "--servings", "2.5")
    assert "saved recipe soup (2.5 servings) to" in two.out


def test_a_replaced_sleep_reads_in_hours(aij: Run) -> None:
    aij("log", "sleep", "6.5")
    again = aij("log", "sleep", "7:30", "--quality", "8")
    assert again.code == 0, again.err
    # 7:30 is 7.5 h; the 6.5 h it replaced reads as hours, not as "hours 6.5".
    assert "sleep 7.5 h, quality 8  (replaced 6.5 h)" in again.out
