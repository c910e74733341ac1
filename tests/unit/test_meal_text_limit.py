"""A meal's text is kept up to 2,000 characters (the meal text column's length, issue #11);
one more is refused in one line naming the count and the limit."""

import pytest

from aijournal.domain.meals import parse_items
from aijournal.errors import BadInput


def test_a_meal_of_2000_characters_is_kept_and_2001_refused() -> None:
    kept = "egg" + " " * 1997
    assert len(kept) == 2000
    assert [item.name for item in parse_items(kept)] == ["egg"]
    with pytest.raises(BadInput) as refused:
        parse_items(kept + " ")
    assert str(refused.value) == (
        "the meal is 2001 characters; at most 2000 are kept (log it as two meals)"
    )
