"""What one write costs in statements: on a server each is a round trip, so a command's count
must not grow with what the journal already holds (#13)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.conftest import Run


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every statement any engine sends while the test runs."""
    sent: list[str] = []

    def note(conn: object, cursor: object, statement: str, *rest: object) -> None:
        sent.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    yield sent
    event.remove(Engine, "before_cursor_execute", note)


def _cost(aij: Run, sent: list[str], text: str) -> int:
    sent.clear()
    result = aij("log", "note", text)
    assert result.code == 0, result.err
    return len(sent)


def test_logging_into_a_busy_day_costs_what_logging_into_a_quiet_one_does(
    aij: Run, statements: list[str]
) -> None:
    # The same text each time: every earlier note is a candidate duplicate to compare.
    for _ in range(3):
        assert aij("log", "note", "same").code == 0
    quiet = _cost(aij, statements, "same")
    for _ in range(20):
        assert aij("log", "note", "same").code == 0
    busy = _cost(aij, statements, "same")
    assert busy == quiet
    assert "already logged" in aij("log", "note", "same").err  # still found, all 25 of them


def test_an_import_costs_the_same_statements_for_few_entries_as_for_many(
    aij: Run, statements: list[str], tmp_path: Path
) -> None:
    """Importing 30 notes and importing 3 send the same number of statements: rows go in
    batches, and an import looks for no likely duplicates one entry at a time."""
    costs = []
    for count in (3, 30):
        source, target = str(tmp_path / f"from-{count}"), str(tmp_path / f"into-{count}")
        for index in range(count):
            day = f"2026-10-{index % 28 + 1:02d}"
            assert aij("--home", source, "log", "note", f"note {index}", "--date", day).code == 0
        export = str(tmp_path / f"notes-{count}.json")
        assert aij("--home", source, "export", "json", "--out", export).code == 0
        statements.clear()
        assert aij("--home", target, "import", export).code == 0
        costs.append(len(statements))
    assert costs[0] == costs[1]
