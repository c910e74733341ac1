"""tools/check_csv_libreoffice.py's judgement of a cell, without LibreOffice: it passes the
readings that equal the file and names the file, cell, expected and got for each wrong one."""

import importlib.util
from datetime import datetime
from pathlib import Path
from types import ModuleType

import openpyxl

REPO = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_csv_libreoffice", REPO / "tools" / "check_csv_libreoffice.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = _tool()
Cell = check.Cell


def test_a_right_reading_of_each_kind_of_cell_passes() -> None:
    assert check.check_csv_cell("1133.934", "calcium_mg", Cell(1133.934)) is None
    assert check.check_csv_cell("-3", "mood_minus5_5", Cell(-3)) is None
    assert check.check_csv_cell("2026-11-20", "date", Cell(datetime(2026, 11, 20))) is None
    assert check.check_csv_cell("3669e2", "entry_id", Cell("3669e2")) is None
    assert check.check_csv_cell("Café", "text", Cell("Café")) is None
    assert check.check_csv_cell("", "sleep_hours", Cell(None)) is None
    stamp = "2026-12-02T07:10:52.910032"
    assert check.check_csv_cell(stamp, "created_at", Cell(stamp)) is None
    assert check.check_csv_cell(stamp, "created_at", Cell(datetime(2026, 12, 2, 7, 10, 53))) == (
        "datetime.datetime(2026, 12, 2, 7, 10, 53), expected the text '2026-12-02T07:10:52.910032'"
    )
    # A formula kept as text: the apostrophe that protects it may be shown or dropped.
    assert check.check_csv_cell("'=1+1", "text", Cell("'=1+1")) is None
    assert check.check_csv_cell("'=1+1", "text", Cell("=1+1")) is None


def test_fifteen_significant_digits_are_equal_and_sixteen_wrong_ones_are_not() -> None:
    # 21.599999999999998 is saved by Calc as 21.6; 0.09466666666666665 as 0.0946666666666667.
    assert check.same_number(21.6, 21.599999999999998)
    assert check.same_number(0.0946666666666667, 0.09466666666666665)
    assert not check.same_number(0.0946666666666687, 0.09466666666666665)
    assert not check.same_number(1133934, 1133.934)
    assert not check.same_number("1133.934", 1133.934)
    assert not check.same_number(True, 1.0)


def test_each_misreading_the_issue_found_is_named() -> None:
    assert check.check_csv_cell("1133.934", "calcium_mg", Cell(1133934)) == (
        "1133934, expected the number 1133.934"
    )
    assert check.check_csv_cell("1133.934", "calcium_mg", Cell("1133.934")) == (
        "'1133.934', expected the number 1133.934"
    )
    assert check.check_csv_cell("454e95", "entry_id", Cell(4.54e97)) == (
        "4.54e+97, expected the text '454e95'"
    )
    assert check.check_csv_cell("Café", "text", Cell("CafÃ©")) == (
        "'CafÃ©', expected the text 'Café'"
    )
    assert check.check_csv_cell("2026-11-20", "date", Cell("2026-11-20")) == (
        "'2026-11-20', expected the date 2026-11-20"
    )
    assert check.check_csv_cell("'=1+1", "text", Cell("=1+1", formula=True)) == (
        "a formula '=1+1', expected the text \"'=1+1\""
    )


def test_a_csv_is_compared_cell_by_cell_with_its_header(tmp_path: Path) -> None:
    source = tmp_path / "daily.csv"
    source.write_bytes("\ufeffdate,calcium_mg\r\n2026-11-20,1133.934\r\n".encode())
    read = [[Cell("ï»¿date"), Cell("calcium_mg")], [Cell(datetime(2026, 11, 20)), Cell(1133934)]]
    assert list(check.compare_csv(source, read)) == [
        "daily.csv A1 (header): 'ï»¿date', expected the text 'date'",
        "daily.csv B2 (calcium_mg): 1133934, expected the number 1133.934",
    ]
    right = [[Cell("date"), Cell("calcium_mg")], [Cell(datetime(2026, 11, 20)), Cell(1133.934)]]
    assert list(check.compare_csv(source, right)) == []
    assert list(check.compare_csv(source, right[:1])) == [
        "daily.csv: 1 rows read, the file has 2",
        "daily.csv A2 (date): None, expected the date 2026-11-20",
        "daily.csv B2 (calcium_mg): None, expected the number 1133.934",
    ]


def test_a_workbook_is_compared_with_the_values_it_holds(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Daily"
    sheet.append(["Date", "Calcium (mg)", "Id", "Taken"])
    sheet.append([datetime(2026, 11, 20), 1133.934, "454e95", True])
    path = tmp_path / "journal.xlsx"
    book.save(path)
    right = {
        "Daily": [
            [Cell("Date"), Cell("Calcium (mg)"), Cell("Id"), Cell("Taken")],
            [Cell(datetime(2026, 11, 20)), Cell(1133.934), Cell("454e95"), Cell(True)],
        ]
    }
    assert list(check.compare_xlsx(path, right)) == []
    wrong = {"Daily": [right["Daily"][0], [Cell(46346.0), Cell("1133,934"), Cell(4.54e97)]]}
    assert list(check.compare_xlsx(path, wrong)) == [
        "journal.xlsx Daily!A2: 46346.0 (float), expected datetime.datetime(2026, 11, 20, 0, 0)"
        " (datetime)",
        "journal.xlsx Daily!B2: '1133,934' (str), expected 1133.934 (float)",
        "journal.xlsx Daily!C2: 4.54e+97 (float), expected '454e95' (str)",
        "journal.xlsx Daily!D2: None (NoneType), expected True (bool)",
    ]
