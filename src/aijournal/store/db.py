"""Opening the journal: the SQLite file, its engine and sessions, and migrations on open."""

import errno
import fcntl
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, func
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, select

from aijournal.clock import utcnow
from aijournal.errors import AijError, JournalError, UnusableFile
from aijournal.paths import (
    describe_os_error,
    ensure_private_dir,
    sweep_stale_temps,
    temp_sibling,
    tighten,
)
from aijournal.store.entries import duplicate_notices
from aijournal.store.migrations import LATEST, MIGRATIONS
from aijournal.store.models import DEFAULT_JOURNAL, SchemaVersion
from aijournal.store.scope import JOURNAL_KEY

if TYPE_CHECKING:
    from aijournal.store.location import Location

SQLITE_HEADER = b"SQLite format 3\x00"
# A writer waits this long for another to finish: a user would rather wait than lose a day.
BUSY_TIMEOUT_S = 60


def _disk_full(path: Path) -> bool:
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return False
    # Root may use the reserved blocks; anyone else sees f_bavail.
    free = found.f_bfree if os.getuid() == 0 else found.f_bavail
    return free * found.f_frsize < 64 * 1024


def _read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def environment_problem(path: Path) -> str | None:
    """What is wrong around the journal file (not in it), in words, or None."""
    if _disk_full(path):
        return (
            f"no space left on the disk holding {path}; free some space and run the "
            "command again (the journal is unchanged)"
        )
    if _read_only_disk(path):
        return f"the disk holding {path} is mounted read-only; nothing can be saved there"
    for target in (path, path.parent):
        if target.exists() and not os.access(target, os.R_OK | os.W_OK):
            return (
                f"no permission to write {target}; check its owner and mode "
                "(the journal is unchanged)"
            )
    return None


def classify(exc: BaseException, path: Path | str) -> AijError:
    """A database error as the user should read it: busy, no space, read-only, no permission,
    a disk error, a refused change, or (only for a file that is) a damaged journal. ``path``
    is the SQLite file, or the server's URL with its password masked.

    The driver's text may quote SQL parameters (health data): only its error code is used."""
    if type(exc).__module__.startswith("psycopg"):
        from aijournal.store.server import classify_server

        return classify_server(exc, str(path))
    if not isinstance(path, Path):
        return JournalError(f"the journal {path} refused the change; nothing was saved")
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    primary = "_".join(name.split("_")[:2])
    if primary in ("SQLITE_BUSY", "SQLITE_LOCKED") or (not name and "locked" in str(exc)):
        return JournalError(f"the journal {path} is busy (another aij is writing); try again")
    if primary == "SQLITE_CONSTRAINT" or isinstance(exc, sqlite3.IntegrityError):
        return JournalError(f"the journal {path} refused the change; nothing was saved")
    if primary in ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY") or (
        primary in ("SQLITE_PERM", "SQLITE_AUTH")
    ):
        found = environment_problem(path)
        if found is not None:
            return JournalError(found)
    if primary == "SQLITE_FULL":
        return JournalError(f"no space left on the disk holding {path}; the journal is unchanged")
    if primary == "SQLITE_READONLY":
        return JournalError(
            f"the journal {path} is read-only (check its permissions and its folder's); "
            "nothing was saved"
        )
    if primary in ("SQLITE_PERM", "SQLITE_AUTH", "SQLITE_CANTOPEN"):
        return JournalError(f"cannot open the journal {path}: check it exists and is yours")
    if primary == "SQLITE_IOERR":
        return JournalError(
            f"the disk reported an error reading or writing {path}; the journal is unchanged "
            "(check the disk, then run aij db check)"
        )
    if isinstance(exc, sqlite3.DatabaseError):
        return UnusableFile(
            f"{path} cannot be read as an aij journal (damaged?); left untouched. "
            "aij db check says more; aij db restore FILE puts back a backup"
        )
    return JournalError(f"the journal {path} refused the change; nothing was saved")


def _friendly(exc: DBAPIError, path: Path | str) -> AijError:
    return classify(exc.orig if exc.orig is not None else exc, path)


def check_kind(path: Path) -> None:
    """Refuse, at once, a journal path that is not a regular file (a FIFO would block every
    command), or a symlink to nothing."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return  # absent: creating it will say why it cannot be
    except OSError as exc:
        raise JournalError(f"cannot read the journal {path}: {describe_os_error(exc)}") from None
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise UnusableFile(
                f"the journal {path} is a symbolic link to {os.readlink(path)}, which does not "
                "exist; fix or remove the link"
            ) from None
        except OSError as exc:
            raise JournalError(
                f"cannot read the journal {path}: {describe_os_error(exc)}"
            ) from None
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        if stat.S_ISFIFO(info.st_mode):
            what = "a FIFO (named pipe)"
        raise UnusableFile(f"the journal {path} is {what}, not a journal file; left untouched")


@contextmanager
def setup_lock(folder: Path) -> Iterator[None]:
    """Hold the home folder's lock: creating, migrating or restoring a journal happens in one
    process at a time; another waits here, then finds the work done."""
    ensure_private_dir(folder)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class Journal:
    """An open journal: sessions for reading, and one-transaction sessions for writing.

    ``path`` is the SQLite file, or None on a server (``location`` says which, and how to
    name it in messages). ``pending``: the file (or the server's tables) does not exist
    yet; reads see an empty journal held in memory, and the first write creates it (so a
    read-only command never creates it).
    ``name``: the journal (of several in one database) every session is kept to (scope.py).
    """

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        *,
        pending: bool = False,
        location: "Location | None" = None,
    ) -> None:
        self.path = path
        self.location = location
        self.shown: Path | str = path if path is not None else (location.shown if location else "")
        self.engine = engine
        self.name = DEFAULT_JOURNAL
        # Lines for the user from committed writes (likely duplicates); the CLI prints them.
        self.notices: list[str] = []
        self.pending = pending

    def _materialise(self) -> None:
        """Create the journal file for the first write of a journal that had none."""
        if not self.pending:
            return
        if self.path is None:
            from aijournal.store.server import open_server

            assert self.location is not None
            opened = open_server(self.location, reading=False)
        else:
            opened = open_journal(self.path)
        self.engine.dispose()
        self.engine = opened.engine
        self.pending = False

    @contextmanager
    def read(self, journal: str | None = None) -> Iterator[Session]:
        """A session for reading, kept to this journal (or to ``journal``: a study export
        reads several in turn)."""
        try:
            with Session(self.engine, info={JOURNAL_KEY: journal or self.name}) as session:
                yield session
        except DBAPIError as exc:
            raise _friendly(exc, self.shown) from None

    @contextmanager
    def write(self, *, duplicates: bool = True) -> Iterator[Session]:
        """One transaction, all of it saved or none of it, one writer at a time (SQLite:
        BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock, store/server.py).

        ``duplicates``: look for entries this write created that look logged twice (a
        notice each); an import, which adds only what is missing, does not."""
        self._materialise()
        try:
            writing = self.engine.execution_options(aij_write=True)
            with Session(writing, info={JOURNAL_KEY: self.name}) as session:
                yield session
                notices = duplicate_notices(session=session) if duplicates else []
                session.commit()
            self.notices.extend(notices)
        except DBAPIError as exc:
            raise _friendly(exc, self.shown) from None

    def schema_version(self) -> int:
        with self.read() as session:
            return int(session.exec(select(func.max(SchemaVersion.version))).one() or 0)

    def close(self) -> None:
        self.engine.dispose()


def _existing_version(path: Path) -> int:
    """The schema version of an existing file, read without changing a byte of it.

    A file that is not SQLite, is damaged, or is some other program's database is refused.
    """
    check_kind(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            return 0
        raise JournalError(f"cannot read the journal {path}: {describe_os_error(exc)}") from None
    if not head:
        return 0
    if head != SQLITE_HEADER:
        raise UnusableFile(f"{path} is not an aij journal (not a SQLite file); left untouched")
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not names:
                return 0
            if "schema_version" not in names:
                raise UnusableFile(
                    f"{path} is a SQLite file but not an aij journal; left untouched"
                )
            found = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise classify(exc, path) from None
    if not isinstance(found, int) or found < 1:
        raise UnusableFile(
            f"{path} has schema version {found!r}, which no aij writes (1 to {LATEST} are "
            "known); left untouched. aij db restore FILE puts back a backup"
        )
    return found


def _create_file(path: Path) -> None:
    ensure_private_dir(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalError(f"cannot create the journal {path}: {describe_os_error(exc)}") from None


def make_engine(path: Path | None) -> Engine:
    """An engine for the journal file at ``path``, or (None) for an empty one in memory.

    A file's engine is made once per process (the last few kept): closing a journal disposes
    of its connections, and opening the same file again reuses the engine with its cache of
    compiled statements. A command runs once per process, so this matters where one process
    opens a journal many times (the test suite, `aij db copy`), where compiling the same
    statements again each time was half the time of a command."""
    if path is None:
        return _new_engine(None)
    return _file_engine(str(path))


@lru_cache(maxsize=8)
def _file_engine(path: str) -> Engine:
    return _new_engine(Path(path))


def _new_engine(path: Path | None) -> Engine:
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


def copy_database(source: Path, target: Path, *, source_read_only: bool = False) -> None:
    """Copy the journal at ``source`` to a new file ``target`` (0600) with SQLite's online
    backup API: consistent while others write. Written under a temporary name, synced, then
    renamed, so a half-written copy never takes the final name; removed on any failure."""
    tmp = temp_sibling(target)
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
        # A read-write connection to our journal (it writes nothing): only its close tidies
        # the WAL files away. Someone else's file is opened read-only.
        mode = "?mode=ro" if source_read_only else ""
        src = sqlite3.connect(
            f"{source.resolve().as_uri()}{mode}", uri=True, timeout=BUSY_TIMEOUT_S
        )
        try:
            src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                # One self-contained file: no -wal beside a backup.
                dest.execute("PRAGMA journal_mode=DELETE").fetchall()
            finally:
                dest.close()
        finally:
            src.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "exists", str(target))
        os.rename(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise classify(exc, target) from None
        if isinstance(exc, OSError):
            raise JournalError(
                f"cannot write the backup {target}: {describe_os_error(exc)}"
            ) from None
        raise


def _backup(path: Path, version: int) -> Path:
    """Copy the journal before a migration, so nothing is changed without a way back."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    count = 1
    while target.exists() or target.is_symlink():
        count += 1
        target = path.with_name(f"{path.name}.v{version}-{stamp}-{count}.bak")
    copy_database(path, target)
    return target


def migrate(engine: Engine, path: Path, before: int, *, backup: bool = True) -> None:
    """Bring the journal from schema ``before`` to the latest, in one transaction."""
    if before > 0 and backup:
        _backup(path, before)
    with engine.execution_options(aij_write=True).begin() as conn:
        apply_migrations(conn, before)


def apply_migrations(conn: Connection, before: int) -> None:
    """Run every migration after ``before`` on ``conn``, inside the caller's transaction:
    the same statements on SQLite and PostgreSQL."""
    for version in range(before + 1, LATEST + 1):
        for statement in MIGRATIONS[version]:
            conn.exec_driver_sql(statement)
        conn.execute(
            SchemaVersion.metadata.tables["schema_version"]
            .insert()
            .values(version=version, applied_at=utcnow())
        )


def open_journal_for_reading(where: "Path | Location") -> Journal:
    """The journal at ``where`` (a SQLite file, or a server); if there is none yet, an empty
    one that creates it on first write.

    For commands that may only read (``aij day``): they must not create the folder or the file
    (nor the tables on a server).
    """
    from aijournal.store.location import Location

    if isinstance(where, Location):
        if where.path is None:
            from aijournal.store.server import open_server

            return open_server(where, reading=True)
        where = where.path
    path = where
    check_kind(path)
    if path.exists():
        return open_journal(path)
    engine = make_engine(None)
    migrate(engine, path, 0)
    return Journal(path, engine, pending=True)


def _tidy(path: Path) -> None:
    """Before opening: stale temporary files of ours go, and a journal (or its WAL files, or
    its folder) that others could read is made owner-only, as the README promises."""
    if not path.parent.is_dir():
        return
    sweep_stale_temps(path.parent)
    sweep_stale_temps(path.parent / "backups")
    tighten(path.parent)
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        tighten(path.with_name(name))


def _connect_latest(path: Path) -> Journal:
    engine = make_engine(path)
    try:
        # Connect once now: the version check's read-only connection may have opened the WAL
        # files, and only a read-write connection's close tidies them away again.
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        raise _friendly(exc, path) from None
    return Journal(path, engine)


def open_journal(path: Path, *, backup: bool = True) -> Journal:
    """Open (creating if needed, mode 0600) and migrate the journal at ``path``.

    Creation and migration hold the folder's lock: of several aij starting at once on a new
    or old journal, one does the work and the others wait, then open the result."""
    check_kind(path)
    _tidy(path)
    try:
        if path.exists() and _existing_version(path) == LATEST:
            return _connect_latest(path)
    except AijError:
        pass  # perhaps another aij is creating it: look again under the lock
    with setup_lock(path.parent):
        check_kind(path)
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
        if before == LATEST:
            return _connect_latest(path)
        engine = make_engine(path)
        try:
            migrate(engine, path, before, backup=backup)
        except DBAPIError as exc:
            engine.dispose()
            raise _friendly(exc, path) from None
        except AijError:
            engine.dispose()
            raise
        return Journal(path, engine)
