"""Lossless: export, import into an empty journal, export again gives the same bytes."""

import json
import zipfile
from pathlib import Path

import pytest

from aijournal.store.migrations import LATEST
from tests.cli.test_export_csv import D1, Built, fill_journal
from tests.conftest import Run
from tests.helpers import query, snapshot

ENTRIES = 27  # fill_journal: 14 on D1, 9 on D2, 2 visits, 2 questions


@pytest.fixture
def full_journal(aij_home: Path) -> Built:
    return fill_journal(aij_home)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_csv_zip_round_trip_is_byte_identical(
    aij: Run, aij_home: Path, full_journal: Built, tmp_path: Path
) -> None:
    first, second, other = tmp_path / "first.zip", tmp_path / "second.zip", tmp_path / "other"
    assert aij("export", "csv", "--out", str(first)).code == 0
    imported = aij("--home", str(other), "import", str(first))
    assert imported.code == 0, imported.err
    assert imported.out == (
        "restored config.yaml\n"
        f"imported {ENTRIES} entries from first.zip (0 already in the journal)\n"
    )
    assert (other / "config.yaml").read_bytes() == (aij_home / "config.yaml").read_bytes()
    assert aij("--home", str(other), "export", "csv", "--out", str(second)).code == 0
    assert members(first) == members(second)
    assert first.read_bytes() == second.read_bytes()  # fixed member times: the zip itself too
    assert len(members(first)) == 24  # the 23 CSV files and your-files/config.yaml


def test_csv_folder_round_trip(
    aij: Run, aij_home: Path, full_journal: Built, tmp_path: Path
) -> None:
    first, second, other = tmp_path / "first", tmp_path / "second", tmp_path / "other"
    assert aij("export", "csv", "--out", str(first)).code == 0
    assert aij("--home", str(other), "import", str(first)).code == 0
    assert aij("--home", str(other), "export", "csv", "--out", str(second)).code == 0
    names = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert "your-files/config.yaml" in names
    assert names == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_the_settings_travel_so_daily_csv_keeps_its_columns(
    aij: Run, full_journal: Built, tmp_path: Path
) -> None:
    first, second, other = tmp_path / "first.zip", tmp_path / "second.zip", tmp_path / "other"
    assert aij("export", "csv", "--out", str(first)).code == 0
    assert aij("--home", str(other), "import", str(first)).code == 0
    assert aij("--home", str(other), "export", "csv", "--out", str(second)).code == 0
    after = members(second)
    # The own symptom "mood" keeps its scale on the new machine: config.yaml came along.
    assert b",mood_minus5_5," in after["daily.csv"]
    assert after["daily.csv"] == members(first)["daily.csv"]


def test_json_round_trip_is_byte_identical(aij: Run, full_journal: Built, tmp_path: Path) -> None:
    first, second, other = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "other"
    assert aij("export", "json", "--out", str(first)).code == 0
    assert aij("--home", str(other), "import", str(first)).code == 0
    assert aij("--home", str(other), "export", "json", "--out", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert (data["format"], data["schema_version"], data["aij_version"]) == (
        "aij-journal",
        LATEST,
        "0.1.0",
    )
    assert len(data["tables"]["entry"]) == ENTRIES
    assert (
        len(data["tables"]) == 19
    )  # entry and the 18 detail tables (lab, lab_result, medication_event since #14)
    assert data["tables"]["meal_item"][0]["vitamin_d_ug"] is None  # unknown, not 0


def test_csv_and_json_hold_the_same_journal(aij: Run, full_journal: Built, tmp_path: Path) -> None:
    """Through CSV into one journal: its JSON export equals the original's."""
    zipped, original, other = tmp_path / "all.zip", tmp_path / "a.json", tmp_path / "other"
    assert aij("export", "csv", "--out", str(zipped)).code == 0
    assert aij("export", "json", "--out", str(original)).code == 0
    assert aij("--home", str(other), "import", str(zipped)).code == 0
    assert aij("--home", str(other), "export", "json", "--out", str(tmp_path / "b.json")).code == 0
    assert original.read_bytes() == (tmp_path / "b.json").read_bytes()


@pytest.mark.parametrize("name", ["all.zip", "all.json"])
def test_a_second_import_adds_nothing_and_changes_nothing(
    aij: Run, full_journal: Built, tmp_path: Path, name: str
) -> None:
    path, other = tmp_path / name, tmp_path / "other"
    kind = "json" if name.endswith("json") else "csv"
    assert aij("export", kind, "--out", str(path)).code == 0
    assert aij("--home", str(other), "import", str(path)).code == 0
    before = snapshot(other)
    again = aij("--home", str(other), "import", str(path))
    assert again.code == 0
    assert f"nothing to import: all {ENTRIES} entries of {name} are already" in again.out
    assert snapshot(other) == before


def test_into_a_journal_holding_some_entries_only_the_missing_are_added(
    aij: Run, full_journal: Built, tmp_path: Path
) -> None:
    part, whole, other = tmp_path / "d1.zip", tmp_path / "all.zip", tmp_path / "other"
    day = D1.isoformat()
    assert aij("export", "csv", "--from", day, "--to", day, "--out", str(part)).code == 0
    assert aij("export", "csv", "--out", str(whole)).code == 0
    assert "imported 14 entries" in aij("--home", str(other), "import", str(part)).out
    assert aij("--home", str(other), "log", "note", "written on the new machine").code == 0
    result = aij("--home", str(other), "import", str(whole))
    assert result.code == 0, result.err
    assert f"imported {ENTRIES - 14} entries from all.zip (14 already in the journal)" in result.out
    assert query(other, "SELECT count(*) FROM entry") == [(ENTRIES + 1,)]
    assert query(other, "SELECT count(*) FROM meal_item") == [(4,)]  # yogurt, kale, tablet, soup
