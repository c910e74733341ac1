"""Helpers for tests: real subprocesses, fingerprints of the aij home, raw SQL reads."""

import hashlib
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from aijournal.catalog.foods import Food, FoodCatalog, Supplement

if TYPE_CHECKING:
    from aijournal.store.db import Journal

# "Today" for the whole suite: no test reads the real clock. Its default is a Monday (the
# first day of a week, one of the days CI must try); CI runs the date-sensitive tests again
# under the others (a year end, a leap day, the DST change on Sunday 2026-03-29) by setting
# AIJ_TEST_TODAY; tests/conftest.py hands it to aij as AIJ_TODAY.
TODAY = date.fromisoformat(os.environ.get("AIJ_TEST_TODAY") or "2026-11-30")


@dataclass
class Result:
    code: int
    out: str
    err: str


def subprocess_env(home: Path, **overrides: str) -> dict[str, str]:
    """The environment of every aij subprocess in the suite: the home, the frozen "today",
    and the engine's database (tests/pg.py: the test's own on the server, with PGPASSWORD),
    then ``overrides`` (e.g. ``AIJ_DATABASE_URL`` of another journal, ``PATH``, ``TERM``)."""
    env = {
        "AIJ_HOME": str(home),
        "AIJ_TODAY": TODAY.isoformat(),
        "PATH": str(Path(sys.executable).parent),
        "COLUMNS": "100",
    }
    if os.environ.get("PGPASSWORD"):
        env["PGPASSWORD"] = os.environ["PGPASSWORD"]
    url = _server_url(home)
    if url is not None:
        env["AIJ_DATABASE_URL"] = url
    return {**env, **overrides}


def run_subprocess(
    *args: str, home: Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Result:
    """Run the installed `aij` as a real process (``env``: entries over subprocess_env's)."""
    done = subprocess.run(
        [sys.executable, "-m", "aijournal", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(home, **(env or {})),
        cwd=cwd,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def _server_url(home: Path, url: str | None = None) -> str | None:
    """The server database holding ``home``'s journal under the engine switch (tests/pg.py
    ``home_url``), or ``url`` if given; None when the journal is the home's SQLite file."""
    from tests.pg import home_url

    url = url or home_url(home)
    return url if url and not (home / "journal.db").exists() else None


def snapshot(home: Path, url: str | None = None) -> dict[str, str]:
    """A fingerprint of every file in the aij home and, when the journal is on the server
    (tests/pg.py), of every row of its database: any change shows."""
    found = (
        {
            str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(home.rglob("*"))
            if p.is_file()
        }
        if home.exists()
        else {}
    )
    server = _server_url(home, url)
    if server is not None:
        from tests.pg import fingerprint

        found["<database on the server>"] = fingerprint(server)
    return found


def query(home: Path, sql: str, url: str | None = None) -> list[tuple[object, ...]]:
    """Rows of ``sql`` read straight from the journal: the home's journal.db, or its database
    on the server under the PostgreSQL engine (``url``, else the test's own; dates as
    SQLite's ISO text)."""
    server = _server_url(home, url)
    if server is not None:
        from tests.pg import query as query_server

        return [tuple(_as_sqlite(v) for v in row) for row in query_server(server, sql)]
    conn = sqlite3.connect(home / "journal.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def execute(home: Path, *statements: str) -> None:
    """Run ``statements`` (changes, one transaction) straight on the journal of ``home``, as
    query reads it, with foreign keys unchecked (sqlite3's default; on the server, a
    superuser's session_replication_role)."""
    server = _server_url(home)
    if server is not None:
        from tests.pg import connect

        with connect(server) as conn, conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")
            for sql in statements:
                conn.execute(sql)
        return
    conn = sqlite3.connect(home / "journal.db")
    try:
        with conn:
            for sql in statements:
                conn.execute(sql)
    finally:
        conn.close()


def journal_of(home: Path) -> "Journal":
    """The test's journal, opened for writing: the home's journal.db, or the test's database
    on the server under the PostgreSQL engine (tests/pg.py)."""
    from aijournal.store.db import open_journal
    from aijournal.store.location import locate
    from aijournal.store.server import open_server

    url = _server_url(home)
    if url:
        return open_server(locate(url, home / "journal.db"), reading=False)
    return open_journal(home / "journal.db")


def _as_sqlite(value: object) -> object:
    if isinstance(value, datetime):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def food(catalog: FoodCatalog, name: str) -> Food:
    """The food ``name`` resolves to (failing the test if it is a supplement)."""
    found = catalog.resolve(name)
    assert isinstance(found, Food)
    return found


def supplement(catalog: FoodCatalog, name: str) -> Supplement:
    """The supplement ``name`` resolves to (failing the test if it is a food)."""
    found = catalog.resolve(name)
    assert isinstance(found, Supplement)
    return found
