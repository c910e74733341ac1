"""`aij med start|switch|schedule` without --dose (#14): the usual dose from DOMAIN.md
("anastrozole 1 mg, letrozole 2.5 mg, exemestane 25 mg"; zoledronic acid 4 mg) is recorded
and the saved line says so, with the way back; a dose that is given is recorded as typed,
with no note."""

import json

from tests.conftest import Run

NOTE = "is the usual dose of"


def test_a_left_out_dose_is_the_usual_one_and_the_output_says_so(aij: Run) -> None:
    result = aij("med", "start", "letrozole", "--date", "2024-05-01")
    assert result.code == 0, result.err
    assert "start letrozole 2.5 mg" in result.out
    assert "2.5 mg is the usual dose of letrozole" in " ".join(result.out.split())
    assert "aij undo" in result.out

    result = aij("med", "switch", "letrozole", "exemestane", "--date", "2025-01-10")
    assert "25 mg is the usual dose of exemestane" in " ".join(result.out.split())

    result = aij("med", "schedule", "zoledronic-acid", "--every", "6mo", "--next", "2027-01-15")
    assert "4 mg is the usual dose of zoledronic-acid" in " ".join(result.out.split())

    history = json.loads(aij("med", "history", "--json").out)
    doses = [event["dose"] for event in history["events"]]
    assert doses == ["2.5 mg", "25 mg", "4 mg"]


def test_a_given_dose_is_recorded_as_typed_without_a_note(aij: Run) -> None:
    result = aij("med", "start", "anastrozole", "--dose", "0.5 mg", "--date", "2024-05-01")
    assert result.code == 0, result.err
    assert "start anastrozole 0.5 mg" in result.out
    assert NOTE not in result.out


def test_json_output_carries_no_note(aij: Run) -> None:
    result = aij("med", "start", "letrozole", "--date", "2024-05-01", "--json")
    assert NOTE not in result.out
    assert json.loads(result.out)["saved"][0]["what"] == "start letrozole 2.5 mg"


def test_a_medication_without_a_usual_dose_records_none_and_says_nothing(aij: Run) -> None:
    result = aij("med", "start", "tamoxifen-like", "--new-name", "--date", "2024-05-01")
    assert result.code == 0, result.err
    assert NOTE not in result.out
    history = json.loads(aij("med", "history", "--json").out)
    assert [event["dose"] for event in history["events"]] == [""]
