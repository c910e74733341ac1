"""The worst-pain flag (domain/change.py): 2 points or 30%, exactly at the boundary."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.change import (
    PAIN_POINTS,
    PAIN_SHARE,
    RULE_TEXT,
    exact_mean,
    pain_change,
)


def _flag(before: list[float], after: list[float]) -> str | None:
    found = pain_change(exact_mean(before), exact_mean(after))
    return None if found is None else found.describe()


def test_the_thresholds_are_the_published_ones() -> None:
    assert PAIN_POINTS == 2  # SWOG S1200's meaningful difference
    assert Fraction(30, 100) == PAIN_SHARE  # IMMPACT's moderate change
    assert "Hershman et al., JAMA 2018;320(2):167-176" in RULE_TEXT
    assert "Dworkin et al., J Pain 2008;9(2):105-121" in RULE_TEXT


def test_exactly_two_points_from_7_2_to_9_2() -> None:
    # 7,7,7,7,8 = 36/5 = 7.2; 9,9,9,9,10 = 46/5 = 9.2; 46/5 - 36/5 = 10/5 = 2 points exactly.
    # In binary floating point 9.2 - 7.2 = 1.9999999999999991, which missed the flag.
    assert 46 / 5 - 36 / 5 < 2
    flag = _flag([7, 7, 7, 7, 8], [9, 9, 9, 9, 10])
    # 2 / (36/5) = 10/36 = 27.8%, shown as 28%
    assert flag == "worse by 2.0 points (28%) against the week before"


def test_the_means_as_typed_decimals() -> None:
    # Ratings typed as decimals (a user's own 0-10 scale): 7.2 -> 9.2 is 2 points exactly.
    assert _flag([7.2], [9.2]) == "worse by 2.0 points (28%) against the week before"
    assert _flag([9.2], [7.2]) == "better by 2.0 points (22%) against the week before"  # 2/9.2
    assert _flag([7.2], [9.1]) is None  # 1.9 points, 26%


def test_exactly_thirty_percent_from_10_3_to_13_3() -> None:
    # 3,3,4 = 10/3 (3.33); 4,4,5 = 13/3 (4.33): a change of 1 point, 1 / (10/3) = 3/10 exactly.
    # In floating point (13/3 - 10/3) / (10/3) = 0.29999999999999993, which missed the flag.
    assert (13 / 3 - 10 / 3) / (10 / 3) < 0.3
    assert _flag([3, 3, 4], [4, 4, 5]) == "worse by 1.0 points (30%) against the week before"
    # Just under: 3,3,4 -> 4,4,4 is 2/3 point, 20%: no flag.
    assert _flag([3, 3, 4], [4, 4, 4]) is None


def test_a_fall_of_exactly_thirty_percent() -> None:
    # 10 -> 7: 3 points and 30%; 5 -> 3.5 (ratings 3,4): 1.5 points, 1.5/5 = 30% exactly.
    assert _flag([5], [3, 4]) == "better by 1.5 points (30%) against the week before"
    assert _flag([5], [4, 4]) is None  # 1 point, 20%


def test_a_zero_baseline_counts_points_only() -> None:
    # A week of zeros: any rise used to read "100%"; only the point rule applies.
    assert _flag([0, 0, 0], [1, 1, 1]) is None
    assert _flag([0, 0, 0], [1, 2, 2]) is None  # 5/3 point
    assert _flag([0, 0, 0], [2, 2, 2]) == "worse by 2.0 points against the week before"


def test_no_change_is_no_flag() -> None:
    assert _flag([0], [0]) is None
    assert _flag([5, 6], [6, 5]) is None


ratings = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=7)


@given(ratings, ratings)
def test_flag_matches_integer_arithmetic(before: list[int], after: list[int]) -> None:
    # Means b/n1 and a/n2; their difference is d / (n1 n2) with d = a n1 - b n2.
    n1, n2, b, a = len(before), len(after), sum(before), sum(after)
    d = a * n1 - b * n2
    by_points = abs(d) >= 2 * n1 * n2
    # share = |d| / (n1 n2) / (b / n1) = |d| / (n2 b)  >=  3/10
    by_share = b > 0 and 10 * abs(d) >= 3 * n2 * b
    found = pain_change(exact_mean(before), exact_mean(after))
    assert (found is not None) == (d != 0 and (by_points or by_share))
    if found is not None:
        assert found.direction == ("worse" if d > 0 else "better")
        assert found.points == Fraction(abs(d), n1 * n2)
        assert found.share == (None if b == 0 else Fraction(abs(d), n2 * b))
