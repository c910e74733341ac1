"""The weekly check-in's questions are NCI's PRO-CTCAE items, verbatim, on NCI's scales."""

import pytest

from aijournal.domain.checkin import (
    QUESTIONS,
    ends_item,
    parse_answers,
    question_text,
    response_labels,
)
from aijournal.errors import BadInput


def test_the_domain_example_is_verbatim() -> None:
    # DOMAIN.md quotes this item as NCI words it.
    assert question_text("joint-pain.severity") == (
        "In the last 7 days, what was the SEVERITY of your ACHING JOINTS (SUCH AS ELBOWS, "
        "KNEES, SHOULDERS) at their WORST?"
    )


@pytest.mark.parametrize("key", list(QUESTIONS))
def test_every_item_follows_an_nci_pattern(key: str) -> None:
    text = question_text(key)
    attribute = key.split(".")[1]
    assert text.startswith("In the last 7 days, ")
    if attribute == "frequency":
        assert " how OFTEN did you " in text and text.endswith("?")
    elif attribute == "severity":
        assert "what was the SEVERITY of your " in text
        assert text.endswith((" at its WORST?", " at their WORST?"))
    else:
        assert text.endswith(" INTERFERE with your usual or daily activities?")
    assert "how severe" not in text and "  " not in text


def test_nci_response_labels() -> None:
    assert response_labels("hot-flashes.frequency") == (
        "Never",
        "Rarely",
        "Occasionally",
        "Frequently",
        "Almost constantly",
    )
    assert response_labels("fatigue.severity") == (
        "None",
        "Mild",
        "Moderate",
        "Severe",
        "Very severe",
    )
    assert response_labels("anxiety.interference") == (
        "Not at all",
        "A little bit",
        "Somewhat",
        "Quite a bit",
        "Very much",
    )


def test_branching_ends_an_item_after_never_or_none_only() -> None:
    assert ends_item("joint-pain.frequency", 0)
    assert ends_item("joint-pain.severity", 0)
    assert not ends_item("joint-pain.frequency", 1)
    assert not ends_item("joint-pain.interference", 0)


def test_answers_after_never_must_be_zero() -> None:
    assert parse_answers(["joint-pain.frequency=0", "joint-pain.severity=0"]) == {
        "joint-pain.frequency": 0,
        "joint-pain.severity": 0,
    }
    with pytest.raises(BadInput, match=r"fatigue\.severity=0 \(none\) leaves nothing to rate"):
        parse_answers(["fatigue.interference=3", "fatigue.severity=0"])
