"""domain/suggest.py and domain/limits.py, exactly (#9 mutation scores, #11 limits)."""

import math

import pytest

from aijournal.domain.limits import (
    MAX_ITEM_AMOUNT,
    MAX_ITEM_NUTRIENT,
    MAX_MEAL_TEXT,
    SYMPTOM_VALUE_RANGE,
    check_number,
)
from aijournal.domain.suggest import close_matches, did_you_mean
from aijournal.errors import BadInput

NAMES = ["joint-pain", "stiffness", "fatigue", "hot-flashes", "hot-flash-severity", "insomnia"]


def test_close_matches_are_the_difflib_ones_best_first() -> None:
    # difflib ratio of "join-pain" to "joint-pain": 2*9/19 = 0.947, above the 0.6 cut-off.
    assert close_matches("join-pain", NAMES) == ["joint-pain"]
    assert close_matches("hot-flash", NAMES) == ["hot-flashes", "hot-flash-severity"]
    # At most n, and duplicates in the choices count once.
    assert close_matches("hot-flash", [*NAMES, *NAMES], n=1) == ["hot-flashes"]


def test_without_a_close_match_the_first_three_letters_decide() -> None:
    # "fatxxxxxxxxxx" is too far from "fatigue" for difflib (ratio 2*3/20 = 0.3 < 0.6).
    assert close_matches("fatxxxxxxxxxx", NAMES) == ["fatigue"]
    # Sorted, and at most n of them.
    assert close_matches("hotxxxxxxxxxxxxxxxxx", NAMES, n=1) == ["hot-flash-severity"]
    assert close_matches("hotxxxxxxxxxxxxxxxxx", NAMES) == ["hot-flash-severity", "hot-flashes"]
    # A word under three letters gets no prefix matches.
    assert close_matches("zz", NAMES) == []
    assert close_matches("qqqqqqqq", NAMES) == []


def test_did_you_mean_is_a_fragment_or_nothing() -> None:
    assert did_you_mean("join-pain", NAMES) == " (did you mean joint-pain?)"
    assert did_you_mean("hot-flash", NAMES) == " (did you mean hot-flashes or hot-flash-severity?)"
    assert did_you_mean("hot-flash", NAMES, n=1) == " (did you mean hot-flashes?)"
    assert did_you_mean("qqqqqqqq", NAMES) == ""


def test_the_limits_are_those_the_issue_and_the_schema_name() -> None:
    assert MAX_MEAL_TEXT == 2000  # the meal text column's length
    assert SYMPTOM_VALUE_RANGE == (-1000.0, 100000.0)
    assert MAX_ITEM_AMOUNT == 1_000_000.0
    assert MAX_ITEM_NUTRIENT == 1_000_000_000.0


@pytest.mark.parametrize("value", [0.0, 1.0, 10.0, 0.5])
def test_a_number_in_range_and_at_both_ends_is_kept(value: float) -> None:
    check_number("x", value, 0.0, 10.0)  # no error


@pytest.mark.parametrize("value", [-0.001, 10.001, math.nan, math.inf, -math.inf])
def test_a_number_outside_or_not_finite_is_refused(value: float) -> None:
    with pytest.raises(BadInput) as caught:
        check_number("sleep hours", value, 0.0, 10.0)
    assert str(caught.value) == f"sleep hours {value:g} is outside what aij keeps (0 to 10)"


def test_three_letters_are_enough_for_the_prefix_rule_two_are_not() -> None:
    # "hot" is too far from every name for difflib (2*3/14 = 0.43 against "hot-flashes").
    assert close_matches("hot", NAMES) == ["hot-flash-severity", "hot-flashes"]
    # "ho" starts two names, but two letters are too few to suggest anything.
    assert close_matches("ho", NAMES) == []


def test_at_most_three_suggestions_by_default() -> None:
    many = ["hot1", "hot2", "hot3", "hot4"]
    assert did_you_mean("hotxxxxxxxx", many) == " (did you mean hot1 or hot2 or hot3?)"
    assert close_matches("hotxxxxxxxx", many) == ["hot1", "hot2", "hot3"]
