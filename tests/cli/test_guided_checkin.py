"""The guided check-ins on a real terminal: Enter never records, a re-run shows and keeps what
is logged, tracked questions only, NCI's weekly wording and branching."""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tests.helpers import TODAY, query, run_subprocess, subprocess_env


def on_a_terminal(home: Path, command: str, answers: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["script", "-qec", f"{sys.executable} -m aijournal {command}", "/dev/null"],
        input="\n".join(answers) + "\n",
        capture_output=True,
        text=True,
        env=subprocess_env(home, PATH="/usr/bin:/bin", TERM="dumb", COLUMNS="200"),
        timeout=60,
    )


def screen(done: subprocess.CompletedProcess[str]) -> str:
    """What the terminal showed, with its line wrapping undone."""
    return " ".join(done.stdout.split())


def a_home(tmp_path: Path, config: str) -> Path:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "config.yaml").write_text(config)
    return home


LETROZOLE = "medications:\n  - name: letrozole\n    dose: 2.5 mg\n"


def day(home: Path) -> dict:  # type: ignore[type-arg]
    shown = run_subprocess("day", "--json", home=home)
    assert shown.code == 0, shown.err
    return json.loads(shown.out)  # type: ignore[no-any-return]


def test_enter_on_every_question_records_nothing(tmp_path: Path) -> None:
    home = a_home(tmp_path, LETROZOLE)
    done = on_a_terminal(home, "log", [""] * 30)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Did you take letrozole 2.5 mg today? (yes/no; Enter skips)" in screen(done)
    assert "Nothing new to save." in screen(done)
    assert not (home / "journal.db").exists() or query(home, "SELECT count(*) FROM entry") == [(0,)]


def test_a_re_run_shows_and_keeps_what_is_logged(tmp_path: Path) -> None:
    home = a_home(tmp_path, LETROZOLE)
    assert run_subprocess("log", "med", "--skipped", "--reason", "nausea", home=home).code == 0
    logged = ["joint-pain=5", "sleep=6.5", "weight=68.2", "--where", "knees"]
    assert run_subprocess("log", *logged, home=home).code == 0
    before = query(home, "SELECT id, updated_at FROM entry ORDER BY id")
    done = on_a_terminal(home, "log", [""] * 30)
    assert done.returncode == 0, done.stdout[-2000:]
    out = screen(done)
    assert "(0-10 numeric rating, 0 = none, 10 = worst imaginable; logged: 5; Enter keeps" in out
    assert "logged: knees; Enter keeps it" in out
    assert "(yes/no; logged: skipped (nausea); Enter keeps it)" in out
    assert "logged: 6.5 h; Enter keeps it" in out
    assert "logged: 68.2 kg; Enter keeps it" in out
    assert "Nothing new to save." in out
    assert query(home, "SELECT id, updated_at FROM entry ORDER BY id") == before
    (dose,) = day(home)["medications"]
    assert (dose["taken"], dose["reason"]) == (False, "nausea")


def test_answering_no_again_keeps_the_logged_reason(tmp_path: Path) -> None:
    home = a_home(tmp_path, LETROZOLE + "tracked: [medication]\n")
    assert run_subprocess("log", "med", "--skipped", "--reason", "nausea", home=home).code == 0
    done = on_a_terminal(home, "log", ["no", ""])
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Why not? (a few words; logged: nausea; Enter keeps it)" in screen(done)
    (dose,) = day(home)["medications"]
    assert (dose["taken"], dose["reason"]) == (False, "nausea")


def test_only_the_tracked_questions_are_asked(tmp_path: Path) -> None:
    home = a_home(tmp_path, LETROZOLE + "units: imperial\n")
    set_ = run_subprocess("config", "set", "tracked", "weight,joint-pain,medication", home=home)
    assert set_.code == 0, set_.err
    # In check-in order: joint pain 0 (so no sites), the dose, the weight in lb.
    done = on_a_terminal(home, "log", ["0", "yes", "151"])
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Weight (lb; 68kg works too; Enter skips)" in screen(done)
    for unasked in ("Where does it hurt", "morning stiffness", "Hours of sleep", "note"):
        assert unasked not in screen(done)
    data = day(home)
    assert data["symptoms"] == {"joint-pain": 0}
    assert data["medications"][0]["taken"] is True
    assert data["body"]["weight_kg"] == 68.492  # 151 x 0.45359237
    assert "weight 151 lb" in screen(done)


def test_no_hot_flash_severity_after_no_hot_flashes(tmp_path: Path) -> None:
    home = a_home(tmp_path, "tracked: [hot-flashes, hot-flash-severity, stress]\n")
    done = on_a_terminal(home, "log", ["0", "3"])
    assert done.returncode == 0, done.stdout[-2000:]
    assert "hot flashes (0 none" not in screen(done)
    assert day(home)["symptoms"] == {"hot-flashes": 0, "stress": 3}
    # With hot flashes, their severity is asked.
    done = on_a_terminal(home, "log", ["2", "1", ""])
    assert "hot flashes (0 none, 1 mild" in screen(done)
    assert day(home)["symptoms"] == {"hot-flashes": 2, "hot-flash-severity": 1, "stress": 3}


def test_the_check_in_says_what_exercise_and_meals_the_day_holds(tmp_path: Path) -> None:
    # #10.10: the check-in mentions exercise and meals. Logged here: one walk, two meals and a
    # supplement (a supplement is no meal): "1 exercise session, 2 meals".
    home = a_home(tmp_path, LETROZOLE)
    for logged in (
        ("log", "ex", "brisk-walk", "30m"),
        ("log", "meal", "oats 40g", "--slot", "breakfast"),
        ("log", "meal", "banana", "--slot", "lunch"),
        ("log", "supp", "vitamin-d3-1000"),
    ):
        assert run_subprocess(*logged, home=home).code == 0
    done = on_a_terminal(home, "log", [""] * 30)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Also this day: 1 exercise session, 2 meals (aij log ex, aij log meal)" in screen(done)


def test_tracked_refusals(tmp_path: Path) -> None:
    home = a_home(tmp_path, "")
    result = run_subprocess("config", "set", "tracked", "joint-pain,slep", home=home)
    assert result.code == 2
    assert "'slep' is not a check-in question (did you mean sleep?)" in result.err
    assert (home / "config.yaml").read_text() == ""
    (home / "config.yaml").write_text("tracked: [fatige]\n")
    result = run_subprocess("log", "stress=1", home=home)
    assert result.code == 2
    assert "fatige" in result.err and "did you mean fatigue" in result.err


def test_weekly_check_in_in_nci_words_with_nci_branching(tmp_path: Path) -> None:
    home = a_home(tmp_path, "")
    # Aching joints: never (so no severity or interference); aching muscles: rarely, then
    # severity none (so no interference); Enter skips everything else.
    done = on_a_terminal(home, "checkin", ["0", "1", "0"] + [""] * 20)
    assert done.returncode == 0, done.stdout[-2000:]
    out = screen(done)
    assert (
        "In the last 7 days, how OFTEN did you have ACHING JOINTS (SUCH AS ELBOWS, KNEES, "
        "SHOULDERS)?" in out
    )
    assert "0 Never, 1 Rarely, 2 Occasionally, 3 Frequently, 4 Almost constantly" in out
    assert "SEVERITY of your ACHING JOINTS" not in out
    assert "ACHING MUSCLES INTERFERE" not in out
    assert "In the last 7 days, what was the SEVERITY of your ACHING MUSCLES at their WORST?" in out
    rows = query(home, "SELECT item, attribute, value FROM checkin_answer ORDER BY position")
    assert rows == [
        ("joint-pain", "frequency", 0),
        ("aching-muscles", "frequency", 1),
        ("aching-muscles", "severity", 0),
    ]


def test_enter_on_every_weekly_question_records_nothing_and_is_no_failure(
    tmp_path: Path,
) -> None:
    # As the daily check-in: Enter skips, so Enter on all of them saves nothing, exit 0
    # (it was exit 1, "no answers; nothing was saved", as if something had gone wrong).
    home = a_home(tmp_path, "")
    assert run_subprocess("log", "note", "a first entry", home=home).code == 0
    done = on_a_terminal(home, "checkin", [""] * 40)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Nothing new to save." in screen(done)
    assert "aij:" not in done.stdout
    assert query(home, "SELECT count(*) FROM checkin_answer") == [(0,)]


def test_config_set_tracked_says_what_is_asked(tmp_path: Path) -> None:
    home = a_home(tmp_path, "")
    result = run_subprocess("config", "set", "tracked", "sleep, joint-pain", home=home)
    assert result.out.startswith("tracked: joint-pain, sleep\nsaved to")
    result = run_subprocess("config", "set", "tracked", "all", home=home)
    assert result.out.startswith("tracked: all\nsaved to")


def test_the_first_run_asks_about_what_the_timeline_says_is_due(tmp_path: Path) -> None:
    """A journal with a timeline and no config.yaml (#14): the medication is not asked; the
    dose question is about the timeline's letrozole (exemestane since the switch)."""
    home = tmp_path / "home"
    start = (TODAY - timedelta(days=100)).isoformat()
    switch = (TODAY - timedelta(days=10)).isoformat()
    for args in (
        ("med", "start", "letrozole", "--dose", "2.5 mg", "--date", start),
        ("med", "switch", "letrozole", "exemestane", "--dose", "25 mg", "--date", switch),
    ):
        assert run_subprocess(*args, home=home).code == 0
    assert not (home / "config.yaml").exists()
    # targets 3 (women 51-70), then every question skipped.
    done = on_a_terminal(home, "log", ["3", *[""] * 30])
    shown = screen(done)
    assert done.returncode == 0, shown[-2000:]
    assert "Which aromatase inhibitor" not in shown
    assert "Your medication timeline says: exemestane 25 mg" in shown
    assert "Did you take exemestane 25 mg today?" in shown
    config = json.loads(run_subprocess("config", "show", "--json", home=home).out)
    assert (config["medications"], config["profile"]) == ([], "women-51-70")
