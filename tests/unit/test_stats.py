"""The statistics behind insights, against printed tables and hand arithmetic."""

import pytest

from aijournal.domain.stats import t_cdf, t_quantile, welch_difference


@pytest.mark.parametrize(
    ("df", "expected"),
    # Two-sided 95% critical values of Student's t, from any printed t table.
    [(1, 12.706), (5, 2.571), (10, 2.228), (13, 2.160), (30, 2.042), (120, 1.980)],
)
def test_t_quantile_matches_the_table(df: int, expected: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=0.001)


def test_t_cdf_is_symmetric() -> None:
    assert t_cdf(0.0, 7) == pytest.approx(0.5)
    assert t_cdf(-2.0, 7) == pytest.approx(1 - t_cdf(2.0, 7))


def test_fewer_than_14_days_on_a_side_says_nothing() -> None:
    assert welch_difference([1.0] * 13, [2.0] * 30) is None
    assert welch_difference([1.0] * 30, [2.0] * 13) is None


def test_welch_by_hand() -> None:
    # 14 values 2,4,2,4,...: mean 3, sample variance 14/13; 14 values 5,7,...: mean 6, same.
    a = [2.0, 4.0] * 7
    b = [5.0, 7.0] * 7
    result = welch_difference(a, b)
    assert result is not None
    assert result.difference == pytest.approx(-3.0)
    # se = sqrt(2 * (14/13) / 14) = sqrt(1/6.5) = 0.39223; df = 26; t(0.975, 26) = 2.056
    assert result.high == pytest.approx(-3.0 + 2.056 * 0.39223, abs=0.002)
    assert result.low == pytest.approx(-3.0 - 2.056 * 0.39223, abs=0.002)
    assert result.excludes_zero
