"""`aij export xlsx` (#12): a small journal built through the CLI, exported as xlsx and as
CSV, the workbook read back with openpyxl: every value equals the CSV's (the lossless
export) as a typed cell (dates as dates, numbers as numbers, ids as text), every header
frozen, the codebook lists every column of every sheet, and LibreOffice opens it."""

import csv
import math
import shutil
import sqlite3
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from aijournal import __version__
from aijournal.export.cells import parse_datetime, read_text_cell
from aijournal.export.tables import CSV_FILES
from aijournal.export.xlsxout import sheet_name
from tests.conftest import Run
from tests.helpers import TODAY

# Not marked `dates`: the workbook holds what the journal holds whatever the day; the day
# logic it shows (the Daily rows, the ranges) is the CSV's, tested in the date matrix there.

D1, D2 = TODAY - timedelta(days=3), TODAY - timedelta(days=1)


@pytest.fixture
def journal(aij: Run) -> None:
    assert aij("config", "set", "medications", "letrozole").code == 0
    steps: list[tuple[str, ...]] = [
        ("log", "joint-pain=6", "stiffness=30", "hot-flashes=4", "--where", "knees,hands"),
        ("log", "fatigue=2", "--note", "=HYPERLINK(1) after gardening"),
        ("log", "sleep", "6.5", "--quality", "7"),
        ("log", "weight", "68.2"),
        ("log", "waist", "84"),
        ("log", "mind", "15"),
        ("log", "med"),
        ("log", "meal", "sardines-canned-oil 100g, kale 1 cup"),
        ("log", "supp", "calcium-carbonate-600", "1"),
        ("log", "ex", "brisk-walk", "30m"),
        ("log", "ex", "goblet-squat", "3x10"),
    ]
    for step in steps:
        for day in (D1, D2):
            result = aij(*step, "-d", day.isoformat())
            assert result.code == 0, (step, result.err)
    assert aij("log", "med", "--skipped", "--reason", "nausea", "-d", D2.isoformat()).code == 0
    assert aij("visit", "add", (TODAY + timedelta(days=20)).isoformat()).code == 0
    assert aij("log", "question", "Is 1,5 g of calcium too much?").code == 0


@pytest.fixture
def exported(aij: Run, journal: None, tmp_path: Path) -> tuple[Any, Path]:
    book, folder = tmp_path / "visit.xlsx", tmp_path / "csv"
    result = aij("export", "xlsx", "--out", str(book))
    assert result.code == 0, result.err
    assert result.out.startswith(f"wrote {book}: ")
    assert aij("export", "csv", "--out", str(folder)).code == 0
    return openpyxl.load_workbook(book), folder


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _codebook(book: Any) -> list[dict[str, Any]]:
    rows = list(book["Codebook"].iter_rows(values_only=True))
    keys = ("sheet", "column", "title", "meaning", "unit", "anchors", "source")
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def _columns(book: Any, sheet: str) -> list[str]:
    """The sheet's columns (machine names), through the codebook, in the sheet's order."""
    return [r["column"] for r in _codebook(book) if r["sheet"] == sheet]


def _same(text: str, cell: Any) -> None:
    """A CSV cell ``text`` and the workbook's cell hold the same value, as a typed cell."""
    value = cell.value
    if text == "":
        assert value is None, cell.coordinate
    elif cell.number_format == "yyyy-mm-dd":
        assert isinstance(value, datetime | date) and value.isoformat()[:10] == text
    elif cell.number_format == "yyyy-mm-dd hh:mm:ss":
        stored = parse_datetime(text).replace(tzinfo=None)
        assert isinstance(value, datetime)
        assert abs(value - stored) <= timedelta(milliseconds=1)  # Excel keeps milliseconds
    elif text in ("true", "false") and isinstance(value, bool):
        assert value is (text == "true")
    elif cell.data_type == "n":
        assert type(value) in (int, float), cell.coordinate
        # A spreadsheet keeps 15 significant digits: float noise (7.5200000000000005) goes.
        assert math.isclose(value, float(text), rel_tol=1e-14), cell.coordinate
    else:
        assert cell.data_type == "s" and cell.number_format == "@", cell.coordinate
        assert value == read_text_cell(text), cell.coordinate


def _check_sheet(book: Any, sheet: str, rows: list[list[str]]) -> None:
    assert _columns(book, sheet) == rows[0]
    cells = list(book[sheet].iter_rows(min_row=2))
    assert len(cells) == len(rows) - 1, sheet
    for csv_row, row in zip(rows[1:], cells, strict=True):
        for text, cell in zip(csv_row, row, strict=True):
            _same(text, cell)


def test_the_daily_sheet_holds_daily_csv_as_dates_and_numbers(exported: tuple[Any, Path]) -> None:
    book, folder = exported
    rows = _csv(folder / "daily.csv")
    assert len(rows) == 2 + (TODAY - D1).days  # the header, then a row a day up to today
    _check_sheet(book, "Daily", rows)
    daily = book["Daily"]
    by_column = dict(zip(_columns(book, "Daily"), daily[2], strict=True))
    assert by_column["date"].value == datetime(D1.year, D1.month, D1.day)
    assert by_column["joint_pain_0_10"].value == 6 and by_column["sleep_hours"].value == 6.5
    assert by_column["weight_kg"].value == 68.2 and by_column["doses_taken"].value == 1
    assert isinstance(by_column["calcium_mg"].value, float | int)
    assert by_column["calcium_mg"].number_format == "0"  # mg shown whole
    assert by_column["protein_g"].number_format == "0.0"  # grams to one decimal
    assert by_column["sites"].value == "hands, knees" or "knees" in by_column["sites"].value
    titles = [c.value for c in daily[1]]
    assert "Calcium (mg)" in titles and "Joint pain (0-10)" in titles


def test_each_kind_of_entry_has_its_sheet_with_ids_as_text(exported: tuple[Any, Path]) -> None:
    book, folder = exported
    for spec in CSV_FILES:
        _check_sheet(book, sheet_name(spec), _csv(folder / spec.name))
    ids = [row[0] for row in book["Notes"].iter_rows(min_row=2)]
    assert ids and all(isinstance(c.value, str) and c.data_type == "s" for c in ids)
    assert all(c.number_format == "@" for c in ids)
    notes = [row[4].value for row in book["Notes"].iter_rows(min_row=2)]
    assert notes == ["=HYPERLINK(1) after gardening"] * 2  # text, never a formula
    assert book["Notes"]["E2"].data_type == "s"
    taken = [row[-2].value for row in book["Medication doses"].iter_rows(min_row=2)]
    assert taken == [True, False]  # D2: the skipped dose replaced the taken one


def test_every_sheet_has_a_frozen_header_and_widths(exported: tuple[Any, Path]) -> None:
    book, _ = exported
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(c.font.bold for c in sheet[1]), sheet.title
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(8 <= w <= 52 for w in widths), sheet.title


def test_the_codebook_lists_every_column_of_every_sheet(exported: tuple[Any, Path]) -> None:
    book, folder = exported
    book_rows = _codebook(book)
    assert [r["sheet"] for r in book_rows[:1]] == ["Daily"]
    assert {r["sheet"] for r in book_rows} == set(book.sheetnames)
    for sheet in book.worksheets:
        titles = [c.value for c in sheet[1]]
        assert [r["title"] for r in book_rows if r["sheet"] == sheet.title] == titles, sheet.title
    assert all(r["meaning"] and r["source"] for r in book_rows)
    # The same rows as codebook.csv, for the same columns.
    csv_rows = {(r[1], r[2], r[3], r[4], r[5], r[6]) for r in _csv(folder / "codebook.csv")[1:]}
    for r in book_rows:
        if r["sheet"] not in ("Codebook", "About"):
            key = (r["column"], r["title"], r["meaning"], r["unit"] or "", r["anchors"] or "")
            assert any(row[:5] == key for row in csv_rows), key


def test_about_names_version_period_time_and_sources(exported: tuple[Any, Path]) -> None:
    book, _ = exported
    about = {row[0]: row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["aij version"] == __version__
    assert about["First day"] == datetime(D1.year, D1.month, D1.day)
    assert about["Last day"].date() == TODAY + timedelta(days=20)  # the upcoming visit
    assert isinstance(about["Written (UTC)"], datetime)
    # The one clock (aijournal/clock.py): on the suite's frozen today, never the real date.
    assert about["Written (UTC)"].date() == TODAY
    assert about["Target profile"] and about["Target profile source"]
    assert about["Exercise plan"] and about["Exercise plan source"]


def test_a_range_and_the_refusals(aij: Run, journal: None, tmp_path: Path) -> None:
    out = tmp_path / "range.xlsx"
    result = aij(
        "export", "xlsx", "--from", D2.isoformat(), "--to", D2.isoformat(), "--out", str(out)
    )
    assert result.code == 0, result.err
    days = [
        r[0] for r in openpyxl.load_workbook(out)["Daily"].iter_rows(min_row=2, values_only=True)
    ]
    assert days == [datetime(D2.year, D2.month, D2.day)]
    before = out.read_bytes()
    again = aij("export", "xlsx", "--out", str(out))
    assert again.code == 2 and "already exists" in again.err and len(again.err.splitlines()) == 1
    assert out.read_bytes() == before
    assert aij("export", "xlsx", "--out", str(out), "--force").code == 0
    for bad in (tmp_path / "missing" / "x.xlsx", tmp_path / "x.csv"):
        refused = aij("export", "xlsx", "--out", str(bad))
        assert refused.code == 2 and len(refused.err.splitlines()) == 1, refused.err
        assert not bad.exists()
    swapped = aij(
        "export",
        "xlsx",
        "--out",
        str(tmp_path / "y.xlsx"),
        "--from",
        D2.isoformat(),
        "--to",
        D1.isoformat(),
    )
    assert swapped.code == 2 and not (tmp_path / "y.xlsx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aij-home", "range.xlsx"]


def test_an_empty_journal_gives_a_workbook_of_headers(aij: Run, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert aij("export", "xlsx", "--out", str(out)).code == 0
    book = openpyxl.load_workbook(out)
    assert book["Daily"].max_row == 1 and book["Codebook"].max_row > 100


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_opens_it(exported: tuple[Any, Path], tmp_path: Path) -> None:
    """LibreOffice headless converts the workbook's first sheet (Daily) to CSV: dates and
    numbers come out as the journal's."""
    _, folder = exported
    converted = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(converted),
            str(tmp_path / "visit.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (converted / "visit.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    daily = _csv(folder / "daily.csv")
    assert len(rows) == len(daily)
    assert [r[0] for r in rows[1:]] == [r[0] for r in daily[1:]]  # ISO dates, as formatted
    joint = daily[0].index("joint_pain_0_10")
    assert [r[joint] for r in rows[1:]] == [r[joint] for r in daily[1:]]


@pytest.mark.sqlite_only
def test_an_id_that_looks_like_a_number_stays_text(
    aij: Run, journal: None, aij_home: Path, tmp_path: Path
) -> None:
    """#12 found `454e95` read back as 4.54E+97 from the CSV; in the workbook it is text."""
    with sqlite3.connect(aij_home / "journal.db") as db:
        db.execute("PRAGMA foreign_keys = OFF")
        (old,) = db.execute("SELECT id FROM entry WHERE kind = 'note' LIMIT 1").fetchone()
        db.execute("UPDATE entry SET id = '454e95' WHERE id = ?", (old,))
        db.execute("UPDATE note SET entry_id = '454e95' WHERE entry_id = ?", (old,))
    out = tmp_path / "ids.xlsx"
    assert aij("export", "xlsx", "--out", str(out)).code == 0
    ids = [row[0] for row in openpyxl.load_workbook(out)["Notes"].iter_rows(min_row=2)]
    assert "454e95" in [c.value for c in ids]
    assert all(c.data_type == "s" and c.number_format == "@" for c in ids)
