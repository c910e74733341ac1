"""Private by default: no network at run time, owner-only files, no health data in errors."""

import socket
from pathlib import Path

import pytest

from tests.conftest import Run

# About the SQLite journal file itself: skipped under AIJ_TEST_ENGINE=postgres.
pytestmark = pytest.mark.sqlite_only


class NoNetwork(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("aij tried to open a network socket")


def test_no_command_opens_a_socket(
    aij: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(socket, "socket", NoNetwork)
    monkeypatch.setattr(socket, "create_connection", NoNetwork)
    out = str(tmp_path)
    commands = [
        ("config", "set", "medications", "anastrozole 1 mg"),
        ("log", "joint-pain=4", "sleep=7"),
        ("log", "med"),
        ("log", "ex", "brisk-walk", "30m"),
        ("log", "meal", "salmon 150g, kale 1 cup"),
        ("log", "supp", "vitamin-d3-1000"),
        ("checkin", "joint-pain.severity=1"),
        ("day",),
        ("week",),
        ("trends",),
        ("insights",),
        ("plan", "check"),
        ("foods", "search", "kale"),
        # The commands of #12-#14, the files in and out, and the journal's own tools.
        ("med", "start", "letrozole", "--dose", "2.5 mg", "--date", "-20d"),
        ("med", "history"),
        ("log", "lab", "vitamin-d", "62", "nmol/L"),
        ("labs",),
        ("bone",),
        ("visit", "add", "tomorrow", "--with", "oncologist"),
        ("export", "json", "--out", f"{out}/all.json"),
        ("export", "csv", "--out", f"{out}/all.zip"),
        ("export", "xlsx", "--out", f"{out}/all.xlsx"),
        ("export", "study", "--journals", "me", "--out", f"{out}/study.zip"),
        ("report", "--out", f"{out}/visit.html"),
        ("--home", f"{out}/other", "import", f"{out}/all.json"),
        ("db", "backup"),
        ("db", "check"),
    ]
    for args in commands:
        result = aij(*args)
        assert result.code == 0, (args, result.err)


def test_every_file_in_the_home_is_owner_only(aij: Run, aij_home: Path) -> None:
    aij("config", "set", "medications", "letrozole")
    aij("log", "joint-pain=4")
    aij("foods", "recipe", "add", "salad", "kale 1 cup")
    aij("foods", "add", "my-bar", "--name", "Bar", "calcium_mg=100")
    for path in [aij_home, *aij_home.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


@pytest.mark.sqlite_only
def test_a_broken_journal_names_no_data(aij: Run, aij_home: Path) -> None:
    aij("log", "note", "my secret note")
    # Break the journal behind aij's back: the notes table disappears.
    import sqlite3

    conn = sqlite3.connect(aij_home / "journal.db")
    conn.execute("DROP TABLE note")
    conn.commit()
    conn.close()
    result = aij("day")
    assert result.code == 2
    assert "cannot be read as an aij journal (damaged?)" in result.err
    assert "secret" not in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
