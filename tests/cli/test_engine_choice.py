"""Which database holds the journal (#13): --db, then AIJ_DATABASE_URL, then the database
setting, else the home's journal.db; a password is never shown nor kept in the settings."""

from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import snapshot


def test_the_default_is_the_homes_file(
    aij: Run, aij_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIJ_DATABASE_URL", raising=False)
    assert aij("where", "journal").out == f"{aij_home / 'journal.db'}\n"


def test_db_comes_before_the_environment_which_comes_before_the_setting(
    aij: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIJ_DATABASE_URL", raising=False)
    setting, env, option = (tmp_path / f"{name}.db" for name in ("setting", "env", "option"))
    assert aij("config", "set", "database", f"sqlite:///{setting}").code == 0
    assert aij("where", "journal").out == f"{setting}\n"
    monkeypatch.setenv("AIJ_DATABASE_URL", f"sqlite:///{env}")
    assert aij("where", "journal").out == f"{env}\n"
    assert aij("--db", f"sqlite:///{option}", "where", "journal").out == f"{option}\n"
    assert aij("--db", f"sqlite:///{option}", "log", "joint-pain=4").code == 0
    assert option.exists() and not env.exists() and not setting.exists()


def test_a_password_is_masked_in_where(aij: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIJ_DATABASE_URL", "postgresql://ana:hunter2@db.example:5432/journal")
    out = aij("where").out
    assert "hunter2" not in out
    assert "postgresql+psycopg://ana:***@db.example:5432/journal" in out


def test_a_password_in_the_setting_is_refused(aij: Run, aij_home: Path) -> None:
    before = snapshot(aij_home)
    done = aij("config", "set", "database", "postgresql+psycopg://ana:hunter2@host/journal")
    assert done.code == 2
    assert "hunter2" not in done.out + done.err
    assert "~/.pgpass or PGPASSWORD" in done.err
    assert snapshot(aij_home) == before


@pytest.mark.parametrize(
    "url", ["mysql://ana:hunter2@host/db", "sqlite://", "postgresql+psycopg://ana:hunter2@host"]
)
def test_an_unusable_url_is_one_line_without_the_password(
    aij: Run, aij_home: Path, url: str
) -> None:
    done = aij("--db", url, "log", "joint-pain=4")
    assert done.code == 2
    assert len(done.err.strip().splitlines()) == 1
    assert "hunter2" not in done.err
    assert not aij_home.exists()


@pytest.mark.parametrize(
    ("args", "instead"),
    [
        (("db", "backup"), "pg_dump"),
        (("db", "restore", "x.db"), "pg_restore"),
        (("db", "check"), "FILE"),
    ],
)
def test_file_commands_on_a_server_say_what_to_use(
    aij: Run, args: tuple[str, ...], instead: str
) -> None:
    done = aij("--db", "postgresql+psycopg://ana@127.0.0.1:1/journal", *args)
    assert done.code == 2
    assert instead in done.err and "journal file" in done.err
    assert len(done.err.strip().splitlines()) == 1
