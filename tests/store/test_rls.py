"""Row-level security (#13): under `aij db rls-sql`, a person's role reads and changes only
their own journal on PostgreSQL, even with SQL typed by hand."""

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from aijournal.store.migrations import LATEST, MIGRATIONS
from aijournal.store.rls import POLICY, detail_table_names, rls_sql

WHEN = datetime(2026, 11, 2, 8, 0, tzinfo=UTC).replace(tzinfo=None)


def test_the_script_covers_entry_the_undo_log_and_every_table_of_details() -> None:
    script = rls_sql()
    tables = ["entry", "undo_log", *detail_table_names()]
    # Written out by hand: the tables of schema 8 whose rows belong to an entry (later
    # schemas add more, and the script covers them as they come).
    assert set(detail_table_names()) >= set(
        [
            "symptom_rating",
            "pain_sites",
            "medication_dose",
            "body_measure",
            "sleep_record",
            "mind_session",
            "note",
            "exercise_session",
            "exercise_item",
            "meal",
            "meal_item",
            "checkin",
            "checkin_answer",
            "visit",
            "question",
        ]
    )
    for table in tables:
        assert f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;" in script
        assert f"CREATE POLICY {POLICY} ON {table} " in script


def _schema(engine: Engine) -> None:
    """The tables as aij's migrations make them (the engine switch is h-pg's part)."""
    with engine.begin() as conn:
        for version in range(1, LATEST + 1):
            for statement in MIGRATIONS[version]:
                conn.exec_driver_sql(statement)
            conn.execute(
                text("INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)"),
                {"v": version, "at": WHEN},
            )


def _entry(conn: Connection, entry_id: str, journal: str, note: str) -> None:
    conn.execute(
        text(
            "INSERT INTO entry (id, day, kind, created_at, updated_at, journal)"
            " VALUES (:id, :day, 'note', :at, :at, :journal)"
        ),
        {"id": entry_id, "day": date(2026, 11, 2), "at": WHEN, "journal": journal},
    )
    conn.execute(
        text("INSERT INTO note (entry_id, text) VALUES (:id, :text)"),
        {"id": entry_id, "text": note},
    )
    conn.execute(
        text(
            "INSERT INTO undo_log (batch, entry_id, action, at, journal)"
            " VALUES (1, :id, 'created', :at, :journal)"
        ),
        {"id": entry_id, "at": WHEN, "journal": journal},
    )


@pytest.fixture
def two_people(pg_url: str) -> Iterator[tuple[Engine, str, str]]:
    """A database with aij's tables, the RLS script run, and two people's roles and rows."""
    suffix = uuid.uuid4().hex[:8]
    anna, bea = f"anna-{suffix}", f"bea-{suffix}"
    engine = create_engine(pg_url)
    _schema(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(rls_sql())
        for role in (anna, bea):
            conn.exec_driver_sql(f'CREATE ROLE "{role}" NOLOGIN IN ROLE aij_member')
        _entry(conn, "annaa1", anna, "anna's own note")
        _entry(conn, "beabb1", bea, "bea's private note")
    try:
        yield engine, anna, bea
    finally:
        with engine.begin() as conn:
            for role in (anna, bea):
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        engine.dispose()


def _as(conn: Connection, role: str) -> None:
    conn.exec_driver_sql(f'SET ROLE "{role}"')


@pytest.mark.postgres
def test_a_role_reads_only_its_own_journal_even_by_hand(
    two_people: tuple[Engine, str, str],
) -> None:
    engine, anna, bea = two_people
    with engine.connect() as conn:
        _as(conn, anna)
        assert conn.exec_driver_sql("SELECT id, journal FROM entry").fetchall() == [
            ("annaa1", anna)
        ]
        assert conn.exec_driver_sql("SELECT text FROM note").fetchall() == [("anna's own note",)]
        # Asking for bea's rows by their id, or around entry, finds nothing.
        assert conn.exec_driver_sql("SELECT * FROM note WHERE entry_id = 'beabb1'").all() == []
        assert conn.exec_driver_sql("SELECT count(*) FROM undo_log").scalar() == 1
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM note n LEFT JOIN entry e ON e.id = n.entry_id"
                " WHERE e.id IS NULL"
            ).scalar()
            == 0
        )
        # Changing or deleting everything changes only anna's own rows.
        assert conn.exec_driver_sql("UPDATE note SET text = 'changed'").rowcount == 1
        assert conn.exec_driver_sql("DELETE FROM undo_log").rowcount == 1
        conn.rollback()
    with engine.connect() as conn:
        _as(conn, bea)
        assert conn.exec_driver_sql("SELECT text FROM note").fetchall() == [("bea's private note",)]


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement",
    [
        # An entry in another journal.
        "INSERT INTO entry (id, day, kind, created_at, updated_at, journal)"
        " VALUES ('xxxxx1', '2026-11-03', 'note', now(), now(), '{bea}')",
        # A detail row hung on another journal's entry.
        "INSERT INTO symptom_rating (entry_id, name, value) VALUES ('beabb1', 'joint-pain', 9)",
        # Moving one's own entry into another journal.
        "UPDATE entry SET journal = '{bea}'",
    ],
)
def test_a_role_cannot_write_into_another_journal(
    two_people: tuple[Engine, str, str], statement: str
) -> None:
    engine, anna, bea = two_people
    with engine.connect() as conn:
        _as(conn, anna)
        with pytest.raises(DBAPIError, match="row-level security"):
            conn.exec_driver_sql(statement.format(bea=bea))
