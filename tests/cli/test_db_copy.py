"""`aij db copy` (#13): a journal copied to another database with every row, verified by
per-table counts and the SHA-256 of its JSON export; a target that holds entries refused
unless --merge, which adds only what is missing; every refusal changes nothing.

The expected values come from outside the command: the entries counted in the source file
with sqlite3, and the exports of source and copy compared byte for byte."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _ok(aij: Run, *args: str) -> str:
    result = aij(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def _exports(aij: Run, db: str, folder: Path) -> dict[str, bytes]:
    """Every file of the CSV export, and the JSON export, of the journal at ``db``."""
    folder.mkdir()
    _ok(aij, "--db", db, "export", "csv", "--out", str(folder / "csv"))
    _ok(aij, "--db", db, "export", "json", "--out", str(folder / "journal.json"))
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


def _entries_in_file(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])


def _notes(aij: Run, db: str, *texts: str) -> None:
    for index, text in enumerate(texts):
        _ok(aij, "--db", db, "log", "note", text, "--date", f"2026-10-{index + 1:02d}")


@pytest.mark.postgres
def test_a_generated_year_goes_to_the_server_and_back_byte_identical(
    aij: Run, tmp_path: Path, pg_url: str
) -> None:
    home = tmp_path / "generated"
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--home", str(home), "--quiet", "--years", "1"],
        capture_output=True,
        text=True,
        env={"AIJ_HOME": str(home), "AIJ_TODAY": TODAY.isoformat()},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    source = home / "journal.db"
    entries = _entries_in_file(source)
    assert entries > 1000  # a year of days, meals and symptoms

    there = json.loads(_ok(aij, "--db", _url(source), "db", "copy", "--to", pg_url, "--json"))
    assert there["tables"]["entry"] == {"source": entries, "target": entries}
    assert there["same_document"] and there["added"] == entries

    back = tmp_path / "back" / "journal.db"
    back.parent.mkdir()
    home_again = json.loads(_ok(aij, "--db", pg_url, "db", "copy", "--to", str(back), "--json"))
    assert home_again["same_document"] and home_again["sha256"] == there["sha256"]
    assert _entries_in_file(back) == entries

    original = _exports(aij, _url(source), tmp_path / "original")
    round_trip = _exports(aij, _url(back), tmp_path / "round-trip")
    assert len(original) > 10
    assert round_trip == original


def test_a_copy_to_a_file_is_the_same_journal_and_a_second_one_is_refused(
    aij: Run, tmp_path: Path
) -> None:
    source = _url(tmp_path / "a.db")
    _notes(aij, source, "knee better", "walked 30 min")
    _ok(aij, "--db", source, "log", "joint-pain=4", "--date", "2026-10-03")
    target = tmp_path / "b.db"
    out = " ".join(_ok(aij, "--db", source, "db", "copy", "--to", str(target)).split())
    assert "3 entries added" in out and "verified" in out
    assert _entries_in_file(target) == 3
    before = _exports(aij, _url(target), tmp_path / "before")
    assert before == _exports(aij, source, tmp_path / "source")

    again = aij("--db", source, "db", "copy", "--to", str(target))
    assert again.code == 2
    assert "already holds 3 entries; add --merge" in again.err
    assert _exports(aij, _url(target), tmp_path / "after") == before


@pytest.mark.parametrize(
    ("to", "said"),
    [
        ("SELF", "is the database the journal is in"),
        ("/no/such/folder/x.db", "does not exist"),
        ("mysql://someone@host/db", "is not allowed"),
        ("", "--to is empty"),
    ],
)
def test_a_target_that_cannot_be_copied_to_is_refused_and_nothing_changes(
    aij: Run, tmp_path: Path, to: str, said: str
) -> None:
    source_file = tmp_path / "a.db"
    _notes(aij, _url(source_file), "a note")
    before = source_file.read_bytes()
    result = aij(
        "--db", _url(source_file), "db", "copy", "--to", str(source_file) if to == "SELF" else to
    )
    assert result.code == 2
    assert said in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert source_file.read_bytes() == before


def test_a_journal_name_that_is_not_allowed_is_refused(aij: Run, tmp_path: Path) -> None:
    result = aij("db", "copy", "--journal", "Anna Smith", "--to", str(tmp_path / "x.db"))
    assert result.code == 2
    assert "journal name 'Anna Smith' is not allowed" in result.err
    assert not (tmp_path / "x.db").exists()


def test_merge_adds_only_the_entries_the_target_lacks(aij: Run, tmp_path: Path) -> None:
    source, target = _url(tmp_path / "a.db"), tmp_path / "b.db"
    _notes(aij, source, "one", "two", "three")
    _ok(aij, "--db", source, "db", "copy", "--to", str(target))
    _ok(aij, "--db", source, "log", "note", "four", "--date", "2026-10-20")
    _ok(aij, "--db", source, "log", "note", "five", "--date", "2026-10-21")
    _ok(aij, "--db", _url(target), "log", "note", "only in the copy", "--date", "2026-10-22")
    merged = json.loads(
        _ok(aij, "--db", source, "db", "copy", "--to", str(target), "--merge", "--json")
    )
    # By hand: 5 in the source, 3 of them copied before; the target had 3 + 1 of its own.
    assert (merged["added"], merged["already_there"]) == (2, 3)
    assert merged["tables"]["entry"] == {"source": 5, "target": 6}
    assert not merged["same_document"]
    assert _entries_in_file(target) == 6


def test_ids_another_journal_holds_are_renamed_and_the_counts_verify(
    aij: Run, tmp_path: Path
) -> None:
    """The same entries (same ids) as journal 'me' and as journal 'bea' of another file:
    copied into one database, bea's take new ids; the counts are the verification."""
    first, target = _url(tmp_path / "a.db"), tmp_path / "shared.db"
    _notes(aij, first, "one", "two")
    export = tmp_path / "me.json"
    _ok(aij, "--db", first, "export", "json", "--out", str(export))
    second = _url(tmp_path / "c.db")
    _ok(aij, "--db", second, "--journal", "bea", "import", str(export))
    _ok(aij, "--db", first, "db", "copy", "--to", str(target))
    copied = json.loads(
        _ok(aij, "--db", second, "db", "copy", "--journal", "bea", "--to", str(target), "--json")
    )
    assert (copied["added"], copied["renamed"]) == (2, 2)
    assert copied["tables"]["entry"] == {"source": 2, "target": 2}
    assert not copied["same_document"]
    with sqlite3.connect(target) as conn:
        rows = conn.execute("SELECT journal, count(*) FROM entry GROUP BY journal").fetchall()
    assert sorted(rows) == [("bea", 2), ("me", 2)]
