"""The symptom scales and body sites, pinned to DOMAIN.md "Symptoms", and the checks on them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.symptoms import (
    BODY_SITES,
    DEFAULT_SYMPTOMS,
    NAME_PATTERN,
    SEVERITY_WORDS,
    Symptom,
    SymptomSet,
    parse_sites,
)
from aijournal.errors import BadInput

NRS = "0-10 numeric rating, 0 = none, 10 = worst imaginable"
PRO_CTCAE = "0-4 severity: 0 none, 1 mild, 2 moderate, 3 severe, 4 very severe"
PRO_SRC = "NCI PRO-CTCAE severity scale"
NRS_SRC = "generic 0-10 numeric rating scale, as in the AI-arthralgia trials (HOPE, SWOG S1200)"

# DOMAIN.md: "aching muscles, fatigue, insomnia, trouble concentrating, memory, sadness,
# anxiety, vaginal dryness | 0-4 severity: none, mild, moderate, severe, very severe".
SEVERITY_SYMPTOMS = {
    "aching-muscles": "aching muscles",
    "fatigue": "fatigue",
    "insomnia": "insomnia",
    "concentration": "trouble concentrating",
    "memory": "memory problems",
    "sadness": "sadness",
    "anxiety": "anxiety",
    "vaginal-dryness": "vaginal dryness",
}


def by_name() -> dict[str, Symptom]:
    return {s.name: s for s in DEFAULT_SYMPTOMS}


# The scales, as DOMAIN.md states them


def test_the_default_symptoms_are_domain_mds_list_in_its_order() -> None:
    assert [s.name for s in DEFAULT_SYMPTOMS] == [
        "joint-pain",
        "stiffness",
        *SEVERITY_SYMPTOMS,
        "hot-flashes",
        "hot-flash-severity",
        "stress",
    ]


def test_worst_joint_pain_is_the_0_to_10_nrs_of_the_trials() -> None:
    pain = by_name()["joint-pain"]
    assert (pain.kind, pain.low, pain.high, pain.integer) == ("nrs", 0, 10, True)
    assert pain.meaning == "worst joint pain, last 24 h; " + NRS
    assert pain.source == NRS_SRC
    assert pain.range_text == "0-10"


def test_morning_stiffness_is_minutes_within_one_day() -> None:
    stiffness = by_name()["stiffness"]
    # DOMAIN.md: "morning stiffness | minutes"; a day has 24 x 60 = 1440 of them.
    assert (stiffness.kind, stiffness.low, stiffness.high) == ("minutes", 0, 24 * 60)
    assert stiffness.integer
    assert (stiffness.meaning, stiffness.source) == ("morning stiffness, minutes", "minutes")


@pytest.mark.parametrize(("name", "label"), sorted(SEVERITY_SYMPTOMS.items()))
def test_the_pro_ctcae_symptoms_are_0_to_4_severity(name: str, label: str) -> None:
    symptom = by_name()[name]
    assert (symptom.kind, symptom.low, symptom.high, symptom.integer) == ("severity", 0, 4, True)
    assert symptom.meaning == f"{label}; {PRO_CTCAE}"
    assert symptom.source == PRO_SRC


def test_hot_flashes_are_a_count_plus_a_0_to_4_severity() -> None:
    count, severity = by_name()["hot-flashes"], by_name()["hot-flash-severity"]
    assert (count.kind, count.low, count.high, count.integer) == ("count", 0, 100, True)
    assert (count.meaning, count.source) == ("hot flashes today, count", "count")
    assert (severity.kind, severity.low, severity.high) == ("severity", 0, 4)
    assert severity.meaning == "hot flashes; " + PRO_CTCAE
    assert severity.source == PRO_SRC


def test_stress_is_0_to_10() -> None:
    stress = by_name()["stress"]
    assert (stress.kind, stress.low, stress.high, stress.integer) == ("nrs", 0, 10, True)
    assert stress.meaning == "stress, 0 = none, 10 = worst imaginable"
    assert stress.source == NRS_SRC


def test_the_severity_words_are_pro_ctcaes_in_order() -> None:
    assert SEVERITY_WORDS == ("none", "mild", "moderate", "severe", "very severe")


def test_every_default_symptom_is_whole_numbered_from_zero() -> None:
    for symptom in DEFAULT_SYMPTOMS:
        assert symptom.low == 0
        assert symptom.integer
        assert NAME_PATTERN.match(symptom.name)


# Symptom.check, at and just past both ends


@pytest.mark.parametrize(
    ("name", "high"), [("joint-pain", 10), ("fatigue", 4), ("stiffness", 1440)]
)
def test_check_accepts_both_ends_and_refuses_one_past(name: str, high: int) -> None:
    symptom = by_name()[name]
    assert symptom.check(0) == 0
    assert symptom.check(high) == high
    assert symptom.check(1) == 1
    for outside in (-1, high + 1):
        with pytest.raises(BadInput) as refused:
            symptom.check(outside)
        assert str(refused.value) == (
            f"{name}={outside} is outside its range 0-{high} ({symptom.meaning})"
        )


def test_check_refuses_a_fraction_on_a_whole_number_scale() -> None:
    pain = by_name()["joint-pain"]
    with pytest.raises(BadInput) as refused:
        pain.check(6.5)
    assert str(refused.value) == "joint-pain=6.5 must be a whole number 0-10"
    assert pain.check(6.0) == 6.0


def test_a_fractional_scale_takes_fractions_and_keeps_its_bounds() -> None:
    hours = Symptom("nap", "minutes", 0.5, 2.5, "nap hours", "own", integer=False)
    assert hours.range_text == "0.5-2.5"
    assert hours.check(0.5) == 0.5
    assert hours.check(2.5) == 2.5
    assert hours.check(1.25) == 1.25
    with pytest.raises(BadInput, match=r"^nap=0.25 is outside its range 0.5-2.5 \(nap hours\)$"):
        hours.check(0.25)
    with pytest.raises(BadInput, match=r"^nap=2.75 is outside its range 0.5-2.5 \(nap hours\)$"):
        hours.check(2.75)


@given(st.integers(min_value=-20, max_value=30))
def test_check_on_the_nrs_is_exactly_the_range(value: int) -> None:
    pain = by_name()["joint-pain"]
    if 0 <= value <= 10:
        assert pain.check(value) == value
    else:
        with pytest.raises(BadInput):
            pain.check(value)


# The kebab-case name rule of the user's own symptoms


@pytest.mark.parametrize("name", ["a", "joint-pain", "hot-flash-severity", "b12", "x-2-y"])
def test_name_pattern_accepts_kebab_case(name: str) -> None:
    assert NAME_PATTERN.match(name)


@pytest.mark.parametrize(
    "name", ["", "Joint", "2pain", "-pain", "pain-", "joint--pain", "joint_pain", "a b", "é"]
)
def test_name_pattern_refuses_the_rest(name: str) -> None:
    # config.py accepts a name when NAME_PATTERN.match() finds one.
    assert NAME_PATTERN.match(name) is None


# Body sites, as DOMAIN.md lists them


def test_body_sites_are_domain_mds_eight_in_its_order() -> None:
    # DOMAIN.md: "hands/fingers, wrists, elbows, shoulders, back, hips, knees, ankles/feet".
    assert list(BODY_SITES.values()) == [
        "hands/fingers",
        "wrists",
        "elbows",
        "shoulders",
        "back",
        "hips",
        "knees",
        "ankles/feet",
    ]
    assert list(BODY_SITES) == [
        "hands",
        "wrists",
        "elbows",
        "shoulders",
        "back",
        "hips",
        "knees",
        "feet",
    ]


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("hand", "hands"),
        ("fingers", "hands"),
        ("finger", "hands"),
        ("wrist", "wrists"),
        ("elbow", "elbows"),
        ("shoulder", "shoulders"),
        ("hip", "hips"),
        ("knee", "knees"),
        ("ankles", "feet"),
        ("ankle", "feet"),
        ("foot", "feet"),
        ("back", "back"),
        ("feet", "feet"),
    ],
)
def test_every_spelling_of_a_site(typed: str, site: str) -> None:
    assert parse_sites(typed) == [site]
    assert parse_sites(typed.upper()) == [site]


def test_sites_come_back_in_body_order_once_each() -> None:
    assert parse_sites("knees,hands") == ["hands", "knees"]
    assert parse_sites(" Knee , hands,knees,, finger ") == ["hands", "knees"]
    # An empty piece is skipped, and what follows it still counts.
    assert parse_sites("knees,,hips") == ["hips", "knees"]
    assert parse_sites(",back") == ["back"]
    assert parse_sites("feet,back,wrist,hips,elbow,shoulders,hand,knee") == list(BODY_SITES)


def test_an_unknown_site_is_refused_with_the_close_ones_and_the_list() -> None:
    allowed = "hands, wrists, elbows, shoulders, back, hips, knees, feet"
    with pytest.raises(BadInput) as refused:
        parse_sites("knees,kneez")
    assert str(refused.value) == (
        f"unknown body site 'kneez' (did you mean knee or knees?); allowed: {allowed}"
    )
    with pytest.raises(BadInput) as refused:
        parse_sites("Neck")
    assert str(refused.value) == f"unknown body site 'neck'; allowed: {allowed}"


@pytest.mark.parametrize("text", ["", ",", " , ,"])
def test_no_site_at_all_is_refused(text: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_sites(text)
    assert str(refused.value) == (
        "no body site given; allowed: hands, wrists, elbows, shoulders, back, hips, knees, feet"
    )


# SymptomSet


def test_the_set_holds_the_defaults_in_order() -> None:
    symptoms = SymptomSet()
    assert list(symptoms) == list(DEFAULT_SYMPTOMS)
    assert symptoms.get("fatigue") is by_name()["fatigue"]


def test_the_users_own_symptoms_come_after_and_may_replace_a_default() -> None:
    nausea = Symptom("nausea", "severity", 0, 4, "nausea", "own")
    wider = Symptom("stress", "nrs", 0, 100, "stress 0-100", "own")
    symptoms = SymptomSet((nausea, wider))
    names = [s.name for s in symptoms]
    assert names == [s.name for s in DEFAULT_SYMPTOMS] + ["nausea"]
    assert symptoms.get("nausea") is nausea
    assert symptoms.get("stress") is wider
    assert symptoms.get("stress").check(55) == 55
    # The defaults themselves are left as they were.
    assert SymptomSet().get("stress").high == 10


def test_an_unknown_symptom_names_the_close_ones() -> None:
    symptoms = SymptomSet()
    with pytest.raises(BadInput) as refused:
        symptoms.get("fatigeu")
    assert str(refused.value) == (
        "unknown symptom 'fatigeu' (did you mean fatigue?); 'aij symptoms' lists them"
    )
    with pytest.raises(BadInput) as refused:
        symptoms.get("sleeep", other_names=("sleep", "weight"))
    assert str(refused.value) == (
        "unknown symptom 'sleeep' (did you mean sleep?); 'aij symptoms' lists them"
    )
    with pytest.raises(BadInput) as refused:
        symptoms.get("zzz")
    assert str(refused.value) == "unknown symptom 'zzz'; 'aij symptoms' lists them"
