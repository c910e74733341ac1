"""The codebook: what every column of every exported file or sheet means.

One definition serves ``codebook.csv`` in the CSV export and the ``Codebook`` sheet of the
xlsx export: for each column its title (with its unit), meaning, unit, scale anchors and
source, and for the xlsx the number format it is shown with. A test checks that every column
of every file and sheet has its row, so a new column cannot ship unexplained.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args

from aijournal.domain.activity import RPE_MODERATE, RPE_VIGOROUS
from aijournal.domain.daylog import MEAL_SLOTS
from aijournal.domain.exercise import Intensity, Kind
from aijournal.domain.labs import DEXA_SITES
from aijournal.domain.nutrients import NUTRIENTS, SUPPLEMENT_KEYS, TRACKED
from aijournal.domain.precision import unit_decimals
from aijournal.domain.symptoms import BODY_SITES, SEVERITY_WORDS, Symptom, SymptomSet
from aijournal.export import daily
from aijournal.export.cells import CellType
from aijournal.export.tables import CODEBOOK, CSV_FILES, DAILY, MANIFEST, CsvFile

CODEBOOK_HEADER = ("sheet", "column", "title", "meaning", "unit", "scale_anchors", "source")

# Number formats of the xlsx (Excel codes, read the same in every locale).
WHOLE = "0"
ONE_DECIMAL = "0.0"
GENERAL = "General"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm:ss"
TEXT = "@"

YOU = "your entry in aij"
AIJ = "aij"
ACTIVITY = "aij, domain/activity.py (README: How exercise and doses are counted)"
LABS = (
    "your lab report; WHO 1994 T-score categories (normal >= -1.0, osteopenia between, "
    "osteoporosis <= -2.5); vitamin D 1 ng/mL = 2.496 nmol/L; calcium 1 mmol/L = 4.008 mg/dL"
)
INTAKE = (
    "foods: USDA SR28 (aij's foods/) or your own foods; supplements: their labels; "
    "day totals as domain/dayintake.py"
)


@dataclass(frozen=True)
class ColumnDoc:
    """One column: its name in the file, its title (with unit), what it means and where
    its values come from, and the xlsx number format it is shown with."""

    column: str
    title: str
    meaning: str
    unit: str = ""
    anchors: str = ""
    source: str = YOU
    number_format: str = GENERAL

    def row(self, sheet: str) -> tuple[str, ...]:
        return (sheet, self.column, self.title, self.meaning, self.unit, self.anchors, self.source)


def _unit_format(unit: str) -> str:
    """The xlsx format of an amount in ``unit``: its decimals at clinical precision."""
    decimals = unit_decimals(unit)
    return WHOLE if decimals == 0 else "0." + "0" * decimals


def _precision(unit: str) -> str:
    """How daily.csv rounds an amount in ``unit`` (domain/precision.py), in words."""
    decimals = unit_decimals(unit)
    step = f"whole {unit}" if decimals == 0 else f"{unit} to {decimals} decimal"
    return f"; {step}{'s' if decimals > 1 else ''}, halves rounded up"


# --- daily.csv / the Daily sheet -------------------------------------------------------------


def _symptom_doc(column: str, name: str, symptom: Symptom | None) -> ColumnDoc:
    words = name.replace("-", " ").capitalize()
    if symptom is None:
        return ColumnDoc(
            column,
            words,
            f"{words}: a rating logged in the period under a name that is not in your symptom set",
            source=YOU,
        )
    if symptom.kind == "minutes":
        return ColumnDoc(column, f"{words} (min)", symptom.meaning, "minutes", "", symptom.source)
    if symptom.kind == "count":
        return ColumnDoc(column, f"{words} (count)", symptom.meaning, "count", "", symptom.source)
    scale = f"{symptom.low:g}-{symptom.high:g}"
    if symptom.kind == "severity":
        anchors = ", ".join(f"{n} {word}" for n, word in enumerate(SEVERITY_WORDS))
    else:
        anchors = f"{symptom.low:g} to {symptom.high:g}; {symptom.meaning}"
    return ColumnDoc(
        column, f"{words} ({scale})", symptom.meaning, "score", anchors, symptom.source
    )


_SITES = ", ".join(BODY_SITES)

_EXERCISE: tuple[ColumnDoc, ...] = (
    ColumnDoc(
        "resistance_minutes",
        "Resistance (min)",
        "time of held resistance sets; empty when a set of reps records no time",
        "minutes",
        source=ACTIVITY,
    ),
    ColumnDoc(
        "aerobic_minutes",
        "Aerobic (min)",
        "moderate or vigorous minutes of aerobic and impact activity (a rating below 5 is light "
        "and does not count)",
        "minutes",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
    ColumnDoc(
        "impact_minutes",
        "Impact (min)",
        "minutes of impact activity",
        "minutes",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
    ColumnDoc(
        "recovery_minutes",
        "Recovery (min)",
        "minutes of recovery activity (stretching, mobility)",
        "minutes",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
    ColumnDoc(
        "resistance_sessions",
        "Resistance sessions",
        "sessions holding resistance work",
        "count",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
    ColumnDoc(
        "resistance_sets",
        "Resistance sets",
        "sets of resistance exercises",
        "count",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
    ColumnDoc(
        "impacts",
        "Impacts",
        "impacts (jumps, hops) counted",
        "count",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
    ColumnDoc(
        "moderate_equivalent_minutes",
        "Moderate-equivalent (min)",
        "aerobic minutes with a vigorous minute counted as two moderate ones",
        "minutes",
        source=ACTIVITY,
        number_format=WHOLE,
    ),
)


def _nutrient_docs() -> list[ColumnDoc]:
    docs = [
        ColumnDoc(
            n.key,
            f"{n.label} ({n.unit})",
            f"{n.label}: the day's total of food and supplements; empty while the day's food "
            f"is unknown (no food logged, or none with a value){_precision(n.unit)}",
            n.unit,
            source=INTAKE,
            number_format=_unit_format(n.unit),
        )
        for n in TRACKED
    ]
    for key in SUPPLEMENT_KEYS:
        info = NUTRIENTS[key]
        docs.append(
            ColumnDoc(
                f"{key}_from_supplements",
                f"{info.label} from supplements ({info.unit})",
                f"{info.label} that the day's supplements gave; empty on a day with no intake "
                f"logged, 0 on a day without supplements{_precision(info.unit)}",
                info.unit,
                source="supplement labels (aij's foods/ or your own)",
                number_format=_unit_format(info.unit),
            )
        )
    return docs


_DAILY_END: tuple[ColumnDoc, ...] = (
    ColumnDoc(
        "doses_taken",
        "Doses taken",
        "medication doses logged as taken",
        "count",
        number_format=WHOLE,
    ),
    ColumnDoc(
        "doses_skipped",
        "Doses skipped",
        "medication doses logged as skipped",
        "count",
        number_format=WHOLE,
    ),
    ColumnDoc("sleep_hours", "Sleep (h)", "hours slept the night before", "hours"),
    ColumnDoc(
        "sleep_quality_0_10",
        "Sleep quality (0-10)",
        "sleep quality as rated",
        "score",
        "0 worst, 10 best",
    ),
    ColumnDoc("mind_body_minutes", "Mind-body (min)", "minutes of mind-body practice", "minutes"),
    ColumnDoc("weight_kg", "Weight (kg)", "body weight as measured", "kg"),
    ColumnDoc("waist_cm", "Waist (cm)", "waist circumference as measured", "cm"),
)


def daily_docs(names: Sequence[str], symptoms: SymptomSet) -> list[ColumnDoc]:
    """daily.csv's columns (those of ``daily.header``), each with its documentation."""
    columns = daily.header(names, symptoms)
    by_name = {s.name: s for s in symptoms}
    docs = [ColumnDoc("date", "Date", "the day", "", "", AIJ, DATE)]
    docs += [
        _symptom_doc(column, name, by_name.get(name))
        for column, name in zip(columns[1 : 1 + len(names)], names, strict=True)
    ]
    docs.append(
        ColumnDoc(
            "sites",
            "Painful sites",
            "where it hurt, comma-separated body sites",
            "",
            _SITES,
        )
    )
    docs += [*_EXERCISE, *_nutrient_docs(), *_DAILY_END]
    if len(docs) != len(columns):  # pragma: no cover - a new column without its doc
        raise AssertionError("daily.csv has a column without a codebook row")
    return [
        ColumnDoc(column, *(getattr(doc, f) for f in _FIELDS))
        for column, doc in zip(columns, docs, strict=True)
    ]


_FIELDS = ("title", "meaning", "unit", "anchors", "source", "number_format")


# --- the long-form files / one sheet per kind of entry ---------------------------------------

_LEAD: dict[str, ColumnDoc] = {
    "entry_id": ColumnDoc(
        "entry_id",
        "Entry id",
        "the entry's id in the journal, text (new ids begin with a letter, so none reads as a "
        "number; ids from before may be digits and letters)",
        source=AIJ,
        number_format=TEXT,
    ),
    "date": ColumnDoc("date", "Date", "the day the entry is for", source=YOU, number_format=DATE),
    "created_at": ColumnDoc(
        "created_at",
        "Written (UTC)",
        "when the entry was written, UTC (ISO 8601 with Z, 2026-11-26T08:15:03.000000Z)",
        "UTC time",
        source=AIJ,
        number_format=DATETIME,
    ),
    "updated_at": ColumnDoc(
        "updated_at",
        "Changed (UTC)",
        "when the entry was last changed, UTC (ISO 8601 with Z, 2026-11-26T08:15:03.000000Z)",
        "UTC time",
        source=AIJ,
        number_format=DATETIME,
    ),
    "position": ColumnDoc(
        "position",
        "Position",
        "the item's place within its entry, from 0",
        source=AIJ,
        number_format=WHOLE,
    ),
}

_SEVERITY = ", ".join(f"{n} {word}" for n, word in enumerate(SEVERITY_WORDS))
_PRO_CTCAE = (
    "PRO-CTCAE; frequency: 0 never, 1 rarely, 2 occasionally, 3 frequently, 4 almost "
    f"constantly; severity: {_SEVERITY}; interference: 0 not at all, 1 a little bit, "
    "2 somewhat, 3 quite a bit, 4 very much"
)

# (title, meaning, unit, anchors) of each detail column, by table.
_DETAILS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "symptom_rating": {
        "name": ("Symptom", "the symptom rated (see daily.csv's columns for each scale)", "", ""),
        "value": ("Rating", "the rating as logged, on the symptom's scale", "score", ""),
    },
    "pain_sites": {
        "sites": (
            "Painful sites",
            "where it hurt, comma-separated body sites",
            "",
            _SITES,
        ),
    },
    "medication_dose": {
        "medication": ("Medication", "the medication", "", ""),
        "dose": ("Dose", "the dose as written", "", ""),
        "taken": ("Taken", "true if taken, false if skipped", "", "true, false"),
        "reason": ("Reason skipped", "why a dose was skipped, as written", "", ""),
    },
    "medication_event": {
        "event": (
            "Event",
            "what changed in the medication timeline; the entry's date is when it took effect "
            "(a stop's date is the first day without it; a holiday's date its first day)",
            "",
            "start, switch, dose (a dose change), holiday, stop, schedule (a scheduled dose)",
        ),
        "medication": ("Medication", "the medication the event is about", "", ""),
        "dose": ("Dose", "the dose from this date, as written (empty: not given)", "", ""),
        "to_medication": ("Switched to", "for a switch, the medication switched to", "", ""),
        "ends_on": ("Holiday ends", "for a holiday, its last day (included)", "date", ""),
        "every": (
            "Every",
            "for a schedule, the interval between doses",
            "",
            "Nd days, Nw weeks, Nmo months, Ny years",
        ),
        "next_due": (
            "First due",
            "for a schedule, the next dose's date when it was set; later doses move it on",
            "date",
            "",
        ),
        "reason": ("Reason", "why, as written", "", ""),
    },
    "body_measure": {
        "measure": ("Measure", "what was measured", "", "weight_kg, waist_cm"),
        "value": ("Value", "the value measured, in the measure's unit", "kg or cm", ""),
    },
    "sleep_record": {
        "hours": ("Sleep (h)", "hours slept the night before", "hours", ""),
        "quality": ("Sleep quality (0-10)", "sleep quality as rated", "score", "0 worst, 10 best"),
    },
    "mind_session": {
        "minutes": ("Minutes", "minutes of mind-body practice", "minutes", ""),
        "practice": ("Practice", "the practice (yoga, meditation ...)", "", ""),
    },
    "note": {"text": ("Note", "the note as written", "", "")},
    "exercise_session": {
        "rpe": (
            "Effort (RPE 0-10)",
            "rating of perceived exertion of the session",
            "score",
            f"0-10; light below {RPE_MODERATE}, moderate {RPE_MODERATE} to {RPE_VIGOROUS - 1}, "
            f"vigorous {RPE_VIGOROUS} and above",
        ),
    },
    "exercise_item": {
        "exercise": ("Exercise", "the exercise's id in aij's exercise catalog", "", ""),
        "kind": ("Kind", "kind of exercise", "", ", ".join(get_args(Kind))),
        "intensity": ("Intensity", "intensity as logged", "", ", ".join(get_args(Intensity))),
        "sets": ("Sets", "sets done", "count", ""),
        "reps": ("Reps", "repetitions per set", "count", ""),
        "seconds": ("Seconds", "seconds a set was held", "seconds", ""),
        "minutes": ("Minutes", "minutes of the exercise", "minutes", ""),
        "impacts": ("Impacts", "impacts (jumps, hops) counted", "count", ""),
        "load_kg": ("Load (kg)", "load lifted or carried", "kg", ""),
    },
    "meal": {
        "slot": ("Meal", "the meal of the day", "", ", ".join(MEAL_SLOTS)),
        "text": ("As typed", "the meal as typed", "", ""),
    },
    "meal_item": {
        "food_id": ("Food id", "the food's or supplement's id in aij's catalog", "", ""),
        "name": ("Name", "the food's or supplement's name", "", ""),
        "source": ("Source", "a food or a supplement", "", "food, supplement"),
        "origin": ("Origin", "where its values come from (SR28 number, a label)", "", ""),
        "recipe": ("Recipe", "the recipe it came from, if any", "", ""),
        "amount": ("Amount", "the amount as logged, in the unit", "", ""),
        "unit": ("Unit", "the unit of the amount (empty: grams)", "", ""),
        "grams": ("Grams (g)", "the amount in grams", "g", ""),
        "units": ("Units", "supplement units (tablets, drops ...)", "count", ""),
        "tags": ("Tags", "the food's tags", "", ""),
    },
    "checkin": {"week": ("Week", "the ISO week checked in", "", "YYYY-Www")},
    "checkin_answer": {
        "item": ("Item", "the check-in item (a PRO-CTCAE symptom)", "", ""),
        "attribute": ("Attribute", "what was asked of it", "", "frequency, severity, interference"),
        "value": ("Answer (0-4)", "the answer to NCI's PRO-CTCAE question", "score", _PRO_CTCAE),
    },
    "visit": {
        "clinician": ("Clinician", "who the visit is with", "", ""),
        "note": ("Note", "the visit's note", "", ""),
    },
    "question": {
        "text": ("Question", "a question for the next visit", "", ""),
        "answered_on": ("Answered on", "the day it was answered; empty while open", "", ""),
    },
    "lab": {"test": ("Test", "the lab test", "", "dexa, vitamin-d, calcium, or another name")},
    "lab_result": {
        "site": ("DEXA site", "the scanned site (DEXA only)", "", ", ".join(DEXA_SITES)),
        "value": (
            "Value",
            "a DEXA site's T-score; 25-OH vitamin D in nmol/L (ng/mL x 2.496); serum calcium"
            " in mmol/L (mg/dL / 4.008); any other result in its unit",
            "the row's unit",
            "T-score: WHO category normal at -1.0 or above, osteopenia below -1.0 and above"
            " -2.5, osteoporosis at -2.5 or below (the scan report's category)",
        ),
        "unit": ("Unit", "the unit of the value", "", "T-score, nmol/L, mmol/L, or as typed"),
        "bmd_g_cm2": ("BMD (g/cm2)", "bone mineral density at the site, if given", "g/cm2", ""),
        "lsc": (
            "Least significant change",
            "the scanner's least significant change as the report gives it, if entered",
            "lsc_unit",
            "",
        ),
        "lsc_unit": ("LSC unit", "the unit of the least significant change", "", "g/cm2, %"),
    },
}
for _info in NUTRIENTS.values():
    _DETAILS["meal_item"][_info.key] = (
        f"{_info.label} ({_info.unit})",
        f"{_info.label} the item holds, to 12 significant digits (as import needs it); empty "
        "where the food's data has no value",
        _info.unit,
        "",
    )

_FORMATS: dict[CellType, str] = {
    "text": TEXT,
    "int": WHOLE,
    "float": GENERAL,
    "bool": GENERAL,
    "date": DATE,
    "datetime": DATETIME,
}


def long_form_docs(spec: CsvFile) -> list[ColumnDoc]:
    """The columns of one long-form file, each with its documentation."""
    lead = [_LEAD[name] for name in spec.header[: len(spec.header) - len(spec.table.columns)]]
    details = _DETAILS[spec.table.name]
    docs = []
    for column in spec.table.columns:
        title, meaning, unit, anchors = details[column.name]
        source = {"meal_item": INTAKE, "lab_result": LABS}.get(spec.table.name, YOU)
        docs.append(
            ColumnDoc(column.name, title, meaning, unit, anchors, source, _FORMATS[column.type])
        )
    return [*lead, *docs]


MANIFEST_DOCS: tuple[ColumnDoc, ...] = (
    ColumnDoc("key", "Key", "what the row tells", source=AIJ),
    ColumnDoc("value", "Value", "its value", source=AIJ),
)
CODEBOOK_DOCS: tuple[ColumnDoc, ...] = tuple(
    ColumnDoc(name, title, meaning, source=AIJ)
    for name, title, meaning in (
        ("sheet", "Sheet", "the file or sheet holding the column"),
        ("column", "Column", "the column's name"),
        ("title", "Title", "the column's title, with its unit"),
        ("meaning", "Meaning", "what the column holds"),
        ("unit", "Unit", "the unit of its numbers"),
        ("scale_anchors", "Scale anchors", "what the ends (or each point) of its scale mean"),
        ("source", "Source", "where its values or its scale come from"),
    )
)


def csv_codebook(names: Sequence[str], symptoms: SymptomSet) -> list[tuple[str, ...]]:
    """codebook.csv's rows (after its header): every column of every file of the export."""
    rows = [doc.row(DAILY) for doc in daily_docs(names, symptoms)]
    for spec in CSV_FILES:
        rows += [doc.row(spec.name) for doc in long_form_docs(spec)]
    rows += [doc.row(MANIFEST) for doc in MANIFEST_DOCS]
    rows += [doc.row(CODEBOOK) for doc in CODEBOOK_DOCS]
    return rows
