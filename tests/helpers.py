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

# "Today" for the whole suite: no test reads the real clock. CI runs the date-sensitive tests
# again under other days (a year end, a leap day, a DST change, a Sunday, a Monday) by setting
# AIJ_TEST_TODAY; tests/conftest.py hands it to aij as AIJ_TODAY.
TODAY = date.fromisoformat(os.environ.get("AIJ_TEST_TODAY") or "2026-11-26")


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_subprocess(*args: str, home: Path, cwd: Path | None = None) -> Result:
    """Run the installed `aij` as a real process."""
    env = {
        "AIJ_HOME": str(home),
        "AIJ_TODAY": TODAY.isoformat(),
        "PATH": str(Path(sys.executable).parent),
        "COLUMNS": "100",
    }
    # The engine switch (tests/pg.py): the test's own database on the server.
    for name in ("AIJ_DATABASE_URL", "PGPASSWORD"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    done = subprocess.run(
        [sys.executable, "-m", "aijournal", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def snapshot(home: Path) -> dict[str, str]:
    """A fingerprint of every file in the aij home: any change shows."""
    if not home.exists():
        return {}
    return {
        str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def query(home: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of ``sql`` read straight from the journal: the home's journal.db, or the test's
    database on the server under the PostgreSQL engine (dates as SQLite's ISO text)."""
    url = os.environ.get("AIJ_DATABASE_URL")
    if url and not (home / "journal.db").exists():
        from tests.pg import query as query_server

        return [tuple(_as_sqlite(v) for v in row) for row in query_server(url, sql)]
    conn = sqlite3.connect(home / "journal.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def journal_of(home: Path) -> "Journal":
    """The test's journal, opened for writing: the home's journal.db, or the test's database
    on the server under the PostgreSQL engine (tests/pg.py)."""
    from aijournal.store.db import open_journal
    from aijournal.store.location import locate
    from aijournal.store.server import open_server

    url = os.environ.get("AIJ_DATABASE_URL")
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
