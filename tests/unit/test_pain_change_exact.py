"""The worst-pain flag's text, rounded half up by hand, and the change rule at its edges.

DOMAIN.md: a change of 2 points (SWOG S1200) or of 30% (IMMPACT) in the weekly mean of the
0-10 worst-pain rating is meaningful. Means and shares are worked out in the comments.
"""

from fractions import Fraction

import pytest

from aijournal.domain.change import (
    POINTS_SOURCE,
    RULE_TEXT,
    SHARE_SOURCE,
    PainChange,
    exact,
    exact_mean,
    pain_change,
)


def _flag(before: list[float], after: list[float]) -> str | None:
    found = pain_change(exact_mean(before), exact_mean(after))
    return None if found is None else found.describe()


def test_the_sources_and_the_rule_text() -> None:
    assert POINTS_SOURCE == "SWOG S1200, Hershman et al., JAMA 2018;320(2):167-176"
    assert SHARE_SOURCE == "IMMPACT, Dworkin et al., J Pain 2008;9(2):105-121"
    assert RULE_TEXT == (
        "A change of 2 points (SWOG S1200, Hershman et al., JAMA 2018;320(2):167-176) or of"
        " 30% (IMMPACT, Dworkin et al., J Pain 2008;9(2):105-121) is one worth bringing to"
        " your clinician."
    )


def test_exact_reads_a_rating_as_its_decimal() -> None:
    assert exact(7.2) == Fraction(36, 5)
    assert exact(0.1) == Fraction(1, 10)
    assert exact(6) == Fraction(6)
    # Means of 1 and 2 values: (7 + 8) / 2 = 15/2; 6.5 alone.
    assert exact_mean([7, 8]) == Fraction(15, 2)
    assert exact_mean([6.5]) == Fraction(13, 2)
    assert exact_mean([0.1, 0.2]) == Fraction(3, 20)  # 0.1 + 0.2 is 0.3 exactly, / 2
    with pytest.raises(ValueError, match=r"^the mean of no values$"):
        exact_mean([])


def test_half_a_point_shown_with_its_leading_zero() -> None:
    # 1 -> (1 + 0) / 2 = 0.5: 0.5 points, 0.5 / 1 = 50%.
    assert _flag([1], [1, 0]) == "better by 0.5 points (50%) against the week before"


def test_ten_points_keep_both_digits() -> None:
    # 0 -> 10 on a zero baseline: 10 points, no share.
    assert _flag([0], [10]) == "worse by 10.0 points against the week before"


def test_halves_round_up_in_points_and_percent() -> None:
    # 2 -> 2.65: 0.65 points (6.5 tenths -> 7, so 0.7), 0.65 / 2 = 32.5% -> 33%.
    assert _flag([2], [2.65]) == "worse by 0.7 points (33%) against the week before"
    # 2 -> 1.35: 0.65 points, 32.5%, a fall.
    assert _flag([2], [1.35]) == "better by 0.7 points (33%) against the week before"
    # 2 -> 2.64: 0.64 points -> 0.6; 0.64 / 2 = 32% exactly.
    assert _flag([2], [2.64]) == "worse by 0.6 points (32%) against the week before"


def test_a_share_just_under_a_half_percent_rounds_down() -> None:
    # 4 -> 5.98: 1.98 points -> 2.0; 1.98 / 4 = 49.5% -> 50%; 4 -> 5.979: 49.475% -> 49%.
    assert _flag([4], [5.98]) == "worse by 2.0 points (50%) against the week before"
    assert _flag([4], [5.979]) == "worse by 2.0 points (49%) against the week before"


def test_the_fields_of_a_change() -> None:
    # 5 -> 3: 2 points down, 2/5 of the baseline.
    assert pain_change(Fraction(5), Fraction(3)) == PainChange(
        "better", Fraction(2), Fraction(2, 5)
    )
    # 0 -> 3: 3 points up, no share on a zero baseline.
    assert pain_change(Fraction(0), Fraction(3)) == PainChange("worse", Fraction(3), None)


def test_one_point_at_exactly_thirty_percent_is_flagged() -> None:
    # 10/3 -> 13/3 is one point exactly, and 30% exactly.
    found = pain_change(Fraction(10, 3), Fraction(13, 3))
    assert found == PainChange("worse", Fraction(1), Fraction(3, 10))


def test_a_change_under_a_tenth_rounds_to_a_tenth() -> None:
    # One day of 1 in a week of 7 (1/7) -> one in 5 logged days (1/5): 1/5 - 1/7 = 2/35 = 0.057
    # points -> 0.1; (2/35) / (1/7) = 2/5 = 40%.
    assert _flag([0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 1]) == (
        "worse by 0.1 points (40%) against the week before"
    )
