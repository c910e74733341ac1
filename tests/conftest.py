"""Shared fixtures: every test gets its own aij home, so no test can touch a real journal."""

from collections.abc import Callable
from pathlib import Path

import pytest

from aijournal.cli import main
from tests.helpers import TODAY, Result
from tests.pg import pg_url  # noqa: F401  (the postgres tests' fixture)


@pytest.fixture(autouse=True)
def aij_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "aij-home"
    monkeypatch.setenv("AIJ_HOME", str(home))
    monkeypatch.setenv("AIJ_TODAY", TODAY.isoformat())
    monkeypatch.delenv("AIJ_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    return home


Run = Callable[..., Result]


@pytest.fixture
def aij(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run aij in this process (through main and its error boundary); return code and output."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
