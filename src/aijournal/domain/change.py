"""What counts as a meaningful change in worst joint pain between two weeks (DOMAIN.md).

A change of 2 points (the difference SWOG S1200 set in advance) or of 30% (IMMPACT's
moderate change) in the weekly mean of the 0-10 worst-pain rating. Compared in exact
fractions of the ratings as typed, so 7.2 -> 9.2 is exactly 2 points and 10/3 -> 13/3
exactly 30%; on a zero baseline a percentage means nothing and only the points count.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

PAIN_POINTS = Fraction(2)
PAIN_SHARE = Fraction(3, 10)
POINTS_SOURCE = "SWOG S1200, Hershman et al., JAMA 2018;320(2):167-176"
SHARE_SOURCE = "IMMPACT, Dworkin et al., J Pain 2008;9(2):105-121"
RULE_TEXT = (
    f"A change of 2 points ({POINTS_SOURCE}) or of 30% ({SHARE_SOURCE}) is one worth "
    "bringing to your clinician."
)


def exact(value: float) -> Fraction:
    """A rating as the decimal it was typed as (7.2 is 36/5, not its binary neighbour)."""
    return Fraction(repr(float(value)))


def exact_mean(values: Sequence[float]) -> Fraction:
    """The mean of ``values`` as an exact fraction (at least one value)."""
    if not values:
        raise ValueError("the mean of no values")
    return sum((exact(v) for v in values), Fraction(0)) / len(values)


@dataclass(frozen=True)
class PainChange:
    """A meaningful change: its direction, size in points, and share of the baseline."""

    direction: Literal["worse", "better"]
    points: Fraction
    share: Fraction | None  # None on a zero baseline

    def describe(self) -> str:
        """One line: 'worse by 2.0 points (28%) against the week before'."""
        points = _half_up(self.points, 1)
        share = "" if self.share is None else f" ({_half_up(self.share * 100, 0)}%)"
        return f"{self.direction} by {points} points{share} against the week before"


def _half_up(value: Fraction, digits: int) -> str:
    """A size (never negative: points and shares are absolute) to ``digits``, halves up."""
    whole = int(value * 10**digits + Fraction(1, 2))
    text = str(whole).rjust(digits + 1, "0")
    return f"{text[:-digits]}.{text[-digits:]}" if digits else text


def pain_change(previous: Fraction, current: Fraction) -> PainChange | None:
    """The change from ``previous`` to ``current`` weekly mean, if it is meaningful."""
    change = current - previous
    if change == 0:
        return None
    share = abs(change) / previous if previous > 0 else None
    if abs(change) >= PAIN_POINTS or (share is not None and share >= PAIN_SHARE):
        return PainChange("worse" if change > 0 else "better", abs(change), share)
    return None
