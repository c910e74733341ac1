"""CSV cells: formulas neutralised, numbers exact without noise, everything read back as it was."""

import csv
import io
import math
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.export.cells import (
    CellError,
    format_cell,
    number_text,
    parse_cell,
    read_text_cell,
    text_cell,
)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+2 kg", "'+2 kg"),
        ("-bring the list", "'-bring the list"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rcarriage", "'\rcarriage"),
        ("'already quoted", "''already quoted"),
        ("knees hurt = 6", "knees hurt = 6"),  # only the first character matters
        ("", ""),
    ],
)
def test_text_cells(text: str, cell: str) -> None:
    assert text_cell(text) == cell
    assert read_text_cell(cell) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (68.2, "68.2"),
        (6.0, "6"),
        (-3.0, "-3"),
        (-0.5, "-0.5"),
        (0.1 + 0.2, "0.3"),  # 0.30000000000000004: the noise past 12 digits is dropped
        (0.18 * 120, "21.6"),  # 21.599999999999998, as meal_items.csv once wrote it
        (1 / 3, "0.333333333333"),  # twelve significant digits, no more
        (2 / 3 * 1000, "666.666666667"),  # the twelfth digit rounded: ...6666 is ...667
        (123456.7890123456, "123456.789012"),
        (1e-05, "0.00001"),
        (1.5e-07, "0.00000015"),
        (1e16, "10000000000000000"),
        (1234.5678, "1234.5678"),
        (7, "7"),
    ],
)
def test_numbers_without_noise_or_exponent(value: float, text: str) -> None:
    assert number_text(value) == text
    assert format_cell("float", value) == text


def test_a_negative_number_is_a_number_not_neutralised_text() -> None:
    assert format_cell("float", -3.5) == "-3.5"
    assert format_cell("int", -2) == "-2"
    assert format_cell("text", "-3.5") == "'-3.5"


def test_other_types() -> None:
    assert format_cell("date", date(2026, 11, 26)) == "2026-11-26"
    assert format_cell("bool", True) == "true" and format_cell("bool", False) == "false"
    assert format_cell("float", None) == "" and format_cell("text", None) == ""
    moment = datetime(2026, 11, 26, 8, 30, 0, 5, tzinfo=UTC)
    assert format_cell("datetime", moment) == "2026-11-26T08:30:00.000005Z"
    paris = moment.astimezone(timezone(timedelta(hours=1)))
    assert format_cell("datetime", paris) == "2026-11-26T08:30:00.000005Z"  # written in UTC
    naive = datetime(2026, 11, 26, 8, 30)  # as SQLite hands a stored UTC time back
    assert format_cell("datetime", naive) == "2026-11-26T08:30:00.000000Z"


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_no_cell_for_an_infinite_number(bad: float) -> None:
    with pytest.raises(CellError):
        number_text(bad)


@pytest.mark.parametrize(
    ("kind", "cell", "nullable", "value"),
    [
        ("float", "", True, None),
        ("text", "", True, None),
        ("text", "", False, ""),
        ("text", "'=1+1", False, "=1+1"),
        ("float", "6.5", False, 6.5),
        ("float", "-3", False, -3.0),
        ("int", "12", False, 12),
        ("bool", "false", False, False),
        ("date", "2026-11-26", False, date(2026, 11, 26)),
        (
            "datetime",
            "2026-11-26T08:30:00.000005",
            False,
            datetime(2026, 11, 26, 8, 30, 0, 5, tzinfo=UTC),
        ),
        ("datetime", "2026-11-26T09:30:00+01:00", False, datetime(2026, 11, 26, 8, 30, tzinfo=UTC)),
        # As aij writes times now (Z: UTC), and as it wrote them before (no zone, UTC).
        ("datetime", "2026-11-26T08:15:03Z", False, datetime(2026, 11, 26, 8, 15, 3, tzinfo=UTC)),
        (
            "datetime",
            "2026-11-26T08:15:03.000007Z",
            False,
            datetime(2026, 11, 26, 8, 15, 3, 7, tzinfo=UTC),
        ),
        ("datetime", "2026-11-26T08:15:03", False, datetime(2026, 11, 26, 8, 15, 3, tzinfo=UTC)),
    ],
)
def test_parse_cell(kind: str, cell: str, nullable: bool, value: object) -> None:
    assert parse_cell(kind, cell, nullable=nullable) == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "cell", "reason"),
    [
        ("float", "6,5", "'6,5' is not a number (use . as the decimal point)"),
        ("float", "nan", "'nan' is not a finite number"),
        ("float", "inf", "'inf' is not a finite number"),
        ("float", "", "the cell is empty"),
        ("int", "2.5", "'2.5' is not a whole number"),
        ("int", "٣", "'٣' is not a whole number"),  # a digit, but not an ASCII one
        ("bool", "maybe", "'maybe' is not true or false"),
        ("date", "26/11/2026", "'26/11/2026' is not an ISO date"),
        ("date", "20261126", "'20261126' is not an ISO date"),
        ("datetime", "yesterday", "'yesterday' is not an ISO time"),
    ],
)
def test_parse_cell_refuses(kind: str, cell: str, reason: str) -> None:
    with pytest.raises(CellError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_cell(kind, cell, nullable=False)  # type: ignore[arg-type]


@given(st.text())
def test_any_text_survives_a_csv_file(text: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([text_cell(text), "next"])
    cells = next(csv.reader(io.StringIO(buffer.getvalue(), newline=""), strict=True))
    assert cells[1] == "next"
    assert parse_cell("text", cells[0], nullable=False) == text
    assert not cells[0].startswith(("=", "+", "-", "@", "\t", "\r"))


def significant_digits(text: str) -> int:
    """How many significant digits a plain decimal text holds (no exponent, no sign)."""
    digits = text.lstrip("-").replace(".", "").lstrip("0")
    if "." in text:
        return len(digits)
    return len(digits.rstrip("0"))  # 1200: the zeros of a whole number only place it


# Normal floats: below 1e-300 a float has too few bits to hold twelve digits itself.
FLOATS = st.floats(allow_nan=False, allow_infinity=False).filter(
    lambda x: x == 0 or abs(x) > 1e-300
)


@given(FLOATS)
def test_any_number_is_written_to_twelve_digits_and_reads_back_within_tolerance(
    value: float,
) -> None:
    text = number_text(value)
    assert "e" not in text and "E" not in text
    assert significant_digits(text) <= 12
    back = parse_cell("float", text, nullable=False)
    assert isinstance(back, float)
    # Twelve significant digits: the last is 10^-11 of the first, so at most half of that,
    # 5 parts in 10^12, is lost (and one float step in reading the text back).
    assert abs(back - value) <= 5e-12 * abs(value) + math.ulp(value)
    assert number_text(back) == text  # written again the same: export, import, export


def test_significant_digits_counts_as_a_person_would() -> None:
    assert [significant_digits(t) for t in ("21.6", "0.00001", "1200", "-3.25", "0")] == [
        3,
        1,
        2,
        3,
        0,
    ]
