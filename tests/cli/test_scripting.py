"""For scripts and the shell: --json on the log commands and `checkin --list`, `aij log note -`,
an example in every command's help, completion of ids (issue #10, items 20 and 21)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, query, run_subprocess, snapshot, subprocess_env

pytestmark = pytest.mark.dates

LOGS = [
    (("log", "joint-pain=6", "--where", "knees"), ["joint-pain 6", "sites knees"]),
    (("log", "weight", "68.2"), ["weight 68.2 kg"]),
    (("log", "waist", "84"), ["waist 84 cm"]),
    (("log", "sleep", "7:30", "--quality", "8"), ["sleep 7.5 h, quality 8"]),
    (("log", "mind", "15"), ["mind-body 15 min"]),
    (("log", "note", "hot night"), ["note"]),
    (("log", "ex", "brisk-walk", "35m", "--rpe", "5"), None),
    (("log", "meal", "oats 40g", "--slot", "breakfast"), None),
    (("log", "supp", "vitamin-d3-1000"), None),
    (("log", "question", "Is the dose right?"), ["question"]),
    (("checkin", "joint-pain.severity=2"), None),
]


@pytest.mark.parametrize(("args", "what"), LOGS, ids=lambda a: " ".join(a) if a else "")
def test_json_prints_the_ids_written(
    aij: Run, aij_home: Path, args: tuple[str, ...], what: list[str] | None
) -> None:
    result = aij(*args, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["date"] == TODAY.isoformat()
    rows = query(aij_home, "SELECT id, day FROM entry ORDER BY created_at")
    assert [item["id"] for item in data["saved"]] == [row[0] for row in rows]
    assert {row[1] for row in rows} == {TODAY.isoformat()}
    assert all(item["replaced"] is None for item in data["saved"])
    if what is not None:
        assert [item["what"] for item in data["saved"]] == what


def test_json_of_a_dose_and_of_a_replaced_value(aij: Run, aij_home: Path) -> None:
    assert aij("config", "set", "medications", "letrozole 2.5 mg").code == 0
    first = json.loads(aij("log", "med", "--json").out)
    again = json.loads(aij("log", "med", "--skipped", "--reason", "nausea", "--json").out)
    assert first["saved"][0]["what"] == "letrozole 2.5 mg taken"
    assert again["saved"] == [
        {"id": first["saved"][0]["id"], "what": "letrozole 2.5 mg skipped", "replaced": "taken"}
    ]
    assert query(aij_home, "SELECT taken, reason FROM medication_dose") == [(0, "nausea")]
    yesterday = json.loads(aij("log", "-d", "yesterday", "stress=3", "--json").out)
    assert yesterday["date"] == TODAY.fromordinal(TODAY.toordinal() - 1).isoformat()


def test_json_is_the_whole_output_and_errors_stay_one_line(aij: Run, aij_home: Path) -> None:
    result = aij("log", "joint-pain=11", "--json")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("aij: joint-pain=11 is outside its range 0-10")
    assert not aij_home.exists()


def test_checkin_list_as_json(aij: Run, aij_home: Path) -> None:
    data = json.loads(aij("checkin", "--list", "--json").out)
    assert data["source"] == "NCI PRO-CTCAE (recall: the last 7 days)"
    by_key = {q["key"]: q for q in data["questions"]}
    pain = by_key["joint-pain.severity"]
    assert pain["question"].startswith("In the last 7 days, what was the SEVERITY of your")
    assert [a["value"] for a in pain["answers"]] == [0, 1, 2, 3, 4]
    assert pain["answers"][0]["label"] == "None"
    assert by_key["hot-flashes.frequency"]["answers"][4]["label"] == "Almost constantly"
    assert not aij_home.exists()


def test_a_note_from_standard_input(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-m", "aijournal", "log", "note", "-", "--json"],
        input="slept badly\nhot night\n",
        capture_output=True,
        text=True,
        env=subprocess_env(home, COLUMNS="80"),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    saved = json.loads(done.stdout)["saved"]
    assert query(home, "SELECT entry_id, text FROM note") == [
        (saved[0]["id"], "slept badly\nhot night")
    ]


def test_an_empty_standard_input_is_no_note(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "stress=1", home=home).code == 0
    before = snapshot(home)
    result = run_subprocess("log", "note", "-", home=home)  # standard input: /dev/null
    assert result.code == 2
    assert result.err == "aij: standard input held no note; pipe some text into aij log note -\n"
    assert snapshot(home) == before


def _commands() -> list[tuple[str, ...]]:
    import typer

    from aijournal.cli import app

    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", {})
        if not subs or path == ("log",):
            found.append(path)
        for name, sub in subs.items():
            if not getattr(sub, "hidden", False):
                walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_command_shows_examples_that_fit_80_columns(
    aij: Run, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = aij(*path, "--help").out
    assert "Examples:\n\n" in text, text
    examples = text.split("Examples:\n\n")[1].split("\n\n")[0].splitlines()
    assert 1 <= len(examples) <= 2
    assert examples[0].startswith(f"    aij {' '.join(path)}")
    assert all(line.startswith("    ") and len(line) <= 80 for line in examples), examples


def test_the_command_list_covers_the_issue() -> None:
    paths = {" ".join(p) for p in _commands()}
    for name in ("log", "log ex", "log note", "day", "undo", "plan new", "today", "checkin"):
        assert name in paths
    assert {"foods show", "foods recipe add", "visit add", "question done"} <= paths


def _complete(words: str) -> tuple[list[str], str]:
    """What bash completion offers for ``words`` (a real process), and the modules it loaded."""
    from tests.cli.test_startup import loaded_heavy_modules

    cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    env = {"_AIJ_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
    heavy = loaded_heavy_modules(env=env)
    done = subprocess.run(
        [sys.executable, "-m", "aijournal"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    return done.stdout.split(), ",".join(heavy)


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("aij log joint", ["joint-pain="]),
        ("aij log joint-pain=5 stiff", ["stiffness="]),
        ("aij log ex goblet", ["goblet-squat"]),
        ("aij log supp calcium-carbonate-6", ["calcium-carbonate-600"]),
        ("aij foods show sardines-canned-o", ["sardines-canned-oil"]),
        ("aij plan use acsm", ["acsm-2019"]),
        ("aij plan new mine --from muscul", ["musculoskeletal"]),
        ("aij plan show hope", ["hope-trial"]),
    ],
)
def test_completion_offers_ids_without_the_database_stack(words: str, offered: list[str]) -> None:
    found, heavy = _complete(words)
    assert found == offered
    assert heavy == ""


def test_log_completion_still_offers_its_subcommands() -> None:
    found, _ = _complete("aij log m")
    assert found[:3] == ["med", "mind", "meal"]
    assert "memory=" in found
