"""The schema moves forward by migrations: from nothing, from older files, never backwards."""

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel

import aijournal.store.models  # noqa: F401  (registers every table)
from aijournal.errors import UnusableFile
from aijournal.store import db, migrations
from aijournal.store.db import open_journal

# About the SQLite journal file itself: skipped under AIJ_TEST_ENGINE=postgres.
pytestmark = pytest.mark.sqlite_only

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "journal.db")
    found = inspect(journal.engine)
    assert set(found.get_table_names()) == set(SQLModel.metadata.tables)
    for name, table in SQLModel.metadata.tables.items():
        columns = {c["name"]: c for c in found.get_columns(name)}
        assert set(columns) == set(table.columns.keys()), name
        for column in table.columns:
            assert columns[column.name]["nullable"] == column.nullable, (name, column.name)
        expected_fks = {
            (fk.parent.name, fk.column.table.name, fk.ondelete) for fk in table.foreign_keys
        }
        with journal.engine.connect() as conn:
            listed = conn.exec_driver_sql(f"PRAGMA foreign_key_list({name})").fetchall()
        got_fks = {(row[3], row[2], None if row[6] == "NO ACTION" else row[6]) for row in listed}
        assert got_fks == expected_fks, name
    journal.close()


def test_the_v1_fixture_opens_and_reads(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    journal = open_journal(path)
    assert journal.schema_version() == migrations.LATEST
    journal.close()
    conn = sqlite3.connect(path)
    # Written by hand in tests/fixtures/README.md: joint-pain 6 on the 2nd, 4 on the 3rd.
    rows = conn.execute(
        "SELECT e.day, s.value FROM entry e JOIN symptom_rating s ON s.entry_id = e.id "
        "WHERE s.name = 'joint-pain' ORDER BY e.day"
    ).fetchall()
    conn.close()
    assert rows == [("2026-11-02", 6.0), ("2026-11-03", 4.0)]


def test_a_migration_backs_up_first_and_applies_in_one_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    original = path.read_bytes()
    future = dict(migrations.MIGRATIONS)
    nxt = migrations.LATEST + 1
    future[nxt] = ("CREATE TABLE later_table (id INTEGER NOT NULL PRIMARY KEY)",)
    monkeypatch.setattr(db, "MIGRATIONS", future)
    monkeypatch.setattr(db, "LATEST", nxt)
    journal = open_journal(path)
    assert journal.schema_version() == nxt
    journal.close()
    backups = list(tmp_path.glob("journal.db.v1-*.bak"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM entry").fetchone() == (
        sqlite3.connect(path).execute("SELECT count(*) FROM entry").fetchone()
    )
    conn.close()
    assert original[:16] == b"SQLite format 3\x00"


def test_the_v1_fixture_gains_the_later_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    before = sqlite3.connect(FIXTURES / "journal-v1.db")
    counts = {
        t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("entry", "symptom_rating", "medication_dose", "note")
    }
    before.close()
    open_journal(path).close()
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"exercise_session", "exercise_item", "meal", "meal_item"} <= tables
    for table, count in counts.items():
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count
    conn.close()
    assert len(list(tmp_path.glob("journal.db.v1-*.bak"))) == 1


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    future = dict(migrations.MIGRATIONS)
    nxt = migrations.LATEST + 1
    future[nxt] = (
        "CREATE TABLE half_done (id INTEGER NOT NULL PRIMARY KEY)",
        "CREATE TABLE entry (id INTEGER)",  # fails: entry exists
    )
    monkeypatch.setattr(db, "MIGRATIONS", future)
    monkeypatch.setattr(db, "LATEST", nxt)
    with pytest.raises(Exception):  # noqa: B017 - any failure will do; the point is below
        open_journal(path)
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)
    conn.close()


def test_a_journal_from_a_newer_aij_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (99, '2030-01-01 00:00:00')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UnusableFile, match="written by a newer aij"):
        open_journal(path)
    assert path.read_bytes() == before


def test_foreign_keys_cascade_and_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    journal = open_journal(path)
    with journal.write() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        some = conn.exec_driver_sql("SELECT entry_id FROM symptom_rating LIMIT 1").scalar()
        conn.exec_driver_sql("DELETE FROM entry WHERE id = ?", (some,))
        left = conn.exec_driver_sql(
            "SELECT count(*) FROM symptom_rating WHERE entry_id = ?", (some,)
        ).scalar()
        assert left == 0
    journal.close()


V5_TABLES = (
    "entry",
    "symptom_rating",
    "medication_dose",
    "exercise_session",
    "exercise_item",
    "meal",
    "meal_item",
    "checkin",
    "checkin_answer",
    "visit",
    "question",
)


def test_the_v5_fixture_gains_the_undo_log_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v5.db", path)
    before = sqlite3.connect(FIXTURES / "journal-v5.db")
    # The v5 columns of each table (a later migration may add columns, never change these;
    # the fixture holds no natto or K2 supplement, the only rows migration 6 rewrites).
    columns = {
        t: ", ".join(row[1] for row in before.execute(f"PRAGMA table_info({t})")) for t in V5_TABLES
    }
    rows = {
        t: before.execute(f"SELECT {columns[t]} FROM {t} ORDER BY 1, 2").fetchall()
        for t in V5_TABLES
    }
    before.close()
    journal = open_journal(path)
    assert journal.schema_version() == migrations.LATEST
    journal.close()
    conn = sqlite3.connect(path)
    for table, expected in rows.items():
        found = conn.execute(f"SELECT {columns[table]} FROM {table} ORDER BY 1, 2").fetchall()
        assert found == expected
    assert conn.execute("SELECT count(*) FROM undo_log").fetchone() == (0,)
    conn.close()
    # Written by hand in tests/fixtures/README.md: 12 entries, one of them the walk of the 2nd.
    assert len(rows["entry"]) == 12
    assert ("brisk-walk", 35) in [(r[2], r[8]) for r in rows["exercise_item"]]
    assert len(list(tmp_path.glob("journal.db.v5-*.bak"))) == 1


def test_on_a_migrated_v5_journal_a_duplicate_is_found_and_the_write_undone(
    tmp_path: Path,
) -> None:
    from aijournal.domain.exercise import ExerciseEntry
    from aijournal.store.entries import likely_duplicates
    from aijournal.store.exercise import ItemToSave, save_session
    from aijournal.store.undo import last_command, undo_last

    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v5.db", path)
    original = sqlite3.connect(path).execute("SELECT * FROM entry ORDER BY id").fetchall()
    journal = open_journal(path)
    walk = ItemToSave(ExerciseEntry("brisk-walk", minutes=35), "aerobic", "moderate", "walk")
    with journal.write() as session:
        saved = save_session(session=session, day=date(2026, 11, 2), items=[walk], rpe=5)
        (logged_walk,) = likely_duplicates(session=session, entry_id=saved.entry_id)
        harder = save_session(session=session, day=date(2026, 11, 2), items=[walk], rpe=7)
        assert likely_duplicates(session=session, entry_id=harder.entry_id) == []
    assert journal.notices == [
        f"the same exercise is already logged on 2026-11-02 ({logged_walk});"
        f" saved again as {saved.entry_id}: 'aij undo' takes it back"
    ]
    conn = sqlite3.connect(path)
    assert conn.execute(
        "SELECT i.minutes, s.rpe FROM exercise_item i JOIN exercise_session s"
        " ON s.entry_id = i.entry_id WHERE i.entry_id = ?",
        (logged_walk,),
    ).fetchall() == [(35, 5)]
    conn.close()
    with journal.read() as session:
        last = last_command(session=session)
    assert last is not None
    assert {s.entry_id for s in last.steps} == {saved.entry_id, harder.entry_id}
    with journal.write() as session:
        undo_last(session=session, batch=last.batch)
    journal.close()
    conn = sqlite3.connect(path)
    # Schema 8 added the journal column: the v5 rows are journal 'me', otherwise as they were.
    columns = "id, day, kind, created_at, updated_at"
    assert conn.execute(f"SELECT {columns} FROM entry ORDER BY id").fetchall() == original
    assert conn.execute("SELECT DISTINCT journal FROM entry").fetchall() == [("me",)]
    assert conn.execute("SELECT count(*) FROM exercise_item").fetchone() == (3,)
    conn.close()


def test_the_v7_fixture_gains_the_medication_timeline_and_keeps_working(tmp_path: Path) -> None:
    """Schema 10 (#14): the event table arrives empty, every row stays, and with no event
    the doses due are still config.yaml's (the fixture's anastrozole 1 mg)."""
    from aijournal.config import Config, Medication
    from aijournal.domain.medtimeline import MedEvent
    from aijournal.reports.medication import due_medications
    from aijournal.store.medication import save_event

    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v7-doses.db", path)
    before = sqlite3.connect(FIXTURES / "journal-v7-doses.db")
    entries = before.execute("SELECT * FROM entry ORDER BY id").fetchall()
    doses = before.execute("SELECT * FROM medication_dose ORDER BY entry_id").fetchall()
    before.close()
    journal = open_journal(path)
    assert journal.schema_version() == migrations.LATEST
    config = Config(medications=[Medication(name="anastrozole", dose="1 mg")])
    with journal.read() as session:
        assert due_medications(session=session, config=config, day=date(2026, 11, 4)) == [
            Medication(name="anastrozole", dose="1 mg")
        ]
    with journal.write() as session:
        start = MedEvent(date(2026, 11, 4), "start", "letrozole", "2.5 mg")
        save_event(session=session, event=start)
    with journal.read() as session:
        due = due_medications(session=session, config=config, day=date(2026, 11, 4))
    journal.close()
    assert due == [Medication(name="letrozole", dose="2.5 mg")]
    conn = sqlite3.connect(path)
    # Written by hand in tests/fixtures/README.md: 7 entries, two doses (taken, skipped).
    assert len(entries) == 7 and len(doses) == 2
    assert conn.execute("SELECT * FROM medication_dose ORDER BY entry_id").fetchall() == doses
    assert conn.execute(
        "SELECT e.day, m.event, m.medication, m.dose FROM medication_event m"
        " JOIN entry e ON e.id = m.entry_id"
    ).fetchall() == [("2026-11-04", "start", "letrozole", "2.5 mg")]
    conn.close()
    assert len(list(tmp_path.glob("journal.db.v7-*.bak"))) == 1


@pytest.mark.parametrize("fixture", ["journal-v1.db", "journal-v5.db", "journal-v7.db"])
def test_schema_8_puts_every_older_entry_and_undo_record_in_journal_me(
    tmp_path: Path, fixture: str
) -> None:
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / fixture, path)
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT * FROM entry ORDER BY id").fetchall()
    undo_before = (
        conn.execute("SELECT count(*) FROM undo_log").fetchone()
        if (fixture == "journal-v7.db")
        else None
    )
    conn.close()
    open_journal(path).close()
    conn = sqlite3.connect(path)
    after = conn.execute("SELECT * FROM entry ORDER BY id").fetchall()
    indexes = {row[1] for row in conn.execute("PRAGMA index_list(entry)")}
    undo = conn.execute("SELECT journal, count(*) FROM undo_log GROUP BY journal").fetchall()
    conn.close()
    assert after == [(*row, "me") for row in before]
    assert {"ix_entry_journal_kind_day", "ix_entry_journal_day"} <= indexes
    if undo_before is not None:
        # tests/fixtures/README.md: the v7 journal holds 14 entries and 10 undo records.
        assert len(before) == 14
        assert undo == [("me", 10)]
