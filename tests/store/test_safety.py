"""Never lose a day (#11): SIGKILLs at random moments, processes racing on a new or an old
journal, writers with a reader and a backup, full and read-only disks, odd files where the
journal should be, owner-only modes. Real files, real processes, real signals.

The fault runs fork real aij processes from tests/store/faultdriver.py (one subprocess with
a timeout); bench/safety.py runs the same with the full counts."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import TODAY, query, run_subprocess, snapshot

# sqlite_only: about the SQLite journal file (skipped under AIJ_TEST_ENGINE=postgres).
# Not marked `dates`: what a kill leaves behind does not depend on the day (and these are
# the slowest tests, so the date matrix in .ci/run leaves them out).
pytestmark = [pytest.mark.sqlite_only]

DRIVER = Path(__file__).with_name("faultdriver.py")
FIXTURES = Path(__file__).parents[1] / "fixtures"


def drive(mode: str, where: Path, first: int, second: int) -> list[dict[str, Any]]:
    env = {**os.environ, "AIJ_TODAY": TODAY.isoformat(), "PYTHONPATH": str(DRIVER.parents[2])}
    done = subprocess.run(
        [sys.executable, str(DRIVER), mode, str(where), str(first), str(second)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


# -- crash: 50 SIGKILLs in all ----------------------------------------------------------------


def test_sigkill_while_logging_loses_no_reported_entry(tmp_path: Path) -> None:
    runs = drive("crash-log", tmp_path / "home", 35, 11)
    assert len(runs) == 35
    for run in runs:
        assert run["integrity"] == "ok", run
        assert run["missing"] == [] and run["unexpected"] == [], run
        assert run["orphans"] == 0, run  # no entry without its note: one transaction


def test_sigkill_while_importing_is_all_or_nothing(tmp_path: Path) -> None:
    runs = drive("crash-import", tmp_path, 15, 7)
    assert len(runs) == 15
    for run in runs:
        assert run["integrity"] == "ok", run
        assert run["entries"] in run["expected"], run
        assert run["backups_whole"], run
        assert run["stray"] == [], run


# -- concurrency ------------------------------------------------------------------------------


def test_eight_processes_on_a_new_home_at_once(tmp_path: Path) -> None:
    [result] = drive("crowd", tmp_path / "home", 8, 6)
    assert result == {"integrity": "ok", "failures": 0, "missing": 0, "stray": []}


def test_six_processes_on_an_old_journal_at_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "journal-v1.db", home / "journal.db")
    [result] = drive("crowd", home, 6, 6)
    assert result == {"integrity": "ok", "failures": 0, "missing": 0, "stray": []}
    # One migration, one backup: the others waited and found it done.
    assert len(list(home.glob("journal.db.v1-*.bak"))) == 1
    assert query(home, "SELECT count(*) FROM symptom_rating WHERE name='joint-pain'") == [(2,)]


def test_a_backup_during_four_writers_checks_and_restores(tmp_path: Path) -> None:
    home = tmp_path / "home"
    [result] = drive("load", home, 4, 25)
    assert result["integrity"] == "ok" and result["failures"] == 0 and result["missing"] == 0
    assert "locked" not in result["stderr"] and "busy" not in result["stderr"], result["stderr"]
    assert result["backup_code"] == 0
    # Every note committed before the backup began is in it (a plain copy of the file
    # misses those still in the WAL).
    assert result["committed_before_backup"] > 1 and result["not_in_backup"] == 0, result
    backup = Path(result["backup"])
    assert backup.stat().st_mode & 0o777 == 0o600
    checked = run_subprocess("db", "check", str(backup), home=home)
    assert checked.code == 0 and "sound" in checked.out, checked.err
    held = sqlite3.connect(backup).execute("SELECT count(*) FROM entry").fetchone()[0]
    other = tmp_path / "other"
    restored = run_subprocess("db", "restore", str(backup), home=other)
    assert restored.code == 0, restored.err
    assert query(other, "SELECT count(*) FROM entry") == [(held,)]
    assert run_subprocess("db", "check", home=other).code == 0


# -- full and read-only disks -----------------------------------------------------------------


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(mode=0o700)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
            capture_output=True,
            timeout=10,
        )
    except OSError:
        pytest.skip("mount is not available here")
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=10)


def fill(disk: Path) -> None:
    """Write a filler file until the disk refuses more."""
    chunk = b"\0" * 65536
    with (disk / "filler").open("wb") as handle:
        try:
            while True:
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    for size in (4096, 512, 1):
        try:
            with (disk / f"filler-{size}-{time.monotonic_ns()}").open("wb") as handle:
                while True:
                    handle.write(b"\0" * size)
                    handle.flush()
        except OSError:
            pass


def content(home: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{home / 'journal.db'}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_full_disk_says_no_space_and_changes_nothing(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "2m") as disk:
        home = disk / "home"
        assert run_subprocess("log", "note", "first", home=home).code == 0
        assert run_subprocess("config", "set", "units", "metric", home=home).code == 0
        before, names = content(home), sorted(p.name for p in home.iterdir())
        for args in (("log", "note", "x" * 5000), ("config", "set", "units", "imperial")):
            fill(disk)  # again: a failed write may have freed what it had taken
            result = run_subprocess(*args, home=home)
            assert result.code != 0
            assert "no space" in result.err and "damaged" not in result.err, result.err
            assert "internal error" not in result.err
        read = run_subprocess("day", home=home)
        assert "damaged" not in read.err and "internal error" not in read.err, read.err
        for filler in disk.glob("filler*"):
            filler.unlink()
        assert content(home) == before
        assert sorted(p.name for p in home.iterdir() if not p.name.startswith("journal.db-")) == [
            n for n in names if not n.startswith("journal.db-")
        ]
        assert not [p for p in home.rglob("*") if ".tmp-" in p.name]


def test_a_migration_on_a_full_disk_leaves_no_half_backup(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "1m") as disk:
        home = disk / "home"
        home.mkdir(mode=0o700)
        shutil.copy(FIXTURES / "journal-v1.db", home / "journal.db")
        original = (home / "journal.db").read_bytes()
        fill(disk)
        # Leave room to open the journal (its -shm) but not for a copy of it: the backup
        # step is where the disk fills.
        room = (home / "journal.db").stat().st_size // 2
        (disk / "filler").unlink()
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        with (disk / "filler").open("wb") as handle:
            handle.write(b"\0" * max(0, free - room))
        result = run_subprocess("log", "note", "hello", home=home)
        assert result.code != 0 and "no space" in result.err, result.err
        assert sorted(p.name for p in home.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
            "journal.db"
        ]
        assert (home / "journal.db").read_bytes() == original


def test_sqlite_full_without_root_is_no_space(tmp_path: Path) -> None:
    """The path with no mount: SQLite's max_page_count gives the same SQLITE_FULL."""
    from sqlalchemy import event

    from aijournal.errors import JournalError
    from aijournal.store.db import open_journal
    from aijournal.store.entries import new_entry
    from aijournal.store.models import Note

    journal = open_journal(tmp_path / "journal.db")
    pages = query(tmp_path, "PRAGMA page_count")[0][0]

    @event.listens_for(journal.engine, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    journal.engine.dispose()
    with pytest.raises(JournalError, match="no space"), journal.write() as session:
        for _ in range(50):
            entry = new_entry(session=session, day=TODAY, kind="note")
            session.add(Note(entry_id=entry.id, text="x" * 5000))
    journal.close()
    assert query(tmp_path, "SELECT count(*) FROM entry") == [(0,)]


def test_a_read_only_home_says_read_only(tmp_path: Path) -> None:
    if os.getuid() != 0:
        home = tmp_path / "home"
        assert run_subprocess("log", "note", "first", home=home).code == 0
        (home / "journal.db").chmod(0o400)
        home.chmod(0o500)
        try:
            result = run_subprocess("log", "note", "second", home=home)
        finally:
            home.chmod(0o700)
        assert result.code == 1 and "damaged" not in result.err, result.err
        assert "permission" in result.err or "read-only" in result.err, result.err
        return
    with tmpfs(tmp_path / "disk", "2m") as disk:
        home = disk / "home"
        assert run_subprocess("log", "note", "first", home=home).code == 0
        before = snapshot(home)
        remount = subprocess.run(
            ["mount", "-o", "remount,ro", str(disk)], capture_output=True, timeout=10
        )
        assert remount.returncode == 0
        result = run_subprocess("log", "note", "second", home=home)
        assert result.code == 1 and "read-only" in result.err, result.err
        assert "damaged" not in result.err
        assert snapshot(home) == before


# -- odd files where the journal or the settings should be -----------------------------------


def test_a_fifo_journal_is_refused_at_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    os.mkfifo(home / "journal.db")
    for args in (("day",), ("log", "note", "x")):
        started = time.monotonic()
        result = run_subprocess(*args, home=home)
        assert time.monotonic() - started < 30
        assert result.code == 2 and "FIFO" in result.err, result.err


def test_a_dangling_symlink_is_named(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "journal.db").symlink_to(tmp_path / "gone" / "journal.db")
    result = run_subprocess("log", "note", "x", home=home)
    assert result.code == 2 and "does not exist" in result.err and "symbolic link" in result.err
    assert not (tmp_path / "gone").exists()


def test_a_damaged_file_is_still_called_damaged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "note", "x", home=home).code == 0
    data = bytearray((home / "journal.db").read_bytes())
    data[100:4096] = os.urandom(3996)
    (home / "journal.db").write_bytes(bytes(data))
    result = run_subprocess("day", home=home)
    assert result.code == 2 and "damaged" in result.err, result.err


def test_schema_version_minus_one_is_refused_clearly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "note", "x", home=home).code == 0
    conn = sqlite3.connect(home / "journal.db")
    conn.execute("DELETE FROM schema_version")
    conn.execute("INSERT INTO schema_version VALUES (-1, '2026-01-01 00:00:00')")
    conn.commit()
    conn.close()
    result = run_subprocess("day", home=home)
    assert result.code == 2 and "schema version -1" in result.err, result.err
    assert "KeyError" not in result.err


def test_a_huge_config_is_refused_fast(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "config.yaml").write_text("units: '" + "x" * 10_000_000 + "'\n")
    started = time.monotonic()
    result = run_subprocess("config", "show", home=home)
    assert time.monotonic() - started < 20
    assert result.code == 2 and "at most 256 KB" in result.err, result.err


# -- modes, backups of personal files, temporary files ---------------------------------------


def _owner_only(home: Path) -> list[str]:
    wrong = []
    for path in [home, *home.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        if mode != (0o700 if path.is_dir() else 0o600):
            wrong.append(f"{path.relative_to(home)} {oct(mode)}")
    return wrong


def test_every_file_is_owner_only_under_umask_000(tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    env = {"AIJ_HOME": str(home), "AIJ_TODAY": TODAY.isoformat(), "COLUMNS": "100"}
    script = (
        "import os, sys; os.umask(0); from aijournal.cli import main\n"
        "for line in sys.stdin.read().splitlines():\n"
        "    try:\n        main(line.split('|'))\n    except SystemExit:\n        pass\n"
    )
    commands = [
        "log|joint-pain=4|--note|n",
        "config|set|units|metric",
        "config|set|units|imperial",
        "foods|recipe|add|salad|kale 1 cup",
        "foods|recipe|add|soup|kale 2 cup",
        "foods|add|my-bar|--name|Bar|calcium_mg=100",
        "foods|add|my-bar2|--name|Bar2|calcium_mg=100",
        "db|backup",
        f"export|json|--out|{tmp_path / 'x.json'}",
        f"import|{tmp_path / 'x.json'}",
    ]
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="\n".join(commands),
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr
    assert (home / "config.yaml.bak").exists() and (home / "recipes.yaml.bak").exists()
    assert list((home / "backups").glob("*.db"))
    assert _owner_only(tmp_path / "new") == []
    # An old journal migrated under umask 000: its .bak too.
    old = tmp_path / "old"
    old.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "journal-v1.db", old / "journal.db")
    (old / "journal.db").chmod(0o600)
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="log|note|x",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env, "AIJ_HOME": str(old)},
    )
    assert list(old.glob("journal.db.v1-*.bak")) and _owner_only(old) == []


def test_an_open_home_and_journal_are_tightened(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "note", "x", home=home).code == 0
    home.chmod(0o755)
    (home / "journal.db").chmod(0o644)
    assert run_subprocess("day", home=home).code == 0
    assert home.stat().st_mode & 0o777 == 0o700
    assert (home / "journal.db").stat().st_mode & 0o777 == 0o600


def test_a_bak_never_follows_a_symlink(tmp_path: Path) -> None:
    home = tmp_path / "home"
    outside = tmp_path / "outside.txt"
    outside.write_text("not yours")
    assert run_subprocess("foods", "recipe", "add", "salad", "kale 1 cup", home=home).code == 0
    (home / "recipes.yaml.bak").symlink_to(outside)
    assert run_subprocess("foods", "recipe", "add", "soup", "kale 2 cup", home=home).code == 0
    assert outside.read_text() == "not yours"
    bak = home / "recipes.yaml.bak"
    assert not bak.is_symlink() and bak.stat().st_mode & 0o777 == 0o600
    assert "salad" in bak.read_text()


def test_stale_temporary_files_of_ours_are_removed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "note", "x", home=home).code == 0
    dead = 2**22 + 12345  # above pid_max's default: no such process
    stale = home / f".journal.db.v1-20260101T000000.bak.tmp-{dead}"
    stale.write_bytes(b"half a backup")
    live = home / f".config.yaml.tmp-{os.getpid()}"
    live.write_bytes(b"someone is writing")
    assert run_subprocess("day", home=home).code == 0
    assert not stale.exists() and live.exists()
