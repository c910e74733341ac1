"""Hostile input to every parser a person's text reaches (#11): it is either understood or
refused with a BadInput (one line for the user, exit 2 at the CLI boundary) — never another
exception, which the CLI would report as an internal error.

The text strategy mixes what people type with what breaks parsers: numbers of every form
(huge, negative, NaN, inf, exponents, commas), units, separators, control characters, NUL,
lone surrogates and very long runs.
"""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aijournal.catalog.exercises import ExerciseCatalog, load_exercise_catalog
from aijournal.catalog.foods import FoodCatalog, load_food_catalog
from aijournal.catalog.intake import resolve_items
from aijournal.catalog.protocols import validate_plan_file
from aijournal.catalog.recipes import load_recipes
from aijournal.config import Config, parse_medications, set_value
from aijournal.domain.checkin import parse_answers
from aijournal.domain.dates import parse_day
from aijournal.domain.daylog import parse_log_line
from aijournal.domain.exercise import parse_exercise_log
from aijournal.domain.labs import lab_test_name, parse_amount, parse_dexa
from aijournal.domain.meals import parse_items, parse_quantity
from aijournal.domain.medtimeline import check_name, parse_every
from aijournal.domain.symptoms import DEFAULT_SYMPTOMS, SymptomSet, parse_sites
from aijournal.domain.units import parse_sleep_hours, parse_waist_cm, parse_weight_kg
from aijournal.errors import AijError

TODAY = date(2026, 11, 26)
PIECES = [
    "0", "1", "-1", "7.5", "68,2", "1e308", "-1e308", "1e-320", "nan", "NaN", "inf", "-inf",
    "Infinity", "9" * 400, "--5", "+3", "1/2", "1/0", "0/0", "3x10", "3x10@12kg", "3x30s",
    "@", "x", "kg", "lb", "lbs", "cm", "in", "g", "ml", "cup", "tbsp", "m", "min", "h", "s",
    "=", "==", "joint-pain", "sleep", "weight", "waist", "salmon", "walnuts", "tofu", "with",
    "of", "a", "half", "glass", "x2", ",", ", ", "today", "yesterday", "-3d", "+3d", "friday",
    "2026-11-27", "0001-01-01", "9999-12-31", "2026-W48", "brisk-walk", "goblet-squat",
    "rest", "\x00", "\x1b]52;c;", "\x07", "\n", "\r", "\t", "\ud800", "é", "µg", "  ",
]  # fmt: skip
hostile = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=0, max_size=8
).map("".join)
words = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=6)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def understood_or_refused(call: Any, *args: Any, **kwargs: Any) -> None:
    """Call a parser; only an AijError with a message may come out (a break such as a bare
    float(text) raising ValueError fails the test)."""
    try:
        call(*args, **kwargs)
    except AijError as refusal:
        assert str(refusal).strip(), "a refusal says what was wrong"


@pytest.fixture(scope="module")
def exercises() -> ExerciseCatalog:
    return load_exercise_catalog()


@FUZZ
@given(hostile)
def test_dates(text: str) -> None:
    understood_or_refused(parse_day, text, today=TODAY)
    understood_or_refused(parse_day, text, today=TODAY, ahead=True, allow_future=True)


@FUZZ
@given(hostile)
def test_amounts_and_units(text: str) -> None:
    for parse in (parse_weight_kg, parse_waist_cm, parse_sleep_hours, parse_quantity):
        understood_or_refused(parse, text)
    understood_or_refused(parse_weight_kg, text, "imperial")
    understood_or_refused(parse_sites, text)


@FUZZ
@given(words)
def test_key_value_daily_log(tokens: list[str]) -> None:
    understood_or_refused(parse_log_line, tokens, SymptomSet(DEFAULT_SYMPTOMS))
    understood_or_refused(parse_answers, tokens)


@FUZZ
@given(hostile)
def test_sets_reps_load_exercise_log(exercises: ExerciseCatalog, text: str) -> None:
    understood_or_refused(parse_exercise_log, text, exercises.resolve)


@FUZZ
@given(hostile)
def test_food_lists(catalog: FoodCatalog, text: str) -> None:
    understood_or_refused(parse_items, text)
    understood_or_refused(resolve_items, text, catalog, {})
    understood_or_refused(resolve_items, text, catalog, {}, supplements_only=True)


@FUZZ
@given(st.sampled_from(["medications", "profile", "plan", "units", "tracked", "nope"]), hostile)
def test_config_values(key: str, text: str) -> None:
    understood_or_refused(set_value, Config(), key, text)
    understood_or_refused(parse_medications, text)


YAML_PIECES = [
    "id: x\n", "name: x\n", "days:\n", "  monday:\n", "    focus: x\n", "    activities:\n",
    "      - [brisk-walk]\n", "    minutes: {min: 30, max: 45}\n", "    sets: {min: -1}\n",
    "citation: x\n", "id: x\nid: y\n", "- a\n", "{", "[", ": :\n", "&a [*a]\n",
    "!!python/object:os.system\n",
    "    minutes: .nan\n", "    minutes: 1e999\n", "\t", "\x00", "é\n",
]  # fmt: skip


@FUZZ
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=10).map("".join))
def test_yaml_plans(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path: Path = tmp_path_factory.mktemp("plan") / "my-week.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    understood_or_refused(validate_plan_file, path)


# #14's parsers: lab values (DEXA sites, amounts with units), medication names and intervals.
@FUZZ
@given(words, words)
def test_lab_values_and_medication_words(tokens: list[str], more: list[str]) -> None:
    understood_or_refused(parse_dexa, tokens, more)
    for test in ("vitamin-d", "calcium", "ferritin"):
        understood_or_refused(parse_amount, test, tokens)
    for token in tokens:
        understood_or_refused(lab_test_name, token)
        understood_or_refused(lab_test_name, token, other=True)
        understood_or_refused(parse_every, token)
        understood_or_refused(check_name, token, known=(), new_name=True)


FOOD_YAML_PIECES = [
    "foods:\n", "recipes:\n", "  - id: my-bar\n", "    name: Bar\n", "    per_100g:\n",
    "      calcium_mg: 100\n", "      calcium_mg: .nan\n", "      calcium_mg: 1e999\n",
    "    servings: 0\n", "    servings: 1e999\n", "    items: kale 1 cup\n", "    items: ''\n",
    "    tags: [nope]\n", "    id: " + "x" * 100 + "\n", "    name: " + "y" * 300 + "\n",
    "- a\n", "{", "[", ": :\n", "&a [*a]\n", "!!python/object:os.system\n", "\t", "\x00",
    "foods: []\nfoods: []\n",
]  # fmt: skip


@FUZZ
@given(st.lists(st.sampled_from(FOOD_YAML_PIECES), max_size=10).map("".join))
def test_yaml_foods_and_recipes(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    home: Path = tmp_path_factory.mktemp("home")
    (home / "foods").mkdir()
    (home / "foods" / "my-foods.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    (home / "recipes.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    understood_or_refused(load_food_catalog, home / "foods")
    understood_or_refused(load_recipes, home)
