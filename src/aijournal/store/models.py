"""The journal's tables: one `entry` row per thing logged, with its details in a kind's table.

Every entry has a short id a person can type, the day it is about, and when it was written
and last changed (UTC). Details live in one table per kind, keyed by the entry's id, and go
with it when it is deleted.
"""

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

ENTRY_FK = "entry.id"
DEFAULT_JOURNAL = "me"  # domain/journals.py holds the rule for names; schema 8's default


class EntryBase(SQLModel):
    day: date = Field(index=True)
    kind: str = Field(max_length=20)


class Entry(EntryBase, table=True):
    """An entry belongs to one journal (schema 8); store/scope.py keeps every query to it."""

    __table_args__ = (
        Index("ix_entry_journal_kind_day", "journal", "kind", "day"),
        Index("ix_entry_journal_day", "journal", "day"),
    )
    id: str = Field(primary_key=True, max_length=12)
    created_at: datetime
    updated_at: datetime
    journal: str = Field(default=DEFAULT_JOURNAL, max_length=40)


class SymptomRating(SQLModel, table=True):
    __tablename__ = "symptom_rating"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    name: str = Field(max_length=60, index=True)
    value: float


class PainSites(SQLModel, table=True):
    __tablename__ = "pain_sites"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    sites: str = Field(max_length=200)


class MedicationDose(SQLModel, table=True):
    __tablename__ = "medication_dose"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    medication: str = Field(max_length=60)
    dose: str = Field(max_length=40)
    taken: bool
    reason: str | None = Field(default=None, max_length=500)


class BodyMeasure(SQLModel, table=True):
    __tablename__ = "body_measure"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    measure: str = Field(max_length=20)
    value: float


class SleepRecord(SQLModel, table=True):
    __tablename__ = "sleep_record"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    hours: float | None = None
    quality: float | None = None


class MindSession(SQLModel, table=True):
    __tablename__ = "mind_session"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    minutes: float
    practice: str | None = Field(default=None, max_length=60)


class Note(SQLModel, table=True):
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    text: str = Field(max_length=10000)


class ExerciseSession(SQLModel, table=True):
    """A logged exercise session: its effort (RPE 0-10) if rated; its items below."""

    __tablename__ = "exercise_session"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    rpe: int | None = None


class ExerciseItem(SQLModel, table=True):
    """One exercise of a session; kind and typical intensity as the catalog had them then."""

    __tablename__ = "exercise_item"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    exercise: str = Field(max_length=60)
    kind: str = Field(max_length=20)
    intensity: str | None = Field(default=None, max_length=10)
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None
    impacts: int | None = None
    load_kg: float | None = None


class Meal(SQLModel, table=True):
    """A meal (slot breakfast, lunch, dinner, snack, or none) or a set of supplements taken."""

    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    slot: str | None = Field(default=None, max_length=10)
    text: str = Field(max_length=2000)


class MealItem(SQLModel, table=True):
    """One food or supplement of a meal, with the amounts computed when it was logged, so a
    later change to foods/ never rewrites history. A NULL nutrient is unknown, never zero."""

    __tablename__ = "meal_item"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    food_id: str = Field(max_length=80)
    name: str = Field(max_length=200)
    source: str = Field(max_length=12)
    origin: str = Field(max_length=300)
    recipe: str | None = Field(default=None, max_length=80)
    amount: float
    unit: str | None = Field(default=None, max_length=20)
    grams: float | None = None
    units: float | None = None
    tags: str = Field(max_length=300)
    calcium_mg: float | None = None
    vitamin_d_ug: float | None = None
    magnesium_mg: float | None = None
    vitamin_k_ug: float | None = None
    fiber_g: float | None = None
    ala_g: float | None = None
    epa_dha_mg: float | None = None
    energy_kcal: float | None = None
    protein_g: float | None = None
    sat_fat_g: float | None = None
    sugars_g: float | None = None
    sodium_mg: float | None = None
    # Added in schema 6: MK-7 apart from vitamin_k_ug (K1 + MK-4); see store/migrations.py.
    vitamin_k2_mk7_ug: float | None = None


class Checkin(SQLModel, table=True):
    """A weekly check-in (kind "checkin") about the 7 days up to its day; answers below."""

    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    week: str = Field(max_length=10)


class CheckinAnswer(SQLModel, table=True):
    """One answer of a weekly check-in (PRO-CTCAE 0-4: frequency, severity or interference)."""

    __tablename__ = "checkin_answer"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    item: str = Field(max_length=40)
    attribute: str = Field(max_length=12)
    value: int


class Visit(SQLModel, table=True):
    """An appointment (the entry's day is the visit's date, which may lie ahead)."""

    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    clinician: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class Question(SQLModel, table=True):
    """A question kept for the next visit, until it is marked answered."""

    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    text: str = Field(max_length=2000)
    answered_on: date | None = None


class Lab(SQLModel, table=True):
    """A lab result (kind "lab"): which test; its values are the lab_result rows."""

    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    test: str = Field(max_length=60)


class LabResult(SQLModel, table=True):
    """One value of a lab result: a DEXA site's T-score (unit "T-score") with its BMD and
    the least significant change the report gives, or an amount in its stored unit
    (vitamin D in nmol/L, calcium in mmol/L, any other as typed); see domain/labs.py."""

    __tablename__ = "lab_result"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    site: str | None = Field(default=None, max_length=20)
    value: float
    unit: str = Field(max_length=20)
    bmd_g_cm2: float | None = None
    lsc: float | None = None
    lsc_unit: str | None = Field(default=None, max_length=10)


class MedicationEvent(SQLModel, table=True):
    """An event of the medication timeline (kind "med_event"): start, switch, dose change,
    holiday (to ``ends_on``), stop, or a schedule (``every``, first ``next_due``)."""

    __tablename__ = "medication_event"
    entry_id: str = Field(primary_key=True, foreign_key=ENTRY_FK, ondelete="CASCADE")
    event: str = Field(max_length=10)
    medication: str = Field(max_length=60)
    dose: str = Field(default="", max_length=40)
    to_medication: str | None = Field(default=None, max_length=60)
    ends_on: date | None = None
    every: str | None = Field(default=None, max_length=6)
    next_due: date | None = None
    reason: str | None = Field(default=None, max_length=500)


class UndoRecord(SQLModel, table=True):
    """What one write command (a batch) did to one entry, so `aij undo` can take it back:
    created it, or changed or removed it (``state``: the entry's rows before, as JSON)."""

    __tablename__ = "undo_log"
    batch: int = Field(primary_key=True)
    entry_id: str = Field(primary_key=True, max_length=12)
    action: str = Field(max_length=10)
    at: datetime
    state: str | None = None
    journal: str = Field(default=DEFAULT_JOURNAL, max_length=40)


class SchemaVersion(SQLModel, table=True):
    __tablename__ = "schema_version"
    version: int = Field(primary_key=True)
    applied_at: datetime
