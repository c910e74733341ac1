"""Small statistics for insights: means, Welch's difference of means with a 95% interval."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_DAYS = 14


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz's method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-12:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    squared = t * t
    if squared < df:
        # Near t = 0, x = df / (df + t^2) rounds towards 1 and loses digits: use the mirror
        # I_x(a, b) = 1 - I_(1-x)(b, a), with 1 - x = t^2 / (df + t^2) computed directly.
        tail = 0.5 * (1.0 - _incomplete_beta(0.5, df / 2.0, squared / (df + squared)))
    else:
        tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + squared))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t with P(T <= t) = p (bisection; p in (0, 1)). It stops once the midpoint is one
    of the ends: the floats between them are all tried, and no later halving moves either."""
    low, high = -1e3, 1e3
    for _ in range(200):
        mid = (low + high) / 2.0
        if mid in (low, high):
            break
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2.0


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def variance(values: Sequence[float]) -> float:
    """Sample variance (n - 1)."""
    m = mean(values)
    return sum((v - m) ** 2 for v in values) / (len(values) - 1)


@dataclass(frozen=True)
class Difference:
    """Mean of ``with_`` minus mean of ``without``, with a 95% confidence interval."""

    n_with: int
    n_without: int
    mean_with: float
    mean_without: float
    difference: float
    low: float
    high: float

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def welch_difference(with_: Sequence[float], without: Sequence[float]) -> Difference | None:
    """Welch's difference of means and its 95% interval; None when a side has under 14 values."""
    if len(with_) < MIN_DAYS or len(without) < MIN_DAYS:
        return None
    m1, m2 = mean(with_), mean(without)
    v1, v2 = variance(with_) / len(with_), variance(without) / len(without)
    se2 = v1 + v2
    diff = m1 - m2
    if se2 == 0:
        return Difference(len(with_), len(without), m1, m2, diff, diff, diff)
    df = se2**2 / (v1**2 / (len(with_) - 1) + v2**2 / (len(without) - 1))
    half = t_quantile(0.975, df) * math.sqrt(se2)
    return Difference(len(with_), len(without), m1, m2, diff, diff - half, diff + half)
