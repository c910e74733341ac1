"""Schema migrations: each version's DDL, applied in order, each release's in one transaction.

The schema only moves forward. Statements use portable SQL (types and constraints that
PostgreSQL reads the same), and a test checks that the migrated schema matches the SQLModel
tables, so the two cannot drift apart.
"""

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE entry (
            id VARCHAR(12) NOT NULL PRIMARY KEY,
            day DATE NOT NULL,
            kind VARCHAR(20) NOT NULL,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        )""",
        "CREATE INDEX ix_entry_day ON entry (day)",
        "CREATE INDEX ix_entry_kind_day ON entry (kind, day)",
        """CREATE TABLE symptom_rating (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            name VARCHAR(60) NOT NULL,
            value FLOAT NOT NULL
        )""",
        "CREATE INDEX ix_symptom_rating_name ON symptom_rating (name)",
        """CREATE TABLE pain_sites (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            sites VARCHAR(200) NOT NULL
        )""",
        """CREATE TABLE medication_dose (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            medication VARCHAR(60) NOT NULL,
            dose VARCHAR(40) NOT NULL,
            taken BOOLEAN NOT NULL,
            reason VARCHAR(500)
        )""",
        """CREATE TABLE body_measure (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            measure VARCHAR(20) NOT NULL,
            value FLOAT NOT NULL
        )""",
        """CREATE TABLE sleep_record (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            hours FLOAT,
            quality FLOAT
        )""",
        """CREATE TABLE mind_session (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            minutes FLOAT NOT NULL,
            practice VARCHAR(60)
        )""",
        """CREATE TABLE note (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            text VARCHAR(10000) NOT NULL
        )""",
    ),
}

LATEST = max(MIGRATIONS)
