"""NCI's conditional branching in the check-in answers, question by question.

PRO-CTCAE asks an item's scales in the order frequency, severity, interference; after "Never"
(frequency 0) or "None" (severity 0) the item's LATER questions are not asked, so a later
answer above 0 contradicts it. An EARLIER answer is never contradicted by a later 0.
"""

import pytest

from aijournal.domain.checkin import parse_answers
from aijournal.errors import BadInput


@pytest.mark.parametrize("later", ["joint-pain.severity", "joint-pain.interference"])
@pytest.mark.parametrize("value", [1, 4])
def test_every_later_question_after_never_must_be_zero(later: str, value: int) -> None:
    with pytest.raises(BadInput) as caught:
        parse_answers(["joint-pain.frequency=0", f"{later}={value}"])
    assert str(caught.value) == (
        f"joint-pain.frequency=0 (never) leaves nothing to rate, but {later}={value} was given;"
        " change one of them"
    )


def test_after_none_the_interference_must_be_zero() -> None:
    with pytest.raises(BadInput) as caught:
        parse_answers(["sadness.severity=0", "sadness.interference=1"])
    assert str(caught.value) == (
        "sadness.severity=0 (none) leaves nothing to rate, but sadness.interference=1 was given;"
        " change one of them"
    )


def test_an_earlier_answer_is_not_contradicted_by_a_later_none() -> None:
    # Severity "None" says nothing about how often: frequency was asked first.
    assert parse_answers(["joint-pain.frequency=3", "joint-pain.severity=0"]) == {
        "joint-pain.frequency": 3,
        "joint-pain.severity": 0,
    }
    assert parse_answers(
        ["anxiety.frequency=2", "anxiety.severity=0", "anxiety.interference=0"]
    ) == {
        "anxiety.frequency": 2,
        "anxiety.severity": 0,
        "anxiety.interference": 0,
    }


def test_other_items_are_not_touched() -> None:
    answers = ["memory.severity=0", "concentration.interference=2", "hot-flashes.frequency=0"]
    assert parse_answers(answers) == {
        "memory.severity": 0,
        "concentration.interference": 2,
        "hot-flashes.frequency": 0,
    }
