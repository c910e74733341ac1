"""Hostile input (#11): every refusal is one line, exit 2, the journal exactly as it was;
nothing from a file reaches the terminal as a control character."""

import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_export_csv import Built, fill_journal
from tests.conftest import Run
from tests.helpers import TODAY, query, run_subprocess, snapshot

pytestmark = pytest.mark.dates

Doc = dict[str, Any]


@pytest.fixture
def source(tmp_path: Path) -> Built:
    return fill_journal(tmp_path / "source")


@pytest.fixture
def exported(aij: Run, source: Built, tmp_path: Path) -> Doc:
    out = tmp_path / "export.json"
    assert aij("--home", str(tmp_path / "source"), "export", "json", "--out", str(out)).code == 0
    doc: Doc = json.loads(out.read_text(encoding="utf-8"))
    return doc


def first_row(doc: Doc, table: str) -> dict[str, Any]:
    row: dict[str, Any] = doc["tables"][table][0]
    return row


def refused_whole(aij: Run, home: Path, path: Path) -> str:
    before = snapshot(home)
    result = aij("import", str(path))
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert snapshot(home) == before
    return result.err


def _set(table: str, column: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        first_row(doc, table)[column] = value

    return change


# Raw JSON text spliced in for the value: what json.dumps cannot write (NaN, huge integers).
RAW = "@@RAW@@"


def _raw(table: str, column: str, text: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        first_row(doc, table)[column] = RAW + text

    return change


MUTATIONS = [
    ("sleep NaN", _raw("sleep_record", "hours", "NaN"), "table sleep_record row 1"),
    ("sleep Infinity", _raw("sleep_record", "quality", "Infinity"), "not a finite number"),
    ("nutrient 1e308", _set("meal_item", "calcium_mg", 1e308), "above the highest allowed"),
    ("symptom -1e308", _set("symptom_rating", "value", -1e308), "below the lowest allowed"),
    ("int 4,300 digits", _raw("exercise_session", "rpe", "9" * 4400), "not a whole number"),
    ("float 310 digits", _raw("meal_item", "grams", "9" * 310), "not a finite number"),
    ("lone surrogate", _set("note", "text", "a \ud800 b"), "lone surrogate"),
    ("NUL in text", _set("note", "text", "a\x00b"), "NUL"),
    ("calendar edge", _set("entry", "created_at", "0001-01-01T00:00:00+01:00"), "calendar"),
    ("calendar end", _set("entry", "updated_at", "9999-12-31T23:59:59-01:00"), "calendar"),
    ("year 999", _set("entry", "day", "0999-06-01"), "more than 120 years ago"),
    ("visit far ahead", None, "more than 2 years ahead"),
    ("text for a number", _set("sleep_record", "hours", "7"), "is not a number"),
    ("true for 1", _set("checkin_answer", "value", True), "not a whole number"),
]


def _write(doc: Doc, path: Path) -> Path:
    text = re.sub(f'"{RAW}([^"]*)"', lambda m: m.group(1), json.dumps(doc))
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "change", "message"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_a_hostile_json_export_is_refused_whole(
    aij: Run,
    aij_home: Path,
    exported: Doc,
    tmp_path: Path,
    name: str,
    change: Callable[[Doc], None] | None,
    message: str,
) -> None:
    assert aij("log", "stress=2").code == 0
    if change is None:  # a visit 3 years ahead
        visit = next(r for r in exported["tables"]["entry"] if r["kind"] == "visit")
        visit["day"] = (TODAY + timedelta(days=3 * 366)).isoformat()  # 3 years, any TODAY
    else:
        change(exported)
    error = refused_whole(aij, aij_home, _write(exported, tmp_path / "bad.json"))
    assert message in error
    assert "bad.json" in error


def test_json_nested_100000_deep_is_refused(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "aij-journal", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested too deeply" in refused_whole(aij, aij_home, deep)


def _zip_folder(aij: Run, source: Built, tmp_path: Path) -> Path:
    out = tmp_path / "export"
    assert aij("--home", str(tmp_path / "source"), "export", "csv", "--out", str(out)).code == 0
    return out


def _zip(folder: Path, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in sorted(folder.iterdir()):
            if member.is_file():
                archive.write(member, member.name)
    return path


def test_a_csv_cell_double_minus_is_refused(
    aij: Run, aij_home: Path, source: Built, tmp_path: Path
) -> None:
    folder = _zip_folder(aij, source, tmp_path)
    sessions = folder / "exercise_sessions.csv"
    lines = sessions.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("rpe")] = "--5"
    sessions.write_text("\r\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\r\n")
    error = refused_whole(aij, aij_home, _zip(folder, tmp_path / "minus.zip"))
    assert "exercise_sessions.csv row 2" in error and "not a whole number" in error


def test_a_zip_bomb_and_a_huge_line_are_refused_before_reading(
    aij: Run, aij_home: Path, source: Built, tmp_path: Path
) -> None:
    folder = _zip_folder(aij, source, tmp_path)
    bomb = _zip(folder, tmp_path / "bomb.zip")
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("your-files/config.yaml", "w", force_zip64=True) as member,
    ):
        for _ in range(40):  # 40 MiB of zeros in about 40 KiB
            member.write(b"0" * (1 << 20))
    assert bomb.stat().st_size < 1 << 20
    assert "would unpack to" in refused_whole(aij, aij_home, bomb)
    notes = folder / "notes.csv"
    notes.write_bytes(notes.read_bytes() + b"x" * (2 << 20) + b"\r\n")
    error = refused_whole(aij, aij_home, _zip(folder, tmp_path / "line.zip"))
    assert "notes.csv" in error and "a line longer than 1024 KiB" in error


def test_an_older_export_without_mk7_imports_with_the_migration_split(
    aij: Run, aij_home: Path, exported: Doc, tmp_path: Path
) -> None:
    """An export of schema 5 (MK-7 folded into vitamin_k_ug) imports as migration 6 splits it."""
    items = exported["tables"]["meal_item"]
    natto = dict(items[0], food_id="natto", source="food", grams=100.0, vitamin_k_ug=23.1)
    natto["vitamin_k2_mk7_ug"] = 775.0
    items.append({**natto, "position": max(i["position"] for i in items) + 1})
    new = tmp_path / "new.json"
    _write(exported, new)
    old = json.loads(new.read_text(encoding="utf-8"))
    old["schema_version"] = 5
    for row in old["tables"]["meal_item"]:
        row["vitamin_k_ug"] = (
            None if row["vitamin_k_ug"] is None else row["vitamin_k_ug"] + row["vitamin_k2_mk7_ug"]
        )
        del row["vitamin_k2_mk7_ug"]
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old), encoding="utf-8")
    result = aij("import", str(old_path))
    assert result.code == 0, result.err
    natto_rows = query(
        aij_home, "SELECT vitamin_k_ug, vitamin_k2_mk7_ug FROM meal_item WHERE food_id = 'natto'"
    )
    assert natto_rows == [(pytest.approx(23.1), 775.0)]
    assert query(aij_home, "SELECT count(*) FROM meal_item WHERE vitamin_k2_mk7_ug IS NULL") == [
        (0,)
    ]


def test_control_characters_in_stored_text_never_reach_the_terminal(
    aij: Run, aij_home: Path, exported: Doc, tmp_path: Path
) -> None:
    hostile = "clip \x1b]52;c;SGVsbG8=\x07 title \x1b]0;pwned\x1b\\ clear \x1b[2J\x9b end"
    first_row(exported, "note")["text"] = hostile
    day = next(
        r["day"]
        for r in exported["tables"]["entry"]
        if r["id"] == first_row(exported, "note")["entry_id"]
    )
    assert aij("import", str(_write(exported, tmp_path / "hostile.json"))).code == 0
    for args in (("day", day), ("entries", "--from", day, "--to", day)):
        shown = run_subprocess(*args, home=aij_home)
        assert shown.code == 0, shown.err
        assert "clip" in shown.out
        assert "\x1b" not in shown.out and "\x9b" not in shown.out
        assert "\\x1b]52;c;SGVsbG8=" in shown.out
    echoed = run_subprocess("plan", "use", "x\x1b]0;t\x07", home=aij_home)
    assert echoed.code == 2 and "\x1b" not in echoed.err


# The free texts a journal keeps, and the commands that show them (#12-#14 added the timeline's).
FREE_TEXTS = [
    ("note", "text"),
    ("visit", "clinician"),
    ("visit", "note"),
    ("question", "text"),
    ("medication_dose", "reason"),
    ("medication_event", "reason"),
    ("mind_session", "practice"),
]
SHOWING = [
    ("entries", "--from", "-400d"),
    ("med", "history"),
    ("visit", "list"),
    ("question", "list", "--all"),
    ("labs",),
    ("bone",),
    ("week",),
    ("today",),
    ("trends",),
    ("insights",),
]


def test_control_characters_in_any_free_text_never_reach_the_terminal(
    aij: Run, aij_home: Path, source: Built, tmp_path: Path
) -> None:
    home = str(tmp_path / "source")
    started = aij("--home", home, "med", "start", "letrozole", "--reason", "r", "--date", "-20d")
    assert started.code == 0, started.err
    assert aij("--home", home, "export", "json", "--out", str(tmp_path / "all.json")).code == 0
    exported = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    hostile = "\x1b]52;c;SGVsbG8=\x07\x1b[2J\x9b"
    days = set()
    for table, column in FREE_TEXTS:
        rows = exported["tables"][table]
        assert rows, table  # the source journal holds one of each
        rows[0][column] = f"{column}{hostile}"
        entry_id = rows[0]["entry_id"]
        days |= {r["day"] for r in exported["tables"]["entry"] if r["id"] == entry_id}
    imported = aij("import", str(_write(exported, tmp_path / "hostile.json")))
    assert imported.code == 0, imported.err
    shown = [aij("day", day) for day in sorted(days)] + [aij(*args) for args in SHOWING]
    for result in shown:
        assert result.code == 0, result.err
        assert not TERMINAL_CONTROLS.search(result.out.replace("\n", "")), repr(result.out)
    # Every text was shown somewhere, escaped where it stood.
    everything = "".join(r.out for r in shown)
    for _table, column in FREE_TEXTS:
        assert f"{column}\\x1b]52;c;SGVsbG8=" in everything.replace("\n", ""), column


# Newline, carriage return, tab, ESC (OSC title), BEL and a C1 CSI: none may reach the terminal
# raw from an echoed argument, and the refusal stays one line (#11, item 6).
ECHOED = "a\nb\rc\td\x1b]0;t\x07e\x9bf"
TERMINAL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "use", ECHOED),
        ("day", ECHOED),
        ("--journal", ECHOED, "day"),
        ("log", f"{ECHOED}=3"),
        ("med", "start", ECHOED),
        ("foods", "show", ECHOED),
        ("config", "set", "units", ECHOED),
        ("edit", ECHOED),
        ("visit", "add", ECHOED),
    ],
    ids=["plan", "day", "journal", "log", "med", "foods", "config", "edit", "visit"],
)
def test_an_echoed_argument_never_breaks_the_error_line(
    aij: Run, aij_home: Path, args: tuple[str, ...]
) -> None:
    assert aij("log", "stress=2").code == 0
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2, result.err
    line = result.err.removesuffix("\n")
    assert line.startswith("aij: ") and not TERMINAL_CONTROLS.search(line), repr(result.err)
    # Each character escaped where it was, so the echo still shows what was typed.
    assert "a\\nb\\x0dc\\td\\x1b]0;t\\x07e\\x9bf" in line, line
    assert snapshot(aij_home) == before


def test_an_import_is_one_undoable_batch(
    aij: Run, aij_home: Path, exported: Doc, tmp_path: Path
) -> None:
    assert aij("log", "stress=2").code == 0
    before = query(aij_home, "SELECT id FROM entry ORDER BY id")
    assert aij("import", str(_write(exported, tmp_path / "all.json"))).code == 0
    assert len(query(aij_home, "SELECT id FROM entry")) == len(before) + len(
        exported["tables"]["entry"]
    )
    undone = aij("undo", "--yes")
    assert undone.code == 0, undone.err
    assert query(aij_home, "SELECT id FROM entry ORDER BY id") == before


def test_the_article_agrees_in_an_import_refusal(
    aij: Run, aij_home: Path, exported: Doc, tmp_path: Path
) -> None:
    exercise = next(r for r in exported["tables"]["entry"] if r["kind"] == "exercise")
    first_row(exported, "note")["entry_id"] = exercise["id"]
    error = refused_whole(aij, aij_home, _write(exported, tmp_path / "mixed.json"))
    assert "is an exercise entry, not a note row" in error


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/full are POSIX")
def test_force_replaces_only_regular_files_and_a_full_stdout_is_one_line(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    assert aij("log", "stress=2").code == 0
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = aij("export", "json", "--out", str(fifo), "--force")
    assert result.code == 2 and "not a regular file" in result.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "aijournal", "export", "json", "--out", "-"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "AIJ_HOME": str(aij_home)},
                timeout=60,
            )
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            "aij: cannot write the output: No space left on device"
        ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("week", "0001-01-03"), "more than 120 years ago"),
        (("week", "9999-W52"), "ends after 9999-12-31, the last date aij can hold"),
        (("week", "9999-W51"), "more than 2 years ahead"),
        (("report", "--out", "r.html", "--from", "9999-12-01"), "more than 2 years ahead"),
        (("visit", "add", "0206-12-03"), "more than 120 years ago"),
        (("day", "-99999d"), "years"),
        (("foods", "recipe", "add", "porridge", ""), "has no ingredients"),
        (("log", "meal", "oats 40g, " + "x" * 2000), "at most 2000 are kept"),
    ],
)
def test_edges_are_clear_refusals(
    aij: Run, aij_home: Path, args: tuple[str, ...], message: str
) -> None:
    assert aij("log", "stress=2").code == 0
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2, result.err
    assert message in result.err
    assert snapshot(aij_home) == before
