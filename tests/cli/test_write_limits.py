"""Every journal aij can write, it can restore (#11, item 2): each text a person types into
the journal, through every command that writes it (log, visit, med, edit, your own foods and
recipes), is kept up to the longest the import takes back and refused one character past it.

The limits are read from the import's own declaration (export/tables.py), not from the
command under test: a command that let one more character in would write a journal its own
import refuses, and the test fails."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from aijournal.export.tables import TABLES_BY_NAME
from tests.conftest import Run
from tests.helpers import query, snapshot

# Not marked `dates`: a text's length is kept or refused whatever the day (the days typed are
# relative: tomorrow, -10d), so the date matrix in .ci/run leaves these out.


def longest(table: str, column: str) -> int:
    [found] = [c for c in TABLES_BY_NAME[table].columns if c.name == column]
    assert found.max_length is not None
    return found.max_length


def saved_id(aij: Run, *args: str) -> str:
    result = aij(*args, "--json")
    assert result.code == 0, result.err
    entry_id: str = json.loads(result.out)["saved"][0]["id"]
    return entry_id


# Each case: set up what the write needs (returns what the write command takes), then the
# write itself for a text of n characters.
Setup = Callable[[Run], str]
Write = Callable[[str, int], tuple[str, ...]]


def _nothing(aij: Run) -> str:
    return ""


def _visit(aij: Run) -> str:
    return saved_id(aij, "visit", "add", "tomorrow", "--with", "oncologist")


def _question(aij: Run) -> str:
    return saved_id(aij, "log", "question", "Is the dose right?")


def _dose(aij: Run) -> str:
    assert aij("config", "set", "medications", "letrozole 2.5 mg").code == 0
    return saved_id(aij, "log", "med", "--skipped")


def _medications(aij: Run) -> str:
    assert aij("config", "set", "medications", "letrozole 2.5 mg").code == 0
    return ""


def _mind(aij: Run) -> str:
    return saved_id(aij, "log", "mind", "15")


def _event(aij: Run) -> str:
    return saved_id(aij, "med", "start", "anastrozole", "--dose", "1 mg", "--date", "-30d")


CASES: dict[str, tuple[str, str, Setup, Write]] = {
    "log note": ("note", "text", _nothing, lambda _, n: ("log", "note", "n" * n)),
    "log question": ("question", "text", _nothing, lambda _, n: ("log", "question", "q" * n)),
    "edit question": ("question", "text", _question, lambda i, n: ("edit", i, "text=" + "q" * n)),
    "visit --with": (
        "visit",
        "clinician",
        _nothing,
        lambda _, n: ("visit", "add", "tomorrow", "--with", "c" * n),
    ),
    "visit --note": (
        "visit",
        "note",
        _nothing,
        lambda _, n: ("visit", "add", "tomorrow", "--note", "v" * n),
    ),
    "edit clinician": (
        "visit",
        "clinician",
        _visit,
        lambda i, n: ("edit", i, "clinician=" + "c" * n),
    ),
    "edit visit note": ("visit", "note", _visit, lambda i, n: ("edit", i, "note=" + "v" * n)),
    "log med --reason": (
        "medication_dose",
        "reason",
        _medications,
        lambda _, n: ("log", "med", "--skipped", "--reason", "r" * n),
    ),
    "edit dose reason": (
        "medication_dose",
        "reason",
        _dose,
        lambda i, n: ("edit", i, "reason=" + "r" * n),
    ),
    "edit practice": (
        "mind_session",
        "practice",
        _mind,
        lambda i, n: ("edit", i, "practice=" + "p" * n),
    ),
    "med start --reason": (
        "medication_event",
        "reason",
        _nothing,
        lambda _, n: ("med", "start", "letrozole", "--reason", "r" * n, "--date", "-10d"),
    ),
    "med start --dose": (
        "medication_event",
        "dose",
        _nothing,
        lambda _, n: ("med", "start", "letrozole", "--dose", "2" * n, "--date", "-10d"),
    ),
    "edit event reason": (
        "medication_event",
        "reason",
        _event,
        lambda i, n: ("edit", i, "reason=" + "r" * n),
    ),
}


FOOD_CASES: dict[str, tuple[str, Callable[[int], tuple[tuple[str, ...], str]]]] = {
    # (the meal_item column, n -> (the foods add command, the food id to log))
    "food id": (
        "food_id",
        lambda n: (
            ("foods", "add", "my-" + "b" * (n - 3), "--name", "Bar", "calcium_mg=1"),
            "my-" + "b" * (n - 3),
        ),
    ),
    "food name": (
        "name",
        lambda n: (("foods", "add", "my-bar", "--name", "B" * n, "calcium_mg=1"), "my-bar"),
    ),
    "food source": (
        "origin",
        lambda n: (
            ("foods", "add", "my-bar", "--name", "Bar", "--source", "s" * n, "calcium_mg=1"),
            "my-bar",
        ),
    ),
}


def restores(aij: Run, home: Path, tmp_path: Path) -> None:
    """The journal's JSON and CSV exports import whole into empty journals."""
    for name in ("all.json", "all.zip"):
        out = tmp_path / name
        kind = "json" if name.endswith("json") else "csv"
        assert aij("export", kind, "--out", str(out)).code == 0
        fresh = tmp_path / f"fresh-{kind}"
        imported = aij("--home", str(fresh), "import", str(out))
        assert imported.code == 0, imported.err
        assert query(fresh, "SELECT count(*) FROM entry") == query(
            home, "SELECT count(*) FROM entry"
        )


@pytest.mark.parametrize("case", list(CASES))
def test_each_text_is_kept_to_the_import_limit_and_refused_past_it(
    aij: Run, aij_home: Path, tmp_path: Path, case: str
) -> None:
    table, column, setup, write = CASES[case]
    limit = longest(table, column)
    assert aij("log", "stress=2").code == 0  # a journal to keep unchanged
    target = setup(aij)
    before = snapshot(aij_home)
    refused = aij(*write(target, limit + 1))
    assert refused.code == 2, (case, refused.code, refused.err)
    assert str(limit) in refused.err, refused.err
    assert snapshot(aij_home) == before
    kept = aij(*write(target, limit))
    assert kept.code == 0, kept.err
    lengths = query(aij_home, f"SELECT max(length({column})) FROM {table}")
    assert lengths == [(limit,)]
    restores(aij, aij_home, tmp_path)


@pytest.mark.parametrize("case", list(FOOD_CASES))
def test_a_food_of_your_own_is_kept_to_the_meal_item_limit(
    aij: Run, aij_home: Path, tmp_path: Path, case: str
) -> None:
    column, make = FOOD_CASES[case]
    limit = longest("meal_item", column)
    assert aij("log", "stress=2").code == 0
    before = snapshot(aij_home)
    too_long, _ = make(limit + 1)
    refused = aij(*too_long)
    assert refused.code == 2, refused.err
    assert str(limit) in refused.err, refused.err
    assert snapshot(aij_home) == before
    command, food_id = make(limit)
    assert aij(*command).code == 0
    logged = aij("log", "meal", f"{food_id} 100g")
    assert logged.code == 0, logged.err
    assert query(aij_home, f"SELECT length({column}) FROM meal_item") == [(limit,)]
    restores(aij, aij_home, tmp_path)


def test_a_recipe_id_is_kept_to_the_meal_item_limit(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    limit = longest("meal_item", "recipe")
    assert aij("log", "stress=2").code == 0
    before = snapshot(aij_home)
    refused = aij("foods", "recipe", "add", "r" * (limit + 1), "kale 1 cup")
    assert refused.code == 2 and str(limit) in refused.err, refused.err
    assert snapshot(aij_home) == before
    assert aij("foods", "recipe", "add", "r" * limit, "kale 1 cup").code == 0
    logged = aij("log", "meal", "r" * limit + " 1")
    assert logged.code == 0, logged.err
    assert query(aij_home, "SELECT DISTINCT length(recipe) FROM meal_item") == [(limit,)]
    restores(aij, aij_home, tmp_path)
