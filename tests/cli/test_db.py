"""`aij db backup|restore|check`, and the backup before an import (#11)."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import query, snapshot

# sqlite_only: about the SQLite journal file (skipped under AIJ_TEST_ENGINE=postgres).
pytestmark = [pytest.mark.dates, pytest.mark.sqlite_only]

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_backup_keeps_the_last_n(aij: Run, aij_home: Path) -> None:
    assert aij("log", "note", "one").code == 0
    assert aij("config", "set", "backups_kept", "2").code == 0
    for _ in range(3):
        assert aij("db", "backup").code == 0
    kept = sorted((aij_home / "backups").glob("journal-*.db"))
    assert len(kept) == 2
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)
    assert aij("config", "set", "backups_kept", "0").code == 2


def test_backup_never_overwrites(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    assert aij("log", "note", "one").code == 0
    target = tmp_path / "copy.db"
    target.write_text("mine")
    result = aij("db", "backup", str(target))
    assert result.code == 2 and "already exists" in result.err
    assert target.read_text() == "mine"


def test_check_names_problems_and_the_way_back(aij: Run, aij_home: Path) -> None:
    assert aij("log", "sleep", "7").code == 0
    assert aij("log", "note", "secret words").code == 0
    assert aij("db", "backup").code == 0
    assert aij("db", "check").code == 0
    conn = sqlite3.connect(aij_home / "journal.db")
    conn.execute("UPDATE sleep_record SET hours = 30")
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()
    result = aij("db", "check")
    assert result.code == 1
    assert "sleep_record.hours are out of range" in result.err
    assert "1 note entries have no details" in result.err
    assert "aij db restore" in result.err and "secret" not in result.err


def test_check_finds_a_damaged_index(aij: Run, aij_home: Path) -> None:
    """A file that still opens and reads, with an index that no longer matches its table:
    only SQLite's integrity check sees it."""
    assert aij("log", "note", "a").code == 0
    assert aij("log", "sleep", "7").code == 0
    conn = sqlite3.connect(aij_home / "journal.db")
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_entry_day ON entry (kind)' "
        "WHERE name = 'ix_entry_day'"
    )
    conn.commit()
    conn.close()
    result = aij("db", "check")
    assert result.code == 1
    assert "integrity check failed (2 problems): damaged" in result.err, result.err


def test_restore_migrates_an_old_journal_and_keeps_the_current(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    assert aij("log", "note", "today's").code == 0
    old = tmp_path / "old.db"
    shutil.copy(FIXTURES / "journal-v1.db", old)
    before = old.read_bytes()
    result = aij("db", "restore", str(old))
    assert result.code == 0, result.err
    assert old.read_bytes() == before
    assert query(aij_home, "SELECT count(*) FROM note") == [(1,)]  # the fixture's one note
    assert query(aij_home, "SELECT max(version) FROM schema_version")[0][0] >= 7
    [kept] = (aij_home / "backups").glob("*before-restore.db")
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT text FROM note").fetchall() == [("today's",)]
    conn.close()
    # ... and the restore itself can be undone.
    assert aij("db", "restore", str(kept)).code == 0
    assert query(aij_home, "SELECT text FROM note") == [("today's",)]


def test_restore_refuses_what_is_not_a_journal(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    assert aij("log", "note", "x").code == 0
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    before = snapshot(aij_home)
    for bad in (other, FIXTURES / "README.md"):
        result = aij("db", "restore", str(bad))
        assert result.code == 2 and "not an aij journal" in result.err
    assert snapshot(aij_home) == before


def test_an_import_into_a_journal_with_entries_backs_up_first(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    export = tmp_path / "x.json"
    assert aij("--home", str(tmp_path / "other"), "log", "note", "one").code == 0
    assert aij("--home", str(tmp_path / "other"), "export", "json", "--out", str(export)).code == 0
    assert aij("log", "note", "two").code == 0
    assert aij("import", str(export)).code == 0
    [kept] = (aij_home / "backups").glob("*before-import.db")
    assert sqlite3.connect(kept).execute("SELECT text FROM note").fetchall() == [("two",)]
    # A refused import leaves no backup behind (nor does one that adds nothing).
    kept.unlink()
    assert aij("import", str(export)).code == 0
    assert not list((aij_home / "backups").glob("*.db"))
    export.write_text(export.read_text().replace('"one"', '"changed"'))
    before = snapshot(aij_home)
    assert aij("import", str(export)).code == 2
    assert snapshot(aij_home) == before
