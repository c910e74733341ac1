"""Shell use: read-only commands leave no files, `aij where` for scripts, `-` for stdin/stdout."""

import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import query, run_subprocess

READ_ONLY = [
    ("day",),
    ("day", "--json"),
    ("week",),
    ("entries",),
    ("trends",),
    ("insights",),
    ("plan", "check"),
    ("visit", "list"),
    ("question", "list"),
    ("where",),
    ("config", "show"),
]


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_a_read_only_command_creates_no_folder_and_no_file(
    aij: Run, aij_home: Path, args: tuple[str, ...]
) -> None:
    result = aij(*args)
    assert result.code == 0, result.err
    assert not aij_home.exists()


def test_the_first_write_creates_the_private_journal(aij: Run, aij_home: Path) -> None:
    assert aij("day").code == 0
    assert aij("log", "note", "first").code == 0
    assert aij_home.stat().st_mode & 0o777 == 0o700
    assert (aij_home / "journal.db").stat().st_mode & 0o777 == 0o600
    assert query(aij_home, "SELECT text FROM note") == [("first",)]


def test_a_read_then_a_write_in_one_command_writes_the_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    export = tmp_path / "journal.json"
    assert run_subprocess("log", "stress=2", home=tmp_path / "other").code == 0
    assert run_subprocess("export", "json", "--out", str(export), home=tmp_path / "other").code == 0
    assert not home.exists()
    result = run_subprocess("import", str(export), home=home)
    assert result.code == 0, result.err
    assert query(home, "SELECT name, value FROM symptom_rating") == [("stress", 2.0)]


def test_where_for_scripts(aij: Run, aij_home: Path) -> None:
    data = json.loads(aij("where", "--json").out)
    assert data == {
        "home": str(aij_home),
        "journal": str(aij_home / "journal.db"),
        "settings": str(aij_home / "config.yaml"),
        "recipes": str(aij_home / "recipes.yaml"),
        "plans": str(aij_home / "protocols"),
        "foods": str(aij_home / "foods"),
    }
    assert aij("where", "journal").out == f"{aij_home / 'journal.db'}\n"
    assert aij("where", "recipes").out == f"{aij_home / 'recipes.yaml'}\n"


def test_where_refuses_an_unknown_name(aij: Run) -> None:
    result = aij("where", "diary")
    assert result.code == 2
    assert result.err.strip() == (
        "aij: no path named 'diary'; allowed: home, journal, settings, recipes, plans, foods"
    )


def test_where_names_recipes_and_says_what_is_not_created(aij: Run) -> None:
    text = aij("where").out
    assert "your recipes" in text
    assert "(not yet created)" in text
