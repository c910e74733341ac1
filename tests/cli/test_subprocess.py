"""End to end through real processes, run outside the repository (as an installed user would)."""

import json
import re
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers import TODAY, query, run_subprocess, snapshot, subprocess_env

pytestmark = pytest.mark.dates


@pytest.mark.sqlite_only
def test_log_then_day_in_real_processes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    logged = run_subprocess("log", "joint-pain=6", "--date", "yesterday", home=home, cwd=elsewhere)
    assert logged.code == 0, logged.err
    shown = run_subprocess("day", "yesterday", "--json", home=home, cwd=elsewhere)
    data = json.loads(shown.out)
    assert data["date"] == (TODAY - timedelta(days=1)).isoformat()
    assert data["symptoms"]["joint-pain"] == 6
    assert (home / "journal.db").stat().st_mode & 0o777 == 0o600


def test_an_error_is_one_line_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_subprocess("log", "joint-pain=11", home=home)
    assert result.code == 2
    assert result.err.strip() == (
        "aij: joint-pain=11 is outside its range 0-10 (worst joint pain, last 24 h; 0-10 "
        "numeric rating, 0 = none, 10 = worst imaginable)"
    )
    assert "Traceback" not in result.err


def test_two_terminals_writing_at_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_subprocess("log", "stress=1", home=home).code == 0
    before = snapshot(home)
    results = []

    def write(n: int) -> None:
        results.append(run_subprocess("log", "note", f"writer {n}", home=home).code)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0] * 6
    assert before != snapshot(home)
    assert query(home, "SELECT count(*) FROM note") == [(6,)]


def test_ctrl_c_in_the_guided_check_in_saves_nothing(tmp_path: Path) -> None:
    """Drive the real guided check-in on a pseudo-terminal: answer, then press Ctrl-C."""
    import os
    import pty
    import select
    import signal
    import time

    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "config.yaml").write_text("medications: []\n")
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real aij on a terminal, SIGINT at its default
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.environ["AIJ_HOME"] = str(home)
        os.environ["AIJ_TODAY"] = TODAY.isoformat()
        os.execv(sys.executable, [sys.executable, "-m", "aijournal", "log"])
    screen = b""

    def read_some() -> bool:
        """Read what the child wrote within 0.1 s; False once the terminal is closed."""
        nonlocal screen
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                screen += os.read(fd, 4096)
            except OSError:
                return False
        return True

    def wait_for(text: bytes) -> None:
        """Read until ``text`` shows (at most 60 s, so a silent child never hangs the test)."""
        deadline = time.monotonic() + 60
        while text not in screen and time.monotonic() < deadline and read_some():
            pass
        if text not in screen:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"{text!r} never showed; the terminal read: {screen[-400:]!r}")

    wait_for(b"worst joint pain")
    os.write(fd, b"7\r")
    wait_for(b"Where does it hurt")
    os.write(fd, b"knees\r")
    wait_for(b"morning stiffness")
    # Ctrl-C as a person presses it: the terminal sends SIGINT to aij. A SIGINT that lands
    # after the prompt is written but before Python blocks reading the line is only acted on
    # once the read returns (CPython's input() cannot see it until then; a busy machine
    # widens that moment), so, as a person who sees nothing happen would, press it again
    # every 5 seconds. Keep reading while waiting, so the child never blocks on a full
    # terminal.
    deadline = time.monotonic() + 60
    pressed = 0.0
    waited, status = 0, 0
    while waited == 0 and time.monotonic() < deadline:
        if time.monotonic() - pressed >= 5:
            os.write(fd, b"\x03")
            pressed = time.monotonic()
        read_some()
        waited, status = os.waitpid(pid, os.WNOHANG)
    if waited == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail(f"aij did not stop on Ctrl-C within 60 s; the terminal read: {screen[-400:]!r}")
    while read_some() and b"nothing was saved" not in screen:
        pass
    assert os.waitstatus_to_exitcode(status) == 130
    # On a line of its own (in red on a terminal), not after the open prompt.
    assert re.search(rb"\r\n(\x1b\[31m)?aij: stopped; nothing was saved", screen)
    assert not (home / "journal.db").exists() or query(home, "SELECT count(*) FROM entry") == [(0,)]


def test_guided_check_in_saves_what_was_answered(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "config.yaml").write_text("medications:\n  - name: exemestane\n    dose: 25 mg\n")
    answers = "\n".join(
        # pain, sites, stiffness; 8 severities, hot flashes, their severity, stress skipped;
        # the dose; sleep, quality; mind, weight, waist skipped; the note.
        ["4", "hands", "20"] + [""] * 11 + ["no", "tired", "6.5", "7", "", "", "", "slow day"]
    )
    done = subprocess.run(
        ["script", "-qec", f"{sys.executable} -m aijournal log", "/dev/null"],
        input=answers + "\n",
        capture_output=True,
        text=True,
        env=subprocess_env(home, PATH="/usr/bin:/bin", TERM="dumb"),
        timeout=60,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    shown = run_subprocess("day", "--json", home=home)
    data = json.loads(shown.out)
    assert data["symptoms"] == {"joint-pain": 4, "stiffness": 20}
    assert data["sites"] == ["hands"]
    assert data["medications"][0]["taken"] is False
    assert data["medications"][0]["reason"] == "tired"
    assert data["sleep"] == {"hours": 6.5, "quality": 7}
    assert data["notes"] == ["slow day"]


def test_the_first_run_asks_for_medication_and_targets(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # exemestane; targets 3 (the third profile listed, women 51-70); then skip everything.
    answers = "\n".join(["exemestane", "3"] + [""] * 30)
    done = subprocess.run(
        ["script", "-qec", f"{sys.executable} -m aijournal log", "/dev/null"],
        input=answers + "\n",
        capture_output=True,
        text=True,
        env=subprocess_env(home, PATH="/usr/bin:/bin", TERM="dumb"),
        timeout=60,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    shown = json.loads(run_subprocess("config", "show", "--json", home=home).out)
    assert shown["medications"] == [{"name": "exemestane", "dose": "25 mg", "schedule": "daily"}]
    assert shown["profile"] == "women-51-70"


def _on_a_terminal(
    home: Path, command: str, answers: list[str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["script", "-qec", f"{sys.executable} -m aijournal {command}", "/dev/null"],
        input="\n".join(answers) + "\n",
        capture_output=True,
        text=True,
        env=subprocess_env(home, PATH="/usr/bin:/bin", TERM="dumb"),
        timeout=60,
    )


def test_guided_meal_searches_as_you_type(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # An id matches one food; its amount; then Enter ends the meal.
    done = _on_a_terminal(home, "log meal", ["sardines-canned-oil", "100g", ""])
    assert done.returncode == 0, done.stdout[-2000:]
    data = json.loads(run_subprocess("day", "--json", home=home).out)
    assert data["nutrients"]["calcium_mg"]["food"] == 382.0  # SR28 15088, 100 g


def test_guided_meal_default_count_is_one_single_item_never_a_cup(tmp_path: Path) -> None:
    # #9.2: the guided log's default "(1)" for honey saved a cup. SR28 WEIGHT.txt for 19296:
    # ~19296~^1^1^~cup~^339, ~19296~^3^1^~packet (0.5 oz)~^14.0: Enter on the amount is one
    # packet, 14 g, not 339 g.
    home = tmp_path / "home"
    done = _on_a_terminal(home, "log meal", ["honey", "1", "", ""])
    assert done.returncode == 0, done.stdout[-2000:]
    data = json.loads(run_subprocess("day", "--json", home=home).out)
    (item,) = data["meals"][0]["items"]
    assert (item["food_id"], item["grams"]) == ("honey", 14.0)


def test_guided_exercise_offers_the_planned_session(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # Enter takes the plan's session for today; effort 6.
    done = _on_a_terminal(home, "log ex", ["", "6"])
    data = json.loads(run_subprocess("day", "--json", home=home).out)
    weekday = TODAY.weekday()
    if weekday == 6:  # Sunday is the plan's rest day: nothing to take
        assert done.returncode != 0 and data["exercise"] == []
        return
    assert done.returncode == 0, done.stdout[-2000:]
    (session,) = data["exercise"]
    assert session["rpe"] == 6
    first = session["items"][0]["exercise"]
    expected_first = [
        "goblet-squat",
        "brisk-walk",
        "stretching",
        "romanian-deadlift",
        "brisk-walk",
        "stretching",
    ][weekday]
    assert first == expected_first
