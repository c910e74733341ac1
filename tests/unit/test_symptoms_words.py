"""Symptom.word: what a rating means in a word or a unit (DOMAIN.md "Symptoms": the PRO-CTCAE
severity words none, mild, moderate, severe, very severe for 0-4; an NRS is 'of' its top;
stiffness in minutes), the words written out here, not read from the module."""

import pytest

from aijournal.domain.symptoms import Symptom

SEVERITY = Symptom("hot-flash-severity", "severity", 0, 4, "how bad", "PRO-CTCAE")
NRS = Symptom("joint-pain", "nrs", 0, 10, "pain", "NRS")
NRS_7_5 = Symptom("odd", "nrs", 0, 7.5, "a scale to 7.5", "own", integer=False)
MINUTES = Symptom("stiffness", "minutes", 0, 1440, "morning stiffness", "own")
COUNT = Symptom("hot-flashes", "count", 0, 100, "how many", "own")


@pytest.mark.parametrize(
    ("value", "word"),
    [
        (0, "none"),
        (1, "mild"),
        (2, "moderate"),
        (3, "severe"),
        (4, "very severe"),
        (2.0, "moderate"),
    ],
)
def test_a_whole_severity_is_its_word(value: float, word: str) -> None:
    assert SEVERITY.word(value) == word


@pytest.mark.parametrize("value", [2.5, 0.5, -1, 5, 6, 3.999])
def test_a_severity_that_is_not_a_whole_0_to_4_has_no_word(value: float) -> None:
    assert SEVERITY.word(value) == ""


@pytest.mark.parametrize("value", [0, 2, 4, 7, 10, 2.5])
def test_an_nrs_is_of_its_top(value: float) -> None:
    assert NRS.word(value) == "of 10"
    assert NRS_7_5.word(value) == "of 7.5"


@pytest.mark.parametrize("value", [0, 2, 45])
def test_minutes_and_counts(value: float) -> None:
    assert MINUTES.word(value) == "min"
    assert COUNT.word(value) == ""
