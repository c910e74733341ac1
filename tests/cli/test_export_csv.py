"""`aij export csv`: daily.csv's columns and values, the long-form files, cell safety, refusals.

``full_journal`` fills a journal with every kind of entry through the real storage functions
(the other export and import tests use it too). Its days are relative to today, so that
nothing lies in the future but the one upcoming visit.
"""

import csv
import io
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from aijournal.config import load_config
from aijournal.domain.daylog import DayLog
from aijournal.domain.exercise import ExerciseEntry
from aijournal.domain.intake import ItemToLog
from aijournal.domain.nutrients import NUTRIENT_KEYS
from aijournal.export.tables import CSV_FILES, KIND_TABLE, TABLES
from aijournal.store.daily import DETAIL_MODELS, save_day_log, save_dose
from aijournal.store.edit import edit_entry
from aijournal.store.entries import new_entry
from aijournal.store.exercise import ItemToSave, save_session
from aijournal.store.meals import save_meal
from aijournal.store.models import Checkin, CheckinAnswer, SymptomRating
from aijournal.store.visits import add_question, add_visit, answer_question
from tests.conftest import Run
from tests.helpers import TODAY, journal_of, query, snapshot

pytestmark = pytest.mark.dates

D1, D2, D3 = TODAY - timedelta(days=10), TODAY - timedelta(days=9), TODAY - timedelta(days=8)
PAST_VISIT, NEXT_VISIT = TODAY - timedelta(days=30), TODAY + timedelta(days=20)
CONFIG = """symptoms:
  - name: mood
    kind: nrs
    min: -5
    max: 5
    meaning: mood, -5 very low to 5 very good
"""
NOTES = (
    '=HYPERLINK("http://x","y")',
    "Knie schmerzt\r\nµg — ok, 1,5 km",
    "'quoted already",
    "+2 kg since June",
)


def _values(**known: float | None) -> dict[str, float | None]:
    """Every nutrient key; those not given are 0, those given as None unknown."""
    return {key: known.get(key, 0.0) for key in NUTRIENT_KEYS}


def _food(food_id: str, source: str, values: dict[str, float | None]) -> ItemToLog:
    return ItemToLog(
        food_id=food_id,
        name=food_id.replace("-", " "),
        source=source,
        origin="USDA SR28 NDB 01256" if source == "food" else "label: typical",
        amount=1.0,
        unit=None if source == "food" else "tablet",
        grams=100.0 if source == "food" else None,
        units=None if source == "food" else 1.0,
        tags=("dairy",) if food_id == "greek-yogurt" else (),
        values=values,
    )


@dataclass(frozen=True)
class Built:
    ids: dict[str, str]


def fill_journal(home: Path) -> Built:
    """Every kind of entry, through the storage functions, in one transaction."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    (home / "config.yaml").write_text(CONFIG, encoding="utf-8")
    journal = journal_of(home)
    ids: dict[str, str] = {}
    with journal.write() as session:
        log = DayLog(
            symptoms={"joint-pain": 6, "stiffness": 30, "fatigue": 2},
            sites=["hands", "knees"],
            sleep_hours=6.5,
            sleep_quality=7,
            weight_kg=68.2,
            waist_cm=84.5,
            mind_minutes=15,
            note=NOTES[0],
        )
        save_day_log(session=session, day=D1, log=log)
        save_dose(
            session=session, day=D1, medication="anastrozole", dose="1 mg", taken=True, reason=None
        )
        items = [
            ItemToSave(
                ExerciseEntry("goblet-squat", sets=3, reps=10, load_kg=12.0),
                "resistance",
                None,
                "goblet-squat 3x10@12kg",
            ),
            ItemToSave(ExerciseEntry("brisk-walk", minutes=35), "aerobic", "moderate", "35m"),
            ItemToSave(ExerciseEntry("jumping-jack", impacts=50), "impact", None, "50"),
        ]
        ids["exercise"] = save_session(session=session, day=D1, items=items, rpe=6).entry_id
        stretch = [ItemToSave(ExerciseEntry("stretching", minutes=20), "recovery", "light", "")]
        save_session(session=session, day=D1, items=stretch, rpe=None)
        breakfast = [
            _food(
                "greek-yogurt",
                "food",
                _values(
                    calcium_mg=190.0,
                    vitamin_d_ug=None,
                    magnesium_mg=18.7,
                    vitamin_k_ug=0.3,
                    ala_g=0.1,
                    energy_kcal=146.0,
                    protein_g=19.9,
                    sodium_mg=60.0,
                ),
            ),
            _food(
                "kale",
                "food",
                _values(
                    calcium_mg=100.5,
                    magnesium_mg=22.8,
                    vitamin_k_ug=261.0,
                    fiber_g=2.7,
                    ala_g=0.2,
                    epa_dha_mg=None,
                    energy_kcal=33.0,
                    protein_g=2.9,
                    sodium_mg=1e-05,
                ),
            ),
        ]
        ids["meal"] = save_meal(
            session=session,
            day=D1,
            kind="meal",
            slot="breakfast",
            text="yogurt, kale",
            items=breakfast,
        ).entry_id
        supplement = [
            _food("calcium-d", "supplement", _values(calcium_mg=600.0, vitamin_d_ug=10.0))
        ]
        ids["supplement"] = save_meal(
            session=session,
            day=D1,
            kind="supplement",
            slot=None,
            text="calcium-d 1",
            items=supplement,
        ).entry_id
        saved = save_day_log(
            session=session, day=D2, log=DayLog(symptoms={"joint-pain": 4, "mood": -3})
        )
        ids["joint-pain-d2"] = saved[0].entry_id
        other = new_entry(session=session, day=D2, kind="symptom")
        session.add(SymptomRating(entry_id=other.id, name="dry-eyes", value=2.0))
        save_dose(
            session=session,
            day=D2,
            medication="anastrozole",
            dose="1 mg",
            taken=False,
            reason="nausea, dizzy",
        )
        for text in NOTES[1:]:
            save_day_log(session=session, day=D2, log=DayLog(note=text))
        soup = [_food("mystery-soup", "food", dict.fromkeys(NUTRIENT_KEYS))]
        save_meal(session=session, day=D2, kind="meal", slot="lunch", text="soup", items=soup)
        checkin = new_entry(session=session, day=D2, kind="checkin")
        year, week, _ = D2.isocalendar()
        session.add(Checkin(entry_id=checkin.id, week=f"{year}-W{week:02d}"))
        session.add(
            CheckinAnswer(
                entry_id=checkin.id, position=1, item="joint-pain", attribute="severity", value=2
            )
        )
        session.add(
            CheckinAnswer(
                entry_id=checkin.id, position=2, item="fatigue", attribute="interference", value=1
            )
        )
        ids["checkin"] = checkin.id
        add_visit(session=session, day=PAST_VISIT, clinician="GP", note="-bring list")
        add_visit(session=session, day=NEXT_VISIT, clinician="oncologist", note=None)
        ids["answered"] = add_question(
            session=session, day=TODAY - timedelta(days=20), text="Is the knee pain from the AI?"
        ).entry_id
        ids["open"] = add_question(session=session, day=D3, text="=1+1 should stay text").entry_id
    with journal.write() as session:
        answer_question(session=session, entry_id=ids["answered"], day=TODAY - timedelta(days=15))
        edit_entry(
            session=session,
            entry_id=ids["joint-pain-d2"],
            changes=["value=5"],
            symptoms=load_config().symptom_set(),
            new_day=None,
        )
    journal.close()
    return Built(ids)


@pytest.fixture
def full_journal(aij_home: Path) -> Built:
    return fill_journal(aij_home)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def as_dicts(path: Path) -> list[dict[str, str]]:
    rows = read_csv(path)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


DAILY_HEADER = [
    "date",
    "joint_pain_0_10",
    "stiffness_minutes",
    "aching_muscles_0_4",
    "fatigue_0_4",
    "insomnia_0_4",
    "concentration_0_4",
    "memory_0_4",
    "sadness_0_4",
    "anxiety_0_4",
    "vaginal_dryness_0_4",
    "hot_flashes_count",
    "hot_flash_severity_0_4",
    "stress_0_10",
    "mood_minus5_5",
    "dry_eyes",
    "sites",
    "resistance_minutes",
    "aerobic_minutes",
    "impact_minutes",
    "recovery_minutes",
    "resistance_sessions",
    "resistance_sets",
    "impacts",
    "moderate_equivalent_minutes",
    "calcium_mg",
    "vitamin_d_ug",
    "magnesium_mg",
    "vitamin_k_ug",
    "vitamin_k2_mk7_ug",
    "fiber_g",
    "ala_g",
    "epa_dha_mg",
    "energy_kcal",
    "protein_g",
    "calcium_mg_from_supplements",
    "vitamin_d_ug_from_supplements",
    "magnesium_mg_from_supplements",
    "vitamin_k_ug_from_supplements",
    "vitamin_k2_mk7_ug_from_supplements",
    "ala_g_from_supplements",
    "epa_dha_mg_from_supplements",
    "doses_taken",
    "doses_skipped",
    "sleep_hours",
    "sleep_quality_0_10",
    "mind_body_minutes",
    "weight_kg",
    "waist_cm",
]


@pytest.fixture
def exported(aij: Run, full_journal: Built, tmp_path: Path) -> Path:
    out = tmp_path / "export"
    result = aij("export", "csv", "--out", str(out))
    assert result.code == 0, result.err
    return out


def test_daily_csv_header_and_one_row_per_day_up_to_today(exported: Path) -> None:
    rows = read_csv(exported / "daily.csv")
    assert rows[0] == DAILY_HEADER
    # From the first entry (the past visit, 30 days ago) to today; the visit ahead is not a row.
    assert [r[0] for r in rows[1:]] == [
        (PAST_VISIT + timedelta(days=n)).isoformat() for n in range(31)
    ]


def test_daily_csv_values_of_a_full_day(exported: Path) -> None:
    day = next(r for r in as_dicts(exported / "daily.csv") if r["date"] == D1.isoformat())
    assert (day["joint_pain_0_10"], day["stiffness_minutes"], day["fatigue_0_4"]) == (
        "6",
        "30",
        "2",
    )
    assert day["insomnia_0_4"] == "" and day["mood_minus5_5"] == ""
    assert day["sites"] == "hands,knees"
    # Minutes by kind: goblet squats in sets of reps record no time (resistance minutes
    # unknown, not 0); brisk-walk 35 at RPE 6 (moderate) aerobic, and 35 x 1 moderate-
    # equivalent; stretching 20 recovery; one resistance session of 3 sets; 50 jumping jacks.
    assert [
        day[k]
        for k in (
            "resistance_minutes",
            "aerobic_minutes",
            "impact_minutes",
            "recovery_minutes",
            "moderate_equivalent_minutes",
        )
    ] == ["", "35", "0", "20", "35"]
    assert (day["resistance_sessions"], day["resistance_sets"], day["impacts"]) == ("1", "3", "50")
    # Food plus supplements, at clinical precision (mg, µg, kcal whole, halves up; g to 0.1):
    # calcium 190 + 100.5 + 600 = 890.5, so 891; vitamin D yogurt unknown, kale 0, tablet 10;
    # magnesium 18.7 + 22.8 = 41.5, so 42; vitamin K 0.3 + 261 = 261.3, so 261; fiber 2.7 g;
    # ALA 0.1 + 0.2 = 0.3 g (no float noise); EPA+DHA kale unknown, yogurt 0; energy
    # 146 + 33 = 179; protein 19.9 + 2.9 = 22.8 g.
    assert [
        day[k]
        for k in (
            "calcium_mg",
            "vitamin_d_ug",
            "magnesium_mg",
            "vitamin_k_ug",
            "fiber_g",
            "ala_g",
            "epa_dha_mg",
            "energy_kcal",
            "protein_g",
        )
    ] == ["891", "10", "42", "261", "2.7", "0.3", "0", "179", "22.8"]
    assert (day["doses_taken"], day["doses_skipped"]) == ("1", "0")
    assert (day["sleep_hours"], day["sleep_quality_0_10"], day["mind_body_minutes"]) == (
        "6.5",
        "7",
        "15",
    )
    assert (day["weight_kg"], day["waist_cm"]) == ("68.2", "84.5")


def test_daily_csv_unknown_is_empty_and_negative_numbers_stay_numbers(exported: Path) -> None:
    days = {r["date"]: r for r in as_dicts(exported / "daily.csv")}
    second = days[D2.isoformat()]
    assert second["joint_pain_0_10"] == "5"  # edited from 4
    assert second["mood_minus5_5"] == "-3"  # a number, not neutralised like text
    assert second["dry_eyes"] == "2"  # a name outside the symptom set gets its column
    # Food was logged (a soup of unknown composition): every nutrient is unknown, not 0.
    nutrient_columns = DAILY_HEADER[
        DAILY_HEADER.index("calcium_mg") : DAILY_HEADER.index("protein_g") + 1
    ]
    supplement_columns = [k for k in DAILY_HEADER if k.endswith("_from_supplements")]
    assert len(nutrient_columns) == 10 and len(supplement_columns) == 7
    assert all(second[k] == "" for k in nutrient_columns)
    # No supplements that day: what supplements gave is known, 0.
    assert all(second[k] == "0" for k in supplement_columns)
    assert (second["doses_taken"], second["doses_skipped"]) == ("0", "1")
    quiet = days[D3.isoformat()]
    assert quiet["sleep_hours"] == "" and quiet["weight_kg"] == "" and quiet["calcium_mg"] == ""
    assert quiet["aerobic_minutes"] == "0" and quiet["doses_taken"] == "0"


def test_text_that_a_spreadsheet_would_run_is_neutralised(exported: Path) -> None:
    notes = [r["text"] for r in as_dicts(exported / "notes.csv")]
    assert notes == [
        "'" + NOTES[0],  # =HYPERLINK(...)
        NOTES[1],  # line break, µ, em dash and a comma kept as they are
        "''quoted already",  # a leading quote is doubled, so reading back strips one
        "'+2 kg since June",
    ]
    visits = as_dicts(exported / "visits.csv")
    assert [(v["date"], v["clinician"], v["note"]) for v in visits] == [
        (PAST_VISIT.isoformat(), "GP", "'-bring list"),
        (NEXT_VISIT.isoformat(), "oncologist", ""),
    ]
    questions = as_dicts(exported / "questions.csv")
    assert [(q["text"], q["answered_on"]) for q in questions] == [
        ("Is the knee pain from the AI?", (TODAY - timedelta(days=15)).isoformat()),
        ("'=1+1 should stay text", ""),
    ]


def test_long_form_files_hold_every_entry_with_ids_and_times(
    exported: Path, aij_home: Path, full_journal: Built
) -> None:
    exported_ids: set[str] = set()
    for spec in CSV_FILES:
        rows = as_dicts(exported / spec.name)
        if not spec.table.items:
            exported_ids |= {r["entry_id"] for r in rows}
            assert all(r["created_at"] and r["updated_at"] for r in rows)
    assert exported_ids == {row[0] for row in query(aij_home, "SELECT id FROM entry")}
    edited = next(
        r
        for r in as_dicts(exported / "symptoms.csv")
        if r["entry_id"] == full_journal.ids["joint-pain-d2"]
    )
    assert edited["updated_at"] > edited["created_at"]
    meal_items = as_dicts(exported / "meal_items.csv")
    assert [(i["entry_id"], i["position"], i["food_id"]) for i in meal_items[:2]] == [
        (full_journal.ids["meal"], "1", "greek-yogurt"),
        (full_journal.ids["meal"], "2", "kale"),
    ]
    yogurt, kale = meal_items[0], meal_items[1]
    assert (yogurt["vitamin_d_ug"], yogurt["calcium_mg"]) == ("", "190")  # unknown stays empty
    assert kale["sodium_mg"] == "0.00001"  # no exponent: 1e-05 written out
    supplements = as_dicts(exported / "supplement_items.csv")
    assert [(s["food_id"], s["source"], s["units"]) for s in supplements] == [
        ("calcium-d", "supplement", "1")
    ]
    answers = as_dicts(exported / "checkin_answers.csv")
    assert [(a["item"], a["attribute"], a["value"]) for a in answers] == [
        ("joint-pain", "severity", "2"),
        ("fatigue", "interference", "1"),
    ]
    doses = as_dicts(exported / "medication_doses.csv")
    assert [(d["taken"], d["reason"]) for d in doses] == [("true", ""), ("false", "nausea, dizzy")]


def test_files_are_utf8_with_bom_crlf_and_one_header(exported: Path) -> None:
    raw = (exported / "notes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfentry_id,date,created_at,updated_at,text\r\n")
    assert "µg — ok".encode() in raw
    assert (exported / "daily.csv").stat().st_mode & 0o777 == 0o600
    assert exported.stat().st_mode & 0o777 == 0o700


def test_the_export_covers_every_table_and_kind() -> None:
    # The undo log is bookkeeping for `aij undo`, not journal content.
    content_tables = set(SQLModel.metadata.tables) - {"schema_version", "entry", "undo_log"}
    assert {t.name for t in TABLES} == content_tables
    assert set(KIND_TABLE) == set(DETAIL_MODELS)
    assert {spec.kind for spec in CSV_FILES} == set(DETAIL_MODELS)


def test_a_range_and_a_zip(aij: Run, full_journal: Built, tmp_path: Path) -> None:
    out = tmp_path / "range.ZIP"
    result = aij(
        "export", "csv", "--from", D1.isoformat(), "--to", D2.isoformat(), "--out", str(out)
    )
    assert result.code == 0, result.err
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted(
            [
                "aij-export.csv",
                "codebook.csv",
                "daily.csv",
                *(f.name for f in CSV_FILES),
                "your-files/config.yaml",  # the settings travel with the export
            ]
        )
        daily = list(csv.reader(io.StringIO(archive.read("daily.csv").decode("utf-8-sig"))))
        visits = archive.read("visits.csv").decode("utf-8-sig").splitlines()
    assert [r[0] for r in daily[1:]] == [D1.isoformat(), D2.isoformat()]
    assert len(visits) == 1  # only the header: neither visit falls in the range


def test_since_last_visit(aij: Run, full_journal: Built, tmp_path: Path) -> None:
    out = tmp_path / "since"
    assert aij("export", "csv", "--since-last-visit", "--out", str(out)).code == 0
    days = [r["date"] for r in as_dicts(out / "daily.csv")]
    # The visit was 30 days ago, but the first day logged is D1, 10 days ago (visits and
    # questions are not days logged): the rows run from D1, the 11 days D1..TODAY (#11).
    assert (days[0], days[-1], len(days)) == (D1.isoformat(), TODAY.isoformat(), 11)


def test_since_a_visit_typed_decades_back_costs_the_days_logged_not_a_row_a_day(
    aij: Run, tmp_path: Path
) -> None:
    assert aij("log", "joint-pain=3", "--date", "-2d").code == 0
    long_ago = (TODAY - timedelta(days=365 * 96)).isoformat()
    assert aij("visit", "add", long_ago, "--with", "GP").code == 0
    out = tmp_path / "since"
    assert aij("export", "csv", "--since-last-visit", "--out", str(out)).code == 0
    days = [r["date"] for r in as_dicts(out / "daily.csv")]
    # By hand: from 2 days ago, the first day logged, to today: 3 rows, not 35,000.
    assert days == [(TODAY - timedelta(days=n)).isoformat() for n in (2, 1, 0)]


# -- refusals: exit 2, one line, the journal unchanged, no output left behind ----------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--out", "{tmp}/missing/out.zip"), "does not exist; create it"),
        (("--out", "{tmp}/taken.zip"), "already exists; add --force"),
        (("--out", "{tmp}/folder", "--force"), "holds other files (not an aij export)"),
        (("--from", "2026-13-01", "--out", "{tmp}/x.zip"), "'2026-13-01' is not a date"),
        (("--from", "-3d", "--to", "-9d", "--out", "{tmp}/x.zip"), "the range is empty"),
        (("--since-last-visit", "--from", "-3d", "--out", "{tmp}/x.zip"), "not both"),
    ],
)
def test_export_refusals(
    aij: Run,
    aij_home: Path,
    full_journal: Built,
    tmp_path: Path,
    args: tuple[str, ...],
    message: str,
) -> None:
    (tmp_path / "taken.zip").write_bytes(b"mine")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "thesis.txt").write_text("not to be deleted")
    before, outside = snapshot(aij_home), snapshot(tmp_path)
    result = aij("export", "csv", *(a.format(tmp=tmp_path) for a in args))
    assert result.code == 2, (result.out, result.err)
    assert message in result.err and len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == before
    assert snapshot(tmp_path) == outside


def test_since_last_visit_needs_a_visit(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    assert aij("log", "joint-pain=3").code == 0
    result = aij("export", "csv", "--since-last-visit", "--out", str(tmp_path / "x"))
    assert result.code == 2 and "no visit before today is recorded" in result.err
    assert not (tmp_path / "x").exists()


def test_force_replaces_an_earlier_export_only(
    aij: Run, full_journal: Built, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    assert aij("export", "csv", "--out", str(out)).code == 0
    (out / "notes.csv").write_text("stale")
    assert aij("export", "csv", "--out", str(out), "--force").code == 0
    assert read_csv(out / "notes.csv")[1][4] == "'" + NOTES[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aij-home", "export"]  # no temporary


@pytest.mark.sqlite_only
def test_a_failed_export_leaves_no_partial_file(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    assert aij("log", "joint-pain=3", "--date", "-1d").code == 0
    conn = sqlite3.connect(aij_home / "journal.db")
    conn.execute("UPDATE symptom_rating SET value = 1e999")  # infinity: no CSV number for it
    conn.commit()
    conn.close()
    result = aij("export", "csv", "--out", str(tmp_path / "out.zip"))
    assert result.code == 1 and "internal error" in result.err
    assert list(tmp_path.iterdir()) == [aij_home]  # neither out.zip nor a temporary sibling


def test_the_codebook_lists_every_column_of_every_file(exported: Path) -> None:
    """codebook.csv has one row per column of every CSV file, in the file's order, each
    with a title and a meaning (#12)."""
    book = as_dicts(exported / "codebook.csv")
    files = sorted(p.name for p in exported.glob("*.csv"))
    assert sorted({r["sheet"] for r in book}) == files
    for name in files:
        header = read_csv(exported / name)[0]
        assert [r["column"] for r in book if r["sheet"] == name] == header, name
    assert all(r["title"] and r["meaning"] and r["source"] for r in book)
    rows = {(r["sheet"], r["column"]): r for r in book}
    assert rows[("daily.csv", "calcium_mg")]["unit"] == "mg"
    assert rows[("daily.csv", "hot_flash_severity_0_4")]["scale_anchors"].startswith("0 none")
    assert rows[("daily.csv", "mood_minus5_5")]["meaning"] == "mood, -5 very low to 5 very good"
    assert rows[("meal_items.csv", "epa_dha_mg")]["unit"] == "mg"
