"""#12 end to end: daily.csv, the xlsx Daily sheet and `aij day` agree at clinical precision;
the long-form files and JSON carry no float noise; times say UTC with a Z, and the older form
without a zone still imports; ids written before (digits first) still work."""

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from aijournal.export.tables import CSV_FILES
from tests.cli.test_export_csv import D1, Built, as_dicts, fill_journal, read_csv
from tests.conftest import Run
from tests.helpers import execute, query

pytestmark = pytest.mark.dates

# The yogurt's grams as a computation leaves them (0.18 x 120): 21.6 with float noise.
NOISY_GRAMS = 21.599999999999998


@pytest.fixture
def built(aij_home: Path) -> Built:
    built = fill_journal(aij_home)
    execute(
        aij_home, f"UPDATE meal_item SET grams = {NOISY_GRAMS!r} WHERE food_id = 'greek-yogurt'"
    )
    return built


def test_daily_csv_xlsx_and_aij_day_show_the_same_digits(
    aij: Run, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # By hand: calcium 190 + 100.5 + 600 = 890.5 mg, whole with halves up: 891; magnesium
    # 18.7 + 22.8 = 41.5: 42; vitamin K 0.3 + 261 = 261.3 µg: 261; protein 19.9 + 2.9 =
    # 22.8 g; from supplements: calcium 600, vitamin D 10.
    expected = {
        "calcium_mg": "891",
        "magnesium_mg": "42",
        "vitamin_k_ug": "261",
        "protein_g": "22.8",
        "calcium_mg_from_supplements": "600",
        "vitamin_d_ug_from_supplements": "10",
    }
    assert aij("export", "csv", "--out", str(tmp_path / "csv")).code == 0
    day = next(r for r in as_dicts(tmp_path / "csv" / "daily.csv") if r["date"] == D1.isoformat())
    assert {k: day[k] for k in expected} == expected

    assert aij("export", "xlsx", "--out", str(tmp_path / "a.xlsx")).code == 0
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["Daily"]
    header = read_csv(tmp_path / "csv" / "daily.csv")[0]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value.date() == D1)
    cells = dict(zip(header, row, strict=True))
    assert {k: cells[k].value for k in expected} == {k: float(v) for k, v in expected.items()}
    assert cells["vitamin_k_ug"].number_format == "0"  # µg whole
    assert cells["protein_g"].number_format == "0.0"

    monkeypatch.setenv("COLUMNS", "120")
    shown = aij("day", D1.isoformat()).out
    lines = {line.split()[0]: line for line in shown.splitlines() if line.strip()}
    assert "891 mg" in lines["Calcium"] and "42 mg" in lines["Magnesium"]
    assert "22.8 g" in lines["Protein"]
    assert "261 µg" in next(line for line in shown.splitlines() if "Vitamin K (K1" in line)


def test_long_form_numbers_without_float_noise_round_trip_byte_identical(
    aij: Run, built: Built, aij_home: Path, tmp_path: Path
) -> None:
    grams = "SELECT grams FROM meal_item WHERE food_id = 'greek-yogurt'"
    assert query(aij_home, grams) == [(NOISY_GRAMS,)]  # the journal holds the noisy float
    first, other, second = tmp_path / "a", tmp_path / "other", tmp_path / "b"
    assert aij("export", "csv", "--out", str(first)).code == 0
    items = as_dicts(first / "meal_items.csv")
    assert items[0]["food_id"] == "greek-yogurt" and items[0]["grams"] == "21.6"
    assert "21.599999999999998" not in (first / "meal_items.csv").read_text(encoding="utf-8")
    assert aij("--home", str(other), "import", str(first)).code == 0
    assert query(other, grams) == [(21.6,)]
    assert aij("--home", str(other), "export", "csv", "--out", str(second)).code == 0
    for name in ("daily.csv", "codebook.csv", *(spec.name for spec in CSV_FILES)):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name

    assert aij("export", "json", "--out", str(tmp_path / "a.json")).code == 0
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert '"grams": 21.6,' in text and "21.599999999999998" not in text


def test_times_are_written_with_z_and_the_form_without_a_zone_still_imports(
    aij: Run, built: Built, aij_home: Path, tmp_path: Path
) -> None:
    out, other = tmp_path / "csv", tmp_path / "other"
    assert aij("export", "csv", "--out", str(out)).code == 0
    notes = as_dicts(out / "notes.csv")
    stored = query(aij_home, "SELECT id, created_at FROM entry WHERE kind = 'note'")
    # SQLite holds "2026-11-16 08:30:00.123456" (UTC): written "2026-11-16T08:30:00.123456Z".
    assert {n["entry_id"]: n["created_at"] for n in notes} == {
        entry_id: f"{when[:10]}T{when[11:]}Z" for entry_id, when in stored
    }
    for spec in CSV_FILES:
        for row in as_dicts(out / spec.name):
            for key in ("created_at", "updated_at"):
                if key in row:
                    assert row[key].endswith("Z") and len(row[key]) == 27, (spec.name, row)
    assert aij("export", "json", "--out", str(tmp_path / "a.json")).code == 0
    entries = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["tables"]["entry"]
    assert all(e["created_at"].endswith("Z") and e["updated_at"].endswith("Z") for e in entries)

    # An export from before #12: the same times without their Z, read as UTC.
    for spec in CSV_FILES:
        _strip_zones(out / spec.name)
    assert "Z," not in (out / "notes.csv").read_text(encoding="utf-8")
    imported = aij("--home", str(other), "import", str(out))
    assert imported.code == 0, imported.err
    wanted = "SELECT id, created_at, updated_at FROM entry ORDER BY id"
    assert query(other, wanted) == query(aij_home, wanted)


def _strip_zones(path: Path) -> None:
    """Rewrite a CSV file with its times' Z taken off (as aij wrote them before #12)."""
    rows = read_csv(path)
    for row in rows[1:]:
        for index, name in enumerate(rows[0]):
            if name in ("created_at", "updated_at"):
                row[index] = row[index].removesuffix("Z")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def test_ids_written_before_still_work(aij: Run, built: Built, aij_home: Path) -> None:
    """Old journals keep their ids, digits first: `aij edit` finds them, new ids start with
    a letter."""
    old = built.ids["joint-pain-d2"]  # an id aij wrote: letters and digits, no quote
    execute(
        aij_home,
        f"UPDATE entry SET id = '454e95' WHERE id = '{old}'",
        f"UPDATE symptom_rating SET entry_id = '454e95' WHERE entry_id = '{old}'",
    )
    edited = aij("edit", "454E95", "value=3")  # typed in capitals, as a spreadsheet shows it
    assert edited.code == 0, edited.err
    assert query(aij_home, "SELECT value FROM symptom_rating WHERE entry_id = '454e95'") == [(3.0,)]
    before = {row[0] for row in query(aij_home, "SELECT id FROM entry")}
    assert aij("log", "fatigue=1").code == 0
    (new,) = {row[0] for row in query(aij_home, "SELECT id FROM entry")} - before
    assert new[0].isalpha() and len(new) == 6
    # Every id the storage functions made for this journal begins with a letter too.
    assert all(i[0].isalpha() for i in before - {"454e95"})
