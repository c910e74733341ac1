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
    2: (
        """CREATE TABLE exercise_session (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            rpe INTEGER
        )""",
        """CREATE TABLE exercise_item (
            entry_id VARCHAR(12) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            exercise VARCHAR(60) NOT NULL,
            kind VARCHAR(20) NOT NULL,
            intensity VARCHAR(10),
            sets INTEGER,
            reps INTEGER,
            seconds INTEGER,
            minutes INTEGER,
            impacts INTEGER,
            load_kg FLOAT,
            PRIMARY KEY (entry_id, position)
        )""",
    ),
    3: (
        """CREATE TABLE meal (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            slot VARCHAR(10),
            text VARCHAR(2000) NOT NULL
        )""",
        """CREATE TABLE meal_item (
            entry_id VARCHAR(12) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            food_id VARCHAR(80) NOT NULL,
            name VARCHAR(200) NOT NULL,
            source VARCHAR(12) NOT NULL,
            origin VARCHAR(300) NOT NULL,
            recipe VARCHAR(80),
            amount FLOAT NOT NULL,
            unit VARCHAR(20),
            grams FLOAT,
            units FLOAT,
            tags VARCHAR(300) NOT NULL,
            calcium_mg FLOAT,
            vitamin_d_ug FLOAT,
            magnesium_mg FLOAT,
            vitamin_k_ug FLOAT,
            fiber_g FLOAT,
            ala_g FLOAT,
            epa_dha_mg FLOAT,
            energy_kcal FLOAT,
            protein_g FLOAT,
            sat_fat_g FLOAT,
            sugars_g FLOAT,
            sodium_mg FLOAT,
            PRIMARY KEY (entry_id, position)
        )""",
    ),
    4: (
        """CREATE TABLE checkin (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            week VARCHAR(10) NOT NULL
        )""",
        """CREATE TABLE checkin_answer (
            entry_id VARCHAR(12) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item VARCHAR(40) NOT NULL,
            attribute VARCHAR(12) NOT NULL,
            value INTEGER NOT NULL,
            PRIMARY KEY (entry_id, position)
        )""",
    ),
    5: (
        """CREATE TABLE visit (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            clinician VARCHAR(100),
            note VARCHAR(2000)
        )""",
        """CREATE TABLE question (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            text VARCHAR(2000) NOT NULL,
            answered_on DATE
        )""",
    ),
    # MK-7 apart from vitamin K (#9): the vitamin K AI was set from K1, so vitamin_k_ug now
    # holds K1 + MK-4 only. Rows written before held MK-7 folded in, from exactly these
    # shipped entries (user foods cannot carry MK-7): natto at 775 µg per 100 g, and the
    # K2 supplements at their label's amount per unit. Split it back out; every other row
    # had no MK-7 (a food without a value, a supplement whose label lists none, count 0).
    6: (
        "ALTER TABLE meal_item ADD COLUMN vitamin_k2_mk7_ug FLOAT",
        "UPDATE meal_item SET vitamin_k2_mk7_ug = 0",
        """UPDATE meal_item SET vitamin_k2_mk7_ug = grams * 7.75,
            vitamin_k_ug = vitamin_k_ug - grams * 7.75
            WHERE source = 'food' AND food_id = 'natto' AND grams IS NOT NULL
            AND vitamin_k_ug IS NOT NULL""",
        """UPDATE meal_item SET vitamin_k2_mk7_ug = units * 90,
            vitamin_k_ug = vitamin_k_ug - units * 90
            WHERE source = 'supplement' AND food_id = 'calcium-d3-k2' AND units IS NOT NULL""",
        """UPDATE meal_item SET vitamin_k2_mk7_ug = units * 100,
            vitamin_k_ug = vitamin_k_ug - units * 100
            WHERE source = 'supplement' AND food_id IN ('vitamin-k2-mk7-100', 'vitamin-d3-k2')
            AND units IS NOT NULL""",
    ),
    7: (
        # The undo log: not journal content (exports leave it out); pruned to the last commands.
        """CREATE TABLE undo_log (
            batch INTEGER NOT NULL,
            entry_id VARCHAR(12) NOT NULL,
            action VARCHAR(10) NOT NULL,
            at TIMESTAMP NOT NULL,
            state VARCHAR,
            PRIMARY KEY (batch, entry_id)
        )""",
    ),
    # Several journals in one database (#13): every entry and every undo record belongs to
    # one journal; what was there becomes journal 'me'. The index serves the common reads
    # (a journal's entries of a kind over a range of days).
    8: (
        "ALTER TABLE entry ADD COLUMN journal VARCHAR(40) NOT NULL DEFAULT 'me'",
        "CREATE INDEX ix_entry_journal_kind_day ON entry (journal, kind, day)",
        "CREATE INDEX ix_entry_journal_day ON entry (journal, day)",
        "ALTER TABLE undo_log ADD COLUMN journal VARCHAR(40) NOT NULL DEFAULT 'me'",
    ),
    9: (
        # Lab results (#14): an entry of kind "lab" names its test; each value is one row
        # (a DEXA site's T-score with its BMD and least significant change, or an amount).
        """CREATE TABLE lab (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            test VARCHAR(60) NOT NULL
        )""",
        """CREATE TABLE lab_result (
            entry_id VARCHAR(12) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            site VARCHAR(20),
            value FLOAT NOT NULL,
            unit VARCHAR(20) NOT NULL,
            bmd_g_cm2 FLOAT,
            lsc FLOAT,
            lsc_unit VARCHAR(10),
            PRIMARY KEY (entry_id, position)
        )""",
    ),
    # The medication timeline (#14): one event per entry of kind "med_event".
    10: (
        """CREATE TABLE medication_event (
            entry_id VARCHAR(12) NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
            event VARCHAR(10) NOT NULL,
            medication VARCHAR(60) NOT NULL,
            dose VARCHAR(40) NOT NULL,
            to_medication VARCHAR(60),
            ends_on DATE,
            every VARCHAR(6),
            next_due DATE,
            reason VARCHAR(500)
        )""",
    ),
}

LATEST = max(MIGRATIONS)
