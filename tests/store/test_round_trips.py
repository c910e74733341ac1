"""What one write costs in statements: on a server each is a round trip, so a command's count
must not grow with what the journal already holds (#13)."""

from collections.abc import Iterator

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
