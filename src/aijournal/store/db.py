"""Opening the journal: the SQLite file, its engine and sessions, and migrations on open."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, select

from aijournal.clock import utcnow
from aijournal.errors import AijError, JournalError, UnusableFile
from aijournal.paths import ensure_private_dir
from aijournal.store.entries import duplicate_notices
from aijournal.store.migrations import LATEST, MIGRATIONS
from aijournal.store.models import SchemaVersion

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10


def _friendly(exc: DBAPIError, path: Path) -> AijError:
    # The driver's text may quote SQL parameters (health data): never pass it on.
    if isinstance(exc, OperationalError) and "locked" in str(exc.orig):
        return JournalError(f"the journal {path} is busy (another aij is writing); try again")
    if isinstance(exc.orig, sqlite3.DatabaseError) and not isinstance(
        exc.orig, sqlite3.IntegrityError
    ):
        return UnusableFile(f"{path} cannot be read as an aij journal (damaged?); left untouched")
    return JournalError(f"the journal {path} refused the change; nothing was saved")


class Journal:
    """An open journal file: sessions for reading, and one-transaction sessions for writing.

    ``pending``: the file does not exist yet; reads see an empty journal held in memory, and
    the first write creates the file (so a read-only command never creates it).
    """

    def __init__(self, path: Path, engine: Engine, *, pending: bool = False) -> None:
        self.path = path
        self.engine = engine
        # Lines for the user from committed writes (likely duplicates); the CLI prints them.
        self.notices: list[str] = []
        self.pending = pending

    def _materialise(self) -> None:
        """Create the journal file for the first write of a journal that had none."""
        if not self.pending:
            return
        opened = open_journal(self.path)
        self.engine.dispose()
        self.engine = opened.engine
        self.pending = False

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session:
                yield session
        except DBAPIError as exc:
            raise _friendly(exc, self.path) from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction (BEGIN IMMEDIATE): all of it is saved, or none of it."""
        self._materialise()
        try:
            with Session(self.engine.execution_options(aij_write=True)) as session:
                yield session
                notices = duplicate_notices(session=session)
                session.commit()
            self.notices.extend(notices)
        except DBAPIError as exc:
            raise _friendly(exc, self.path) from None

    def schema_version(self) -> int:
        with self.read() as session:
            return int(session.exec(select(func.max(SchemaVersion.version))).one() or 0)

    def close(self) -> None:
        self.engine.dispose()


def _existing_version(path: Path) -> int:
    """The schema version of an existing file, read without changing a byte of it.

    A file that is not SQLite, is damaged, or is some other program's database is refused.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise JournalError(f"cannot read the journal {path}: {exc.strerror}") from None
    if not head:
        return 0
    if head != SQLITE_HEADER:
        raise UnusableFile(f"{path} is not an aij journal (not a SQLite file); left untouched")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not names:
                return 0
            if "schema_version" not in names:
                raise UnusableFile(
                    f"{path} is a SQLite file but not an aij journal; left untouched"
                )
            return int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise UnusableFile(
            f"{path} cannot be read as an aij journal (damaged?); left untouched"
        ) from None


def _create_file(path: Path) -> None:
    ensure_private_dir(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalError(f"cannot create the journal {path}: {exc.strerror}") from None


def make_engine(path: Path | None) -> Engine:
    """An engine for the journal file at ``path``, or (None) for an empty one in memory."""
    if path is None:
        engine = create_engine(
            "sqlite://", connect_args={"isolation_level": None}, poolclass=StaticPool
        )
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"timeout": BUSY_TIMEOUT_S, "isolation_level": None},
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("aij_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _backup(path: Path, version: int) -> Path:
    """Copy the journal before a migration, so nothing is changed without a way back."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(path)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    return target


def migrate(engine: Engine, path: Path, before: int) -> None:
    """Bring the journal from schema ``before`` to the latest, in one transaction."""
    if before > 0:
        _backup(path, before)
    with engine.execution_options(aij_write=True).begin() as conn:
        for version in range(before + 1, LATEST + 1):
            for statement in MIGRATIONS[version]:
                conn.exec_driver_sql(statement)
            conn.execute(
                SchemaVersion.metadata.tables["schema_version"]
                .insert()
                .values(version=version, applied_at=utcnow())
            )


def open_journal_for_reading(path: Path) -> Journal:
    """The journal at ``path``; if there is no file, an empty one that creates it on first write.

    For commands that may only read (``aij day``): they must not create the folder or the file.
    """
    if path.exists():
        return open_journal(path)
    engine = make_engine(None)
    migrate(engine, path, 0)
    return Journal(path, engine, pending=True)


def open_journal(path: Path) -> Journal:
    """Open (creating if needed, mode 0600) and migrate the journal at ``path``."""
    if path.exists():
        before = _existing_version(path)
    else:
        _create_file(path)
        before = 0
    if before > LATEST:
        raise UnusableFile(
            f"{path} was written by a newer aij (schema {before}, this one knows {LATEST}); "
            "upgrade aij to open it"
        )
    engine = make_engine(path)
    if before == LATEST:
        # Connect once now: the version check's read-only connection may have opened the WAL
        # files, and only a read-write connection's close tidies them away again.
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return Journal(path, engine)
    try:
        migrate(engine, path, before)
    except DBAPIError as exc:
        engine.dispose()
        raise _friendly(exc, path) from None
    except JournalError:
        engine.dispose()
        raise
    return Journal(path, engine)
