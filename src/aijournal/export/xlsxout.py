"""`aij export xlsx`: one workbook for a clinic's spreadsheet, right in any locale.

Written with openpyxl (a well-kept library writes a correct OOXML workbook; our own code
should not). Nothing in it is text to be parsed: dates are date cells, numbers are numeric
cells with a number format, ids and other text are string cells (shown as text, '@'), so a
reader in Germany or France sees the journal's values. Sheets:

- ``Daily``: daily.csv's rows and columns (export/daily.py builds them), with titles and units;
- one sheet per kind of entry, the long-form files of the CSV export;
- ``Codebook``: every column of every sheet (export/codebook.py, shared with codebook.csv);
- ``About``: aij's version, the period, when it was written (UTC), the target profile and
  the exercise plan with their sources.

The workbook is streamed (openpyxl's write-only mode), so memory stays flat for a long
history; each sheet has a frozen header row and widths set from its columns.
"""

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlmodel import Session

from aijournal import __version__
from aijournal.clock import utcnow
from aijournal.domain.symptoms import SymptomSet
from aijournal.errors import BadInput
from aijournal.export import daily
from aijournal.export.cells import CellType
from aijournal.export.codebook import (
    CODEBOOK_DOCS,
    DATE,
    DATETIME,
    GENERAL,
    TEXT,
    ColumnDoc,
    daily_docs,
    long_form_docs,
)
from aijournal.export.csvout import ExportSummary, export_range
from aijournal.export.output import atomic_file, check_target, is_stdout
from aijournal.export.progress import ProgressFactory, Tracker
from aijournal.export.rows import count_entries, count_items, entry_detail_pages, item_pages
from aijournal.export.tables import CSV_FILES, CsvFile
from aijournal.store.db import Journal

FORMAT_XLSX = "aij-xlsx-export"
DAILY_SHEET = "Daily"
CODEBOOK_SHEET = "Codebook"
ABOUT_SHEET = "About"
MAX_WIDTH = 50
# Characters XML 1.0 cannot hold (openpyxl refuses them): shown as \xNN instead.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class InUse:
    """The target profile and the exercise plan in use, with their sources (for About)."""

    profile: str
    profile_source: str
    plan: str
    plan_source: str


def sheet_name(spec: CsvFile) -> str:
    """A long-form file's sheet: ``meal_items.csv`` -> ``Meal items``."""
    return spec.name.removesuffix(".csv").replace("_", " ").capitalize()


ABOUT_DOCS: tuple[ColumnDoc, ...] = (
    ColumnDoc("item", "Item", "what the row tells", source="aij"),
    ColumnDoc("value", "Value", "its value", source="aij"),
)


def _text(value: str) -> str:
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def _cell(sheet: Any, value: object, number_format: str) -> Any:
    """One cell holding ``value`` as it is: a date, a number, a boolean or text (never a
    formula: a text starting with = stays text)."""
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=_text(value))
        cell.data_type = "s"
        cell.number_format = TEXT
        return cell
    cell = WriteOnlyCell(sheet, value=value)
    if value is not None:
        cell.number_format = number_format
    return cell


_VALUE_WIDTH = {DATE: 11, DATETIME: 20, TEXT: 14, GENERAL: 9}


def _start_sheet(book: Any, title: str, docs: Sequence[ColumnDoc], widths: Sequence[int]) -> Any:
    """A new sheet: its header row of titles (bold, wrapped, frozen), columns sized."""
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, (doc, width) in enumerate(zip(docs, widths, strict=True), start=1):
        # A title wraps onto at most two lines; the column fits it and its values.
        fit = max(width, min(len(doc.title), (len(doc.title) + 1) // 2 + 2, MAX_WIDTH))
        sheet.column_dimensions[get_column_letter(index)].width = min(fit + 2, MAX_WIDTH)
    header = []
    for doc in docs:
        cell = WriteOnlyCell(sheet, value=_text(doc.title))
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    sheet.append(header)
    return sheet


def _widths(docs: Sequence[ColumnDoc], text_widths: Sequence[int] | None = None) -> list[int]:
    widths = [_VALUE_WIDTH.get(doc.number_format, 9) for doc in docs]
    if text_widths is not None:
        widths = [max(w, t) for w, t in zip(widths, text_widths, strict=True)]
    return widths


def _append_rows(
    sheet: Any, docs: Sequence[ColumnDoc], rows: Iterable[Sequence[object]], bar: Tracker
) -> None:
    formats = [doc.number_format for doc in docs]
    for row in rows:
        sheet.append([_cell(sheet, v, f) for v, f in zip(row, formats, strict=True)])
        bar.advance(1)


def _as_date(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _as_time(value: Any) -> datetime | None:
    """A stored time (UTC) as a naive datetime: a spreadsheet has no zones; titles say UTC."""
    if value is None:
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


def _converters(types: Sequence[CellType]) -> list[Any]:
    def same(value: Any) -> Any:
        return value

    def text(value: Any) -> Any:
        return None if value is None else str(value)

    pick = {"date": _as_date, "datetime": _as_time, "text": text}
    return [pick.get(kind, same) for kind in types]


def _long_form_rows(
    session: Session, spec: CsvFile, start: date, end: date
) -> Iterator[list[object]]:
    columns = tuple(c.type for c in spec.table.columns)
    if spec.table.items:
        types: tuple[CellType, ...] = ("text", "date", "int", *columns)
        found = item_pages(session=session, table=spec.table, kind=spec.kind, start=start, end=end)
    else:
        types = ("text", "date", "datetime", "datetime", *columns)
        found = entry_detail_pages(
            session=session, table=spec.table, kind=spec.kind, start=start, end=end
        )
    convert = _converters(types)
    for page in found:
        for row in page:
            yield [fn(value) for fn, value in zip(convert, row, strict=True)]


def _long_form_text_widths(spec: CsvFile) -> list[int]:
    lead = [12] * (len(spec.header) - len(spec.table.columns))
    return [*lead, *(min(c.max_length or 0, MAX_WIDTH) for c in spec.table.columns)]


def _about_rows(
    days: tuple[date, date] | None, in_use: InUse, written: datetime
) -> list[tuple[str, object, str]]:
    first, last = days if days else (None, None)
    return [
        ("Format", FORMAT_XLSX, TEXT),
        ("aij version", __version__, TEXT),
        ("First day", first, DATE),
        ("Last day", last, DATE),
        ("Written (UTC)", written, DATETIME),
        ("Target profile", in_use.profile, TEXT),
        ("Target profile source", in_use.profile_source, TEXT),
        ("Exercise plan", in_use.plan, TEXT),
        ("Exercise plan source", in_use.plan_source, TEXT),
        ("Times", "UTC; dates are the journal's days", TEXT),
    ]


def _write_book(
    book: Any,
    session: Session,
    days: tuple[date, date] | None,
    symptoms: SymptomSet,
    today: date,
    in_use: InUse,
    bar: Tracker,
) -> None:
    names = (
        daily.symptom_names(session=session, start=days[0], end=days[1], symptoms=symptoms)
        if days
        else [s.name for s in symptoms]
    )
    sheets: list[tuple[str, Sequence[ColumnDoc]]] = []
    docs = daily_docs(names, symptoms)
    sheets.append((DAILY_SHEET, docs))
    text_widths = [30 if doc.column == "sites" else 0 for doc in docs]
    sheet = _start_sheet(book, DAILY_SHEET, docs, _widths(docs, text_widths))
    if days is not None and days[0] <= today:
        for page in daily.daily_value_pages(
            session=session, start=days[0], end=min(days[1], today), names=names
        ):
            _append_rows(sheet, docs, page, bar)
    for spec in CSV_FILES:
        docs = long_form_docs(spec)
        title = sheet_name(spec)
        sheets.append((title, docs))
        sheet = _start_sheet(book, title, docs, _widths(docs, _long_form_text_widths(spec)))
        if days is not None:
            _append_rows(sheet, docs, _long_form_rows(session, spec, days[0], days[1]), bar)
    sheets.append((CODEBOOK_SHEET, CODEBOOK_DOCS))
    sheets.append((ABOUT_SHEET, ABOUT_DOCS))
    sheet = _start_sheet(book, CODEBOOK_SHEET, CODEBOOK_DOCS, [18, 28, 30, 50, 10, 40, 40])
    rows = [doc.row(title) for title, docs in sheets for doc in docs]
    _append_rows(sheet, CODEBOOK_DOCS, rows, bar)
    sheet = _start_sheet(book, ABOUT_SHEET, ABOUT_DOCS, [22, 40])
    written = utcnow().replace(tzinfo=None, microsecond=0)
    for item, value, number_format in _about_rows(days, in_use, written):
        sheet.append([_cell(sheet, item, TEXT), _cell(sheet, value, number_format)])


def export_xlsx(
    *,
    journal: Journal,
    out: Path,
    start: date | None,
    end: date | None,
    since_last_visit: bool,
    today: date,
    symptoms: SymptomSet,
    in_use: InUse,
    force: bool,
    progress: ProgressFactory,
) -> ExportSummary:
    """Write the xlsx workbook of the range to ``out`` (``-``: standard output)."""
    if is_stdout(out) and sys.stdout.isatty():
        raise BadInput("--out - writes a workbook: send it to a file or a pipe, not the terminal")
    check_target(out, force=force, folder=False)
    with journal.read() as session:
        days = export_range(
            session=session, start=start, end=end, since_last_visit=since_last_visit, today=today
        )
        first, last = days if days else (None, None)
        entries = count_entries(session=session, start=first, end=last) if days else 0
        items = count_items(session=session, start=first, end=last) if days else 0
        day_count = max(0, (min(last, today) - first).days + 1) if first and last else 0
        with progress("exporting", entries + items + day_count) as bar:
            book = Workbook(write_only=True)
            _write_book(book, session, days, symptoms, today, in_use, bar)
            with atomic_file(out, force=force) as handle:
                book.save(handle)
    return ExportSummary(out, first, last, entries, day_count)
