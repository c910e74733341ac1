"""`aij visit add|list`, `aij log question`, `aij question list|done`."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.cli.test_startup import loaded_heavy_modules
from tests.conftest import Run
from tests.helpers import TODAY, query, snapshot

pytestmark = pytest.mark.dates

AHEAD = (TODAY + timedelta(days=12)).isoformat()
AGO = (TODAY - timedelta(days=40)).isoformat()


def visits(aij: Run) -> list[dict]:  # type: ignore[type-arg]
    result = aij("visit", "list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def questions(aij: Run, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = aij("question", "list", "--json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_an_upcoming_and_a_past_visit(aij: Run, aij_home: Path) -> None:
    ahead = aij("visit", "add", AHEAD, "--with", "oncologist", "--note", "bring the DEXA")
    assert ahead.code == 0, ahead.err
    assert f"{AHEAD}  visit with oncologist" in ahead.out
    assert aij("visit", "add", "-40d", "--with", "GP").code == 0  # -40d is a date, not an option
    listed = visits(aij)
    assert [(v["date"], v["clinician"], v["note"], v["upcoming"]) for v in listed] == [
        (AGO, "GP", None, False),
        (AHEAD, "oncologist", "bring the DEXA", True),
    ]
    # The entry's day is the visit's date.
    assert query(aij_home, "SELECT day, kind FROM entry ORDER BY day") == [
        (AGO, "visit"),
        (AHEAD, "visit"),
    ]
    table = aij("visit", "list").out
    assert table.index("Upcoming visits") < table.index("oncologist") < table.index("Past visits")


def test_questions_until_answered(aij: Run) -> None:
    assert aij("log", "question", "Is the knee pain from the AI?", "--date", "-2d").code == 0
    assert aij("log", "question", "Can I take magnesium?").code == 0
    open_now = questions(aij)
    assert [q["text"] for q in open_now] == [
        "Is the knee pain from the AI?",
        "Can I take magnesium?",
    ]
    first = open_now[0]["id"]
    done = aij("question", "done", first)
    assert done.code == 0 and f"answered {first}" in done.out
    assert [q["text"] for q in questions(aij)] == ["Can I take magnesium?"]
    every = questions(aij, "--all")
    assert [(q["id"], q["answered_on"]) for q in every] == [
        (first, TODAY.isoformat()),
        (open_now[1]["id"], None),
    ]
    assert (TODAY - timedelta(days=2)).isoformat() == every[0]["asked"]


@pytest.fixture
def with_entries(aij: Run, aij_home: Path) -> dict[str, str]:
    assert aij("log", "joint-pain=4").code == 0
    assert aij("log", "question", "Why?").code == 0
    assert aij("visit", "add", "today").code == 0
    return snapshot(aij_home)


def _ids(aij_home: Path) -> dict[str, str]:
    return {kind: entry_id for entry_id, kind in query(aij_home, "SELECT id, kind FROM entry")}


TOMORROW = (TODAY + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("visit", "add", "someday"), "'someday' is not a date"),
        (("visit", "add", "today", "--with", "x" * 101), "clinician's name is 101 characters"),
        (("log", "question", "  "), "the question is empty"),
        (("log", "question", "Why?", "--date", TOMORROW), f"{TOMORROW} is in the future"),
        (("question", "done", "zzzzzz"), "no entry has the id 'zzzzzz'"),
        (("question", "done", "{symptom}"), "is a symptom entry, not a question"),
        (("question", "done", "{question}", "--date", "-3d"), "it cannot be answered on"),
    ],
)
def test_refusals_change_nothing(
    aij: Run, aij_home: Path, with_entries: dict[str, str], args: tuple[str, ...], message: str
) -> None:
    ids = _ids(aij_home)
    result = aij(*(a.format(**ids) for a in args))
    assert result.code == 2, (result.out, result.err)
    assert message in result.err and len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == with_entries


def test_a_question_is_answered_once(aij: Run, aij_home: Path, with_entries: object) -> None:
    question = _ids(aij_home)["question"]
    assert aij("question", "done", question).code == 0
    before = snapshot(aij_home)
    again = aij("question", "done", question)
    assert again.code == 2
    assert f"question {question} was already marked answered on {TODAY}" in again.err
    assert snapshot(aij_home) == before


@pytest.mark.parametrize(
    "args",
    [
        ("visit", "--help"),
        ("question", "--help"),
        ("export", "--help"),
        ("export", "csv", "--help"),
        ("import", "--help"),
        ("report", "--help"),
    ],
)
def test_help_does_not_import_the_database_stack(args: tuple[str, ...]) -> None:
    assert loaded_heavy_modules(*args) == []


def test_a_weekday_name_books_the_next_one(aij: Run) -> None:
    # "friday" for a visit is the coming Friday (today if today is one), never the last.
    result = aij("visit", "add", "friday")
    assert result.code == 0, result.err
    ahead = (4 - TODAY.weekday()) % 7
    expected = TODAY + timedelta(days=ahead)
    assert [v["date"] for v in visits(aij)] == [expected.isoformat()]
