"""`aij import` refusals: one line naming the file, the row and why; exit 2; nothing written."""

import csv
import json
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from aijournal.store.migrations import LATEST
from tests.cli.test_export_csv import D1, Built, fill_journal
from tests.conftest import Run
from tests.helpers import TODAY, query, snapshot

pytestmark = pytest.mark.dates

Rows = list[list[str]]
TOMORROW = (TODAY + timedelta(days=1)).isoformat()


@pytest.fixture
def source(tmp_path: Path) -> Built:
    """A full journal in another home (the one being exported)."""
    return fill_journal(tmp_path / "source")


@pytest.fixture
def export_dir(aij: Run, source: Built, tmp_path: Path) -> Path:
    out = tmp_path / "export"
    result = aij("--home", str(tmp_path / "source"), "export", "csv", "--out", str(out))
    assert result.code == 0, result.err
    return out


@pytest.fixture
def target(aij: Run, aij_home: Path) -> dict[str, str]:
    """The journal imported into: it holds entries of its own; its fingerprint."""
    assert aij("log", "stress=2", "--note", "mine").code == 0
    return snapshot(aij_home)


def rewrite(folder: Path, name: str, change: Callable[[Rows], None]) -> None:
    path = folder / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def zipped(folder: Path, path: Path, skip: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for member in sorted(folder.iterdir()):
            if member.name != skip:
                archive.write(member, member.name)
    return path


def set_cell(row: int, column: str, value: str) -> Callable[[Rows], None]:
    def change(rows: Rows) -> None:
        rows[row - 1][rows[0].index(column)] = value

    return change


def refused(aij: Run, home: Path, before: dict[str, str], path: Path) -> str:
    result = aij("import", str(path))
    assert result.code == 2, (result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1
    assert snapshot(home) == before
    return result.err.strip()


# Rows of symptoms.csv (header = row 1): D1 joint-pain 6, stiffness, fatigue; D2 joint-pain,
# mood, dry-eyes. Of sleep.csv: D1's night only.
CSV_CASES = [
    (
        "symptoms.csv",
        set_cell(2, "value", "11"),
        "src.zip: symptoms.csv row 2: joint-pain=11 is outside its range 0-10",
    ),
    (
        "symptoms.csv",
        set_cell(3, "value", "abc"),
        "src.zip: symptoms.csv row 3: column value: 'abc' is not a number",
    ),
    ("symptoms.csv", set_cell(3, "value", "6,5"), "'6,5' is not a number (use . as the decimal"),
    (
        "symptoms.csv",
        set_cell(2, "date", TOMORROW),
        f"symptoms.csv row 2: date {TOMORROW} is in the future (only visits may be)",
    ),
    (
        "symptoms.csv",
        set_cell(2, "date", "27/11/2026"),
        "symptoms.csv row 2: column date: '27/11/2026' is not an ISO date",
    ),
    (
        "sleep.csv",
        set_cell(2, "hours", "25"),
        "sleep.csv row 2: column hours: 25 is above the highest allowed, 24",
    ),
    (
        "body_measures.csv",
        set_cell(2, "value", "1000"),
        "column value: 1000 is above the highest allowed, 400",
    ),
    ("sites.csv", set_cell(2, "sites", "hands,tail"), "unknown body site 'tail'"),
    (
        "exercise_items.csv",
        set_cell(2, "kind", "dancing"),
        "exercise_items.csv row 2: column kind: 'dancing' is not allowed; use resistance",
    ),
    ("medication_doses.csv", set_cell(2, "taken", "maybe"), "'maybe' is not true or false"),
    ("checkin_answers.csv", set_cell(2, "value", "7"), "7 is above the highest allowed, 4"),
    (
        "questions.csv",
        set_cell(3, "text", ""),
        "questions.csv row 3: column text: the text is empty",
    ),
    (
        "questions.csv",
        set_cell(2, "answered_on", TOMORROW),
        f"answered_on {TOMORROW} is in the future",
    ),
    ("symptoms.csv", lambda rows: [r.pop() for r in rows], "symptoms.csv: missing column value"),
    ("symptoms.csv", lambda rows: [r.append("x") for r in rows], "unknown column x"),
    (
        "notes.csv",
        lambda rows: rows[2].append("extra"),
        "notes.csv row 3: 6 cells, the header has 5",
    ),
    ("notes.csv", lambda rows: rows.append(list(rows[1])), "notes.csv row 6: entry id"),
    (
        "meal_items.csv",
        set_cell(2, "entry_id", "zzzzzz"),
        "meal_items.csv row 2: entry zzzzzz is not an entry these items belong to",
    ),
    (
        "aij-export.csv",
        set_cell(3, "value", "99"),
        f"src.zip was written by a newer aij (schema 99, this one knows {LATEST}); upgrade aij",
    ),
]


@pytest.mark.parametrize(("name", "change", "message"), CSV_CASES)
def test_a_bad_csv_export_is_refused_whole(
    aij: Run,
    aij_home: Path,
    target: dict[str, str],
    export_dir: Path,
    tmp_path: Path,
    name: str,
    change: Callable[[Rows], None],
    message: str,
) -> None:
    rewrite(export_dir, name, change)
    error = refused(aij, aij_home, target, zipped(export_dir, tmp_path / "src.zip"))
    assert message in error
    assert error.endswith("nothing was imported")


def test_a_bad_row_in_the_last_file_refuses_the_rows_before_it(
    aij: Run, aij_home: Path, target: dict[str, str], export_dir: Path, tmp_path: Path
) -> None:
    # questions.csv is read last: every entry before it was valid, and none may be written.
    rewrite(export_dir, "questions.csv", set_cell(2, "answered_on", "someday"))
    error = refused(aij, aij_home, target, zipped(export_dir, tmp_path / "src.zip"))
    assert "questions.csv row 2: column answered_on: 'someday' is not an ISO date" in error
    assert query(aij_home, "SELECT count(*) FROM entry") == [(2,)]  # stress and the note


def test_a_missing_file_and_not_utf8(
    aij: Run, aij_home: Path, target: dict[str, str], export_dir: Path, tmp_path: Path
) -> None:
    error = refused(aij, aij_home, target, zipped(export_dir, tmp_path / "a.zip", skip="notes.csv"))
    assert "a.zip: notes.csv: missing from the export" in error
    (export_dir / "notes.csv").write_bytes(b"entry_id,date\xff\xfe\r\n")
    error = refused(aij, aij_home, target, zipped(export_dir, tmp_path / "b.zip"))
    assert "b.zip: notes.csv: not UTF-8 text" in error


def test_foreign_and_unreadable_files(
    aij: Run, aij_home: Path, target: dict[str, str], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.zip"
    assert f"cannot read {missing}: No such file or directory" in refused(
        aij, aij_home, target, missing
    )
    text = tmp_path / "notes.txt"
    text.write_text("joint pain 6\n")
    assert "notes.txt is not an aij export (neither aij's zip nor its JSON)" in refused(
        aij, aij_home, target, text
    )
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("cat.txt", "meow")
    assert "photos.zip is not an aij export (it has no aij-export.csv)" in refused(
        aij, aij_home, target, other_zip
    )
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "is not a readable zip file" in refused(aij, aij_home, target, broken)
    other_json = tmp_path / "other.json"
    other_json.write_text('{"entries": []}')
    assert 'other.json is not an aij export (no "format": "aij-journal")' in refused(
        aij, aij_home, target, other_json
    )
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format": "aij-journal",\n oops}')
    assert "bad.json is not valid JSON (line 2, column 2)" in refused(
        aij, aij_home, target, bad_json
    )


@pytest.fixture
def export_json(aij: Run, source: Built, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    out = tmp_path / "all.json"
    assert aij("--home", str(tmp_path / "source"), "export", "json", "--out", str(out)).code == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _symptom_value(data: dict, value: object) -> None:  # type: ignore[type-arg]
    data["tables"]["symptom_rating"][0]["value"] = value


JSON_CASES = [
    (
        lambda d: d.update(schema_version=LATEST + 1),
        f"j.json was written by a newer aij (schema {LATEST + 1}",
    ),
    (
        lambda d: _symptom_value(d, "6"),
        'table symptom_rating row 1: column value: "6" is not a number',
    ),
    (lambda d: _symptom_value(d, True), "column value: true is not a number"),
    (lambda d: _symptom_value(d, 12), "joint-pain=12 is outside its range 0-10"),
    (
        lambda d: d["tables"]["entry"][0].update(kind="mood"),
        "table entry row 1: unknown kind 'mood'",
    ),
    (
        lambda d: d["tables"]["entry"][0].update(colour="red"),
        "table entry row 1: unknown column colour",
    ),
    (lambda d: d["tables"].pop("note"), "table note: missing, or not a list of rows"),
    (lambda d: d["tables"].update(extra=[]), "table extra: not a table of an aij journal"),
    (lambda d: d["tables"]["note"].pop(), "has no note row"),
    (lambda d: d["tables"]["entry"].append(dict(d["tables"]["entry"][0])), "appears twice"),
]


@pytest.mark.parametrize(("change", "message"), JSON_CASES)
def test_a_bad_json_export_is_refused_whole(
    aij: Run,
    aij_home: Path,
    target: dict[str, str],
    export_json: dict,  # type: ignore[type-arg]
    tmp_path: Path,
    change: Callable[[dict], None],  # type: ignore[type-arg]
    message: str,
) -> None:
    change(export_json)
    path = tmp_path / "j.json"
    path.write_text(json.dumps(export_json), encoding="utf-8")
    assert message in refused(aij, aij_home, target, path)


def test_a_duplicate_id_with_different_content(
    aij: Run, aij_home: Path, export_dir: Path, source: Built, tmp_path: Path
) -> None:
    assert aij("import", str(zipped(export_dir, tmp_path / "first.zip"))).code == 0
    before = snapshot(aij_home)
    rewrite(export_dir, "notes.csv", set_cell(2, "text", "changed on the other machine"))
    error = refused(aij, aij_home, before, zipped(export_dir, tmp_path / "second.zip"))
    note_id = query(aij_home, "SELECT entry_id FROM note WHERE text LIKE '=HYPERLINK%'")[0][0]
    assert f"second.zip: notes.csv row 2: entry {note_id} is already in the journal with" in error
    assert "different content (a duplicate id)" in error


def test_a_second_rating_for_the_same_day_is_refused(
    aij: Run, aij_home: Path, export_dir: Path, tmp_path: Path
) -> None:
    assert aij("log", "joint-pain=2", "--date", D1.isoformat()).code == 0
    mine = query(aij_home, "SELECT entry_id FROM symptom_rating")[0][0]
    before = snapshot(aij_home)
    error = refused(aij, aij_home, before, zipped(export_dir, tmp_path / "src.zip"))
    assert (
        f"symptoms.csv row 2: the journal already has a symptom entry for joint-pain on {D1} "
        f"({mine})"
    ) in error
