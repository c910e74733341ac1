"""Cells of aij's CSV files: values to spreadsheet-safe text and back, losing nothing.

Numbers use ``.`` as the decimal point, whole numbers without ``.0``, and no exponent; each
is written without float noise (domain/precision.py): the shortest text of its value to 12
significant digits (``21.6``, never ``21.599999999999998``), which reads back within 5 parts
in 10^12 and is written again the same.
A text cell that a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading apostrophe; so does a text that already
begins with one, so that reading a cell back strips exactly one and recovers the text.
Unknown values (NULL) are empty cells. Dates are ISO (2026-11-26); times are UTC, ISO with
microseconds and a ``Z`` (2026-11-26T08:30:00.000000Z); a time read without a zone (as aij
wrote them before) is UTC.
"""

import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

from aijournal.domain.precision import without_noise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

CellType = Literal["text", "int", "float", "bool", "date", "datetime"]


class CellError(ValueError):
    """A cell that cannot be read as its column's type; the message says why."""


def text_cell(text: str) -> str:
    """``text`` as a cell a spreadsheet shows as text, never runs."""
    if text.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + text
    return text


def read_text_cell(cell: str) -> str:
    """The text of a cell written by :func:`text_cell`."""
    return cell[1:] if cell.startswith(QUOTE) else cell


@lru_cache(maxsize=8192)
def number_text(value: float) -> str:
    """The shortest decimal text of ``value`` without float noise: ``68.2``, ``6``, ``0.00001``."""
    value = float(value)
    if not math.isfinite(value):
        raise CellError(f"{value} is not a finite number")
    value = without_noise(value)
    if value == 0:
        return "0"  # never -0
    text = format(Decimal(repr(value)), "f")  # 1e+18 in full: the digits of its repr, no more
    return text.rstrip("0").rstrip(".") if "." in text else text


UTC_MARK = "Z"


def datetime_text(value: datetime) -> str:
    """A stored time (UTC) as ISO text with microseconds and ``Z``, which says it is UTC."""
    if value.tzinfo is None:
        return value.isoformat(timespec="microseconds") + UTC_MARK
    if value.utcoffset():
        value = value.astimezone(UTC)
    return value.isoformat(timespec="microseconds")[:-6] + UTC_MARK  # "+00:00" as "Z"


_NEEDS_QUOTE = frozenset((*FORMULA_STARTS, QUOTE))


def _text_or_empty(value: Any) -> str:
    if value is None:
        return ""
    text: str = value
    return QUOTE + text if text[:1] in _NEEDS_QUOTE else text


@lru_cache(maxsize=65536)
def _float_or_empty(value: Any) -> str:
    # Cached whole: journals repeat values (ratings, doses, the same foods) a great deal.
    return "" if value is None else number_text(float(value))


def _int_or_empty(value: Any) -> str:
    return "" if value is None else str(value)


def _bool_or_empty(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


def _date_or_empty(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:  # as SQLite stores it, read without conversion (rows.py)
        return value if len(value) == 10 else parse_date(value[:10]).isoformat()
    text: str = value.isoformat()
    return text


def _datetime_or_empty(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:  # SQLite's text of a UTC time: "2026-11-27 08:30:00.000000"
        if len(value) == 26 and value[10] == " ":
            return value[:10] + "T" + value[11:] + UTC_MARK
        value = parse_datetime(value)
    return datetime_text(value)


# The fast path of format_cell, for values the journal's own columns hand over.
FORMATTERS: dict[CellType, Callable[[Any], str]] = {
    "text": _text_or_empty,
    "float": _float_or_empty,
    "int": _int_or_empty,
    "bool": _bool_or_empty,
    "date": _date_or_empty,
    "datetime": _datetime_or_empty,
}


def format_cell(kind: CellType, value: object) -> str:
    """One value of a column of type ``kind`` as its cell."""
    if value is None:
        return ""
    if kind == "text":
        return text_cell(str(value))
    if kind == "bool":
        return "true" if value else "false"
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise CellError(f"{value!r} is not a whole number")
        return str(value)
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CellError(f"{value!r} is not a number")
        return number_text(float(value))
    if kind == "date":
        if not isinstance(value, date) or isinstance(value, datetime):
            raise CellError(f"{value!r} is not a date")
        return value.isoformat()
    if not isinstance(value, datetime):
        raise CellError(f"{value!r} is not a time")
    return datetime_text(value)


def parse_float(text: str) -> float:
    """A finite number written with ``.`` as the decimal point."""
    try:
        value = float(text)
    except ValueError:
        raise CellError(f"'{_shown(text)}' is not a number (use . as the decimal point)") from None
    if not math.isfinite(value):
        raise CellError(f"'{_shown(text)}' is not a finite number")
    if "_" in text:
        raise CellError(f"'{_shown(text)}' is not a number (use . as the decimal point)")
    return value


_WHOLE = re.compile(r"-?[0-9]{1,18}\Z")


def parse_int(text: str) -> int:
    """A whole number of at most 18 digits (aij's largest is far smaller), an optional -."""
    clean = text.strip()
    if _WHOLE.match(clean) is None:
        raise CellError(f"'{_shown(text)}' is not a whole number (at most 18 digits)")
    return int(clean)


def _shown(text: str) -> str:
    """A cell's text as quoted in a message: cut short, so a huge cell is not echoed whole."""
    return text if len(text) <= 40 else text[:37] + "..."


def parse_date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(f"'{text}' is not an ISO date (YYYY-MM-DD)") from None


def parse_datetime(text: str) -> datetime:
    """An ISO time, in UTC (aware): a time without a zone is UTC, as the export writes it."""
    try:
        value = datetime.fromisoformat(text)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    except (ValueError, OverflowError):
        raise CellError(
            f"'{_shown(text)}' is not an ISO time (YYYY-MM-DDTHH:MM:SS) within the calendar"
        ) from None


def parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in ("true", "1", "yes"):
        return True
    if word in ("false", "0", "no"):
        return False
    raise CellError(f"'{text}' is not true or false")


def parse_cell(kind: CellType, cell: str, *, nullable: bool) -> object:
    """The value of one cell of a column of type ``kind``; an empty cell is None if allowed."""
    if cell == "":
        if nullable:
            return None
        if kind == "text":
            return ""
        raise CellError("the cell is empty, and this column needs a value")
    if kind == "text":
        return read_text_cell(cell)
    if kind == "float":
        return parse_float(cell)
    if kind == "int":
        return parse_int(cell)
    if kind == "bool":
        return parse_bool(cell)
    if kind == "date":
        return parse_date(cell)
    return parse_datetime(cell)
