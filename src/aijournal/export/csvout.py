"""`aij export csv`: daily.csv, one long-form CSV per kind of entry, a codebook, a manifest.

Into a folder, or a zip when the path ends in .zip. Files are UTF-8 with a byte-order mark
(so spreadsheets pick UTF-8), one header row, CRLF line ends (RFC 4180). The export is
deterministic: the same journal gives the same bytes (zip members carry a fixed time).
"""

import csv
import io
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from sqlmodel import Session

from aijournal import __version__
from aijournal.domain.symptoms import SymptomSet
from aijournal.errors import BadInput
from aijournal.export import daily
from aijournal.export.cells import FORMATTERS, CellType, format_cell
from aijournal.export.codebook import CODEBOOK_HEADER, csv_codebook
from aijournal.export.output import atomic_file, atomic_folder, is_stdout, private_file
from aijournal.export.progress import ProgressFactory, Tracker
from aijournal.export.rows import (
    count_entries,
    count_items,
    entry_detail_pages,
    item_pages,
    span,
)
from aijournal.export.tables import CODEBOOK, CSV_FILES, DAILY, FORMAT_CSV, MANIFEST, CsvFile
from aijournal.export.userfiles import FOLDER as USER_FOLDER
from aijournal.store.db import Journal
from aijournal.store.migrations import LATEST
from aijournal.store.span import first_logged_day
from aijournal.store.visits import last_visit_before

ENCODING = "utf-8-sig"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    start: date | None
    end: date | None
    entries: int
    days: int


def export_range(
    *,
    session: Session,
    start: date | None,
    end: date | None,
    since_last_visit: bool,
    today: date,
) -> tuple[date, date] | None:
    """The days to export: as given; since the last visit (from the first day logged at the
    earliest); or first to last entry day."""
    if since_last_visit:
        if start is not None or end is not None:
            raise BadInput("give --from/--to or --since-last-visit, not both")
        last = last_visit_before(session=session, day=today)
        if last is None:
            raise BadInput(
                "no visit before today is recorded; add one (aij visit add DATE) or give --from"
            )
        # From the first day logged at the latest: the days before it hold nothing (not
        # journaling yet), and a visit typed decades back must not cost a row a day.
        first = first_logged_day(session=session)
        return (max(last, first) if first is not None and first <= today else last), today
    whole = span(session=session)
    first = start or (whole[0] if whole else end)
    last_day = end or (whole[1] if whole else start)
    if first is None or last_day is None:
        return None
    if first > last_day:
        raise BadInput(f"the range is empty: {first} is after {last_day}")
    return first, last_day


def _writer(binary: BinaryIO) -> tuple[io.TextIOWrapper, Any]:
    text = io.TextIOWrapper(binary, encoding=ENCODING, newline="")
    return text, csv.writer(text, lineterminator="\r\n")


def _long_form_pages(
    session: Session, spec: CsvFile, start: date | None, end: date | None
) -> Iterator[list[tuple[str, ...]]]:
    columns = tuple(c.type for c in spec.table.columns)
    if spec.table.items:
        types: tuple[CellType, ...] = ("text", "date", "int", *columns)
        found = item_pages(session=session, table=spec.table, kind=spec.kind, start=start, end=end)
    else:
        types = ("text", "date", "datetime", "datetime", *columns)
        found = entry_detail_pages(
            session=session, table=spec.table, kind=spec.kind, start=start, end=end
        )
    formats = [FORMATTERS[kind] for kind in types]
    for page in found:
        # Column by column: one map per column is cheaper than a call chain per cell.
        by_column = zip(*page, strict=True)
        cells = [list(map(fmt, values)) for fmt, values in zip(formats, by_column, strict=True)]
        yield list(zip(*cells, strict=True))


def _manifest(start: date | None, end: date | None) -> list[list[str]]:
    return [
        ["key", "value"],
        ["format", FORMAT_CSV],
        ["schema_version", str(LATEST)],
        ["aij_version", format_cell("text", __version__)],
        ["first_day", format_cell("date", start)],
        ["last_day", format_cell("date", end)],
    ]


Opener = Callable[[str], AbstractContextManager[BinaryIO]]


@contextmanager
def _zip_sink(handle: BinaryIO) -> Iterator[Opener]:
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:

        @contextmanager
        def member(name: str) -> Iterator[BinaryIO]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100600 << 16
            with archive.open(info, "w") as stream:
                yield stream  # type: ignore[misc]

        yield member


def _write_user_files(open_member: Opener, files: dict[str, bytes]) -> None:
    """The user's own files, as they are, under your-files/ (see userfiles.py)."""
    for name, data in sorted(files.items()):
        with open_member(f"{USER_FOLDER}/{name}") as stream:
            stream.write(data)


def _folder_sink(folder: Path) -> Opener:
    @contextmanager
    def member(name: str) -> Iterator[BinaryIO]:
        place = (folder / name).parent
        if place != folder:
            place.mkdir(mode=0o700, parents=True, exist_ok=True)
        with private_file(place, Path(name).name) as stream:
            yield stream

    return member


def _write_file(
    open_member: Opener,
    name: str,
    header: Sequence[str],
    pages: Iterable[Sequence[Sequence[str]]],
    bar: Tracker,
) -> None:
    """One CSV file: its header, then its rows a page at a time."""
    with open_member(name) as binary:
        text, writer = _writer(binary)
        writer.writerow(header)
        bar.advance(1)
        for page in pages:
            writer.writerows(page)
            bar.advance(len(page))
        text.flush()
        text.detach()


def _write_codebook(
    open_member: Opener, names: Sequence[str], symptoms: SymptomSet, bar: Tracker
) -> None:
    """codebook.csv: every column of every file, its title, meaning, unit, anchors, source."""
    rows = [[format_cell("text", cell) for cell in row] for row in csv_codebook(names, symptoms)]
    _write_file(open_member, CODEBOOK, CODEBOOK_HEADER, [rows], bar)


def _write_all(
    session: Session,
    open_member: Opener,
    days: tuple[date, date] | None,
    symptoms: SymptomSet,
    today: date,
    bar: Tracker,
) -> None:
    start, end = days if days else (None, None)
    manifest = _manifest(start, end)
    _write_file(open_member, MANIFEST, manifest[0], [manifest[1:]], bar)
    if days is None:
        names: list[str] = [s.name for s in symptoms]
        _write_codebook(open_member, names, symptoms, bar)
        _write_file(open_member, DAILY, daily.header(names, symptoms), [], bar)
        for spec in CSV_FILES:
            _write_file(open_member, spec.name, spec.header, [], bar)
        return
    names = daily.symptom_names(session=session, start=days[0], end=days[1], symptoms=symptoms)
    _write_codebook(open_member, names, symptoms, bar)
    # Days ahead hold nothing but appointments (in visits.csv): daily.csv stops at today.
    rows = daily.daily_pages(session=session, start=days[0], end=min(days[1], today), names=names)
    _write_file(open_member, DAILY, daily.header(names, symptoms), rows, bar)
    for spec in CSV_FILES:
        pages = _long_form_pages(session, spec, days[0], days[1])
        _write_file(open_member, spec.name, spec.header, pages, bar)


def export_csv(
    *,
    journal: Journal,
    out: Path,
    start: date | None,
    end: date | None,
    since_last_visit: bool,
    today: date,
    symptoms: SymptomSet,
    force: bool,
    progress: ProgressFactory,
    files: dict[str, bytes] | None = None,
) -> ExportSummary:
    """Write the CSV export of the range to ``out`` (a folder, or a zip if it ends in .zip;
    ``-``: a zip on standard output)."""
    zipped = is_stdout(out) or out.suffix.lower() == ".zip"
    if is_stdout(out) and sys.stdout.isatty():
        raise BadInput("--out - writes a zip: send it to a file or a pipe, not the terminal")
    with journal.read() as session:
        days = export_range(
            session=session, start=start, end=end, since_last_visit=since_last_visit, today=today
        )
        first, last = days if days else (None, None)
        entries = count_entries(session=session, start=first, end=last) if days else 0
        items = count_items(session=session, start=first, end=last) if days else 0
        day_count = max(0, (min(last, today) - first).days + 1) if first and last else 0
        total = entries + items + day_count + len(CSV_FILES) + 8
        with progress("exporting", total) as bar:
            if zipped:
                with atomic_file(out, force=force) as handle, _zip_sink(handle) as member:
                    _write_all(session, member, days, symptoms, today, bar)
                    _write_user_files(member, files or {})
            else:
                with atomic_folder(out, force=force, marker=MANIFEST) as folder:
                    _write_all(session, _folder_sink(folder), days, symptoms, today, bar)
                    _write_user_files(_folder_sink(folder), files or {})
    return ExportSummary(out, first, last, entries, day_count)
