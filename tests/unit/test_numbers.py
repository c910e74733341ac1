"""The one number format (render/console.py): every number reads as itself."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from aijournal.render.console import fmt, plural, signed


def test_the_reported_cases() -> None:
    # Issue #9.5: 610 kcal printed as "61", 1,000 as "1", 0 as blank.
    assert fmt(610, 0) == "610"
    assert fmt(1000, 0) == "1,000"
    assert fmt(1000.0) == "1,000"
    assert fmt(0) == "0"
    assert fmt(0.0, 0) == "0"
    assert fmt(None) == "-"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=3))
def test_every_integer_prints_as_itself_grouped(n: int, digits: int) -> None:
    expected = f"{n:,}"  # Python's own grouping: 1234567 -> "1,234,567"
    assert fmt(n, digits) == expected
    assert fmt(float(n), digits) == expected
    assert fmt(-n, digits) == ("-" + expected if n else "0")


@given(
    st.decimals(
        min_value=Decimal("-1000000"),
        max_value=Decimal("1000000"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_a_decimal_within_the_shown_places_reads_back_exactly(number: Decimal) -> None:
    text = fmt(float(number), 2)
    assert Decimal(text.replace(",", "")) == number
    # No trailing zero after the point, no leading zeros, no "-0".
    assert not ("." in text and text.endswith("0"))
    assert text != "-0"


@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("10000"), places=3))
def test_rounding_is_half_up_on_the_number_as_written(number: Decimal) -> None:
    # What a person does by hand: 2.25 -> 2.3, 2.35 -> 2.4, 0.05 -> 0.1.
    hand = number.quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    assert Decimal(fmt(float(number)).replace(",", "")) == hand


def test_halves_by_hand() -> None:
    assert fmt(2.25) == "2.3"  # binary 2.25 is exact; Python's half-even gives "2.2"
    assert fmt(2.675, 2) == "2.68"  # binary 2.675 is 2.67499999...
    assert fmt(0.5, 0) == "1"
    assert fmt(-0.04) == "0"
    assert fmt(1234.5) == "1,234.5"


def test_signed_keeps_one_decimal_and_no_minus_zero() -> None:
    assert signed(2.0) == "+2.0"
    assert signed(9.2 - 7.2) == "+2.0"  # 1.9999999999999991 in binary
    assert signed(-0.7) == "-0.7"
    assert signed(-0.04) == "0.0"
    assert signed(0.0) == "0.0"
    assert signed(-1234.56) == "-1,234.6"
    assert signed(None) == "-"


def test_plural() -> None:
    assert plural(1, "session") == "1 session"
    assert plural(0, "session") == "0 sessions"
    assert plural(2, "night") == "2 nights"
    assert plural(1200, "day") == "1,200 days"
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
