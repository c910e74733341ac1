"""Backups of the journal: take one (online, consistent while others write), restore one,
and check a journal file for damage, schema and values out of range.

Every copy is written by SQLite's online backup API under a temporary name, synced, then
renamed (``db.copy_database``), so a backup that exists is a whole one. Nothing here prints
a stored value: problems are counts and column names, never health data.
"""

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from aijournal.clock import utcnow
from aijournal.errors import BadInput, JournalError, UnusableFile
from aijournal.paths import describe_os_error, ensure_private_dir, temp_sibling
from aijournal.store.db import (
    BUSY_TIMEOUT_S,
    SQLITE_HEADER,
    check_kind,
    classify,
    copy_database,
    make_engine,
    migrate,
    open_journal,
)
from aijournal.store.migrations import LATEST

BACKUPS_DIR = "backups"
PREFIX = "journal-"


def backups_dir(journal: Path) -> Path:
    return journal.parent / BACKUPS_DIR


def _dated_name(folder: Path, label: str) -> Path:
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    tail = f"-{label}" if label else ""
    target = folder / f"{PREFIX}{stamp}{tail}.db"
    count = 1
    while target.exists() or target.is_symlink():
        count += 1
        target = folder / f"{PREFIX}{stamp}{tail}-{count}.db"
    return target


def list_backups(journal: Path) -> list[Path]:
    """The backups in the home's backups/ folder, oldest first."""
    folder = backups_dir(journal)
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(".db")
    )


def _prune(journal: Path, kept: int) -> list[Path]:
    found = list_backups(journal)
    removed = found[: max(0, len(found) - kept)]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def take_backup(journal: Path, target: Path | None = None, *, kept: int, label: str = "") -> Path:
    """Copy the journal to ``target``, or to a dated file in the home's backups/ (then only
    the last ``kept`` there are kept). An existing file is never overwritten."""
    check_kind(journal)
    if not journal.exists():
        raise BadInput(f"there is no journal at {journal} to back up")
    if target is None:
        folder = ensure_private_dir(backups_dir(journal))
        target = _dated_name(folder, label)
        prune = True
    else:
        prune = False
        if target.exists() or target.is_symlink():
            raise BadInput(f"{target} already exists; choose a new file name (nothing written)")
        if not target.parent.is_dir():
            raise BadInput(f"the folder {target.parent} does not exist; create it first")
    copy_database(journal, target)
    if prune:
        _prune(journal, kept)
    return target


def before_import(journal: Path, *, kept: int) -> Path | None:
    """A backup before an import into a journal that holds entries, else None."""
    try:
        conn = sqlite3.connect(
            f"{journal.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
        try:
            held = conn.execute("SELECT 1 FROM entry LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise classify(exc, journal) from None
    return take_backup(journal, kept=kept, label="before-import") if held else None


# -- reading a journal file that may be anything ----------------------------------------------


def schema_of(path: Path) -> int:
    """The schema version of an aij journal file; refuses anything else, with the reason."""
    check_kind(path)
    if not path.exists():
        raise BadInput(f"{path} does not exist")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {describe_os_error(exc)}") from None
    if head != SQLITE_HEADER:
        raise UnusableFile(f"{path} is not an aij journal (not a SQLite file)")
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "schema_version" not in names or "entry" not in names:
                raise UnusableFile(f"{path} is a SQLite file but not an aij journal")
            version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise classify(exc, path) from None
    if not isinstance(version, int) or not 1 <= version <= LATEST:
        raise UnusableFile(
            f"{path} has schema version {version!r}; this aij knows 1 to {LATEST}"
            + (" (upgrade aij to read it)" if isinstance(version, int) and version > 0 else "")
        )
    return version


@dataclass
class CheckResult:
    path: Path
    version: int = 0
    entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


Ranges = list[tuple[str, str, float | None, float | None, int | None]]


def check_journal(path: Path, *, kinds: dict[str, str], ranges: Ranges) -> CheckResult:
    """Integrity, foreign keys, schema version, values out of range and orphaned entries.

    ``kinds``: each entry kind's detail table; ``ranges``: (table, column, low, high,
    max_length) as the exports declare them. Only counts and names are reported."""
    result = CheckResult(path)
    result.version = schema_of(path)
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        try:
            _check(conn, result, kinds, ranges)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if isinstance(classify(exc, path), UnusableFile):
            result.problems.append("SQLite cannot read the file to the end: it is damaged")
        else:
            raise classify(exc, path) from None
    return result


def _check(
    conn: sqlite3.Connection, result: CheckResult, kinds: dict[str, str], ranges: Ranges
) -> None:
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        result.problems.append(f"integrity check failed ({len(integrity)} problems): damaged")
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        where = sorted({str(row[0]) for row in fk})
        result.problems.append(
            f"{len(fk)} rows point to an entry that is not there (in {', '.join(where)})"
        )
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    result.entries = int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])
    if result.version < LATEST:
        result.problems.append(
            f"schema {result.version} is older than this aij's {LATEST} "
            "(opening it with aij migrates it, after a backup)"
        )
    for kind, table in sorted(kinds.items()):
        if table not in tables:
            continue
        orphans = conn.execute(
            f"SELECT count(*) FROM entry e WHERE e.kind = ? AND NOT EXISTS "
            f"(SELECT 1 FROM {table} d WHERE d.entry_id = e.id)",
            (kind,),
        ).fetchone()[0]
        if orphans:
            result.problems.append(f"{orphans} {kind} entries have no details ({table})")
    known = set(kinds)
    unknown = conn.execute(
        f"SELECT count(*) FROM entry WHERE kind NOT IN ({','.join('?' * len(known))})",
        tuple(sorted(known)),
    ).fetchone()[0]
    if unknown:
        result.problems.append(f"{unknown} entries are of a kind aij does not know")
    for table, column, low, high, longest in ranges:
        if table not in tables:
            continue
        cols = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in cols:
            continue
        tests = []
        if low is not None:
            tests.append(f"{column} < {low!r}")
        if high is not None:
            tests.append(f"{column} > {high!r}")
        if longest is not None:
            tests.append(f"length({column}) > {longest}")
        if not tests:
            continue
        bad = conn.execute(
            f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL AND ({' OR '.join(tests)})"
        ).fetchone()[0]
        if bad:
            result.problems.append(f"{bad} values of {table}.{column} are out of range")


# -- restore -----------------------------------------------------------------------------------


@dataclass
class Restored:
    source: Path
    version: int
    entries: int
    previous: Path | None


def restore(file: Path, journal: Path, *, kept: int) -> Restored:
    """Replace the journal's content with the aij journal ``file`` (checked, and migrated if
    older), keeping the current journal as a backup first. All or nothing: the content is
    copied in by SQLite's backup API in one step, so other aij see the old or the new."""
    version = schema_of(file)
    folder = ensure_private_dir(journal.parent)
    staged = temp_sibling(folder / "restore.db")
    try:
        copy_database(file, staged, source_read_only=True)
        conn = sqlite3.connect(staged)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
        if problems != ["ok"]:
            raise UnusableFile(f"{file} is damaged (SQLite's integrity check fails); not restored")
        if version < LATEST:
            engine = make_engine(staged)
            try:
                migrate(engine, staged, version, backup=False)
            finally:
                engine.dispose()
        previous = None
        if journal.exists() and journal.stat().st_size > 0:
            previous = take_backup(journal, kept=kept, label="before-restore")
        live = open_journal(journal)
        live.close()
        _copy_into(staged, journal)
        conn = sqlite3.connect(
            f"{journal.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
        try:
            entries = int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])
        finally:
            conn.close()
    except OSError as exc:
        raise JournalError(f"cannot restore into {journal}: {describe_os_error(exc)}") from None
    finally:
        for name in (
            staged.name,
            f"{staged.name}-journal",
            f"{staged.name}-wal",
            f"{staged.name}-shm",
        ):
            (staged.parent / name).unlink(missing_ok=True)
    return Restored(file, version, entries, previous)


def _copy_into(staged: Path, journal: Path) -> None:
    source = sqlite3.connect(staged)
    dest = sqlite3.connect(journal, timeout=BUSY_TIMEOUT_S)
    try:
        dest.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        page = dest.execute("PRAGMA page_size").fetchone()[0]
        if source.execute("PRAGMA page_size").fetchone()[0] != page:
            source.execute(f"PRAGMA page_size={int(page)}")
            source.execute("VACUUM")
        source.backup(dest)
    except sqlite3.Error as exc:
        raise classify(exc, journal) from None
    finally:
        dest.close()
        source.close()
    os.chmod(journal, 0o600)
