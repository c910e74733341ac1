"""The test PostgreSQL server: a fresh database per test, and the engine switch.

``AIJ_TEST_POSTGRES_URL`` names a server (a superuser on a private cluster, as .ci/run
starts one), e.g. ``postgresql+psycopg://postgres@127.0.0.1:5433/postgres``. Without it the
``pg_url`` fixture skips, except in CI (``CI`` set), where it fails: CI always has one.

``AIJ_TEST_ENGINE=postgres`` runs the store and CLI suites on the server: the autouse
``aij_home`` fixture (tests/conftest.py) then sets ``AIJ_DATABASE_URL`` to the session's
database (migrated once), emptied before each test. Names carry the process id, so
pytest-xdist workers (and two runs at once) never share one.

Every other aij home a test uses is a journal of its own, as on SQLite where each home has
its journal.db: under the engine switch ``home_url(home)`` gives it a database of its own
(from a per-session pool, migrated once, emptied for each test). The ``aij`` fixture adds it
as ``--db`` to a command run with ``--home OTHER``; ``tests/helpers.py`` ``subprocess_env``,
``query`` and ``snapshot`` find it for the home they are given; ``another_journal(path)``
gives both (``Home.args``, ``Home.env``) where a test builds its own command.
"""

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SERVER_ENV = "AIJ_TEST_POSTGRES_URL"
ENGINE_ENV = "AIJ_TEST_ENGINE"
_counter = itertools.count(1)


def server_url() -> str | None:
    return os.environ.get(SERVER_ENV, "").strip() or None


def on_postgres() -> bool:
    """True when the suite runs on the PostgreSQL engine (AIJ_TEST_ENGINE=postgres)."""
    return os.environ.get(ENGINE_ENV, "sqlite").strip().lower() == "postgres"


def need_server() -> str:
    """The server's URL; skip the test without one (fail in CI, which always has one)."""
    url = server_url()
    if url is None:
        message = f"{SERVER_ENV} names no PostgreSQL server"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, and CI must run the PostgreSQL tests")
        pytest.skip(message)
    return url


def connect(url: str, dbname: str | None = None) -> Any:
    """A psycopg connection (autocommit) to the server of ``url``, to ``dbname`` if given."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return psycopg.connect(
        host=parsed.host,
        port=parsed.port,
        user=parsed.username,
        password=parsed.password,
        dbname=dbname or parsed.database,
        autocommit=True,
        connect_timeout=10,
    )


def database_url(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def new_name(kind: str) -> str:
    return f"aij_{kind}_{os.getpid()}_{next(_counter)}"


def create_database(url: str, name: str, template: str = "template0") -> str:
    with connect(url) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return database_url(url, name)


def drop_database(url: str, name: str) -> None:
    with connect(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(url: str, sql: str) -> list[tuple[object, ...]]:
    """Rows of ``sql`` on the database of ``url``, as raw as the tests' SQLite reads."""
    from sqlalchemy.engine import make_url

    with connect(url, make_url(url).database) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a fresh, empty database of the test's own, dropped afterwards."""
    url = need_server()
    name = new_name("t")
    yield create_database(url, name)
    drop_database(url, name)


@pytest.fixture(scope="session")
def pg_engine_db() -> Iterator[str]:
    """The engine switch's database, migrated to the latest schema once per session (per
    xdist worker: the name carries the process id); each test starts it empty."""
    from aijournal.store.location import locate
    from aijournal.store.server import open_server

    url = need_server()
    name = new_name("engine")
    made = create_database(url, name)
    try:
        open_server(locate(made, Path()), reading=False).close()
        yield made
    finally:
        drop_database(url, name)


def fingerprint(url: str) -> str:
    """A digest of every row of every table of ``url``'s database: any change shows."""
    with connect(url) as conn:
        names = sorted(
            str(row[0])
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        )
        parts = [
            f"{name}:"
            + str(
                conn.execute(
                    f"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM \"{name}\" t"
                ).fetchone()
            )
            for name in names
        ]
    return "\n".join(parts)


def emptied(url: str) -> str:
    """``url``'s database with every row gone but the schema's version: a test's own empty
    journal, far cheaper than a CREATE DATABASE per test (a second or more on a busy CI)."""
    with connect(url) as conn:
        names = [
            str(row[0])
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'schema_version'"
            )
        ]
        conn.execute("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " CASCADE")
    return url


def migrated_database(kind: str) -> str:
    """A new database on the server (from ``AIJ_TEST_POSTGRES_URL``) at the latest schema."""
    from aijournal.store.location import locate
    from aijournal.store.server import open_server

    made = create_database(need_server(), new_name(kind))
    open_server(locate(made, Path()), reading=False).close()
    return made


@dataclass(frozen=True)
class Home:
    """An aij home used as a journal of its own: its folder, and under the engine switch its
    database on the server (``url``; None: the home's journal.db)."""

    path: Path
    url: str | None = None

    @property
    def args(self) -> tuple[str, ...]:
        """aij's global options that select this journal."""
        return ("--home", str(self.path), *(("--db", self.url) if self.url else ()))

    @property
    def env(self) -> dict[str, str]:
        """The environment entries that select this journal in a subprocess."""
        return {"AIJ_HOME": str(self.path), **({"AIJ_DATABASE_URL": self.url} if self.url else {})}


@pytest.fixture(scope="session")
def pg_other_dbs() -> Iterator[list[str]]:
    """The databases of the test's other homes, this session's (per xdist worker), made on
    demand and reused by later tests (emptied)."""
    made: list[str] = []
    yield made
    url = server_url()
    if url is not None:
        for each in made:
            drop_database(url, each.rsplit("/", 1)[-1])


class _Homes:
    """The engine switch's map from aij homes to databases, for the test running now: its
    own home to its own database, any other home to one of the pool's, emptied."""

    def __init__(self, home: Path, url: str, pool: list[str]) -> None:
        self.urls = {_key(home): url}
        self.pool = pool
        self.copies: list[str] = []  # databases copy_home made, dropped after the test

    def url(self, home: Path) -> str:
        key = _key(home)
        if key not in self.urls:
            index = len(self.urls) - 1 - len(self.copies)
            if index == len(self.pool):
                self.pool.append(migrated_database("other"))
            self.urls[key] = emptied(self.pool[index])
        return self.urls[key]


_homes: _Homes | None = None


def _key(home: Path) -> Path:
    return Path(os.path.abspath(home))


def start_test(home: Path, url: str, pool: list[str]) -> None:
    """Called by the autouse ``aij_home`` under the engine switch: ``home`` is the test's."""
    global _homes
    _homes = _Homes(home, url, pool)


def end_test() -> None:
    global _homes
    server = server_url()
    if _homes is not None and server is not None:
        for made in _homes.copies:
            drop_database(server, made.rsplit("/", 1)[-1])
    _homes = None


def home_url(home: Path) -> str | None:
    """Under the engine switch, the database holding the journal of the aij home ``home``:
    the test's own for its home, a database of its own for any other (as on SQLite each home
    has its journal.db). None on SQLite."""
    return _homes.url(home) if _homes is not None else None


def copy_home(source: Path, target: Path) -> None:
    """A copy of the aij home ``source`` (its files, and its journal) at ``target``, a journal
    of its own: on SQLite the folder with its journal.db; under the engine switch the folder
    (if any) and a copy of its database (``CREATE DATABASE ... TEMPLATE``), which ``target``
    then names for the rest of the test."""
    import shutil

    if source.exists():
        shutil.copytree(source, target)
    else:
        target.mkdir(parents=True)
    if _homes is None:
        return
    server = need_server()
    original = _homes.url(source).rsplit("/", 1)[-1]
    with connect(server) as conn:
        # A template must have no other connection (an aij of this process may keep one).
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (original,),
        )
    made = create_database(server, new_name("copy"), template=original)
    _homes.copies.append(made)  # dropped when the test ends
    _homes.urls[_key(target)] = made


@pytest.fixture
def another_journal() -> Callable[[Path], Home]:
    """``another_journal(path)``: the aij home at ``path`` as a journal of its own (on SQLite
    its journal.db; under the engine switch its own database), the same for the same path."""
    return lambda path: Home(path, home_url(path))
