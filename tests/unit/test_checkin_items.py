"""The weekly check-in's items and scales, pinned to DOMAIN.md and NCI's PRO-CTCAE item library."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.checkin import (
    ITEMS,
    QUESTIONS,
    SCALES,
    SOURCE,
    parse_answers,
    question_text,
)
from aijournal.errors import BadInput

# PRO-CTCAE (version 1.0) asks each of these symptoms on these of its three scales.
NCI_ATTRIBUTES = {
    "joint-pain": ("frequency", "severity", "interference"),
    "aching-muscles": ("frequency", "severity", "interference"),
    "hot-flashes": ("frequency", "severity"),
    "insomnia": ("severity", "interference"),
    "fatigue": ("severity", "interference"),
    "concentration": ("severity", "interference"),
    "memory": ("severity", "interference"),
    "sadness": ("frequency", "severity", "interference"),
    "anxiety": ("frequency", "severity", "interference"),
    "vaginal-dryness": ("severity",),
}


def test_the_three_scales_are_domain_mds_words_0_to_4() -> None:
    # DOMAIN.md: "0-4 frequency (never, rarely, occasionally, frequently, almost constantly),
    # severity and interference (not at all, a little bit, somewhat, quite a bit, very much)",
    # severity being PRO-CTCAE's none, mild, moderate, severe, very severe.
    assert SCALES == {
        "frequency": ("never", "rarely", "occasionally", "frequently", "almost constantly"),
        "severity": ("none", "mild", "moderate", "severe", "very severe"),
        "interference": ("not at all", "a little bit", "somewhat", "quite a bit", "very much"),
    }


def test_the_source_names_nci_and_the_7_day_recall() -> None:
    assert SOURCE == "NCI PRO-CTCAE (recall: the last 7 days)"


def test_the_items_ask_what_pro_ctcae_asks() -> None:
    assert {i.item: i.attributes for i in ITEMS} == NCI_ATTRIBUTES
    assert [i.item for i in ITEMS] == list(NCI_ATTRIBUTES)


def test_every_question_key_is_item_dot_scale_once() -> None:
    expected = [f"{item}.{scale}" for item, scales in NCI_ATTRIBUTES.items() for scale in scales]
    assert list(QUESTIONS) == expected
    assert len(QUESTIONS) == 3 + 3 + 2 + 2 + 2 + 2 + 2 + 3 + 3 + 1
    for key, item in QUESTIONS.items():
        assert key.split(".")[0] == item.item


@pytest.mark.parametrize("key", list(QUESTIONS))
def test_every_question_has_the_7_day_recall_and_asks_its_scale(key: str) -> None:
    text = question_text(key)
    lowered = text.lower()
    assert text.startswith("In the last 7 days, ")
    assert text.endswith("?")
    scale = key.split(".")[1]
    asks = {
        "frequency": "how often",
        "severity": "sever",
        "interference": "interfere with your usual or daily activities",
    }
    assert asks[scale] in lowered
    if scale == "interference":
        # NCI's ending, capitals and all.
        assert text.endswith(" with your usual or daily activities?")
    for other, words in asks.items():
        if other != scale:
            assert words not in lowered


def test_questions_name_their_symptom() -> None:
    assert "aching joints" in question_text("joint-pain.severity").lower()
    assert "hot flashes" in question_text("hot-flashes.frequency").lower()
    assert "vaginal dryness" in question_text("vaginal-dryness.severity").lower()
    assert "memory" in question_text("memory.interference").lower()


# parse_answers


def test_answers_are_read_with_their_scale() -> None:
    assert parse_answers(["joint-pain.severity=2", "hot-flashes.frequency=4"]) == {
        "joint-pain.severity": 2,
        "hot-flashes.frequency": 4,
    }


def test_every_question_takes_0_and_4() -> None:
    for key in QUESTIONS:
        assert parse_answers([f"{key}=0"]) == {key: 0}
        assert parse_answers([f"{key}=4"]) == {key: 4}


def test_keys_are_forgiven_case_and_spaces_and_values_spaces() -> None:
    assert parse_answers([" Joint-Pain.SEVERITY = 3 "]) == {"joint-pain.severity": 3}


def test_a_later_answer_to_the_same_question_wins() -> None:
    assert parse_answers(["fatigue.severity=1", "fatigue.severity=3"]) == {"fatigue.severity": 3}


@given(st.sampled_from(sorted(QUESTIONS)), st.integers(min_value=-10, max_value=20))
def test_only_0_to_4_is_allowed(key: str, value: int) -> None:
    if 0 <= value <= 4:
        assert parse_answers([f"{key}={value}"]) == {key: value}
    else:
        with pytest.raises(BadInput, match="is not allowed; use 0-4: "):
            parse_answers([f"{key}={value}"])


def test_an_out_of_scale_answer_lists_its_scales_words() -> None:
    with pytest.raises(BadInput) as refused:
        parse_answers(["sadness.frequency=5"])
    assert str(refused.value) == (
        "sadness.frequency=5 is not allowed; use 0-4: 0 never, 1 rarely, 2 occasionally, "
        "3 frequently, 4 almost constantly"
    )
    with pytest.raises(BadInput) as refused:
        parse_answers(["insomnia.interference=lots"])
    assert str(refused.value) == (
        "insomnia.interference=lots is not allowed; use 0-4: 0 not at all, 1 a little bit, "
        "2 somewhat, 3 quite a bit, 4 very much"
    )
    with pytest.raises(BadInput) as refused:
        parse_answers(["memory.severity=2.5"])
    assert str(refused.value) == (
        "memory.severity=2.5 is not allowed; use 0-4: 0 none, 1 mild, 2 moderate, 3 severe, "
        "4 very severe"
    )


@pytest.mark.parametrize("value", ["", "04", "+1", "1=2", "٣"])
def test_anything_but_a_plain_digit_is_refused(value: str) -> None:
    with pytest.raises(BadInput, match=r"is not allowed; use 0-4: 0 none, 1 mild"):
        parse_answers([f"fatigue.severity={value}"])


def test_a_token_without_equals_is_refused_with_an_example() -> None:
    with pytest.raises(BadInput) as refused:
        parse_answers(["joint-pain.severity"])
    assert str(refused.value) == (
        "'joint-pain.severity' is not ITEM.SCALE=0-4, like joint-pain.severity=2"
    )


def test_an_unknown_question_names_the_close_ones() -> None:
    with pytest.raises(BadInput) as refused:
        parse_answers(["joint-pain.severty=2"])
    assert str(refused.value) == (
        "unknown check-in question 'joint-pain.severty' (did you mean joint-pain.severity or "
        "concentration.severity or joint-pain.frequency?); 'aij checkin --list' shows them"
    )
    # Vaginal dryness has no frequency question in PRO-CTCAE.
    with pytest.raises(BadInput, match=r"^unknown check-in question 'vaginal-dryness.frequency'"):
        parse_answers(["vaginal-dryness.frequency=1"])
    with pytest.raises(BadInput) as refused:
        parse_answers(["xyz=1"])
    assert str(refused.value) == (
        "unknown check-in question 'xyz'; 'aij checkin --list' shows them"
    )


def test_the_first_bad_token_is_refused_even_after_good_ones() -> None:
    with pytest.raises(BadInput, match=r"^'oops' is not ITEM.SCALE"):
        parse_answers(["fatigue.severity=1", "oops", "xyz=9"])


def test_no_answers_at_all_is_refused() -> None:
    with pytest.raises(BadInput) as refused:
        parse_answers([])
    assert str(refused.value) == "no answers given; e.g. aij checkin joint-pain.severity=2"
