"""`aij trends` and the nutrient bars: scaled to the scale, from the first entry, readable."""

import json
from datetime import timedelta

from aijournal.render.console import bar, percent, target_bar
from tests.conftest import Run
from tests.helpers import TODAY

MONDAY = TODAY - timedelta(days=TODAY.weekday())


def test_a_pain_of_5_2_draws_half_a_bar_not_a_full_one(aij: Run) -> None:
    # Five days 5,5,5,5,6: mean 26/5 = 5.2 on 0-10; the bar is 30 cells: floor(0.52 x 30) = 15.
    for offset, pain in enumerate((5, 5, 5, 5, 6)):
        day = MONDAY - timedelta(days=7) + timedelta(days=offset)
        assert aij("log", f"joint-pain={pain}", "-d", day.isoformat()).code == 0
    data = json.loads(aij("trends", "joint-pain", "--weeks", "2", "--json").out)
    pain = data["series"][0]
    assert pain["values"] == [5.2, None]
    assert pain["full_scale"] == 10
    shown = aij("trends", "joint-pain", "--weeks", "2").out
    assert "█" * 15 + "·" * 15 + "  5.2" in shown
    assert "bar full at 10" in shown


def test_severity_scales_to_4(aij: Run) -> None:
    aij("log", "fatigue=2", "-d", MONDAY.isoformat())
    data = json.loads(aij("trends", "fatigue", "--weeks", "1", "--json").out)
    assert data["series"][0]["full_scale"] == 4
    assert "█" * 15 + "·" * 15 + "  2" in aij("trends", "fatigue", "--weeks", "1").out


def test_weeks_start_at_the_first_entry(aij: Run) -> None:
    # First entry two weeks before this Monday: --weeks 500 shows 3 weeks, not 500.
    aij("log", "joint-pain=3", "-d", (MONDAY - timedelta(days=14)).isoformat())
    data = json.loads(aij("trends", "--weeks", "500", "--json").out)
    assert len(data["weeks"]) == 3
    assert data["starts"][0] == (MONDAY - timedelta(days=14)).isoformat()
    assert aij("trends", "--weeks", "500").out.count("not logged") < 3 * len(data["series"])


def test_sleep_weight_and_waist_series(aij: Run) -> None:
    last = MONDAY - timedelta(days=7)
    aij("log", "sleep=6", "-d", last.isoformat())
    aij("log", "sleep=8.5", "-d", (last + timedelta(days=1)).isoformat())
    aij("log", "weight", "70", "-d", last.isoformat())
    aij("log", "weight", "69.5", "-d", (last + timedelta(days=2)).isoformat())
    aij("log", "waist", "84", "-d", MONDAY.isoformat())
    data = json.loads(aij("trends", "sleep", "weight", "waist", "--weeks", "2", "--json").out)
    series = {s["name"]: s for s in data["series"]}
    assert series["sleep"]["values"] == [7.25, None]  # (6 + 8.5) / 2
    assert series["sleep"]["full_scale"] == 7  # the 7 h night of `aij week`
    assert series["weight"]["values"] == [69.5, None]  # the week's last
    assert series["waist"]["values"] == [None, 84]
    shown = aij("trends", "weight", "--weeks", "2").out
    assert "69.5 kg" in shown and "█" not in shown


def test_weight_and_waist_trends_read_in_your_units(aij: Run) -> None:
    aij("config", "set", "units", "imperial")
    aij("log", "weight", "150", "-d", MONDAY.isoformat())  # 150 lb, stored 68.039 kg
    aij("log", "waist", "84cm", "-d", MONDAY.isoformat())
    data = json.loads(aij("trends", "weight", "waist", "--weeks", "1", "--json").out)
    series = {s["name"]: s for s in data["series"]}
    assert series["weight"]["values"] == [150.0] and series["weight"]["unit"] == "lb"
    assert series["weight"]["meaning"] == "last weight of the week, lb"
    # 84 / 2.54 = 33.07 in, to 0.1.
    assert series["waist"]["values"] == [33.1] and series["waist"]["unit"] == "in"
    shown = aij("trends", "weight", "waist", "--weeks", "1").out
    assert "150 lb" in shown and "33.1 in" in shown
    assert " kg" not in shown and " cm" not in shown


def test_a_bar_is_full_only_when_met() -> None:
    assert bar(0.99) == "█" * 9 + "·"  # round() drew 10 cells
    assert bar(0.999) == "█" * 9 + "·"
    assert bar(1.0) == "█" * 10
    assert bar(0.0) == "·" * 10
    assert bar(0.1) == "█" + "·" * 9
    assert bar(0.0999) == "·" * 10
    assert percent(0.999) == "99%"
    assert percent(1199.9 / 1200) == "99%"
    assert percent(1.0) == "100%"
    assert percent(12.885) == "1,288%"
    # Without colour, met and not met read differently.
    assert target_bar(0.99) == "█" * 9 + "· 99%"
    assert target_bar(1.0) == "█" * 10 + " met"
    assert target_bar(0.28) == "██" + "·" * 8 + " 28%"
