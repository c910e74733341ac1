"""What an export holds: every table's columns with their types and limits, and the CSV files.

One description serves the CSV export, the JSON export and the import, so the three cannot
drift apart; a test checks that it covers every table and every kind of entry.
"""

import re
from dataclasses import dataclass
from typing import get_args

from sqlmodel import SQLModel

from aijournal.domain.daylog import MAX_NOTE, MEAL_SLOTS
from aijournal.domain.exercise import (
    MAX_IMPACTS,
    MAX_LOAD_KG,
    MAX_MINUTES,
    MAX_REPS,
    MAX_SECONDS,
    MAX_SETS,
    Intensity,
    Kind,
)
from aijournal.domain.labs import (
    BMD_RANGE,
    DEXA_SITES,
    LSC_RANGES,
    MAX_TEST,
    MAX_UNIT,
    OTHER_RANGE,
)
from aijournal.domain.limits import (
    MAX_CLINICIAN,
    MAX_FOOD_ID,
    MAX_FOOD_NAME,
    MAX_FOOD_ORIGIN,
    MAX_ITEM_AMOUNT,
    MAX_ITEM_NUTRIENT,
    MAX_MEAL_TEXT,
    MAX_PRACTICE,
    MAX_QUESTION,
    MAX_RECIPE_ID,
    MAX_VISIT_NOTE,
    SYMPTOM_VALUE_RANGE,
)
from aijournal.domain.medtimeline import (
    EVENT_EVERY,
    EVENTS,
    MAX_DOSE,
    MAX_MEDICATION,
    MAX_REASON,
)
from aijournal.domain.nutrients import NUTRIENT_KEYS
from aijournal.domain.units import WAIST_CM_RANGE, WEIGHT_KG_RANGE
from aijournal.export.cells import CellType
from aijournal.store.models import (
    BodyMeasure,
    Checkin,
    CheckinAnswer,
    Entry,
    ExerciseItem,
    ExerciseSession,
    Lab,
    LabResult,
    Meal,
    MealItem,
    MedicationDose,
    MedicationEvent,
    MindSession,
    Note,
    PainSites,
    Question,
    SleepRecord,
    SymptomRating,
    Visit,
)

FORMAT_CSV = "aij-csv-export"
FORMAT_JSON = "aij-journal"
MANIFEST = "aij-export.csv"
DAILY = "daily.csv"
CODEBOOK = "codebook.csv"
ENTRY_ID = re.compile(r"[0-9a-z]{1,12}\Z")
KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
WEEK = re.compile(r"\d{4}-W\d{2}\Z")
MEASURES = ("weight_kg", "waist_cm")
BODY_LOW = min(WEIGHT_KG_RANGE[0], WAIST_CM_RANGE[0])
BODY_HIGH = max(WEIGHT_KG_RANGE[1], WAIST_CM_RANGE[1])


@dataclass(frozen=True)
class Column:
    """One column: its name (as in the database, JSON and CSV), type and allowed values."""

    name: str
    type: CellType
    nullable: bool = False
    max_length: int | None = None
    min_length: int = 0
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Table:
    """A detail table, keyed by entry_id (and position, for the items of an entry)."""

    name: str
    model: type[SQLModel]
    columns: tuple[Column, ...]
    items: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _text(name: str, limit: int, *, nullable: bool = False, required: bool = False) -> Column:
    return Column(name, "text", nullable=nullable, max_length=limit, min_length=int(required))


def _count(name: str, high: int) -> Column:
    return Column(name, "int", nullable=True, low=1, high=high)


ENTRY_COLUMNS: tuple[Column, ...] = (
    Column("id", "text", max_length=12, pattern=ENTRY_ID),
    Column("day", "date"),
    Column("kind", "text", max_length=20),
    Column("created_at", "datetime"),
    Column("updated_at", "datetime"),
)

SYMPTOM_RATING = Table(
    "symptom_rating",
    SymptomRating,
    (
        Column("name", "text", max_length=60, pattern=KEBAB),
        Column("value", "float", low=SYMPTOM_VALUE_RANGE[0], high=SYMPTOM_VALUE_RANGE[1]),
    ),
)
PAIN_SITES = Table("pain_sites", PainSites, (_text("sites", 200, required=True),))
MEDICATION_DOSE = Table(
    "medication_dose",
    MedicationDose,
    (
        _text("medication", MAX_MEDICATION, required=True),
        _text("dose", MAX_DOSE),
        Column("taken", "bool"),
        _text("reason", MAX_REASON, nullable=True),
    ),
)
BODY_MEASURE = Table(
    "body_measure",
    BodyMeasure,
    (
        Column("measure", "text", choices=MEASURES),
        # each measure's own range is checked by the importer (BODY_RANGES)
        Column(
            "value",
            "float",
            low=min(WEIGHT_KG_RANGE[0], WAIST_CM_RANGE[0]),
            high=max(WEIGHT_KG_RANGE[1], WAIST_CM_RANGE[1]),
        ),
    ),
)
SLEEP_RECORD = Table(
    "sleep_record",
    SleepRecord,
    (
        Column("hours", "float", nullable=True, low=0, high=24),
        Column("quality", "float", nullable=True, low=0, high=10),
    ),
)
MIND_SESSION = Table(
    "mind_session",
    MindSession,
    (Column("minutes", "float", low=1, high=600), _text("practice", MAX_PRACTICE, nullable=True)),
)
NOTE = Table("note", Note, (_text("text", MAX_NOTE, required=True),))
EXERCISE_SESSION = Table(
    "exercise_session",
    ExerciseSession,
    (Column("rpe", "int", nullable=True, low=0, high=10),),
)
EXERCISE_ITEM = Table(
    "exercise_item",
    ExerciseItem,
    (
        _text("exercise", 60, required=True),
        Column("kind", "text", choices=get_args(Kind)),
        Column("intensity", "text", nullable=True, choices=get_args(Intensity)),
        _count("sets", MAX_SETS),
        _count("reps", MAX_REPS),
        _count("seconds", MAX_SECONDS),
        _count("minutes", MAX_MINUTES),
        _count("impacts", MAX_IMPACTS),
        Column("load_kg", "float", nullable=True, low=0, high=MAX_LOAD_KG),
    ),
    items=True,
)
MEAL = Table(
    "meal",
    Meal,
    (Column("slot", "text", nullable=True, choices=MEAL_SLOTS), _text("text", MAX_MEAL_TEXT)),
)
MEAL_ITEM = Table(
    "meal_item",
    MealItem,
    (
        _text("food_id", MAX_FOOD_ID, required=True),
        _text("name", MAX_FOOD_NAME, required=True),
        Column("source", "text", choices=("food", "supplement")),
        _text("origin", MAX_FOOD_ORIGIN),
        _text("recipe", MAX_RECIPE_ID, nullable=True),
        Column("amount", "float", low=0, high=MAX_ITEM_AMOUNT),
        _text("unit", 20, nullable=True),
        Column("grams", "float", nullable=True, low=0, high=MAX_ITEM_AMOUNT),
        Column("units", "float", nullable=True, low=0, high=MAX_ITEM_AMOUNT),
        _text("tags", 300),
        *(
            Column(key, "float", nullable=True, low=0, high=MAX_ITEM_NUTRIENT)
            for key in NUTRIENT_KEYS
        ),
    ),
    items=True,
)
CHECKIN = Table("checkin", Checkin, (Column("week", "text", max_length=10, pattern=WEEK),))
CHECKIN_ANSWER = Table(
    "checkin_answer",
    CheckinAnswer,
    (
        _text("item", 40, required=True),
        _text("attribute", 12, required=True),
        Column("value", "int", low=0, high=4),
    ),
    items=True,
)
VISIT = Table(
    "visit",
    Visit,
    (
        _text("clinician", MAX_CLINICIAN, nullable=True),
        _text("note", MAX_VISIT_NOTE, nullable=True),
    ),
)
QUESTION = Table(
    "question",
    Question,
    (_text("text", MAX_QUESTION, required=True), Column("answered_on", "date", nullable=True)),
)
LAB = Table("lab", Lab, (Column("test", "text", max_length=MAX_TEST, pattern=KEBAB),))
# Each test's own range (a T-score, vitamin D, calcium) is checked by the importer.
LAB_RESULT = Table(
    "lab_result",
    LabResult,
    (
        Column("site", "text", nullable=True, choices=DEXA_SITES),
        Column("value", "float", low=float(OTHER_RANGE[0]), high=float(OTHER_RANGE[1])),
        _text("unit", MAX_UNIT, required=True),
        Column(
            "bmd_g_cm2", "float", nullable=True, low=float(BMD_RANGE[0]), high=float(BMD_RANGE[1])
        ),
        Column(
            "lsc",
            "float",
            nullable=True,
            low=float(min(low for low, _ in LSC_RANGES.values())),
            high=float(max(high for _, high in LSC_RANGES.values())),
        ),
        Column("lsc_unit", "text", nullable=True, choices=tuple(LSC_RANGES)),
    ),
    items=True,
)

MEDICATION_EVENT = Table(
    "medication_event",
    MedicationEvent,
    (
        Column("event", "text", choices=EVENTS),
        Column("medication", "text", max_length=MAX_MEDICATION, pattern=KEBAB),
        _text("dose", MAX_DOSE),
        Column("to_medication", "text", nullable=True, max_length=MAX_MEDICATION, pattern=KEBAB),
        Column("ends_on", "date", nullable=True),
        Column("every", "text", nullable=True, max_length=6, pattern=EVENT_EVERY),
        Column("next_due", "date", nullable=True),
        _text("reason", MAX_REASON, nullable=True),
    ),
)

# Every detail table, in the order of the migrations (the JSON export's order).
TABLES: tuple[Table, ...] = (
    SYMPTOM_RATING,
    PAIN_SITES,
    MEDICATION_DOSE,
    BODY_MEASURE,
    SLEEP_RECORD,
    MIND_SESSION,
    NOTE,
    EXERCISE_SESSION,
    EXERCISE_ITEM,
    MEAL,
    MEAL_ITEM,
    CHECKIN,
    CHECKIN_ANSWER,
    VISIT,
    QUESTION,
    LAB,
    LAB_RESULT,
    MEDICATION_EVENT,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

# Each kind of entry and the table holding its details (items tables hang off these).
KIND_TABLE: dict[str, Table] = {
    "symptom": SYMPTOM_RATING,
    "sites": PAIN_SITES,
    "dose": MEDICATION_DOSE,
    "body": BODY_MEASURE,
    "sleep": SLEEP_RECORD,
    "mind": MIND_SESSION,
    "note": NOTE,
    "exercise": EXERCISE_SESSION,
    "meal": MEAL,
    "supplement": MEAL,
    "checkin": CHECKIN,
    "visit": VISIT,
    "question": QUESTION,
    "lab": LAB,
    "med_event": MEDICATION_EVENT,
}
KIND_ITEMS: dict[str, Table] = {
    "exercise": EXERCISE_ITEM,
    "meal": MEAL_ITEM,
    "supplement": MEAL_ITEM,
    "checkin": CHECKIN_ANSWER,
    "lab": LAB_RESULT,
}
# Kinds whose day may lie ahead (an upcoming appointment).
FUTURE_KINDS = ("visit", "med_event")


@dataclass(frozen=True)
class CsvFile:
    """One long-form CSV file: the rows of one table for one kind of entry."""

    name: str
    table: Table
    kind: str

    @property
    def header(self) -> tuple[str, ...]:
        lead = ENTRY_CSV_ITEM_LEAD if self.table.items else ENTRY_CSV_LEAD
        return (*lead, *self.table.column_names)


ENTRY_CSV_LEAD = ("entry_id", "date", "created_at", "updated_at")
ENTRY_CSV_ITEM_LEAD = ("entry_id", "date", "position")

CSV_FILES: tuple[CsvFile, ...] = (
    CsvFile("symptoms.csv", SYMPTOM_RATING, "symptom"),
    CsvFile("sites.csv", PAIN_SITES, "sites"),
    CsvFile("medication_doses.csv", MEDICATION_DOSE, "dose"),
    CsvFile("body_measures.csv", BODY_MEASURE, "body"),
    CsvFile("sleep.csv", SLEEP_RECORD, "sleep"),
    CsvFile("mind.csv", MIND_SESSION, "mind"),
    CsvFile("notes.csv", NOTE, "note"),
    CsvFile("exercise_sessions.csv", EXERCISE_SESSION, "exercise"),
    CsvFile("exercise_items.csv", EXERCISE_ITEM, "exercise"),
    CsvFile("meals.csv", MEAL, "meal"),
    CsvFile("meal_items.csv", MEAL_ITEM, "meal"),
    CsvFile("supplements.csv", MEAL, "supplement"),
    CsvFile("supplement_items.csv", MEAL_ITEM, "supplement"),
    CsvFile("checkins.csv", CHECKIN, "checkin"),
    CsvFile("checkin_answers.csv", CHECKIN_ANSWER, "checkin"),
    CsvFile("visits.csv", VISIT, "visit"),
    CsvFile("questions.csv", QUESTION, "question"),
    CsvFile("labs.csv", LAB, "lab"),
    CsvFile("lab_results.csv", LAB_RESULT, "lab"),
    CsvFile("medication_events.csv", MEDICATION_EVENT, "med_event"),
)
CSV_NAMES = frozenset({MANIFEST, DAILY, CODEBOOK, *(f.name for f in CSV_FILES)})
ENTRY_MODEL = Entry
