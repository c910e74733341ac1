"""Module-level constants added to domain/ since their modules' mutation scores were measured,
pinned to their sources (mutmut does not mutate them): the date window of issue #11, the fish
cut that is a side of the fish and the weight of a MEDAS piece of fruit, against SR28's
WEIGHT.txt rows read here, and the exercise log's unit words."""

from pathlib import Path

import pytest

from aijournal.domain import dates, exercise, meals, pattern

SR28 = Path(__file__).parents[3] / "shared/data/usda-sr28"
OUNCE_G = 28.349523125  # the international avoirdupois ounce


def _weights() -> list[tuple[str, float, str, float]]:
    """WEIGHT.txt rows as (NDB number, amount, measure, grams)."""
    rows = []
    for line in (SR28 / "WEIGHT.txt").read_text(encoding="latin-1").splitlines():
        fields = [f.strip("~") for f in line.split("^")]
        rows.append((fields[0], float(fields[2]), fields[3], float(fields[4])))
    return rows


def test_the_date_window_is_issue_11s() -> None:
    # "Dates at the edges refused (120 years back, 2 years ahead)"
    assert (dates.MAX_YEARS_BACK, dates.MAX_YEARS_AHEAD) == (120, 2)


def test_the_exercise_unit_words() -> None:
    assert {
        **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "m"),
        **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
        **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
    } == exercise._UNIT_WORDS


needs_sr28 = pytest.mark.skipif(
    not (SR28 / "WEIGHT.txt").is_file(), reason=f"USDA SR28 is not at {SR28}"
)


@needs_sr28
def test_a_cut_over_200_g_is_a_side_of_the_fish() -> None:
    # SR28 weighs fish by ".5 fillet": half of what it calls a fillet, 119 g or more. A whole
    # "fillet" is then 238 g or more, a side of the fish; a 3 oz portion is 85 g.
    halves = [grams for _, amount, unit, grams in _weights() if unit == "fillet" and amount == 0.5]
    assert len(halves) > 20
    assert 2 * min(halves) == 238.0
    assert meals.CUT_PORTION_GRAMS == 200.0
    assert 3 * OUNCE_G < meals.CUT_PORTION_GRAMS < 2 * min(halves)


@needs_sr28
def test_a_piece_of_fruit_weighs_30_g_or_more() -> None:
    rows = {(ndb, unit): grams / amount for ndb, amount, unit, grams in _weights()}
    apricot = rows[("09021", "apricot")]  # Apricots, raw: 1 apricot, 35 g
    small = {
        "cherry": rows[("09070", "cherry")],  # 8.2 g
        "grape": rows[("09132", "grapes")],  # 10 grapes, 49 g: 4.9 g
        "strawberry, extra large": rows[("09316", 'extra large (1-5/8" dia)')],  # 27 g
        "medjool date": rows[("09421", "date, pitted")],  # 24 g
    }
    assert apricot == 35.0
    assert pattern.PIECE_MIN_G == 30.0
    assert max(small.values()) < pattern.PIECE_MIN_G <= apricot
