"""Reading an aij export (the CSV zip or folder, or the JSON document) into checked rows.

The manifest or the document's header says it is aij's and of a schema this aij knows; the
rows go through the checks of incoming.py. Nothing here touches the journal.
"""

import csv
import json
import os
import shutil
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from aijournal.errors import BadInput
from aijournal.export import older
from aijournal.export.cells import (
    CellError,
)
from aijournal.export.incoming import (
    ENTRY_KEY,
    POSITION,
    Collector,
    Incoming,
    cell_parser,
    cell_value,
    json_value,
)
from aijournal.export.progress import ProgressFactory
from aijournal.export.tables import (
    CSV_FILES,
    CSV_NAMES,
    ENTRY_COLUMNS,
    FORMAT_CSV,
    FORMAT_JSON,
    MANIFEST,
    TABLES,
    Column,
    CsvFile,
)
from aijournal.export.userfiles import FOLDER as USER_FOLDER
from aijournal.export.userfiles import MAX_BYTES as MAX_USER_FILE
from aijournal.store.migrations import LATEST

# -- the CSV export (zip or folder) ---------------------------------------------------------

Opener = Callable[[str], AbstractContextManager[BinaryIO]]

# Bounds checked before anything is read, so a small zip cannot fill memory or take minutes:
# a line of the longest texts aij writes is under 40 KiB; ten years of a busy journal, under
# 200 MiB; real CSV files compress about 10 times, a zip bomb a thousand.
MAX_LINE_BYTES = 1 << 20
MAX_EXPORT_BYTES = 1 << 30
MAX_RATIO = 200
RATIO_FROM_BYTES = 16 << 20


class _TooLong(Exception):
    """A line over MAX_LINE_BYTES."""


def _lines(binary: BinaryIO) -> Iterator[str]:
    """The lines of ``binary`` as text (UTF-8, a leading BOM dropped), each read no further
    than MAX_LINE_BYTES: a longer one raises _TooLong before it is held in memory."""
    first = True
    while True:
        line = binary.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES:
            raise _TooLong
        if first and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        first = False
        yield line.decode("utf-8")


def _csv_rows(incoming: Incoming, name: str, binary: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(_lines(binary), strict=True)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            yield number, row
    except UnicodeDecodeError:
        raise incoming.fail(name, "not UTF-8 text") from None
    except _TooLong:
        raise incoming.fail(
            f"{name} row {number + 1}",
            f"a line longer than {MAX_LINE_BYTES // 1024} KiB (no aij export has one)",
        ) from None
    except csv.Error as exc:
        raise incoming.fail(f"{name} row {number + 1}", f"not readable as CSV ({exc})") from None


def _header_index(
    incoming: Incoming, name: str, header: list[str], wanted: tuple[str, ...]
) -> list[int]:
    doubled = sorted({h for h in header if header.count(h) > 1})
    if doubled:
        raise incoming.fail(name, f"column {doubled[0]} appears twice in the header")
    missing = [w for w in wanted if w not in header]
    if missing:
        raise incoming.fail(name, f"missing column {', '.join(missing)}")
    unknown = [h for h in header if h not in wanted]
    if unknown:
        raise incoming.fail(name, f"unknown column {', '.join(unknown)}")
    return [header.index(w) for w in wanted]


def _read_csv_file(collect: Collector, spec: CsvFile, binary: BinaryIO) -> None:
    incoming = collect.incoming
    table = spec.table
    rows = _csv_rows(incoming, spec.name, binary)
    first = next(rows, None)
    if first is None:
        raise incoming.fail(spec.name, "the file is empty (no header row)")
    own = older.columns_in(table, incoming.schema)
    header = (*spec.header[: len(spec.header) - len(table.columns)], *(c.name for c in own))
    index = _header_index(incoming, spec.name, first[1], header)
    lead = (ENTRY_KEY, Column("date", "date"), *((POSITION,) if table.items else ()))
    if not table.items:
        lead = (*lead, Column("created_at", "datetime"), Column("updated_at", "datetime"))
    columns = (*lead, *own)
    parsers = [(cell_parser(col), i) for col, i in zip(columns, index, strict=True)]
    width = len(index)
    for number, cells in rows:
        if len(cells) != width:
            where = f"{spec.name} row {number}"
            raise incoming.fail(where, f"{len(cells)} cells, the header has {width}")
        try:
            values = [parse(cells[i]) for parse, i in parsers]
        except CellError:
            where = f"{spec.name} row {number}"
            for col, i in zip(columns, index, strict=True):
                try:
                    cell_value(col, cells[i])
                except CellError as exc:
                    raise incoming.fail(where, str(exc)) from None
            raise
        where = f"{spec.name} row {number}"
        entry_id, day = values[0], values[1]
        if table.items:
            parent = incoming.entries.get(entry_id)
            if parent is not None and parent[0] != day:
                raise incoming.fail(where, f"date {day} is not the date of entry {entry_id}")
            row = older.upgrade(table, incoming.schema, tuple(values[3:]))
            collect.item(where, table, entry_id, values[2], row)
        else:
            collect.entry(where, entry_id, (day, spec.kind, values[2], values[3]))
            collect.detail(
                where, table, entry_id, older.upgrade(table, incoming.schema, tuple(values[4:]))
            )


def _check_manifest(incoming: Incoming, binary: BinaryIO) -> None:
    pairs: dict[str, str] = {}
    for number, row in _csv_rows(incoming, MANIFEST, binary):
        if number > 1 and len(row) == 2:
            pairs[row[0]] = row[1]
    if pairs.get("format") != FORMAT_CSV:
        raise BadInput(
            f"{incoming.source} is not an aij export ({MANIFEST} names no aij format); "
            "nothing was imported"
        )
    _check_version(incoming, pairs.get("schema_version"))


def _check_version(incoming: Incoming, version: object) -> None:
    if isinstance(version, str) and version.isdigit():
        version = int(version)
    if isinstance(version, bool) or not isinstance(version, int):
        raise BadInput(
            f"{incoming.source} is not an aij export (it has no schema version); "
            "nothing was imported"
        )
    if version > LATEST:
        raise BadInput(
            f"{incoming.source} was written by a newer aij (schema {version}, this one knows "
            f"{LATEST}); upgrade aij to import it; nothing was imported"
        )
    if version < 1:
        raise BadInput(
            f"{incoming.source} has schema version {version}, which no aij wrote; "
            "nothing was imported"
        )
    incoming.schema = version


def read_csv_export(
    source: str, names: set[str], open_member: Opener, tick: Callable[[], None]
) -> Incoming:
    """An export's CSV files (``names`` present; ``open_member`` reads one) as checked rows."""
    incoming = Incoming(source)
    prefix = USER_FOLDER + "/"
    user_names = {n for n in names if n.startswith(prefix)}
    names = names - user_names
    if MANIFEST not in names:
        raise BadInput(
            f"{source} is not an aij export (it has no {MANIFEST}); nothing was imported"
        )
    unknown = sorted(names - CSV_NAMES)
    if unknown:
        raise incoming.fail(unknown[0], "not a file of an aij export")
    missing = [f.name for f in CSV_FILES if f.name not in names]
    if missing:
        raise incoming.fail(missing[0], "missing from the export")
    with open_member(MANIFEST) as binary:
        _check_manifest(incoming, binary)
    collect = Collector(incoming)
    for spec in CSV_FILES:
        with open_member(spec.name) as binary:
            _read_csv_file(collect, spec, binary)
        tick()
    finished = collect.finish()
    for name in sorted(user_names):
        with open_member(name) as binary:
            finished.files[name.removeprefix(prefix)] = binary.read(MAX_USER_FILE + 1)
    return finished


# What a damaged zip member raises while it is read: a bad CRC or header, a broken deflate
# stream, a stream cut short, a compression method or encryption flag flipped.
_DAMAGED_ZIP = (
    zipfile.BadZipFile,
    OSError,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
)


@contextmanager
def _zip_members(path: Path) -> Iterator[tuple[set[str], Opener]]:
    try:
        archive = zipfile.ZipFile(path)
    except (*_DAMAGED_ZIP, ValueError):
        raise BadInput(f"{path} is not a readable zip file; nothing was imported") from None
    with archive:
        _check_sizes(path, archive.infolist())
        names = {n for n in archive.namelist() if not n.endswith("/")}
        prefix = ""
        if MANIFEST not in names:
            nested = [n for n in names if n.endswith("/" + MANIFEST)]
            if len(nested) == 1:
                prefix = nested[0][: -len(MANIFEST)]
                names = {n[len(prefix) :] for n in names if n.startswith(prefix)}

        @contextmanager
        def member(name: str) -> Iterator[BinaryIO]:
            try:
                with archive.open(prefix + name) as stream:
                    yield stream  # type: ignore[misc]
            except _DAMAGED_ZIP:
                raise BadInput(
                    f"{path.name}: {name} cannot be read (the zip is damaged); nothing was imported"
                ) from None

        yield names, member


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip that would unpack to more than an export can hold (a zip bomb), from
    the sizes its directory declares (zipfile never unpacks past a declared size)."""
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > MAX_EXPORT_BYTES or (
        total > RATIO_FROM_BYTES and total > MAX_RATIO * max(packed, 1)
    ):
        raise BadInput(
            f"{path.name} would unpack to {total:,} bytes from {packed:,}, more than an aij "
            f"export holds (at most {MAX_EXPORT_BYTES:,} bytes, {MAX_RATIO} times its size); "
            "nothing was imported"
        )


def _folder_members(path: Path) -> tuple[set[str], Opener]:
    names = {p.name for p in path.iterdir() if p.is_file()}
    own = path / USER_FOLDER
    if own.is_dir():
        names |= {p.relative_to(path).as_posix() for p in own.rglob("*") if p.is_file()}

    def member(name: str) -> AbstractContextManager[BinaryIO]:
        return (path / name).open("rb")

    return names, member


# -- the JSON export ---------------------------------------------------------------------------


def _json_rows(
    incoming: Incoming, tables: dict[str, Any], name: str, columns: tuple[Column, ...]
) -> Iterator[tuple[str, list[Any]]]:
    rows = tables.get(name)
    if not isinstance(rows, list):
        raise incoming.fail(f"table {name}", "missing, or not a list of rows")
    wanted = [c.name for c in columns]
    for number, row in enumerate(rows, start=1):
        where = f"table {name} row {number}"
        if not isinstance(row, dict):
            raise incoming.fail(where, "not an object of column values")
        missing = [w for w in wanted if w not in row]
        if missing:
            raise incoming.fail(where, f"missing column {', '.join(missing)}")
        unknown = [k for k in row if k not in wanted]
        if unknown:
            raise incoming.fail(where, f"unknown column {', '.join(map(str, unknown))}")
        try:
            yield where, [json_value(c, row[c.name]) for c in columns]
        except CellError as exc:
            raise incoming.fail(where, str(exc)) from None


def read_json_export(source: str, data: Any, tick: Callable[[], None]) -> Incoming:
    """The JSON document ``data`` (already parsed) as checked rows."""
    incoming = Incoming(source)
    if not isinstance(data, dict) or data.get("format") != FORMAT_JSON:
        raise BadInput(
            f'{source} is not an aij export (no "format": "{FORMAT_JSON}"); nothing was imported'
        )
    _check_version(incoming, data.get("schema_version"))
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise incoming.fail("tables", "missing, or not an object of tables")
    files = data.get("files", {})
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise incoming.fail("files", "not an object of file texts")
    known = {"entry", *(t.name for t in TABLES)}
    unknown = sorted(set(tables) - known)
    if unknown:
        raise incoming.fail(f"table {unknown[0]}", "not a table of an aij journal")
    collect = Collector(incoming)
    for where, values in _json_rows(incoming, tables, "entry", ENTRY_COLUMNS):
        collect.entry(where, values[0], (values[1], values[2], values[3], values[4]))
    tick()
    for table in TABLES:
        keys = (ENTRY_KEY, POSITION) if table.items else (ENTRY_KEY,)
        own = older.columns_in(table, incoming.schema)
        for where, values in _json_rows(incoming, tables, table.name, (*keys, *own)):
            row = older.upgrade(table, incoming.schema, tuple(values[len(keys) :]))
            if table.items:
                collect.item(where, table, values[0], values[1], row)
            else:
                collect.detail(where, table, values[0], row)
        tick()
    finished = collect.finish()
    finished.files = {str(name): text.encode("utf-8") for name, text in files.items()}
    return finished


def _json_int(text: str) -> int | float:
    """A JSON integer; past 18 digits a float (an infinite one past the float range), so the
    row's check refuses it by name instead of Python's 4,300-digit limit raising."""
    return int(text) if len(text) <= 19 else float(text)


def _json_constant(name: str) -> float:
    """NaN, Infinity, -Infinity: read, so the row's check can refuse them by name."""
    return float(name)


@contextmanager
def stdin_as_file() -> Iterator[Path]:
    """Standard input (``aij import -``) copied to an owner-only temporary file, so a zip
    can be read as one; the file is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="aij-import-") as folder:
        path = Path(folder) / "standard input"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            shutil.copyfileobj(sys.stdin.buffer, handle)
        yield path


def read_export(path: Path, progress: ProgressFactory) -> Incoming:
    """The export at ``path``: a zip or folder of aij's CSV files, or aij's JSON document."""
    if str(path) == "-":
        with stdin_as_file() as copied:
            return read_export(copied, progress)
    source = path.name
    if path.is_dir():
        names, member = _folder_members(path)
        with progress("reading", len(CSV_FILES)) as bar:
            return read_csv_export(source, names, member, lambda: bar.advance(1))
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}; nothing was imported") from None
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        with _zip_members(path) as (names, member), progress("reading", len(CSV_FILES)) as bar:
            return read_csv_export(source, names, member, lambda: bar.advance(1))
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        try:
            with path.open("rb") as handle, progress("reading", len(TABLES) + 2) as bar:
                data = json.load(handle, parse_int=_json_int, parse_constant=_json_constant)
                bar.advance(1)
                return read_json_export(source, data, lambda: bar.advance(1))
        except UnicodeDecodeError:
            raise BadInput(f"{source} is not UTF-8 text; nothing was imported") from None
        except RecursionError:
            raise BadInput(
                f"{source} is nested too deeply for an aij export; nothing was imported"
            ) from None
        except json.JSONDecodeError as exc:
            raise BadInput(
                f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}); "
                "nothing was imported"
            ) from None
        except OSError as exc:
            raise BadInput(f"cannot read {path}: {exc.strerror}; nothing was imported") from None
    raise BadInput(
        f"{source} is not an aij export (neither aij's zip nor its JSON); nothing was imported"
    )
