"""The one-line log: scales, ranges, units, and the names it refuses."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.daylog import guided_keys, parse_log_line, parse_tracked
from aijournal.domain.symptoms import SymptomSet, parse_sites
from aijournal.domain.units import (
    parse_sleep_hours,
    parse_waist_cm,
    parse_weight_kg,
    show_waist,
    show_weight,
)
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
        ("sleep=25", "sleep=25 is outside the allowed range; allowed: hours 0-24"),
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


def test_imperial_reads_bare_numbers_as_lb_and_in() -> None:
    # 151 lb x 0.45359237 = 68.49244787 kg; 33 in x 2.54 = 83.82 cm.
    assert parse_weight_kg("151", "imperial") == 68.492
    assert parse_waist_cm("33", "imperial") == 83.82
    # An explicit unit wins over the setting, both ways.
    assert parse_weight_kg("68.2kg", "imperial") == 68.2
    assert parse_weight_kg("150lb", "metric") == 68.039
    assert parse_waist_cm("84cm", "imperial") == 84
    log = parse_log_line(["weight=151", "waist=33"], SYMPTOMS, "imperial")
    assert (log.weight_kg, log.waist_cm) == (68.492, 83.82)


def test_imperial_range_refusal_names_both_units() -> None:
    # 400 kg / 0.45359237 = 881.8 lb; 20 kg = 44.1 lb.
    with pytest.raises(BadInput, match=r"outside 20-400 kg \(44-882 lb\)"):
        parse_weight_kg("900", "imperial")


def test_shown_in_the_users_units() -> None:
    # 68.492 kg / 0.45359237 = 151.0 lb; 83.82 cm / 2.54 = 33 in.
    assert show_weight(68.492, "imperial") == "151 lb"
    assert show_weight(68.2, "metric") == "68.2 kg"
    assert show_waist(83.82, "imperial") == "33 in"
    assert show_waist(84, "metric") == "84 cm"


def test_a_decimal_comma_is_read_as_a_point() -> None:
    assert parse_weight_kg("68,2") == 68.2
    assert parse_log_line(["weight=68,2"], SYMPTOMS).weight_kg == 68.2


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("7", 7),
        ("7.5", 7.5),
        ("7,5", 7.5),
        ("7h", 7),
        ("7 h", 7),
        ("7 hours", 7),
        ("7h30", 7.5),
        ("7h30m", 7.5),
        ("7:30", 7.5),
        ("6:45", 6.75),
        ("7:20", 7.33),  # 7 + 20/60 = 7.333..., kept to 2 decimals
        ("0:05", 0.08),  # 5/60 = 0.0833...
    ],
)
def test_sleep_as_people_write_it(text: str, hours: float) -> None:
    assert parse_sleep_hours(text) == hours


@pytest.mark.parametrize("text", ["7:75", "25", "7x", "seven", "-1", "24:30", "7:3:0"])
def test_sleep_refusals_show_the_accepted_forms(text: str) -> None:
    with pytest.raises(BadInput, match="7h30 or 7:30"):
        parse_sleep_hours(text)


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_sleep_clock_forms_agree(hours: int, minutes: int) -> None:
    expected = round(hours + minutes / 60, 2)
    assert parse_sleep_hours(f"{hours}:{minutes:02d}") == expected
    assert parse_sleep_hours(f"{hours}h{minutes:02d}") == expected


@given(st.floats(min_value=20, max_value=400, allow_nan=False).map(lambda v: round(v, 1)))
def test_weight_comma_and_point_agree(kg: float) -> None:
    text = f"{kg:.1f}"
    assert parse_weight_kg(text.replace(".", ",")) == parse_weight_kg(text) == kg


def test_tracked_list_is_checked_and_kept_in_check_in_order() -> None:
    names = [s.name for s in SYMPTOMS]
    assert parse_tracked("sleep, joint-pain,medication", names) == [
        "joint-pain",
        "medication",
        "sleep",
    ]
    assert parse_tracked("all", names) is None
    with pytest.raises(BadInput, match="'slep' is not a check-in question \\(did you mean sleep"):
        parse_tracked("joint-pain,slep", names)
    assert guided_keys(["joint-pain"])[-1] == "note"
