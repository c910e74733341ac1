"""#10 acceptance: the README's tour works as written after the Quick start.

Every command of the tour's code blocks is typed into a shell (bash, on a terminal: `script`),
in order, as a newcomer would after the Quick start's `aij log`: `aij` on the PATH, the
journal in its default place under a fresh HOME (so `~/.local/share/aij/...` in the tour is
where it is), "today" frozen. The two entry ids of the tour are examples; they stand for the
joint-pain rating the tour logs and a breakfast with oats logged before the tour.
"""

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import TODAY

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE_RATING, EXAMPLE_MEAL = "7d6ww5", "k3m9qa"
# Known gap, for the README's owner to close (this file may not edit it): the tour edits the
# recipe porridge one line before it adds it. Once `recipe add` comes first, empty this.
README_ORDER: dict[str, str] = {}

pytestmark = pytest.mark.sqlite_only(reason="the tour's journal in its default place")


def tour_lines() -> list[str]:
    """The shell lines of the tour's `sh` blocks (from '## A tour' to the next '## ')."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## A tour$(.*?)(?=^## )", text, re.S | re.M)
    assert match is not None
    return [
        line
        for block in re.findall(r"```sh\n(.*?)```", match.group(1), re.S)
        for line in block.splitlines()
        if line.strip().startswith("aij")
    ]


def typed(home: Path, line: str, answers: str) -> subprocess.CompletedProcess[str]:
    """``line`` typed into bash on a terminal, with ``answers`` typed after it."""
    return subprocess.run(
        ["script", "-qec", f"bash --norc --noprofile -c {_quoted(line)}", "/dev/null"],
        input=answers,
        capture_output=True,
        text=True,
        env={
            "HOME": str(home),
            "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "AIJ_TODAY": TODAY.isoformat(),
            "TERM": "dumb",
            "COLUMNS": "100",
        },
        cwd=home,
        timeout=120,
    )


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def test_the_tour_lines_are_found() -> None:
    lines = tour_lines()
    assert len(lines) > 40
    assert lines[0].startswith("aij log ") and "# the guided check-in" in lines[0]


def test_the_readme_tour_works_as_written(tmp_path: Path) -> None:
    home = tmp_path / "newcomer"
    home.mkdir()
    journal = home / ".local" / "share" / "aij" / "journal.db"
    # The Quick start's `aij log`: the welcome's two questions, then Enter on every question.
    first = typed(home, "aij log", "letrozole\n" + "\n" * 40)
    assert first.returncode == 0, first.stdout[-1500:]
    assert (home / ".config" / "aij" / "config.yaml").exists() or journal.parent.exists()
    breakfast = typed(home, 'aij log meal "oats 40g" --slot breakfast', "")
    assert breakfast.returncode == 0, breakfast.stdout
    assert journal.exists()
    failed = []
    for line in tour_lines():
        if EXAMPLE_RATING in line or EXAMPLE_MEAL in line:
            with sqlite3.connect(journal) as db:
                rating = db.execute(
                    "SELECT entry_id FROM symptom_rating WHERE name = 'joint-pain'"
                ).fetchone()[0]
                meal = db.execute("SELECT entry_id FROM meal").fetchone()[0]
            line = line.replace(EXAMPLE_RATING, rating).replace(EXAMPLE_MEAL, meal)
        # "y" answers the confirmations (rm, undo); Enter skips a guided question.
        asks = line.startswith(("aij rm ", "aij undo"))
        done = typed(home, line, "y\n" if asks else "\n" * 40)
        command = line.split("  #")[0].strip()
        if command in README_ORDER:
            assert done.returncode == 2 and README_ORDER[command] in done.stdout, done.stdout
            continue
        if done.returncode != 0 or "aij: " in done.stdout:
            failed.append(f"{line}\n    -> exit {done.returncode}: {done.stdout.strip()[-300:]}")
    assert not failed, "\n".join(failed)
