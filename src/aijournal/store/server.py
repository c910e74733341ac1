"""The journal on a PostgreSQL server (psycopg 3): its engine, the schema migrated under a
lock, one writer at a time, and the driver's errors as one line each.

The models, queries and migrations are the SQLite journal's own; only what differs lives
here. The URL's password (if any) never reaches a message: everything is named by
``Location.shown``. Without a password in the URL, libpq reads ``PGPASSWORD`` or
``~/.pgpass``, as every libpq program does.
"""

from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import DBAPIError

from aijournal.errors import AijError, BadInput, JournalError, UnusableFile
from aijournal.store.db import BUSY_TIMEOUT_S, Journal, _friendly, apply_migrations, make_engine
from aijournal.store.location import Location
from aijournal.store.migrations import LATEST
from aijournal.store.models import SchemaVersion

# Advisory lock keys (any 64-bit numbers; 0x61696a = "aij"). Writers take WRITE_LOCK for
# their transaction, as SQLite's BEGIN IMMEDIATE lets one writer in at a time; a migration
# takes MIGRATE_LOCK, so of two machines upgrading at once one migrates and the other waits,
# then finds the work done.
WRITE_LOCK = 0x61696A0001
MIGRATE_LOCK = 0x61696A0002
CONNECT_TIMEOUT_S = 10


def make_server_engine(location: Location) -> Engine:
    """An engine for the server: times in UTC, a wait for a lock as long as SQLite's busy
    timeout, and the writer lock taken at the start of every write transaction. Made once
    per process for a URL, as a file's engine is (store/db.py `make_engine`)."""
    return _server_engine(location.url.render_as_string(hide_password=False))


@lru_cache(maxsize=8)
def _server_engine(url: str) -> Engine:
    options = f"-c lock_timeout={BUSY_TIMEOUT_S * 1000} -c TimeZone=UTC"
    engine = create_engine(
        url,
        connect_args={
            "options": options,
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "aij",
        },
        pool_size=1,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("aij_write", False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return engine


def server_version(conn: Connection, shown: str) -> int:
    """The schema version on the server: 0 for an empty database; a database holding other
    tables but no aij schema is refused, left untouched."""
    names = set(inspect(conn).get_table_names())
    if not names:
        return 0
    if "schema_version" not in names:
        raise UnusableFile(
            f"the database {shown} holds tables but not an aij journal; left untouched "
            "(create an empty database for aij)"
        )
    found = conn.execute(select(func.max(SchemaVersion.version))).scalar()
    return int(found or 0)


def _refuse_newer(version: int, shown: str) -> None:
    if version > LATEST:
        raise UnusableFile(
            f"the journal {shown} was written by a newer aij (schema {version}, this one "
            f"knows {LATEST}); upgrade aij to open it"
        )


def migrate_server(engine: Engine, shown: str) -> None:
    """Bring the server's schema to the latest in one transaction, under the migration lock;
    the version is read again once the lock is held (another aij may have just migrated)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")
        before = server_version(conn, shown)
        _refuse_newer(before, shown)
        if before < LATEST:
            apply_migrations(conn, before)


def open_server(location: Location, *, reading: bool) -> Journal:
    """The journal on the server, migrated if older. With ``reading``, an empty database is
    left as it is: reads see an empty journal in memory, and the first write creates the
    tables (as a read never creates the SQLite file)."""
    engine = make_server_engine(location)
    try:
        with engine.connect() as conn:
            version = server_version(conn, location.shown)
        _refuse_newer(version, location.shown)
        if version == 0 and reading:
            engine.dispose()
            memory = make_engine(None)
            with memory.begin() as conn:
                apply_migrations(conn, 0)
            return Journal(None, memory, pending=True, location=location)
        if version < LATEST:
            migrate_server(engine, location.shown)
    except DBAPIError as exc:
        engine.dispose()
        raise _friendly(exc, location.shown) from None
    except AijError:
        engine.dispose()
        raise
    return Journal(None, engine, location=location)


# SQLSTATE classes and codes (PostgreSQL's appendix A) as the user should read them.
_BUSY = {"40001", "40P01", "55P03", "57014"}  # serialization, deadlock, lock wait, timeout
_AUTH = {"28P01", "28000"}
_NO_DATABASE = "3D000"
_NO_PERMISSION = "42501"
_NO_SPACE = {"53100", "53200"}
_READ_ONLY = "25006"


def classify_server(exc: BaseException, shown: str) -> AijError:
    """A psycopg error as one line naming the server by ``shown`` (password masked).

    The server's text may quote values (health data) and the URL: only its SQLSTATE, and
    for a connection that failed before any SQL, libpq's reason, are used."""
    state = str(getattr(exc, "sqlstate", "") or "")
    text = str(exc).lower()
    if state in _BUSY:
        return JournalError(f"the journal {shown} is busy (another aij is writing); try again")
    if state in _AUTH or "password authentication failed" in text or "no password" in text:
        return BadInput(
            f"the server refused the login to {shown}; check the user name, and the password "
            "in ~/.pgpass or PGPASSWORD"
        )
    if state == _NO_DATABASE or ("database" in text and "does not exist" in text):
        return BadInput(
            f"the database in {shown} does not exist on the server; create it first "
            "(README: Sharing a journal on a server)"
        )
    if state == _NO_PERMISSION or "permission denied" in text:
        return JournalError(
            f"the server's role for {shown} lacks a permission aij needs; nothing was saved"
        )
    if state in _NO_SPACE:
        return JournalError(f"the server holding {shown} is out of space; nothing was saved")
    if state == _READ_ONLY:
        return JournalError(f"the server holding {shown} is read-only; nothing was saved")
    if state.startswith("23"):
        return JournalError(f"the journal {shown} refused the change; nothing was saved")
    if state.startswith(("08", "57")) or not state:
        return JournalError(
            f"cannot reach the server for {shown} (is it running, and the host and port "
            "right?); nothing was saved"
        )
    return JournalError(f"the journal {shown} refused the change; nothing was saved")
