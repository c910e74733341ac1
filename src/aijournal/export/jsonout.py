"""`aij export json`: the whole journal as one JSON document, every table's rows.

Shape: ``{"format": "aij-journal", "schema_version": N, "aij_version": "...", "tables":
{"entry": [...], "symptom_rating": [...], ...}, "files": {...}}``, one row per line, each row
an object keyed by the table's column names. Dates are ISO, times UTC ISO with microseconds
and a ``Z``, numbers JSON numbers without float noise (shortest form to 12 significant
digits, domain/precision.py). ``files`` holds the user's own files (settings,
recipes, own foods and plans; userfiles.py) as text. The migrations' own table
(schema_version) is not a table of the journal's content: its version is the document's
``schema_version``. Written row by row, so memory stays flat.
"""

import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlmodel import Session

from aijournal import __version__
from aijournal.domain.precision import without_noise
from aijournal.export.cells import datetime_text
from aijournal.export.output import atomic_file
from aijournal.export.progress import ProgressFactory, Tracker
from aijournal.export.rows import (
    Row,
    count_entries,
    count_items,
    entry_table_pages,
    table_pages,
)
from aijournal.export.tables import ENTRY_COLUMNS, FORMAT_JSON, TABLES
from aijournal.store.db import Journal
from aijournal.store.migrations import LATEST


def json_value(value: Any) -> Any:
    """A database value as JSON holds it: a number without float noise (as in the CSV)."""
    if isinstance(value, float):
        return without_noise(value)
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _row_text(names: Sequence[str], row: Sequence[Any]) -> str:
    data = {name: json_value(value) for name, value in zip(names, row, strict=True)}
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def _tables(session: Session) -> Iterator[tuple[str, Sequence[str], Iterator[Sequence[Row]]]]:
    yield "entry", [c.name for c in ENTRY_COLUMNS], entry_table_pages(session=session)
    for table in TABLES:
        keys = ("entry_id", "position") if table.items else ("entry_id",)
        yield table.name, (*keys, *table.column_names), table_pages(session=session, table=table)


def _write(handle: BinaryIO, session: Session, bar: Tracker, files: dict[str, bytes]) -> None:
    head = {"format": FORMAT_JSON, "schema_version": LATEST, "aij_version": __version__}
    opening = json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {'
    handle.write(opening.encode("utf-8"))
    for index, (name, columns, found) in enumerate(_tables(session)):
        handle.write((("," if index else "") + f"\n{json.dumps(name)}: [").encode("utf-8"))
        separator = "\n"
        for page in found:
            text = ",\n".join(_row_text(columns, row) for row in page)
            handle.write((separator + text).encode("utf-8"))
            separator = ",\n"
            bar.advance(len(page))
        handle.write(b"\n]")
    handle.write(b"\n}")
    # The user's own files (settings, recipes, own foods and plans), as text.
    own = {name: data.decode("utf-8", errors="replace") for name, data in sorted(files.items())}
    handle.write(f',\n"files": {json.dumps(own, ensure_ascii=False)}'.encode())
    handle.write(b"}\n")


def export_json(
    *,
    journal: Journal,
    out: Path,
    force: bool,
    progress: ProgressFactory,
    files: dict[str, bytes] | None = None,
) -> tuple[Path, int]:
    """Write the whole journal to ``out``; return the path and how many entries it holds."""
    with journal.read() as session:
        entries = count_entries(session=session, start=None, end=None)
        items = count_items(session=session, start=None, end=None)
        with (
            progress("exporting", 2 * entries + items) as bar,
            atomic_file(out, force=force) as handle,
        ):
            _write(handle, session, bar, files or {})
    return out, entries
