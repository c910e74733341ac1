"""Shared fixtures: every test gets its own aij home, so no test can touch a real journal.

Under ``AIJ_TEST_ENGINE=postgres`` (tests/pg.py) every test outside tests/unit also gets a
PostgreSQL journal of its own (emptied), named by ``AIJ_DATABASE_URL``; a command the ``aij``
fixture runs with ``--home OTHER`` gets OTHER's own database as ``--db``."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from aijournal.cli import main
from tests.helpers import TODAY, Result
from tests.pg import (
    another_journal,
    emptied,
    end_test,
    home_url,
    on_postgres,
    pg_engine_db,
    pg_other_dbs,
    pg_url,
    start_test,
)

# Speed is measured in bench/, never by a test: hypothesis's per-example deadline would make
# a test's outcome depend on how busy the machine is.
settings.register_profile("aij", deadline=None)
settings.load_profile("aij")

# fixtures, made available to every test
__all__ = ["another_journal", "pg_engine_db", "pg_other_dbs", "pg_url"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the PostgreSQL engine, tests about the SQLite file itself are skipped, and so
    are the `postgres` tests: they name the server themselves, so the run on SQLite (with
    AIJ_TEST_POSTGRES_URL set, as in CI) already ran each of them on it."""
    if not on_postgres():
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker:
            why = marker.kwargs.get("reason", "about the SQLite journal file")
            item.add_marker(pytest.mark.skip(reason=f"{why} (AIJ_TEST_ENGINE=postgres)"))
        elif item.get_closest_marker("postgres"):
            why = "names its own PostgreSQL server: the SQLite run runs it there"
            item.add_marker(pytest.mark.skip(reason=f"{why} (AIJ_TEST_ENGINE=postgres)"))


@pytest.fixture(autouse=True)
def aij_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Path]:
    home = tmp_path / "aij-home"
    monkeypatch.setenv("AIJ_HOME", str(home))
    monkeypatch.setenv("AIJ_TODAY", TODAY.isoformat())
    monkeypatch.delenv("AIJ_DEBUG", raising=False)
    monkeypatch.delenv("AIJ_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    if not on_postgres() or "tests/unit/" in request.node.nodeid:
        yield home
        return
    url = emptied(request.getfixturevalue("pg_engine_db"))
    monkeypatch.setenv("AIJ_DATABASE_URL", url)
    start_test(home, url, request.getfixturevalue("pg_other_dbs"))
    try:
        yield home
    finally:
        end_test()


Run = Callable[..., Result]


@pytest.fixture
def aij(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run aij in this process (through main and its error boundary); return code and output."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        args = _with_its_database(args)
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def _with_its_database(args: tuple[str, ...]) -> tuple[str, ...]:
    """Under the engine switch, ``--home OTHER`` (before the command, without ``--db``) also
    names OTHER's own database: a second home is a second journal, as on SQLite."""
    if "--db" in args or any(a.startswith("--db=") for a in args):
        return args
    for index, arg in enumerate(args):
        if arg == "--home" and index + 1 < len(args):
            url = home_url(Path(args[index + 1]))
            return args if url is None else (*args[: index + 2], "--db", url, *args[index + 2 :])
        if not arg.startswith("-"):
            return args  # the command: --home after it is no global option
    return args
