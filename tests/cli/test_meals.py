"""`aij log meal`, `aij log supp`, `aij foods`: amounts from USDA SR28, worked by hand."""

import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import snapshot


def day(aij: Run) -> dict:  # type: ignore[type-arg]
    result = aij("day", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_sardines_give_382_mg_of_calcium_from_food(aij: Run) -> None:
    # SR28 NUT_DATA: ~15088~^~301~^382 (calcium, mg per 100 g).
    assert aij("log", "meal", "sardines-canned-oil 100g").code == 0
    calcium = day(aij)["nutrients"]["calcium_mg"]
    assert calcium["food"] == pytest.approx(382.0)
    assert calcium["supplements"] == 0
    assert calcium["total"] == pytest.approx(382.0)
    assert calcium["target"] == 1200  # the default profile, ASCO 2019 (DOMAIN.md)
    assert calcium["upper_limit"] == 2000


def test_a_cup_of_kale_is_srs_16_grams(aij: Run) -> None:
    # SR28 WEIGHT: ~11233~^1^1^~cup 1" pieces, loosely packed~^16; calcium 150 mg/100 g.
    aij("log", "meal", "kale 1 cup")
    item = day(aij)["meals"][0]["items"][0]
    assert (item["food_id"], item["grams"]) == ("kale-raw", 16.0)
    assert item["nutrients"]["calcium_mg"] == pytest.approx(24.0)  # 150 x 0.16


def test_weights_fractions_and_counts(aij: Run) -> None:
    # Walnuts 12155: no 851 row, so ALA is 619 = 9.080 g/100 g; 1 oz = 28.3495 g.
    aij("log", "meal", "walnuts 1 oz, 1/2 cup kale", "--slot", "snack")
    meal = day(aij)["meals"][0]
    assert meal["slot"] == "snack"
    walnuts, kale = meal["items"]
    assert walnuts["grams"] == pytest.approx(28.3495)
    assert walnuts["nutrients"]["ala_g"] == pytest.approx(9.080 * 0.283495)
    assert kale["grams"] == pytest.approx(8.0)  # half of SR28's 16 g cup


def test_supplements_are_counted_apart_and_limits_warn(aij: Run) -> None:
    # 200 g sardines: 764 mg; 3 tablets of 600 mg: 1,800 mg; total 2,564 > 2,000 (all sources).
    aij("log", "meal", "sardines-canned-oil 200g")
    aij("log", "supp", "calcium-carbonate-600", "3", "magnesium-glycinate-200", "2")
    data = day(aij)
    calcium = data["nutrients"]["calcium_mg"]
    assert (calcium["food"], calcium["supplements"]) == (pytest.approx(764.0), 1800.0)
    magnesium = data["nutrients"]["magnesium_mg"]
    assert magnesium["supplements"] == 400.0  # 2 x 200 mg, over the 350 mg supplement limit
    assert magnesium["upper_counts"] == "supplements"
    warnings = " ".join(data["warnings"])
    assert "Calcium in total is 2564 mg, above the upper limit of 2000 mg" in warnings
    assert "Magnesium from supplements is 400 mg, above the upper limit of 350 mg" in warnings
    # Vitamin D: 3 tablets x 10 ug, plus 4.8 ug/100 g in sardines x 2 = 9.6 ug from food.
    assert data["nutrients"]["vitamin_d_ug"]["supplements"] == 30.0
    assert data["nutrients"]["vitamin_d_ug"]["food"] == pytest.approx(9.6)


def test_an_unknown_value_is_named_never_zero(aij: Run) -> None:
    # Chia seeds (12006) have no vitamin D row in SR28.
    aij("log", "meal", "chia-seeds 10g")
    vitamin_d = day(aij)["nutrients"]["vitamin_d_ug"]
    assert vitamin_d["unknown_items"] == ["chia-seeds"]
    calcium = day(aij)["nutrients"]["calcium_mg"]
    assert calcium["food"] == pytest.approx(63.1) and calcium["unknown_items"] == []


def test_history_keeps_the_amounts_computed_when_logged(aij: Run, aij_home: Path) -> None:
    aij("log", "meal", "sardines-canned-oil 100g")
    folder = aij_home / "foods"
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        "foods:\n  - id: sardines-canned-oil\n    name: my sardines\n    source: label\n"
        "    per_100g: {calcium_mg: 1}\n"
    )
    assert day(aij)["nutrients"]["calcium_mg"]["food"] == pytest.approx(382.0)


def test_recipes_count_as_their_ingredients(aij: Run) -> None:
    assert (
        aij(
            "foods", "recipe", "add", "kale salad", "kale 2 cup, walnuts 30g", "--servings", "2"
        ).code
        == 0
    )
    aij("log", "meal", "kale-salad 1")
    items = day(aij)["meals"][0]["items"]
    assert [(i["food_id"], i["grams"], i["recipe"]) for i in items] == [
        ("kale-raw", pytest.approx(16.0), "kale-salad"),
        ("walnuts", pytest.approx(15.0), "kale-salad"),
    ]


def test_own_food_per_serving(aij: Run) -> None:
    result = aij(
        "foods",
        "add",
        "my-granola",
        "--name",
        "Granola",
        "calcium_mg=60",
        "fiber_g=3",
        "--per",
        "serving",
        "--serving-g",
        "50",
        "--tags",
        "whole-grain",
    )
    assert result.code == 0, result.err
    aij("log", "meal", "my-granola 100g")
    item = day(aij)["meals"][0]["items"][0]
    assert item["nutrients"]["calcium_mg"] == pytest.approx(120.0)  # 60 per 50 g
    assert item["nutrients"]["vitamin_d_ug"] is None
    shown = json.loads(aij("foods", "show", "my-granola", "--json").out)
    assert shown["per_100g"]["fiber_g"] == pytest.approx(6.0)


def test_search_and_show(aij: Run) -> None:
    found = json.loads(aij("foods", "search", "sardine", "--json").out)
    assert "sardines-canned-oil" in [f["id"] for f in found]
    shown = json.loads(aij("foods", "show", "sardines", "--json").out)
    assert shown["ndb"] == "15088"
    assert shown["per_100g"]["calcium_mg"] == 382.0
    assert {"unit": "can", "grams": 92.0}.items() <= next(
        m for m in shown["measures"] if m["unit"] == "can"
    ).items()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "meal", "sardnes 100g"), "unknown food 'sardnes' (did you mean"),
        (("log", "meal", "kale 2 slices"), "kale-raw has no 'slice' measure"),
        (("log", "meal", "kale 0g"), "more than 0"),
        (("log", "meal", "kale -5g"), "kale"),
        (("log", "meal", "kale 6kg"), "5"),
        (("log", "meal", "kale 1 cup,, walnuts 30g"), "empty"),
        (("log", "meal", "salmon 150g, sardnes 100g"), "sardnes"),
        (("log", "meal", "kale 1 cup", "--slot", "brunch"), "--slot brunch is not allowed"),
        (("log", "supp", "kale"), "is a food, not a supplement"),
        (("foods", "add", "x-food", "--name", "X", "calcium_mg=-3"), "calcium_mg=-3"),
        (("foods", "add", "x-food", "--name", "X", "calcum_mg=3"), "did you mean calcium_mg"),
        (("foods", "recipe", "add", "soup", "soup 1"), "contains itself"),
    ],
)
def test_food_refusals_change_nothing(
    aij: Run, aij_home: Path, args: tuple[str, ...], message: str
) -> None:
    aij("log", "meal", "walnuts 30g")
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2, (result.out, result.err)
    assert message in result.err
    assert snapshot(aij_home) == before


def test_a_broken_user_foods_file_breaks_only_its_own_foods(aij: Run, aij_home: Path) -> None:
    folder = aij_home / "foods"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "foods:\n  - id: x\n    name: X\n    source: label\n    per_100g: {}\n    colour: red\n"
    )
    result = aij("log", "meal", "walnuts 30g")
    assert result.code == 0, result.err
    assert "mine.yaml:6: foods.0.colour: unknown key" in result.err  # said, on stderr
    assert day(aij)["meals"][0]["items"][0]["grams"] == pytest.approx(30.0)
    refused = aij("log", "meal", "x 30g")
    assert refused.code == 2
    assert "unknown food 'x'" in refused.err
