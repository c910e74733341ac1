"""`aij log lab`, `aij labs`, `aij bone`: end to end, with values worked out by hand."""

import json
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from aijournal.store.migrations import LATEST
from tests.conftest import Run
from tests.helpers import TODAY, query, run_subprocess, snapshot

pytestmark = pytest.mark.dates
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCAN1 = (TODAY - timedelta(days=730)).isoformat()
SCAN2 = (TODAY - timedelta(days=30)).isoformat()


def _log_two_scans(aij: Run) -> None:
    first = aij(
        "log",
        "lab",
        "dexa",
        "lumbar-spine=-2.1",
        "lumbar-spine-bmd=0.912",
        "total-hip=-1.0",
        "--date",
        SCAN1,
    )
    assert first.code == 0, first.err
    second = aij(
        "log",
        "lab",
        "dexa",
        "lumbar-spine=-2.5",
        "lumbar-spine-bmd=0.870",
        "total-hip=-1.05",
        "--lsc",
        "lumbar-spine=0.03",
        "--date",
        SCAN2,
    )
    assert second.code == 0, second.err


def test_a_dexa_scan_is_one_entry_with_a_row_per_site(aij: Run, aij_home: Path) -> None:
    done = aij(
        "log",
        "lab",
        "dexa",
        "lumbar-spine=-2.1",
        "total-hip=-1.4",
        "femoral-neck=-1.8",
        "--date",
        SCAN1,
    )
    assert done.code == 0, done.err
    assert "lumbar-spine T -2.1 (WHO: osteopenia)" in done.out
    rows = query(
        aij_home,
        "SELECT e.kind, l.test, r.position, r.site, r.value, r.unit FROM entry e"
        " JOIN lab l ON l.entry_id = e.id JOIN lab_result r ON r.entry_id = e.id"
        " ORDER BY r.position",
    )
    assert rows == [
        ("lab", "dexa", 1, "lumbar-spine", -2.1, "T-score"),
        ("lab", "dexa", 2, "total-hip", -1.4, "T-score"),
        ("lab", "dexa", 3, "femoral-neck", -1.8, "T-score"),
    ]


def test_vitamin_d_in_ng_is_stored_in_nmol_and_shown_in_both(aij: Run, aij_home: Path) -> None:
    assert aij("log", "lab", "vitamin-d", "25", "ng/mL").code == 0
    assert query(aij_home, "SELECT value, unit FROM lab_result") == [(62.4, "nmol/L")]
    listed = json.loads(aij("labs", "--json").out)
    (line,) = listed["groups"][0]["results"]
    assert (line["value"], line["unit"], line["ng_ml"]) == (62.4, "nmol/L", 25.0)
    assert "62.4 nmol/L (25 ng/mL)" in aij("labs").out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("dexa", "lumbar-spine=-9"), "-7 to 7"),
        (("vitamin-d", "900", "ng/mL"), "1 to 250 ng/mL"),
        (("vitamn-d", "62", "nmol/L"), "did you mean vitamin-d"),
        (("dexa", "total-hp=-1"), "did you mean total-hip"),
        (("calcium", "2.4"), "unit"),
        (("ferritin", "45", "ug/L", "--lsc", "total-hip=0.03"), "--lsc goes with a DEXA"),
    ],
)
def test_bad_lab_input_exits_2_and_changes_nothing(
    aij: Run, aij_home: Path, args: tuple[str, ...], says: str
) -> None:
    assert aij("log", "lab", "ferritin", "45", "ug/L").code == 0
    before = snapshot(aij_home)
    done = aij("log", "lab", *args)
    assert done.code == 2
    assert says in done.err
    assert len(done.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == before


def test_entries_rm_and_undo_work_on_labs(aij: Run, aij_home: Path) -> None:
    saved = json.loads(aij("log", "lab", "calcium", "9.6", "mg/dL", "--json").out)
    entry_id = saved["saved"][0]["id"]
    assert "calcium 2.4 mmol/L (9.6 mg/dL)" in aij("entries").out  # 2.3952 shown to 2
    assert aij("rm", entry_id, "--yes").code == 0
    assert query(aij_home, "SELECT count(*) FROM lab_result") == [(0,)]  # cascaded
    assert aij("undo", "--yes").code == 0
    assert query(aij_home, "SELECT value, unit FROM lab_result") == [(2.3952, "mmol/L")]


def test_bone_shows_change_between_scans_and_the_lsc_by_hand(aij: Run) -> None:
    _log_two_scans(aij)
    result = json.loads(aij("bone", "--json").out)
    spine, hip = result["sites"]
    assert spine["site"] == "lumbar-spine"
    later = spine["scans"][1]
    # -2.5 - (-2.1) = -0.4; 0.870 - 0.912 = -0.042 g/cm2 = -4.61% of 0.912; LSC 0.03: larger
    assert (later["t_score_change"], later["bmd_change_g_cm2"]) == (-0.4, -0.042)
    assert (later["bmd_change_percent"], later["larger_than_lsc"]) == (-4.61, True)
    assert [s["who_category"] for s in hip["scans"]] == ["normal", "osteopenia"]
    assert hip["scans"][1]["t_score_change"] == -0.05
    assert hip["scans"][1]["larger_than_lsc"] is None  # no BMD, no LSC at the hip
    shown = aij("bone").out
    assert "WHO category on this scan: osteoporosis" in shown
    assert "larger than the least significant change you entered" in shown
    assert "No vitamin D result logged yet" in shown


def test_bone_periods_count_sessions_and_target_days_by_hand(aij: Run) -> None:
    _log_two_scans(aij)
    day = (TODAY - timedelta(days=10)).isoformat()
    assert aij("log", "ex", "goblet-squat", "3x10", "-d", day).code == 0
    assert aij("log", "ex", "jumping-jacks", "50", "-d", day).code == 0
    assert aij("log", "supp", "vitamin-d3-1000", "-d", day).code == 0
    periods = json.loads(aij("bone", "--json").out)["periods"]
    assert [p["start"] for p in periods] == [SCAN1, SCAN2]
    last = periods[1]
    # SCAN2 is TODAY - 30: 31 days, 31 / 7 = 4.43 weeks; 1 resistance day, 1 impact day
    assert (last["end"], last["weeks"]) == (TODAY.isoformat(), 4.4)
    assert (last["resistance_sessions"], last["impact_sessions"]) == (1, 1)
    assert last["resistance_per_week"] == round(1 / (31 / 7), 1) == 0.2
    # one day with intake: 1000 IU = 25 ug vitamin D meets the 20 ug target; no calcium
    assert last["vitamin_d"] == {"days_logged": 1, "days_met": 1, "percent": 100.0}
    assert last["calcium"] == {"days_logged": 1, "days_met": 0, "percent": 0.0}
    assert periods[0]["calcium"]["days_logged"] == 0


def test_an_empty_journal_says_what_is_missing(aij: Run) -> None:
    done = aij("bone")
    assert done.code == 0
    assert "No DEXA scan logged yet: aij log lab dexa" in " ".join(done.out.split())
    assert json.loads(aij("bone", "--json").out)["periods"] == []


@pytest.mark.sqlite_only(reason="migrates journal-v5.db, a SQLite file an older aij wrote")
def test_the_v5_fixture_migrates_to_lab_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(FIXTURES / "journal-v5.db", home / "journal.db")
    # The v5 columns: later migrations add others (the journal of #13).
    columns = "SELECT id, day, kind, created_at, updated_at FROM entry"
    before = sqlite3.connect(FIXTURES / "journal-v5.db").execute(columns).fetchall()
    done = run_subprocess("log", "lab", "vitamin-d", "62", "nmol/L", home=home)
    assert done.code == 0, done.err
    assert query(home, "SELECT max(version) FROM schema_version") == [(LATEST,)]
    assert set(before) <= set(query(home, columns))
    assert query(home, "SELECT value, unit FROM lab_result") == [(62.0, "nmol/L")]


def test_labs_round_trip_byte_identical_through_json_and_csv(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    _log_two_scans(aij)
    assert aij("log", "lab", "vitamin-d", "25", "ng/mL").code == 0
    assert aij("log", "lab", "ferritin", "45", "ug/L").code == 0
    for kind, name in (("json", "j.json"), ("csv", "c")):
        first, second, other = tmp_path / name, tmp_path / f"2-{name}", tmp_path / f"o-{kind}"
        assert aij("export", kind, "--out", str(first)).code == 0
        imported = aij("--home", str(other), "import", str(first))
        assert imported.code == 0, imported.err
        assert aij("--home", str(other), "export", kind, "--out", str(second)).code == 0
        files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
        if kind == "json":
            assert first.read_bytes() == second.read_bytes()
            assert '"lab_result"' in first.read_text()
        else:
            assert Path("lab_results.csv") in files
            assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_import_refuses_a_hostile_lab_value(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    assert aij("log", "lab", "vitamin-d", "62", "nmol/L").code == 0
    path = tmp_path / "j.json"
    assert aij("export", "json", "--out", str(path)).code == 0
    data = json.loads(path.read_text())
    rows = data["tables"]["lab_result"]
    text = json.dumps(data).replace("62.0", "6200.0") if "62.0" in json.dumps(rows) else None
    assert text is not None
    path.write_text(text)
    other = tmp_path / "other"
    done = aij("--home", str(other), "import", str(path))
    assert done.code == 2
    assert "vitamin D" in done.err
    assert not (other / "journal.db").exists() or query(other, "SELECT count(*) FROM entry") == [
        (0,)
    ]
