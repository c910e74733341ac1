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
    assert "Calcium in total is 2,564 mg, above the upper limit of 2,000 mg" in warnings
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
    folder.mkdir(parents=True)  # on a server, logging needs no home folder
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


def test_an_implausible_amount_is_refused_unless_confirmed(aij: Run, aij_home: Path) -> None:
    aij("log", "meal", "walnuts 30g")
    before = snapshot(aij_home)
    refused = aij("log", "meal", "salmon 1200g")
    assert refused.code == 2
    assert refused.err.strip() == (
        "aij: 1200 g of salmon-farmed-cooked is 1,200 g: more than a kilogram of one solid food"
        " is unlikely; check the amount, or if it is right run the same command with --yes"
    )
    assert snapshot(aij_home) == before
    accepted = aij("log", "meal", "salmon 1200g", "--yes")
    assert accepted.code == 0, accepted.err
    assert "salmon-farmed-cooked 1200 g" in accepted.out
    assert day(aij)["meals"][1]["items"][0]["grams"] == 1200.0


def test_the_saved_line_shows_grams_and_what_a_count_meant(aij: Run) -> None:
    # WEIGHT ~12155~^3^1^~cup, in shell, edible yield (7 nuts)~^28: 7 walnuts are 28 g.
    result = aij("log", "meal", "walnuts 7, salmon 1")
    shown = " ".join(result.out.split())
    assert "walnuts 28 g (7 nuts), salmon-farmed-cooked 85 g (1 portion)" in shown
    supp = aij("log", "supp", "calcium")
    line = " ".join(supp.out.split())  # the terminal wraps at 100 columns
    assert "calcium-carbonate-600 1 tablet (adds 600 mg calcium, 10 µg vitamin D)" in line


def test_your_food_named_like_a_shipped_alias_wins_and_nothing_breaks(
    aij: Run, aij_home: Path
) -> None:
    added = aij(
        "foods", "add", "banana", "--name", "My banana", "calcium_mg=5",
        "--per", "serving", "--serving-g", "120",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "'banana' now means your banana; the shipped food is still banana-raw" in added.out
    logged = aij("log", "meal", "banana 1, banana-raw 1")
    assert logged.code == 0, logged.err
    assert "banana (your own food) 120 g" in logged.out
    items = day(aij)["meals"][0]["items"]
    # Yours: 5 mg a 120 g serving. Shipped: WEIGHT ~09040~^5^1^~medium~^118 g, 5 mg/100 g.
    assert [(i["food_id"], i["grams"]) for i in items] == [("banana", 120.0), ("banana-raw", 118.0)]
    assert items[0]["nutrients"]["calcium_mg"] == pytest.approx(5.0)
    assert aij("log", "supp", "calcium").code == 0
    assert aij("foods", "search", "banana").code == 0
    assert aij("foods", "show", "banana-raw", "--json").code == 0


def test_two_foods_of_yours_may_not_share_a_name(aij: Run, aij_home: Path) -> None:
    assert aij("foods", "add", "my-bar", "--name", "Bar", "calcium_mg=5").code == 0
    before = snapshot(aij_home)
    # An alias is not settable from the command line; the id of another food of yours is.
    clash = aij("foods", "add", "my-bar", "--name", "Bar again")
    assert clash.code == 2
    assert "already one of your foods; change it with aij foods edit" in clash.err
    assert snapshot(aij_home) == before


def test_edit_and_remove_your_own_foods(aij: Run, aij_home: Path) -> None:
    aij("foods", "add", "my-bar", "--name", "Bar", "calcium_mg=5")
    edited = aij("foods", "edit", "my-bar", "calcium_mg=50", "--name", "Oat bar")
    assert edited.code == 0, edited.err
    assert "my-bar: name: Bar -> Oat bar" in edited.out
    assert "my-bar: calcium_mg per 100 g: 5 -> 50" in edited.out
    shown = json.loads(aij("foods", "show", "my-bar", "--json").out)
    assert shown["per_100g"]["calcium_mg"] == 50.0
    before = snapshot(aij_home)
    shipped = aij("foods", "rm", "kale-raw")
    assert (shipped.code, snapshot(aij_home)) == (2, before)
    assert "kale-raw is a shipped food; only your own foods can be changed" in shipped.err
    typo = aij("foods", "rm", "my-barr")
    assert "no food of yours is 'my-barr' (did you mean my-bar?)" in typo.err
    assert aij("foods", "rm", "my-bar").code == 0
    assert "unknown food 'my-bar'" in aij("log", "meal", "my-bar 50g").err


def test_a_recipe_named_like_a_food_wins_everywhere_and_says_so(aij: Run) -> None:
    added = aij("foods", "recipe", "add", "porridge", "oats 40g, milk 1 cup")
    assert added.code == 0, added.err
    assert "'porridge' now means your recipe; the catalog food is still oatmeal-cooked" in (
        added.out
    )
    shown = json.loads(aij("foods", "show", "porridge", "--json").out)
    assert (shown["kind"], shown["hides"]) == ("recipe", "oatmeal-cooked")
    logged = aij("log", "meal", "porridge")
    assert "(your recipe porridge)" in logged.out
    assert {i["recipe"] for i in day(aij)["meals"][0]["items"]} == {"porridge"}
    edited = aij("foods", "recipe", "edit", "porridge", "--servings", "2")
    assert "porridge: servings: 1 -> 2" in edited.out
    assert aij("foods", "recipe", "rm", "porridge").code == 0
    shown = json.loads(aij("foods", "show", "porridge", "--json").out)
    assert shown["id"] == "oatmeal-cooked"


def test_banana_2_counts_two_fruit_units_in_the_week(aij: Run) -> None:
    """#9.12: the stored item keeps '2 medium' (236 g, SR28 09040 medium 118 g); the week's
    fruit line counts each banana: 2 + 3 apricots (35 g each) + grapes as one = 6 units."""
    from tests.helpers import TODAY

    saved = aij("log", "meal", "banana 2, apricot 3, grapes 20")
    assert saved.code == 0, saved.err
    assert "banana-raw 236 g (2 medium)" in saved.out
    week = aij("week", TODAY.isoformat(), "--json")
    assert week.code == 0, week.err
    fruit = next(i for i in json.loads(week.out)["pattern"]["items"] if i["key"] == "fruit")
    assert fruit["servings"] == 2 + 3 + 1
