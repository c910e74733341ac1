"""Every refusal: one line naming the value and what is allowed, exit 2, nothing changed."""

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, snapshot

pytestmark = pytest.mark.dates


@pytest.fixture
def journal_with_data(aij: Run, aij_home: Path) -> dict[str, str]:
    """A journal holding a few entries, and its fingerprint."""
    assert aij("config", "set", "medications", "anastrozole 1 mg").code == 0
    assert aij("log", "joint-pain=5", "sleep=7", "--note", "baseline").code == 0
    return snapshot(aij_home)


TOMORROW = (TODAY + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "joint-pain=11"), "joint-pain=11 is outside its range 0-10"),
        (("log", "stiffness=-5"), "stiffness=-5 is outside its range 0-1440"),
        (("log", "join-pain=6"), "unknown symptom 'join-pain' (did you mean joint-pain?)"),
        (("log", "joint-pain=6", "--date", "26/11/2026"), "'26/11/2026' is not a date"),
        (("log", "joint-pain=6", "--date", TOMORROW), f"{TOMORROW} is in the future"),
        (("log", "weight=abc"), "weight 'abc' is not a number"),
        (("log", "weight", "abc"), "weight 'abc' is not a number"),
        (("log", "joint-pain=4", "fatigue=9"), "fatigue=9 is outside its range 0-4"),
        (("log", "joint-pain=4", "--where", "kness"), "did you mean knees"),
        (("log", "mind", "0"), "mind=0 is outside the allowed range"),
        (("log", "note", "  "), "the note is empty"),
        (("log", "med", "tamoxifen"), "'tamoxifen' is not one of your medications"),
        (("log", "med", "--reason", "x"), "--reason goes with --skipped"),
        (("edit", "zzzzzz", "value=3"), "no entry has the id 'zzzzzz'"),
        (("rm", "zzzzzz", "--yes"), "no entry has the id 'zzzzzz'"),
        (("entries", "--kind", "symptons"), "unknown kind 'symptons' (did you mean symptom"),
        (("config", "set", "colour", "red"), "unknown setting 'colour'"),
        (("config", "set", "units", "furlongs"), "units 'furlongs' is not allowed"),
        (("config", "set", "medications", "1 mg"), "is not NAME DOSE"),
    ],
)
def test_refusal_changes_nothing(
    aij: Run, aij_home: Path, journal_with_data: dict[str, str], args: tuple[str, ...], message: str
) -> None:
    result = aij(*args)
    assert result.code == 2, (result.out, result.err)
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == journal_with_data


def test_a_bad_value_refuses_the_whole_line(aij: Run, aij_home: Path) -> None:
    aij("log", "stress=2")
    before = snapshot(aij_home)
    assert aij("log", "joint-pain=6", "stress=12").code == 2
    assert snapshot(aij_home) == before


def test_edit_refuses_out_of_range_and_unknown_keys(aij: Run, aij_home: Path) -> None:
    aij("log", "joint-pain=5")
    import json

    entry_id = json.loads(aij("entries", "--json").out)[0]["id"]
    before = snapshot(aij_home)
    result = aij("edit", entry_id, "value=12")
    assert result.code == 2 and "outside" in result.err
    result = aij("edit", entry_id, "valu=3")
    assert result.code == 2 and "did you mean value" in result.err
    assert snapshot(aij_home) == before


def test_rm_off_a_terminal_needs_yes(aij: Run, aij_home: Path) -> None:
    aij("log", "joint-pain=5")
    import json

    entry_id = json.loads(aij("entries", "--json").out)[0]["id"]
    before = snapshot(aij_home)
    result = aij("rm", entry_id)
    assert result.code == 2 and "--yes" in result.err
    assert snapshot(aij_home) == before


@pytest.mark.sqlite_only
def test_a_file_that_is_not_sqlite_is_left_untouched(aij: Run, aij_home: Path) -> None:
    aij_home.mkdir(mode=0o700)
    journal = aij_home / "journal.db"
    journal.write_text("my shopping list\n")
    before = snapshot(aij_home)
    result = aij("log", "joint-pain=5")
    assert result.code == 2
    assert "not an aij journal (not a SQLite file); left untouched" in result.err
    assert snapshot(aij_home) == before


@pytest.mark.sqlite_only
def test_a_damaged_journal_is_left_untouched(aij: Run, aij_home: Path) -> None:
    aij("log", "joint-pain=5")
    journal = aij_home / "journal.db"
    data = bytearray(journal.read_bytes())
    data[16:100] = b"\xff" * 84  # wreck the header after the magic string
    journal.write_bytes(bytes(data))
    before = snapshot(aij_home)
    result = aij("day", "--json")
    assert result.code == 2
    assert "cannot be read as an aij journal (damaged?)" in result.err
    assert snapshot(aij_home) == before


@pytest.mark.sqlite_only
def test_another_programs_database_is_left_untouched(aij: Run, aij_home: Path) -> None:
    import sqlite3

    aij_home.mkdir(mode=0o700)
    conn = sqlite3.connect(aij_home / "journal.db")
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = snapshot(aij_home)
    result = aij("log", "joint-pain=5")
    assert result.code == 2 and "not an aij journal" in result.err
    assert snapshot(aij_home) == before


@pytest.mark.sqlite_only(
    reason="a journal on a server needs no home folder to log: only the file is kept there"
)
def test_a_home_that_cannot_be_created(aij: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = aij("--home", str(blocker / "aij"), "log", "joint-pain=5")
    assert result.code == 2
    assert "cannot create the aij home folder" in result.err
    assert blocker.read_text() == "x"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour: red\n", "config.yaml:1: colour: unknown key"),
        ("profile: ai-women-51-plus\nunits: furlongs\n", "config.yaml:2: units: allowed:"),
        (
            "medications:\n  - name: anastrozole\n    doze: 1 mg\n",
            "config.yaml:3: medications.0.doze",
        ),
        ("units: [\n", "config.yaml:"),
        ("units: metric\nunits: imperial\n", "config.yaml:2: duplicate key 'units'"),
    ],
)
def test_a_bad_config_file_names_file_line_and_key(
    aij: Run, aij_home: Path, text: str, message: str
) -> None:
    aij_home.mkdir(mode=0o700)
    (aij_home / "config.yaml").write_text(text)
    before = snapshot(aij_home)
    result = aij("log", "joint-pain=5")
    assert result.code == 2
    assert message in result.err
    assert snapshot(aij_home) == before
