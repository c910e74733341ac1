"""MEDAS fruit units of one logged item at the piece weight (30 g, pinned in
test_new_constants_sourced.py): a whole fruit of 30 g or more counts one, a half of one whose
whole weighs 30 g or more counts a half; berries, a count of nothing and small fruit count one
unit whatever the number. The weights are chosen and divided by hand in each case."""

from datetime import date

import pytest

from aijournal.domain.pattern import LoggedFood, fruit_units

DAY = date(2026, 11, 23)
FRUIT = frozenset({"fruit"})
BERRY = frozenset({"fruit", "berry"})


@pytest.mark.parametrize(
    ("tags", "grams", "amount", "unit", "units"),
    [
        (FRUIT, 80.0, 2.0, "large", 2.0),  # 40 g a piece: 2 pieces
        (FRUIT, 60.0, 2.0, "medium", 2.0),  # 30 g a piece, the edge: 2 pieces
        (FRUIT, 59.0, 2.0, "medium", 1.0),  # 29.5 g a piece: small fruit, one unit
        (BERRY, 80.0, 2.0, "large", 1.0),  # 40 g strawberries: berries are one unit
        (BERRY, 100.0, 1.0, "fruit", 1.0),
        (FRUIT, 0.0, 0.0, "medium", 1.0),  # no pieces: the item is one unit
        (FRUIT, None, 2.0, "medium", 1.0),  # no weight known
        (FRUIT, 70.0, None, None, 1.0),  # a weight without a count
        (FRUIT, 60.0, 4.0, "half", 2.0),  # halves of 15 g: the whole is 30 g, 4 halves = 2
        (FRUIT, 59.0, 4.0, "half", 1.0),  # halves of 14.75 g: a whole of 29.5 g, one unit
        (FRUIT, 36.0, 3.0, "half", 1.0),  # halves of 12 g (a whole of 24 g): one unit
        (FRUIT, 52.5, 3.0, "half", 1.5),  # halves of 17.5 g (a whole of 35 g): 1.5
        (FRUIT, 120.0, 1.0, "cup", 1.0),  # a cup is one unit
    ],
)
def test_fruit_units_at_the_piece_weight(
    tags: frozenset[str], grams: float | None, amount: float | None, unit: str | None, units: float
) -> None:
    assert fruit_units(LoggedFood(DAY, tags, grams, amount, unit)) == units
