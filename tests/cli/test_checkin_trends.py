"""`aij checkin`, `aij trends` and `aij insights`: stored, shown, refused, honest."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, query, snapshot

pytestmark = pytest.mark.dates


def test_checkin_one_line_is_stored(aij: Run, aij_home: Path) -> None:
    result = aij("checkin", "joint-pain.frequency=3", "fatigue.interference=1", "-d", "yesterday")
    assert result.code == 0, result.err
    rows = query(aij_home, "SELECT item, attribute, value FROM checkin_answer ORDER BY position")
    assert rows == [("joint-pain", "frequency", 3), ("fatigue", "interference", 1)]
    assert "weekly check-in" in aij("entries").out


def test_checkin_lists_its_questions(aij: Run) -> None:
    out = aij("checkin", "--list").out
    # NCI's response labels, capitalised as NCI prints them (the table may wrap a cell).
    assert "joint-pain.severity" in out and "Never" in out and "Almost" in out
    assert "very severe" not in out and "never" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("checkin", "joint-pain.severity=5"), "joint-pain.severity=5 is not allowed; use 0-4"),
        (("checkin", "joint-pain.sevrity=2"), "did you mean joint-pain.severity"),
        (("checkin", "hot-flashes.interference=1"), "unknown check-in question"),
        (("checkin",), "give answers like joint-pain.severity=2"),
        (("trends", "--weeks", "0"), "--weeks 0 is not allowed"),
        (("trends", "join-pain"), "did you mean joint-pain"),
        (("insights", "--days", "7"), "--days 7 is not allowed"),
        (("week", "2026-W99"), "2026-W99"),
    ],
)
def test_refusals(aij: Run, aij_home: Path, args: tuple[str, ...], message: str) -> None:
    aij("log", "joint-pain=3")
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2, result.err
    assert message in result.err
    assert snapshot(aij_home) == before


def test_trends_weekly_means(aij: Run) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    last_week = monday - timedelta(days=7)
    for offset, pain in ((0, 2), (1, 4)):
        aij("log", f"joint-pain={pain}", "-d", (last_week + timedelta(days=offset)).isoformat())
    aij("log", "ex", "brisk-walk", "30m", "-d", last_week.isoformat())
    aij("log", "ex", "goblet-squat", "3x10", "-d", last_week.isoformat())
    data = json.loads(aij("trends", "--weeks", "2", "--json").out)
    series = {s["name"]: s["values"] for s in data["series"]}
    assert series["joint-pain"] == [3.0, None]  # (2 + 4) / 2 last week; nothing this week
    assert series["exercise-minutes"] == [30.0, 0.0]
    assert series["resistance-sessions"] == [1.0, 0.0]
    assert series["medication"] == [None, None]  # no dose logged: not logged, never 0%


def test_insights_say_nothing_on_little_data_and_always_warn(aij: Run) -> None:
    aij("log", "joint-pain=3")
    data = json.loads(aij("insights", "--json").out)
    assert data["caution"].startswith("An association is not proof of cause")
    assert all(i["difference"] is None for i in data["insights"])
    assert all("Not enough data yet" in i["finding"] for i in data["insights"])


@pytest.mark.sqlite_only
def test_a_one_line_check_in_cannot_contradict_itself(aij: Run, aij_home: Path) -> None:
    result = aij("checkin", "joint-pain.frequency=0", "joint-pain.severity=2")
    assert result.code == 2
    assert (
        "joint-pain.frequency=0 (never) leaves nothing to rate, but joint-pain.severity=2 was "
        "given" in result.err
    )
    assert not (aij_home / "journal.db").exists()
