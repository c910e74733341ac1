"""Ids and commands to copy are never cut at 80 columns (#10.4)."""

import re

import pytest

from aijournal.render.console import wrap_keeping_commands
from tests.conftest import Run


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def test_plan_show_keeps_every_activity_id_whole(aij: Run) -> None:
    shown = aij("plan", "show").out
    assert "…" not in shown
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)+", shown))
    for wanted in ("brisk-walk", "light-jog", "aerobics-class", "banded-pull-apart", "gentle-walk"):
        assert wanted in words, wanted
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_checkin_list_keeps_every_key_whole(aij: Run) -> None:
    shown = aij("checkin", "--list").out
    assert "…" not in shown
    for key in (
        "aching-muscles.frequency",
        "aching-muscles.interference",
        "vaginal-dryness.severity",
    ):
        assert key in shown, key
    assert "quite a bit" in " ".join(shown.split()).lower()  # the answer column is not cropped
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_a_hint_wraps_between_commands_never_inside_one() -> None:
    text = (
        "Nothing is logged this week yet. Start with a check-in: aij log (or aij log "
        'joint-pain=3 sleep=7), a meal: aij log meal "oats 40g, milk 1 cup", then aij plan '
        "validate my-week.yaml."
    )
    lines = wrap_keeping_commands(text, 40)
    assert " ".join(lines) == text
    assert all(len(line) <= 40 for line in lines)
    joined = "\n".join(lines)
    for command in ("aij log joint-pain=3 sleep=7", 'aij log meal "oats 40g, milk 1 cup"'):
        assert command in joined, joined
    assert "aij plan validate my-week.yaml" in joined


def test_a_command_longer_than_the_line_gets_a_line_of_its_own() -> None:
    lines = wrap_keeping_commands("Check it: aij plan validate /a/very/long/path/my-week.yaml", 20)
    assert lines == ["Check it:", "aij plan validate /a/very/long/path/my-week.yaml"]


def test_the_empty_week_hint_at_80_columns(aij: Run) -> None:
    shown = aij("week", "2026-W40").out
    assert "aij log ex brisk-walk 30m" in shown
    assert 'aij log meal "oats 40g, milk 1 cup"' in shown
