"""stats.py to many digits, against closed forms and arithmetic written out here.

The references below share no code with ``aijournal.domain.stats``:
- Student's t CDF for whole degrees of freedom by the finite series of Abramowitz and
  Stegun 26.7.3 (odd) and 26.7.4 (even); for fractional ones by Simpson's rule on the
  t density;
- the quantile's closed forms for 1 and 2 degrees of freedom (Cauchy, and
  t = (2p - 1) / sqrt(2p(1 - p)));
- two-sided 95% critical values printed to 9-10 significant figures in t tables;
- means and sample variances written out by hand, or from ``statistics``.
"""

import math
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aijournal.domain.stats import (
    MIN_DAYS,
    Difference,
    mean,
    t_cdf,
    t_quantile,
    variance,
    welch_difference,
)


def series_t_cdf(t: float, nu: int) -> float:
    """P(T <= t), Abramowitz and Stegun 26.7.3-4: A(t|nu) by a finite series of cos(theta)."""
    theta = math.atan(t / math.sqrt(nu))
    s, c = math.sin(theta), math.cos(theta)
    if nu % 2 == 1:
        # A = 2/pi [theta + sin(theta)(cos + 2/3 cos^3 + ...
        #                              + (2.4..(nu-3))/(1.3..(nu-2)) cos^(nu-2))]
        total, term = 0.0, c
        for j in range((nu - 1) // 2):
            if j:
                term *= c * c * (2 * j) / (2 * j + 1)
            total += term
        a = 2.0 / math.pi * (theta + s * total)
    else:
        # A = sin(theta)(1 + 1/2 cos^2 + 1.3/(2.4) cos^4 + ...
        #                + (1.3..(nu-3))/(2.4..(nu-2)) cos^(nu-2))
        total, term = 0.0, 1.0
        for j in range(nu // 2):
            if j:
                term *= c * c * (2 * j - 1) / (2 * j)
            total += term
        a = s * total
    return 0.5 + a / 2.0


def simpson_t_cdf(t: float, nu: float, steps: int = 2000) -> float:
    """P(T <= t): 1/2 plus Simpson's rule on the t density from 0 to t."""
    const = math.exp(math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2)) / math.sqrt(nu * math.pi)

    def density(x: float) -> float:
        return const * (1.0 + x * x / nu) ** (-(nu + 1) / 2)

    h = t / steps
    odd = sum(density((2 * k - 1) * h) for k in range(1, steps // 2 + 1))
    even = sum(density(2 * k * h) for k in range(1, steps // 2))
    return 0.5 + h / 3.0 * (density(0.0) + 4 * odd + 2 * even + density(t))


# Two-sided 95% critical values, t(0.975, df), as printed in extended t tables.
PRINTED_975 = {
    1: 12.7062047362,
    2: 4.30265272975,
    5: 2.57058183564,
    13: 2.16036865646,
    26: 2.05552943864,
    30: 2.04227245630,
}


# The references themselves, checked against what everyone knows.


def test_the_series_reference_is_the_cauchy_and_the_df2_closed_forms() -> None:
    for t in (-7.5, -1.0, 0.3, 2.0, 40.0):
        assert series_t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, abs=1e-15)
        assert series_t_cdf(t, 2) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)), abs=1e-15)


@pytest.mark.parametrize("nu", [3, 4, 7, 10])
def test_the_two_references_agree(nu: int) -> None:
    for t in (0.2, 1.5, 3.0, -2.5):
        assert simpson_t_cdf(t, nu) == pytest.approx(series_t_cdf(t, nu), abs=1e-11)


@pytest.mark.parametrize(("df", "t"), sorted(PRINTED_975.items()))
def test_the_printed_critical_values_are_at_0975(df: int, t: float) -> None:
    assert series_t_cdf(t, df) == pytest.approx(0.975, abs=1e-11)


# t_cdf


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=60),
    st.floats(min_value=-30.0, max_value=30.0).filter(lambda t: t == 0 or abs(t) >= 1e-3),
)
def test_t_cdf_equals_the_series_for_whole_df(nu: int, t: float) -> None:
    assert t_cdf(t, nu) == pytest.approx(series_t_cdf(t, nu), abs=1e-10)


@given(st.integers(min_value=1, max_value=400), st.floats(min_value=-1e-3, max_value=1e-3))
def test_t_cdf_within_a_thousandth_of_zero_is_one_half(nu: int, t: float) -> None:
    # Here x = nu / (nu + t^2) rounds near 1; t_cdf works from 1 - x instead, so the result
    # is 0.5 to within the density at 0 (under 0.4) times |t|, with no loss of digits.
    assert abs(t_cdf(t, nu) - 0.5) <= 0.4 * abs(t) + 1e-15


@pytest.mark.parametrize("nu", [1, 2, 3, 4, 9, 30, 200])
@pytest.mark.parametrize("t", [-12.0, -3.0, -1.0, -0.25, 0.05, 0.7, 1.96, 2.5, 6.0, 25.0])
def test_t_cdf_equals_the_series_on_a_grid(nu: int, t: float) -> None:
    # The grid runs both sides of the incomplete beta's switch between its two fractions,
    # x = nu / (nu + t^2) against (a + 1) / (a + b + 2), a = nu / 2, b = 1/2.
    assert t_cdf(t, nu) == pytest.approx(series_t_cdf(t, nu), abs=1e-11, rel=1e-9)


@pytest.mark.parametrize("nu", [1.5, 2.7, 13.4, 27.83, 61.2])
@pytest.mark.parametrize("t", [-4.0, -0.6, 0.4, 2.05, 3.3])
def test_t_cdf_equals_simpson_for_fractional_df(nu: float, t: float) -> None:
    # Welch's degrees of freedom are fractional.
    assert t_cdf(t, nu) == pytest.approx(simpson_t_cdf(t, nu), abs=1e-10)


def test_t_cdf_far_tails_are_tiny_and_not_zero() -> None:
    # P(T <= -50) for 1 df is atan(-50)/pi + 1/2 = 0.006365..., for 3 df about 6.3e-6.
    assert t_cdf(-50.0, 1) == pytest.approx(0.5 + math.atan(-50.0) / math.pi, rel=1e-9)
    assert t_cdf(-50.0, 3) == pytest.approx(series_t_cdf(-50.0, 3), rel=1e-8)
    assert t_cdf(50.0, 3) == pytest.approx(1.0 - series_t_cdf(-50.0, 3), abs=1e-14)


def test_t_cdf_at_zero_is_one_half() -> None:
    for nu in (1, 2.5, 13, 400):
        assert t_cdf(0.0, nu) == 0.5


def test_t_cdf_at_the_infinities() -> None:
    for nu in (1, 7, 26.5):
        assert t_cdf(math.inf, nu) == 1.0
        assert t_cdf(-math.inf, nu) == 0.0


# t_quantile


@pytest.mark.parametrize(("df", "t"), sorted(PRINTED_975.items()))
def test_t_quantile_0975_equals_the_printed_value(df: int, t: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(t, abs=1e-9)
    assert t_quantile(0.025, df) == pytest.approx(-t, abs=1e-9)


@pytest.mark.parametrize("p", [0.001, 0.05, 0.3, 0.8, 0.975, 0.999])
def test_t_quantile_closed_forms_for_one_and_two_df(p: float) -> None:
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), abs=1e-9, rel=1e-9)
    assert t_quantile(p, 2) == pytest.approx((2 * p - 1) / math.sqrt(2 * p * (1 - p)), abs=1e-9)


def test_t_quantile_at_one_half_is_zero() -> None:
    for df in (1, 2, 13.4, 30):
        assert t_quantile(0.5, df) == pytest.approx(0.0, abs=1e-7)


@pytest.mark.parametrize("df", [2.7, 13.4, 27.83, 61.2])
def test_t_quantile_for_fractional_df_inverts_simpson(df: float) -> None:
    t = t_quantile(0.975, df)
    assert simpson_t_cdf(t, df) == pytest.approx(0.975, abs=1e-11)


# mean, variance


def test_mean_and_sample_variance_by_hand() -> None:
    values = [2.0, 4.0, 4.0, 5.0, 10.0]
    # mean 25/5 = 5; squared deviations 9+1+1+0+25 = 36; n - 1 = 4.
    assert mean(values) == 5.0
    assert variance(values) == 9.0
    assert mean([7.5]) == 7.5
    assert variance([3.0, 3.0, 3.0]) == 0.0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=-1000, max_value=1000), min_size=2, max_size=40))
def test_mean_and_variance_equal_statistics(values: list[int]) -> None:
    floats = [float(v) for v in values]
    assert mean(floats) == pytest.approx(statistics.fmean(floats), abs=1e-9)
    assert variance(floats) == pytest.approx(statistics.variance(values), abs=1e-7, rel=1e-12)


# Difference.excludes_zero, exactly at its boundaries


@pytest.mark.parametrize(
    ("low", "high", "excludes"),
    [
        (0.0, 1.0, False),  # touches zero from above: zero is in the interval
        (1e-9, 1.0, True),
        (0.5, 0.9, True),
        (-1.0, 0.0, False),  # touches zero from below
        (-1.0, -1e-9, True),
        (-0.9, -0.5, True),
        (-1.0, 1.0, False),
        (0.0, 0.0, False),
    ],
)
def test_excludes_zero_at_its_boundaries(low: float, high: float, excludes: bool) -> None:
    assert Difference(14, 14, 0.0, 0.0, 0.0, low, high).excludes_zero is excludes


# welch_difference


def test_min_days_is_the_readme_fourteen() -> None:
    # README: insights say nothing where either side has fewer than 14 days.
    assert MIN_DAYS == 14


@pytest.mark.parametrize(("n_with", "n_without"), [(13, 14), (14, 13), (13, 13), (0, 20)])
def test_one_day_short_on_either_side_says_nothing(n_with: int, n_without: int) -> None:
    a = ([1.0, 2.0] * 10)[:n_with]
    b = ([3.0, 5.0] * 10)[:n_without]
    assert welch_difference(a, b) is None


def test_exactly_fourteen_on_each_side_is_enough() -> None:
    result = welch_difference([1.0, 2.0] * 7, [3.0, 5.0] * 7)
    assert result is not None
    assert (result.n_with, result.n_without) == (14, 14)


def test_welch_unequal_sizes_and_spreads_every_field() -> None:
    with_ = [4.0, 6.0, 5.0, 7.0, 3.0, 5.0, 6.0, 4.0, 5.0, 8.0, 2.0, 5.0, 6.0, 4.0, 5.0]
    without = [2.0, 1.0, 3.0, 2.0, 2.0, 1.0, 3.0, 2.0, 2.0, 2.0] * 2 + [2.0] * 3
    # with_: 15 values summing to 75, mean 5; squared deviations
    # 1+1+0+4+4+0+1+1+0+9+9+0+1+1+0 = 32, variance 32/14.
    # without: 23 values summing to 46, mean 2; squared deviations 0+1+1+0+0+1+1+0+0+0 = 4
    # per 10, so 8, variance 8/22.
    n1, n2, m1, m2, s1, s2 = 15, 23, 5.0, 2.0, 32 / 14, 8 / 22
    v1, v2 = s1 / n1, s2 / n2
    se = math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    # v1 = 0.152381, v2 = 0.015810; df = 0.028288 / (0.0016586 + 0.0000114) = 16.94,
    # fractional, between n1 - 1 = 14 and n1 + n2 - 2 = 36.
    assert df == pytest.approx(16.9398, abs=1e-4)

    result = welch_difference(with_, without)

    assert result is not None
    assert result.n_with == n1
    assert result.n_without == n2
    assert result.mean_with == pytest.approx(m1, abs=1e-12)
    assert result.mean_without == pytest.approx(m2, abs=1e-12)
    assert result.difference == pytest.approx(3.0, abs=1e-12)
    half = (result.high - result.low) / 2
    assert (result.low + result.high) / 2 == pytest.approx(3.0, abs=1e-12)
    # The half-width is t(0.975, df) standard errors: P(T_df <= half / se) = 0.975.
    assert simpson_t_cdf(half / se, df) == pytest.approx(0.975, abs=1e-10)
    assert result.excludes_zero


def test_welch_the_other_way_round_is_the_mirror_image() -> None:
    a = [4.0, 6.0, 5.0, 7.0, 3.0, 5.0, 6.0, 4.0, 5.0, 8.0, 2.0, 5.0, 6.0, 4.0, 5.0]
    b = [2.0, 1.0, 3.0, 2.0] * 6
    forward, backward = welch_difference(a, b), welch_difference(b, a)
    assert forward is not None and backward is not None
    assert backward.difference == pytest.approx(-forward.difference, abs=1e-12)
    assert backward.low == pytest.approx(-forward.high, abs=1e-9)
    assert backward.high == pytest.approx(-forward.low, abs=1e-9)
    assert (backward.n_with, backward.n_without) == (24, 15)


def test_welch_equal_spreads_has_the_printed_26_df_interval() -> None:
    # 14 values 2,4,2,4...: mean 3, variance 14/13; 14 values 5,7,...: mean 6, the same.
    # se = sqrt(2 (14/13) / 14) = sqrt(1/6.5); df = (2v)^2 / (2 v^2 / 13) = 26.
    result = welch_difference([2.0, 4.0] * 7, [5.0, 7.0] * 7)
    assert result is not None
    half = PRINTED_975[26] * math.sqrt(1 / 6.5)
    assert result.low == pytest.approx(-3.0 - half, abs=1e-9)
    assert result.high == pytest.approx(-3.0 + half, abs=1e-9)
    assert (result.mean_with, result.mean_without, result.difference) == pytest.approx(
        (3.0, 6.0, -3.0), abs=1e-12
    )


def test_welch_with_one_constant_side_has_n_minus_1_df() -> None:
    # without: 20 twos, variance 0. with_: 14 values 1,3,1,3,...: mean 2, variance 14/13.
    # v2 = 0, so df = v1^2 / (v1^2 / 13) = 13 and se = sqrt((14/13) / 14) = sqrt(1/13).
    result = welch_difference([1.0, 3.0] * 7, [2.0] * 20)
    assert result is not None
    half = PRINTED_975[13] * math.sqrt(1 / 13)
    assert result.difference == pytest.approx(0.0, abs=1e-12)
    assert result.low == pytest.approx(-half, abs=1e-9)
    assert result.high == pytest.approx(half, abs=1e-9)
    assert not result.excludes_zero
    assert (result.n_with, result.n_without) == (14, 20)

    mirrored = welch_difference([2.0] * 20, [1.0, 3.0] * 7)
    assert mirrored is not None
    assert mirrored.low == pytest.approx(-half, abs=1e-9)
    assert mirrored.high == pytest.approx(half, abs=1e-9)


def test_welch_with_no_spread_on_either_side_is_the_bare_difference() -> None:
    # Every value the same on each side: no uncertainty to speak of, the interval is a point.
    result = welch_difference([5.0] * 14, [3.5] * 16)
    assert result == Difference(
        n_with=14, n_without=16, mean_with=5.0, mean_without=3.5, difference=1.5, low=1.5, high=1.5
    )
    assert result.excludes_zero
    same = welch_difference([2.0] * 15, [2.0] * 14)
    assert same == Difference(15, 14, 2.0, 2.0, 0.0, 0.0, 0.0)
    assert not same.excludes_zero


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=10), min_size=14, max_size=40),
    st.lists(st.integers(min_value=0, max_value=10), min_size=14, max_size=40),
)
def test_welch_equals_the_formula(with_: list[int], without: list[int]) -> None:
    a, b = [float(v) for v in with_], [float(v) for v in without]
    result = welch_difference(a, b)
    assert result is not None
    m1, m2 = statistics.fmean(a), statistics.fmean(b)
    v1 = statistics.variance(with_) / len(a)
    v2 = statistics.variance(without) / len(b)
    assert result.difference == pytest.approx(m1 - m2, abs=1e-9)
    assert (result.n_with, result.n_without) == (len(a), len(b))
    if v1 + v2 == 0:
        assert result.low == result.high == pytest.approx(m1 - m2, abs=1e-9)
        return
    df = (v1 + v2) ** 2 / (v1**2 / (len(a) - 1) + v2**2 / (len(b) - 1))
    half = (result.high - result.low) / 2
    assert simpson_t_cdf(half / math.sqrt(v1 + v2), df, steps=400) == pytest.approx(0.975, abs=1e-8)
