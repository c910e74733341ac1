"""`aij import` checks the medication timeline as `aij med` does (#14): the journal's events
with the imported ones must still replay, else the whole import is refused, naming the file,
the row and why, and the journal is left as it was."""

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, snapshot

pytestmark = pytest.mark.dates

EARLY = (TODAY - timedelta(days=300)).isoformat()
LATER = (TODAY - timedelta(days=100)).isoformat()


def ok(aij: Run, *args: str) -> str:
    result = aij(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def _export_of(aij: Run, tmp_path: Path, *events: tuple[str, ...]) -> Path:
    """A CSV export of another journal holding ``events`` and a symptom rating."""
    home = str(tmp_path / "other")
    for event in events:
        ok(aij, "--home", home, "med", *event)
    ok(aij, "--home", home, "log", "joint-pain=3", "-d", LATER)
    out = tmp_path / "other-csv"
    ok(aij, "--home", home, "export", "csv", "--out", str(out))
    return out


def test_a_second_start_of_a_current_medication_refuses_the_whole_import(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    """The journal started letrozole 300 days back; the export starts it again 100 days back.
    By hand: letrozole is current since EARLY, so the export's start does not fit."""
    ok(aij, "med", "start", "letrozole", "--dose", "2.5 mg", "--date", EARLY)
    source = _export_of(aij, tmp_path, ("start", "letrozole", "--date", LATER))
    with (source / "medication_events.csv").open(newline="") as handle:
        [row] = list(csv.DictReader(handle))
    before = snapshot(aij_home)
    done = aij("import", str(source))
    assert done.code == 2
    message = " ".join(done.err.split())
    assert "medication_events.csv" in message and "row 2" in message, message
    assert f"letrozole is already current since {EARLY}" in message
    assert "nothing was imported" in message and row["event"] == "start"
    assert snapshot(aij_home) == before


def test_events_that_fit_the_journal_are_imported(aij: Run, tmp_path: Path) -> None:
    """The export schedules denosumab: it fits beside the journal's letrozole."""
    ok(aij, "med", "start", "letrozole", "--dose", "2.5 mg", "--date", EARLY)
    due = (TODAY + timedelta(days=30)).isoformat()
    schedule = ("schedule", "denosumab", "--every", "6mo", "--next", due, "--date", LATER)
    ok(aij, "import", str(_export_of(aij, tmp_path, schedule)))
    history = json.loads(ok(aij, "med", "history", "--json"))
    assert [(e["event"], e["medication"]) for e in history["events"]] == [
        ("start", "letrozole"),
        ("schedule", "denosumab"),
    ]
    assert [s["due"] for s in history["scheduled"]] == [due]
