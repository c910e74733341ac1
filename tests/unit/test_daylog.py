"""The one-line log: scales, ranges, units, and the names it refuses."""

import pytest

from aijournal.domain.daylog import parse_log_line
from aijournal.domain.symptoms import SymptomSet, parse_sites
from aijournal.domain.units import parse_waist_cm, parse_weight_kg
from aijournal.errors import BadInput

SYMPTOMS = SymptomSet()


def test_a_full_line() -> None:
    log = parse_log_line(
        ["joint-pain=6", "stiffness=30", "hot-flashes=4", "sleep=6.5", "weight=150lb"], SYMPTOMS
    )
    assert log.symptoms == {"joint-pain": 6, "stiffness": 30, "hot-flashes": 4}
    assert log.sleep_hours == 6.5
    # 150 lb x 0.45359237 kg/lb = 68.0388555 kg, kept to 3 decimals.
    assert log.weight_kg == 68.039


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("joint-pain=11", "joint-pain=11 is outside its range 0-10"),
        ("joint-pain=-1", "outside its range 0-10"),
        ("stiffness=-5", "stiffness=-5 is outside its range 0-1440"),
        ("fatigue=5", "fatigue=5 is outside its range 0-4"),
        ("fatigue=2.5", "must be a whole number 0-4"),
        ("joint-pain=abc", "joint-pain=abc is not a number; allowed: 0-10"),
        ("joint-pain=nan", "outside its range"),
        ("join-pain=6", "unknown symptom 'join-pain' (did you mean joint-pain?)"),
        ("sleep=25", "sleep=25 is outside the allowed range; allowed: hours slept, 0-24"),
        ("weight=abc", "weight 'abc' is not a number"),
        ("weight=5", "weight 5 is outside 20-400 kg"),
        ("weight=70st", "weight unit 'st' is not known; use kg or lb"),
        ("joint-pain", "'joint-pain' is not key=value"),
        ("joint-pain=", "is not key=value"),
    ],
)
def test_refusals_name_the_value_and_what_is_allowed(token: str, message: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_log_line([token], SYMPTOMS)
    assert message in str(caught.value)


def test_units_worked_by_hand() -> None:
    assert parse_weight_kg("68.2") == 68.2
    assert parse_weight_kg("68.2 kg") == 68.2
    assert parse_weight_kg("100lb") == 45.359  # 100 x 0.45359237
    assert parse_waist_cm("84") == 84
    assert parse_waist_cm("33in") == 83.82  # 33 x 2.54


def test_sites_are_normalised_and_ordered() -> None:
    assert parse_sites("knees,hands") == ["hands", "knees"]
    assert parse_sites("Fingers, ankle, knee") == ["hands", "knees", "feet"]
    with pytest.raises(BadInput, match="unknown body site 'kness' \\(did you mean knees"):
        parse_sites("kness")
