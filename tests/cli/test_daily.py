"""log, day, entries, edit, rm and config: end to end, in process."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, query, snapshot

pytestmark = pytest.mark.dates

YESTERDAY = TODAY - timedelta(days=1)


def day_json(aij: Run, when: str = "today") -> dict:  # type: ignore[type-arg]
    result = aij("day", "--date", when, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


@pytest.mark.sqlite_only
def test_log_yesterday_then_read_it_back(aij: Run, aij_home: Path) -> None:
    assert aij("log", "joint-pain=6", "--date", "yesterday").code == 0
    data = day_json(aij, "yesterday")
    assert data["date"] == YESTERDAY.isoformat()
    assert data["symptoms"] == {"joint-pain": 6}
    assert (aij_home / "journal.db").stat().st_mode & 0o777 == 0o600
    assert aij_home.stat().st_mode & 0o777 == 0o700
    assert day_json(aij, "today")["symptoms"] == {}


def test_the_issue_example_line(aij: Run) -> None:
    result = aij(
        "log",
        "joint-pain=6",
        "stiffness=30",
        "hot-flashes=4",
        "sleep=6.5",
        "--where",
        "knees,hands",
        "--note",
        "after gardening",
    )
    assert result.code == 0, result.err
    data = day_json(aij)
    assert data["symptoms"] == {"joint-pain": 6, "stiffness": 30, "hot-flashes": 4}
    assert data["sites"] == ["hands", "knees"]
    assert data["sleep"] == {"hours": 6.5, "quality": None}
    assert data["notes"] == ["after gardening"]
    assert data["body"] == {"weight_kg": None, "waist_cm": None}
    assert data["mind_minutes"] is None


def test_logging_a_symptom_again_replaces_it_and_says_so(aij: Run, aij_home: Path) -> None:
    aij("log", "joint-pain=6")
    result = aij("log", "joint-pain=4")
    assert "replaced 6" in result.out
    assert day_json(aij)["symptoms"] == {"joint-pain": 4}
    assert query(aij_home, "SELECT count(*) FROM symptom_rating") == [(1,)]


def test_medication_taken_and_skipped(aij: Run) -> None:
    assert aij("config", "set", "medications", "letrozole").code == 0
    aij("log", "med", "--date", "yesterday")
    aij("log", "med", "--skipped", "--reason", "nausea")
    assert day_json(aij, "yesterday")["medications"] == [
        {
            "name": "letrozole",
            "dose": "2.5 mg",
            "taken": True,
            "reason": None,
            "id": day_json(aij, "yesterday")["ids"]["dose"][0],
        }
    ]
    today = day_json(aij)["medications"][0]
    assert (today["taken"], today["reason"], today["dose"]) == (False, "nausea", "2.5 mg")


def test_body_sleep_mind_and_notes(aij: Run) -> None:
    aij("log", "weight", "150lb")
    aij("log", "waist", "84")
    aij("log", "sleep", "7", "--quality", "8")
    aij("log", "mind", "15")
    aij("log", "mind", "10")
    aij("log", "note", "walked to the market")
    data = day_json(aij)
    assert data["body"] == {"weight_kg": 68.039, "waist_cm": 84}
    assert data["sleep"] == {"hours": 7, "quality": 8}
    assert data["mind_minutes"] == 25
    assert data["notes"] == ["walked to the market"]


def test_entries_edit_and_rm(aij: Run, aij_home: Path) -> None:
    aij("log", "joint-pain=6", "fatigue=2", "-d", "-2d")
    listed = json.loads(aij("entries", "--json").out)
    by_summary = {row["summary"]: row["id"] for row in listed}
    pain_id = by_summary["joint-pain 6"]
    assert aij("edit", pain_id, "value=3").code == 0
    assert day_json(aij, "-2d")["symptoms"]["joint-pain"] == 3
    assert aij("edit", pain_id, "--date", "yesterday").code == 0
    assert day_json(aij, "yesterday")["symptoms"] == {"joint-pain": 3}
    result = aij("rm", by_summary["fatigue 2"], "--yes")
    assert result.code == 0 and "deleted" in result.out
    assert query(aij_home, "SELECT count(*) FROM symptom_rating") == [(1,)]
    assert json.loads(aij("entries", "--json", "--kind", "symptom").out)[0]["id"] == pain_id


@pytest.mark.sqlite_only
def test_config_show_set_and_where(aij: Run, aij_home: Path) -> None:
    assert aij("config", "set", "medications", "anastrozole 1 mg").code == 0
    shown = json.loads(aij("config", "show", "--json").out)
    assert shown["medications"] == [{"name": "anastrozole", "dose": "1 mg", "schedule": "daily"}]
    assert (aij_home / "config.yaml").stat().st_mode & 0o777 == 0o600
    assert str(aij_home / "journal.db") in aij("where").out.replace("\n", "")


@pytest.mark.sqlite_only
def test_home_option_overrides_env(aij: Run, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    assert aij("--home", str(other), "log", "stress=3").code == 0
    assert (other / "journal.db").exists()


def test_symptoms_lists_scales(aij: Run) -> None:
    listed = json.loads(aij("symptoms", "--json").out)
    names = [s["name"] for s in listed]
    assert names[:2] == ["joint-pain", "stiffness"]
    joint = listed[0]
    assert (joint["min"], joint["max"]) == (0, 10)
    assert "hot-flashes" in names and "vaginal-dryness" in names


def test_own_symptom_from_config(aij: Run, aij_home: Path) -> None:
    aij_home.mkdir()
    (aij_home / "config.yaml").write_text(
        "symptoms:\n  - name: headache\n    min: 0\n    max: 10\n    meaning: headache, 0-10\n"
    )
    assert aij("log", "headache=4").code == 0
    assert day_json(aij)["symptoms"] == {"headache": 4}
    assert aij("log", "headache=11").code == 2


def test_log_without_arguments_off_a_terminal_says_so_in_one_line(aij: Run) -> None:
    result = aij("log")
    assert result.code == 2
    assert result.out == ""
    assert result.err.strip().splitlines() == [
        "aij: the guided check-in needs a terminal; try: aij log joint-pain=6 sleep=7"
    ]


def test_dash_words_are_arguments_not_options(aij: Run) -> None:
    three_ago = TODAY - timedelta(days=3)
    assert aij("log", "stress=2", "-d", three_ago.isoformat()).code == 0
    result = aij("day", "-3d", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["date"] == three_ago.isoformat()
    assert json.loads(result.out)["symptoms"] == {"stress": 2}
    assert aij("log", "note", "-5 pain today").code == 0
    assert day_json(aij)["notes"] == ["-5 pain today"]


@pytest.mark.sqlite_only
def test_unknown_options_are_still_refused(aij: Run, aij_home: Path) -> None:
    result = aij("day", "--jsn")
    assert result.code == 2
    assert "No such option: --jsn" in result.err
    result = aij("day", "-3")
    assert result.code == 2
    assert "'-3' is not a date" in result.err
    assert not (aij_home / "journal.db").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "joint-pain", "5"), "a rating is NAME=VALUE: aij log joint-pain=5"),
        (("log", "fatigue", "2", "-d", "yesterday"), "aij log fatigue=2"),
        (("log", "sleep", "7x"), "7, 7.5, 7h, 7h30 or 7:30"),
        (("log", "weight", "-5"), "weight '-5' is not a number"),
    ],
)
def test_near_misses_get_the_accepted_form(
    aij: Run, aij_home: Path, args: tuple[str, ...], message: str
) -> None:
    aij("log", "stress=1")
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == before


def test_sleep_and_weight_as_people_type_them(aij: Run) -> None:
    assert aij("log", "sleep", "7h").code == 0
    assert day_json(aij)["sleep"]["hours"] == 7
    assert aij("log", "sleep", "7:30").code == 0
    assert day_json(aij)["sleep"]["hours"] == 7.5
    assert aij("log", "weight", "68,2").code == 0
    assert day_json(aij)["body"]["weight_kg"] == 68.2


def test_imperial_units_are_read_and_shown(aij: Run) -> None:
    assert aij("config", "set", "units", "imperial").code == 0
    result = aij("log", "weight", "151")
    assert result.code == 0, result.err
    # 151 lb x 0.45359237 kg/lb = 68.492 kg stored; shown back as 151 lb.
    assert "weight 151 lb" in result.out
    assert day_json(aij)["body"]["weight_kg"] == 68.492
    assert aij("log", "waist=33").code == 0
    assert day_json(aij)["body"]["waist_cm"] == 83.82  # 33 x 2.54
    shown = aij("day").out
    assert "151 lb" in shown and "33 in" in shown
    assert "kg" not in shown
    replaced = aij("log", "weight", "68kg").out
    assert "weight 149.9 lb" in replaced and "replaced 151 lb" in replaced  # 68 / 0.45359237
    assert aij("config", "set", "units", "metric").code == 0
    assert "weight 70 kg" in aij("log", "weight", "70").out
