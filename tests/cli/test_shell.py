"""Shell use: read-only commands leave no files, `aij where` for scripts, `-` for stdin/stdout."""

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import query, run_subprocess, subprocess_env
from tests.pg import Home

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
    # Commands of #13 and #14 keep #10.18 too.
    ("labs",),
    ("bone",),
    ("med", "history"),
    ("today",),
]


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_a_read_only_command_creates_no_folder_and_no_file(
    aij: Run, aij_home: Path, args: tuple[str, ...]
) -> None:
    result = aij(*args)
    assert result.code == 0, result.err
    assert not aij_home.exists()


@pytest.mark.sqlite_only
def test_the_first_write_creates_the_private_journal(aij: Run, aij_home: Path) -> None:
    assert aij("day").code == 0
    assert aij("log", "note", "first").code == 0
    assert aij_home.stat().st_mode & 0o777 == 0o700
    assert (aij_home / "journal.db").stat().st_mode & 0o777 == 0o600
    assert query(aij_home, "SELECT text FROM note") == [("first",)]


def test_a_read_then_a_write_in_one_command_writes_the_file(
    tmp_path: Path, another_journal: Callable[[Path], Home]
) -> None:
    home = tmp_path / "home"
    export = tmp_path / "journal.json"
    other = another_journal(tmp_path / "other")
    assert run_subprocess("log", "stress=2", home=other.path, env=other.env).code == 0
    exported = run_subprocess(
        "export", "json", "--out", str(export), home=other.path, env=other.env
    )
    assert exported.code == 0
    assert not home.exists()
    result = run_subprocess("import", str(export), home=home)
    assert result.code == 0, result.err
    assert query(home, "SELECT name, value FROM symptom_rating") == [("stress", 2.0)]


@pytest.mark.sqlite_only
def test_where_for_scripts(aij: Run, aij_home: Path) -> None:
    data = json.loads(aij("where", "--json").out)
    assert data == {
        "home": str(aij_home),
        "journal": str(aij_home / "journal.db"),
        "journal-name": "me",
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
        "aij: no path named 'diary'; allowed: home, journal, journal-name, settings, recipes, "
        "plans, foods"
    )


def test_where_names_the_recipes(aij: Run, aij_home: Path) -> None:
    text = aij("where").out
    assert f"your recipes  {aij_home / 'recipes.yaml'}\n" in text


def _run_piped(
    *args: str, home: Path, stdin: bytes = b"", env: dict[str, str] | None = None
) -> "subprocess.CompletedProcess[bytes]":
    return subprocess.run(
        [sys.executable, "-m", "aijournal", *args],
        input=stdin,
        capture_output=True,
        env=subprocess_env(home, COLUMNS="80", **(env or {})),
        timeout=120,
    )


def test_dash_pipes_an_export_into_an_import(
    tmp_path: Path, another_journal: Callable[[Path], Home]
) -> None:
    source, target = tmp_path / "source", another_journal(tmp_path / "target")
    assert run_subprocess("log", "joint-pain=4", "stress=3", home=source).code == 0
    assert run_subprocess("log", "note", "piped", home=source).code == 0
    exported = _run_piped("export", "json", "--out", "-", home=source)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["format"] == "aij-journal"
    assert list(tmp_path.rglob("-")) == []  # no file named "-" anywhere
    imported = _run_piped("import", "-", home=target.path, stdin=exported.stdout, env=target.env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.decode() == (
        "imported 3 entries from standard input (0 already in the journal)\n"
    )
    assert query(target.path, "SELECT text FROM note", target.url) == [("piped",)]


def test_dash_writes_the_csv_zip_and_the_report_to_standard_output(
    tmp_path: Path, another_journal: Callable[[Path], Home]
) -> None:
    home, copy = tmp_path / "home", another_journal(tmp_path / "copy")
    assert run_subprocess("log", "joint-pain=4", home=home).code == 0
    zipped = _run_piped("export", "csv", "--out", "-", home=home)
    assert zipped.returncode == 0, zipped.stderr
    with zipfile.ZipFile(io.BytesIO(zipped.stdout)) as archive:
        assert "daily.csv" in archive.namelist()
    again = _run_piped("import", "-", home=copy.path, stdin=zipped.stdout, env=copy.env)
    assert again.returncode == 0, again.stderr
    assert query(copy.path, "SELECT name, value FROM symptom_rating", copy.url) == [
        ("joint-pain", 4.0)
    ]
    page = _run_piped("report", "--out", "-", home=home)
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith(b"<!DOCTYPE html>")
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_import_dash_refuses_what_is_not_an_export(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = _run_piped("import", "-", home=home, stdin=b'{"x": 1}')
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        'aij: standard input is not an aij export (no "format": "aij-journal"); '
        "nothing was imported"
    )
    assert not home.exists()


def test_piped_tables_have_no_trailing_spaces(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "joint-pain=4", "--where", "knees", home=home).code == 0
    for args in (("where",), ("entries",), ("day",), ("symptoms",)):
        done = _run_piped(*args, home=home)
        lines = done.stdout.decode().splitlines()
        assert len(lines) > 2, args
        assert [line for line in lines if line != line.rstrip()] == [], args


def _command_paths() -> list[tuple[str, ...]]:
    import typer

    from aijournal.cli import app

    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "aij")
def test_help_placeholders_are_words(aij: Run, path: tuple[str, ...]) -> None:
    result = aij(*path, "--help")
    assert result.code == 0
    assert "<" not in result.out.replace("<b>", ""), result.out
    # Every placeholder of the usage line is a word in capitals: {WHEN}, [DAY], OPTIONS.
    usage = result.out.split("\n\n")[0].split(" ".join(("aij", *path)), 1)[1]
    words = re.findall(r"[\[{]([^\]}]+)[\]}]", usage)
    assert all(w.rstrip(".").replace("=", "").replace("_", "").isupper() for w in words), usage


@pytest.mark.parametrize(
    "path",
    [
        ("where",),
        ("symptoms",),
        ("config", "show"),
        ("config", "set"),
        ("export", "csv"),
        ("export", "json"),
        ("import",),
        ("report",),
    ],
)
def test_help_shows_examples_one_to_a_line(aij: Run, path: tuple[str, ...]) -> None:
    text = aij(*path, "--help").out
    examples = text.split("Examples:\n\n")[1].split("\n\n")[0].splitlines()
    assert 1 <= len(examples) <= 2
    assert all(
        line.startswith(f"    {'aij ' if i == 0 else ''}") for i, line in enumerate(examples)
    )
    assert f"aij {' '.join(path)}" in examples[0]


def test_config_help_is_not_cut_at_eg(aij: Run) -> None:
    text = aij("config", "--help").out
    assert "e.g" not in text
    assert "set   Change one setting, checked before it is saved." in text


def test_completion_offers_catalog_ids(aij: Run) -> None:
    from aijournal.cli.common import (
        complete_exercise,
        complete_food,
        complete_plan,
        complete_supplement,
        complete_symptom,
    )

    assert complete_plan("muscul") == ["musculoskeletal"]
    assert complete_exercise("goblet") == ["goblet-squat"]
    assert "calcium-carbonate-600" in complete_supplement("calcium-c")
    assert complete_symptom("joint") == ["joint-pain="]
    assert complete_food("porr") == []
    assert aij("foods", "recipe", "add", "porridge", "oats 40g, milk 1 cup").code == 0
    assert complete_food("porr") == ["porridge"]
    assert "sardines-canned-oil" in complete_food("sardines")


def test_where_completes_in_a_real_shell_without_the_database_stack() -> None:
    from tests.cli.test_startup import loaded_heavy_modules

    env = {"_AIJ_COMPLETE": "complete_bash", "COMP_WORDS": "aij where j", "COMP_CWORD": "2"}
    assert loaded_heavy_modules(env=env) == []
    done = subprocess.run(
        [sys.executable, "-m", "aijournal"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert done.stdout.split() == ["journal", "journal-name"]
