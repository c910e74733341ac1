"""The journal on a PostgreSQL server (#13): the same schema as the models, migrations
under a lock, a newer schema refused, a password never shown, two writers at once."""

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import aijournal.store.models  # noqa: F401  (registers every table)
from aijournal.errors import UnusableFile
from aijournal.store import migrations
from aijournal.store.location import locate
from aijournal.store.server import MIGRATE_LOCK, open_server
from tests.helpers import TODAY, run_subprocess
from tests.pg import connect, query

pytestmark = pytest.mark.postgres


def _versions(url: str) -> list[int]:
    return [int(str(row[0])) for row in query(url, "SELECT version FROM schema_version")]


def test_the_migrated_schema_on_postgresql_matches_the_models(pg_url: str) -> None:
    open_server(locate(pg_url, Path()), reading=False).close()
    engine = create_engine(pg_url)
    try:
        found = inspect(engine)
        assert set(found.get_table_names()) == set(SQLModel.metadata.tables)
        for name, table in SQLModel.metadata.tables.items():
            columns = {c["name"]: c for c in found.get_columns(name)}
            assert set(columns) == set(table.columns.keys()), name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (name, column.name)
            expected = {
                (fk.parent.name, fk.column.table.name, fk.ondelete) for fk in table.foreign_keys
            }
            got = {
                (fk["constrained_columns"][0], fk["referred_table"], fk["options"].get("ondelete"))
                for fk in found.get_foreign_keys(name)
            }
            assert got == expected, name
            primary = set(found.get_pk_constraint(name)["constrained_columns"])
            assert primary == {c.name for c in table.primary_key.columns}, name
    finally:
        engine.dispose()
    assert _versions(pg_url) == list(range(1, migrations.LATEST + 1))


def test_a_read_leaves_an_empty_database_empty_and_the_first_write_creates_it(
    pg_url: str, aij_home: Path
) -> None:
    assert run_subprocess("--db", pg_url, "day", home=aij_home).code == 0
    assert query(pg_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]
    done = run_subprocess("--db", pg_url, "log", "joint-pain=6", home=aij_home)
    assert done.code == 0, done.err
    rows = query(
        pg_url, "SELECT e.day, s.value FROM entry e JOIN symptom_rating s ON s.entry_id = e.id"
    )
    assert rows == [(TODAY, 6.0)]
    assert not aij_home.exists() or not (aij_home / "journal.db").exists()


def test_a_newer_schema_on_the_server_is_refused_and_left_alone(
    pg_url: str, aij_home: Path
) -> None:
    open_server(locate(pg_url, Path()), reading=False).close()
    newer = migrations.LATEST + 1
    with connect(pg_url) as conn:
        conn.execute("INSERT INTO schema_version VALUES (%s, now())", (newer,))
    with pytest.raises(UnusableFile, match=f"newer aij \\(schema {newer}, this one knows"):
        open_server(locate(pg_url, Path()), reading=False)
    done = run_subprocess("--db", pg_url, "log", "joint-pain=6", home=aij_home)
    assert done.code == 2
    assert "upgrade aij" in done.err
    assert query(pg_url, "SELECT count(*) FROM entry") == [(0,)]
    assert _versions(pg_url) == [*range(1, migrations.LATEST + 1), newer]


def test_a_database_holding_other_tables_is_refused_untouched(pg_url: str, aij_home: Path) -> None:
    with connect(pg_url) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    done = run_subprocess("--db", pg_url, "log", "joint-pain=6", home=aij_home)
    assert done.code == 2
    assert "not an aij journal" in done.err
    names = query(pg_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert names == [("invoices",)]


def test_a_migration_waits_for_the_lock_then_finds_the_work_done(pg_url: str) -> None:
    """While another holds the migration lock, aij waits; two migrating at once apply each
    version exactly once."""
    holder = connect(pg_url)
    holder.autocommit = False
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            open_server(locate(pg_url, Path()), reading=False).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    # Both are waiting for the lock: nothing is created yet.
    assert query(pg_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]
    holder.rollback()
    holder.close()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert _versions(pg_url) == list(range(1, migrations.LATEST + 1))


DRIVER = """
import sys
from aijournal.cli import main
failed = 0
for n in range(int(sys.argv[2])):
    try:
        main(["log", "note", f"{sys.argv[1]} line {n}"])
    except SystemExit as exc:
        failed += exc.code != 0
print(failed)
"""


def test_two_processes_logging_at_once_keep_all_400_entries(pg_url: str, aij_home: Path) -> None:
    env = {
        "AIJ_HOME": str(aij_home),
        "AIJ_TODAY": TODAY.isoformat(),
        "AIJ_DATABASE_URL": pg_url,
        "PATH": os.environ.get("PATH", ""),
        **({"PGPASSWORD": os.environ["PGPASSWORD"]} if "PGPASSWORD" in os.environ else {}),
    }
    # The schema first, so that both start logging at once.
    open_server(locate(pg_url, Path()), reading=False).close()

    def start(name: str) -> "subprocess.CompletedProcess[str]":
        return subprocess.run(
            [sys.executable, "-c", DRIVER, name, "200"],
            env=env,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=600,
        )

    # Two real processes at once (threads only wait for them; the suite allows no Popen).
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(start, ("laptop", "desktop")))
    for started in done:
        assert started.returncode == 0, started.stderr
        lines = started.stdout.splitlines()
        assert lines[-1] == "0"  # none failed, after a "saved" line for each of the 200
        assert len([line for line in lines if line.startswith("saved ")]) == 200
        assert "aij:" not in started.stderr
    assert query(pg_url, "SELECT count(*) FROM note") == [(400,)]
    by_writer = query(pg_url, "SELECT split_part(text, ' ', 1), count(*) FROM note GROUP BY 1")
    assert sorted(by_writer) == [("desktop", 200), ("laptop", 200)]


def test_a_password_is_masked_everywhere(aij_home: Path) -> None:
    """In `aij where`, in an error, and in --debug's traceback: the URL shows ***."""
    secret = "s3cret-Pw"
    url = f"postgresql+psycopg://someone:{secret}@127.0.0.1:1/journal"
    env_home = aij_home
    where = run_subprocess("--db", url, "where", "journal", home=env_home)
    assert where.out.strip() == "postgresql+psycopg://someone:***@127.0.0.1:1/journal"
    for args in (("day",), ("--debug", "day"), ("log", "joint-pain=6")):
        done = run_subprocess("--db", url, *args, home=env_home)
        assert done.code == 1
        assert secret not in done.out + done.err
        assert "someone:***@127.0.0.1:1/journal" in done.err
        assert "cannot reach the server" in done.err.splitlines()[-1]


def test_a_wrong_password_is_one_line_without_the_password(pg_url: str, aij_home: Path) -> None:
    """With PGPASSWORD wrong, the server refuses the login (when it asks for one)."""
    wrong = "not-the-password-42"
    parsed = make_url(pg_url)
    bare = parsed.set(password=None).render_as_string(hide_password=False)
    try:
        connect(parsed.set(password=wrong).render_as_string(hide_password=False)).close()
    except Exception:
        pass
    else:
        pytest.skip("the test server lets this user in without a password (trust)")
    done = subprocess.run(
        [sys.executable, "-m", "aijournal", "--db", bare, "day"],
        env={
            "AIJ_HOME": str(aij_home),
            "AIJ_TODAY": TODAY.isoformat(),
            "PGPASSWORD": wrong,
            "PATH": os.environ.get("PATH", ""),
        },
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert wrong not in done.stdout + done.stderr
    assert "refused the login" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
