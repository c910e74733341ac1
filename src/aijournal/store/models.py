"""The journal's tables: one `entry` row per thing logged, with its details in a kind's table.

Every entry has a short id a person can type, the day it is about, and when it was written
and last changed (UTC). Details live in one table per kind, keyed by the entry's id, and go
with it when it is deleted.
"""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

ENTRY_FK = "entry.id"


class EntryBase(SQLModel):
    day: date = Field(index=True)
    kind: str = Field(max_length=20)


class Entry(EntryBase, table=True):
    id: str = Field(primary_key=True, max_length=12)
    created_at: datetime
    updated_at: datetime


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


class SchemaVersion(SQLModel, table=True):
    __tablename__ = "schema_version"
    version: int = Field(primary_key=True)
    applied_at: datetime
