"""How many digits a number is written with: the one definition of aij's rounding.

Two rules, both on the number's decimal value rather than its binary float:

- **No float noise.** A stored float is read as its value to 12 significant digits
  (``21.599999999999998`` is 21.6). Every amount a person logs has far fewer digits, and the
  noise of computing a float (1.2 cups x 244 g) sits past the 15th digit, so 12 keep every
  digit that means something and drop only the noise. Rounding twice gives the same number,
  so a file written, read back and written again is the same to the byte.
- **Clinical precision.** A figure a person reads (a day's calcium, a week's average) is
  rounded to the decimals of its unit (``UNIT_DECIMALS``): mg, µg and kcal whole, grams to
  one decimal. Halves round away from zero, as a person rounds by hand (890.5 mg is 891).
  ``aij day``, ``aij week``, daily.csv and the xlsx Daily sheet all round here.
"""

import math
from decimal import ROUND_HALF_UP, Context, Decimal

SIGNIFICANT_DIGITS = 12
# Decimals a nutrient amount is read to, by unit; a unit not listed keeps one decimal.
UNIT_DECIMALS: dict[str, int] = {"mg": 0, "µg": 0, "kcal": 0, "g": 1}
OTHER_UNIT_DECIMALS = 1

# Wide enough to quantize any finite float (about 10^308) without an InvalidOperation.
_WIDE = Context(prec=800)


def significant_text(value: float) -> str:
    """``value`` to 12 significant digits, as Python writes it (may hold an exponent)."""
    return format(float(value), f".{SIGNIFICANT_DIGITS}g")


def without_noise(value: float) -> float:
    """``value`` without float noise: the float nearest its 12-significant-digit value."""
    if not math.isfinite(value):
        return value
    return float(significant_text(value))


def rounded_half_up(value: float, decimals: int) -> Decimal:
    """``value`` (without noise) to ``decimals`` decimals, halves away from zero."""
    exact = Decimal(significant_text(value))
    return exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, _WIDE)


def unit_decimals(unit: str) -> int:
    """Decimals an amount in ``unit`` is read to: mg, µg and kcal whole, g to one decimal."""
    return UNIT_DECIMALS.get(unit, OTHER_UNIT_DECIMALS)


def clinical(value: float, unit: str) -> float:
    """An amount in ``unit`` at clinical precision (890.5 mg is 891.0; 22.84 g is 22.8)."""
    number = float(rounded_half_up(value, unit_decimals(unit)))
    return 0.0 if number == 0 else number  # never -0


def reaches(value: float, threshold: float, unit: str) -> bool:
    """True when ``value`` as it is shown (at clinical precision) is at least ``threshold``.

    Thresholds are compared at the precision a person reads (issue #9): a day shown as
    1,200 mg of calcium meets a 1,200 mg target, though its float is 1,199.862."""
    margin = _settled_margin(value, unit)
    if margin is not None and abs(value - threshold) > margin:
        return value > threshold
    return clinical(value, unit) >= threshold


def passes(value: float, limit: float, unit: str) -> bool:
    """True when ``value`` as it is shown is above ``limit`` (2,000.4 mg, shown 2,000, is not)."""
    margin = _settled_margin(value, unit)
    if margin is not None and abs(value - limit) > margin:
        return value > limit
    return clinical(value, unit) > limit


def _settled_margin(value: float, unit: str) -> float | None:
    """How far ``value`` as shown can be from ``value`` itself, with room to spare: half a
    shown step of rounding plus the noise dropped past 12 significant digits is under one
    step plus 1e-11 of the value. A threshold farther than that from ``value`` is on the
    same side of both, so comparing the float answers as comparing the shown amount would,
    without the decimal arithmetic (a ten-year `aij bone` checks thousands of days). None
    for a value that is not finite: only the exact comparison decides it."""
    if not math.isfinite(value):
        return None
    return 10.0 ** -unit_decimals(unit) + abs(value) * 1e-11


def share(value: float, target: float, unit: str) -> float:
    """``value`` as it is shown, as a fraction of ``target`` (1 or more exactly when it reaches)."""
    return clinical(value, unit) / target
