"""#9.12, #9.13: the eating pattern's fruit units and meat items, worked by hand."""

from datetime import date

from aijournal.domain.pattern import ITEMS, LoggedFood, weekly_pattern

D1, D2 = date(2026, 11, 2), date(2026, 11, 3)
FRUIT = frozenset({"fruit"})
JUICE = frozenset({"fruit", "juice"})


def line(foods: list[LoggedFood], key: str) -> tuple[float, float | None, bool]:
    result = weekly_pattern(foods)
    assert result is not None
    found = next(x for x in result.lines if x.key == key)
    return found.servings, found.per_day, found.met


def test_one_cup_of_orange_juice_is_one_fruit_unit_not_three() -> None:
    # 1 cup of orange juice is 249 g (SR28 09209 WEIGHT Seq 1); 249 / 80 was 3.1 servings.
    assert line([LoggedFood(D1, JUICE, 249.0, 1, "cup")], "fruit")[0] == 1.0


def test_juice_counts_one_unit_a_day_at_most() -> None:
    foods = [
        LoggedFood(D1, JUICE, 248.0, 1, "cup"),
        LoggedFood(D1, JUICE, 500.0, 500, "g"),
        LoggedFood(D2, JUICE, 248.0, 1, "cup"),
    ]
    assert line(foods, "fruit")[:2] == (2.0, 1.0)  # one on each of two days


def test_whole_fruits_count_each_other_fruit_items_count_one() -> None:
    foods = [
        LoggedFood(D1, FRUIT, 236.0, 2, "medium"),  # 2 bananas
        LoggedFood(D1, FRUIT, 91.0, 1, "half"),  # half a grapefruit: half a unit
        LoggedFood(D1, frozenset({"fruit", "berry"}), 74.0, 0.5, "cup"),  # blueberries
        LoggedFood(D1, FRUIT, 300.0, 300, "g"),  # an apple by weight
        LoggedFood(D1, frozenset({"vegetable"}), 100.0, 100, "g"),  # not fruit
    ]
    servings, per_day, met = line(foods, "fruit")
    assert servings == 2 + 0.5 + 1 + 1
    assert per_day == 4.5 and met  # at least 3 a day


def test_fruit_threshold_is_exactly_three_a_day() -> None:
    three = [LoggedFood(D1, FRUIT, 100.0, 1, "medium")] * 3
    assert line(three, "fruit")[2] is True
    assert line([*three[:2], LoggedFood(D1, FRUIT, 50.0, 1, "half")], "fruit")[2] is False


def test_no_portion_is_credited_to_who_trs_916() -> None:
    for item in ITEMS:
        assert "916" not in item.portion_source and "WHO" not in item.portion_source
    fruit = next(i for i in ITEMS if i.key == "fruit")
    assert fruit.serving_g is None and "MEDAS" in fruit.portion_source


def test_a_bare_count_of_whole_fruits_counts_each_small_fruits_count_one() -> None:
    # What `aij log meal` keeps for a bare count: the count and its measure, with grams.
    foods = [
        LoggedFood(D1, FRUIT, 236.0, 2, "medium"),  # banana 2: 2 x 118 g (SR28 09040)
        LoggedFood(D1, FRUIT, 105.0, 3, "apricot"),  # apricot 3: 3 x 35 g (09021), each a piece
        LoggedFood(D1, FRUIT, 98.0, 20, "grape"),  # grapes 20: 4.9 g each, one unit
        LoggedFood(D1, frozenset({"fruit", "berry"}), 120.0, 10, "medium"),  # 10 strawberries
        LoggedFood(D1, FRUIT, 48.0, 2, "date"),  # 2 medjool dates of 24 g: one unit
        LoggedFood(D1, FRUIT, 21.0, 6, "half"),  # 6 dried apricot halves of 3.5 g: one unit
        LoggedFood(D1, FRUIT, 98.0, 1, "half"),  # a canned peach half of 98 g: half a unit
    ]
    assert line(foods, "fruit")[0] == 2 + 3 + 1 + 1 + 1 + 1 + 0.5


def test_a_piece_is_30_g_exactly() -> None:
    assert line([LoggedFood(D1, FRUIT, 60.0, 2, "fruit")], "fruit")[0] == 2.0  # 30 g each
    assert line([LoggedFood(D1, FRUIT, 59.8, 2, "fruit")], "fruit")[0] == 1.0  # 29.9 g each
