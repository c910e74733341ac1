"""The food catalog: shipped contents, name resolution, user foods, strict YAML, target profiles."""

import json
from pathlib import Path

import pytest

from aijournal.catalog.foods import (
    COMPILED_NAME,
    SHIPPED_SPECIAL,
    TAGS,
    Food,
    FoodCatalog,
    Supplement,
    compiled_digest,
    load_food_catalog,
    lookup_key,
)
from aijournal.catalog.targets import load_targets
from aijournal.errors import BadInput, NotFound
from aijournal.paths import shipped_dir

# The foods the article names (DOMAIN.md, "Foods"), by the id that carries each one.
ARTICLE_FOODS = {
    "milk": "milk-whole",
    "yogurt": "greek-yogurt-plain-nonfat",
    "cheese": "cheddar",
    "fortified soy milk": "soy-milk-fortified",
    "fortified almond milk": "almond-milk-unsweetened",
    "kale": "kale-raw",
    "collards": "collards-cooked",
    "sardines with bones": "sardines-canned-oil",
    "tofu set with calcium": "tofu-firm-calcium",
    "salmon, wild, raw": "salmon-wild-raw",
    "salmon, wild, cooked": "salmon-wild-cooked",
    "salmon, farmed, raw": "salmon-farmed-raw",
    "salmon, farmed, cooked": "salmon-farmed-cooked",
    "mackerel": "mackerel-atlantic-cooked",
    "egg yolk": "egg-yolk",
    "walnuts": "walnuts",
    "flaxseed": "flaxseed",
    "seeds": "chia-seeds",
    "whole grains": "oats-dry",
    "dark chocolate 70-85%": "dark-chocolate-70-85",
    "natto": "natto",
    "butter": "butter-salted",
    "berries": "blueberries-raw",
    "broccoli": "broccoli-raw",
    "leafy greens": "spinach-raw",
    "legumes": "lentils-cooked",
    "green tea": "green-tea",
    "turmeric": "turmeric",
    "olive oil": "olive-oil",
}


@pytest.fixture(scope="module")
def catalog() -> FoodCatalog:
    return load_food_catalog(None)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


USER_FOOD = """\
foods:
  - id: {id}
    name: My granola
    aliases: [{alias}]
    tags: [whole-grain]
    per_100g: {{calcium_mg: 50, fiber_g: 8}}
    measures:
      - {{unit: cup, grams: 110}}
    count_unit: cup
    source: the bag's label
"""


def test_at_least_300_foods_with_every_article_food(catalog: FoodCatalog) -> None:
    assert len(catalog.foods) >= 300
    missing = {what: i for what, i in ARTICLE_FOODS.items() if not isinstance(catalog.get(i), Food)}
    assert missing == {}
    tags = {tag for food in catalog.foods for tag in food.tags}
    assert tags == set(TAGS)


def test_article_foods_carry_the_tags_the_eating_pattern_counts(catalog: FoodCatalog) -> None:
    def tags(food_id: str) -> set[str]:
        food = catalog.get(food_id)
        assert isinstance(food, Food)
        return set(food.tags)

    assert {"fish", "fatty-fish"} <= tags("sardines-canned-oil")
    assert {"leafy-green", "cruciferous", "polyphenol-rich"} <= tags("kale-raw")
    assert {"olive-oil"} <= tags("olive-oil")
    assert {"butter-cream"} <= tags("butter-salted")
    assert {"berry", "fruit", "polyphenol-rich"} <= tags("blueberries-raw")
    assert {"legume", "fermented"} <= tags("natto")
    assert {"sugary-drink"} <= tags("cola")
    assert "polyphenol-rich" in tags("green-tea") and "polyphenol-rich" in tags("turmeric")


def test_names_are_unique_across_foods_and_supplements(catalog: FoodCatalog) -> None:
    owner: dict[str, str] = {}
    entries: list[Food | Supplement] = [*catalog.foods, *catalog.supplements]
    for entry in entries:
        for name in (entry.id, *entry.aliases):
            assert owner.setdefault(lookup_key(name), entry.id) == entry.id, name


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("kale-raw", "kale-raw"),  # id
        ("greek yogurt", "greek-yogurt-plain-nonfat"),  # alias
        ("Greek  Yogurt", "greek-yogurt-plain-nonfat"),  # case and spaces
        ("greek_yogurt", "greek-yogurt-plain-nonfat"),
        ("oats", "oats-dry"),
        ("oatmeal", "oatmeal-cooked"),
        ("eggs", "egg-raw"),
        ("salmon", "salmon-farmed-cooked"),
        ("milk 2%", "milk-2pct"),
        ("apples", "apple-raw"),  # plural of the alias 'apple'
        ("kohl", "kohlrabi-raw"),  # unique prefix (of the id and of the alias 'kohlrabi')
        ("sablef", "sablefish-cooked"),
        ("fish oil", "fish-oil-1000"),
    ],
)
def test_resolve(catalog: FoodCatalog, typed: str, expected: str) -> None:
    assert catalog.resolve(typed).id == expected


def test_resolve_gives_supplements_as_supplements(catalog: FoodCatalog) -> None:
    calcium = catalog.resolve("calcium")
    assert isinstance(calcium, Supplement)
    assert (calcium.id, calcium.per_unit.calcium_mg, calcium.per_unit.vitamin_d_ug) == (
        "calcium-carbonate-600",
        600.0,
        10.0,
    )


def test_unknown_food_suggests_close_names(catalog: FoodCatalog) -> None:
    with pytest.raises(NotFound) as caught:
        catalog.resolve("salmn")
    assert str(caught.value).startswith("unknown food 'salmn' (did you mean salmon")


def test_ambiguous_prefix_lists_the_candidates(catalog: FoodCatalog) -> None:
    with pytest.raises(BadInput) as caught:
        catalog.resolve("sard")
    message = str(caught.value)
    assert message.startswith("'sard' could be: sardines-canned-oil, sardines-canned-tomato;")
    assert not isinstance(caught.value, NotFound)


def test_search_puts_exact_names_first(catalog: FoodCatalog) -> None:
    found = [e.id for e in catalog.search("salmon")]
    assert found[0] == "salmon-farmed-cooked"
    assert {"salmon-wild-raw", "salmon-smoked", "salmon-pink-canned"} <= set(found)
    assert {e.id for e in catalog.search("greek yogurt plain")} == {
        "greek-yogurt-plain-lowfat",
        "greek-yogurt-plain-nonfat",
        "greek-yogurt-plain-whole",
    }
    assert catalog.search("zzzz") == []


def test_user_food_replaces_the_shipped_one_with_its_id(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", USER_FOOD.format(id="kale-raw", alias="my kale"))
    catalog = load_food_catalog(tmp_path)
    food = catalog.resolve("kale-raw")
    assert isinstance(food, Food)
    assert (food.name, food.ndb, food.source) == ("My granola", None, "the bag's label")
    assert catalog.origin("kale-raw") == path
    assert catalog.resolve("my kale").id == "kale-raw"
    with pytest.raises(NotFound):  # the replaced food's aliases went with it
        catalog.resolve("raw kale")
    assert len(catalog.foods) == len(load_food_catalog(None).foods)


def test_user_food_adds_to_the_catalog(tmp_path: Path) -> None:
    write(tmp_path, "mine.yaml", USER_FOOD.format(id="my-granola", alias="granola mix"))
    catalog = load_food_catalog(tmp_path)
    assert catalog.resolve("granola mix").id == "my-granola"
    assert len(catalog.foods) == len(load_food_catalog(None).foods) + 1


def only_problem(folder: Path) -> str:
    """The one problem a broken personal file gives; the shipped catalog still loads whole."""
    catalog = load_food_catalog(folder)
    assert len(catalog.problems) == 1, catalog.problems
    assert catalog.resolve("kale").id == "kale-raw"
    return catalog.problems[0]


def test_a_name_of_yours_wins_over_a_shipped_alias_and_says_so(tmp_path: Path) -> None:
    write(tmp_path, "mine.yaml", USER_FOOD.format(id="my-granola", alias="kale"))
    catalog = load_food_catalog(tmp_path)
    assert catalog.resolve("kale").id == "my-granola"
    assert catalog.shadowed == {"kale": "kale-raw"}
    assert catalog.resolve("kale-raw").id == "kale-raw"  # still there by its id
    assert catalog.problems == ()


def test_two_of_your_foods_with_one_name_leave_the_second_out(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", USER_FOOD.format(id="my-granola", alias="granola a"))
    write(tmp_path, "b.yaml", USER_FOOD.format(id="my-muesli", alias="granola a"))
    second = tmp_path / "b.yaml"
    message = load_food_catalog(tmp_path).problems
    assert message == (
        f"{second}: my-muesli is left out: 'granola a' is already a name of your my-granola"
        f" ({tmp_path / 'a.yaml'})",
    )
    assert "my-muesli" not in load_food_catalog(tmp_path)


def test_same_id_in_two_user_files_leaves_the_second_out(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", USER_FOOD.format(id="my-granola", alias="granola a"))
    second = write(tmp_path, "b.yaml", USER_FOOD.format(id="my-granola", alias="granola b"))
    problem = only_problem(tmp_path)
    assert problem == f"{second}: my-granola is left out: it is already in {first}"


def test_unknown_key_is_refused_with_file_and_line(tmp_path: Path) -> None:
    text = USER_FOOD.format(id="my-granola", alias="x").replace(
        "    tags:", "    colour: red\n    tags:"
    )
    path = write(tmp_path, "mine.yaml", text)
    problem = only_problem(tmp_path)
    assert problem == (
        f"{path}:5: foods.0.colour: unknown key;"
        " the foods of that file are left out until it is fixed"
    )


def test_negative_nutrient_is_refused_with_file_and_line(tmp_path: Path) -> None:
    text = USER_FOOD.format(id="my-granola", alias="x").replace("calcium_mg: 50", "calcium_mg: -5")
    path = write(tmp_path, "mine.yaml", text)
    problem = only_problem(tmp_path)
    assert problem.startswith(f"{path}:6: foods.0.per_100g.calcium_mg: ")
    assert "greater than or equal to 0" in problem


def test_user_food_without_ndb_needs_a_source(tmp_path: Path) -> None:
    text = USER_FOOD.format(id="my-granola", alias="x").replace("    source: the bag's label\n", "")
    path = write(tmp_path, "mine.yaml", text)
    problem = only_problem(tmp_path)
    assert problem.startswith(f"{path}:2: foods.0: a food without an ndb number needs")


def test_count_unit_must_be_a_measure(tmp_path: Path) -> None:
    text = USER_FOOD.format(id="my-granola", alias="x").replace(
        "count_unit: cup", "count_unit: bar"
    )
    path = write(tmp_path, "mine.yaml", text)
    problem = only_problem(tmp_path)
    assert problem.startswith(f"{path}:2: foods.0: count_unit 'bar' is not one of")


def test_compiled_index_matches_every_generated_file() -> None:
    """The fast path (foods/compiled.json) is used only for the exact bytes it was built from."""
    folder = shipped_dir("foods")
    index = json.loads((folder / COMPILED_NAME).read_text(encoding="utf-8"))["files"]
    generated = sorted(p.name for p in folder.glob("*.yaml") if p.name not in SHIPPED_SPECIAL)
    assert sorted(index) == generated
    for name in generated:
        assert index[name]["sha256"] == compiled_digest((folder / name).read_bytes()), name


def test_default_target_profile_is_the_ai_profile() -> None:
    targets = load_targets()
    profile = targets.profile()
    assert profile.id == "ai-women-51-plus"
    got = {k: (t.min, t.goal, t.upper, t.upper_counts) for k, t in profile.targets().items()}
    assert got == {
        "calcium_mg": (1200.0, None, 2000.0, "all"),
        "vitamin_d_ug": (20.0, 25.0, 100.0, "all"),
        "magnesium_mg": (320.0, None, 350.0, "supplements"),
        "vitamin_k_ug": (90.0, None, None, "all"),
        "fiber_g": (21.0, None, None, "all"),
        "ala_g": (1.1, None, None, "all"),
        "epa_dha_mg": (250.0, 500.0, None, "all"),
    }


def test_every_dri_profile_follows_domain_md() -> None:
    targets = load_targets()
    assert targets.ids == [
        "ai-women-51-plus",
        "women-19-50",
        "women-51-70",
        "women-71-plus",
        "men-19-50",
        "men-51-70",
        "men-71-plus",
    ]
    calcium = {i: targets.profile(i).targets()["calcium_mg"] for i in targets.ids}
    assert {i: (c.min, c.upper) for i, c in calcium.items()} == {
        "ai-women-51-plus": (1200.0, 2000.0),
        "women-19-50": (1000.0, 2500.0),
        "women-51-70": (1200.0, 2000.0),
        "women-71-plus": (1200.0, 2000.0),
        "men-19-50": (1000.0, 2500.0),
        "men-51-70": (1000.0, 2000.0),
        "men-71-plus": (1200.0, 2000.0),
    }
    magnesium = targets.profile("women-19-50").targets()["magnesium_mg"]
    assert magnesium.min == 320.0 and "31-50" in magnesium.source
    assert targets.profile("men-19-50").targets()["magnesium_mg"].min == 420.0
    for profile_id in targets.ids:
        profile = targets.profile(profile_id)
        assert profile.targets()["vitamin_d_ug"].upper == 100.0
        assert profile.targets()["magnesium_mg"].upper_counts == "supplements"
        assert set(profile.targets()) == {
            "calcium_mg",
            "vitamin_d_ug",
            "magnesium_mg",
            "vitamin_k_ug",
            "fiber_g",
            "ala_g",
            "epa_dha_mg",
        }
    assert targets.profile("women-71-plus").targets()["vitamin_d_ug"].min == 20.0
    assert targets.profile("men-51-70").targets()["fiber_g"].min == 30.0


def test_unknown_profile_suggests_one() -> None:
    with pytest.raises(NotFound) as caught:
        load_targets().profile("women-51-71")
    assert str(caught.value).startswith("unknown target profile 'women-51-71' (did you mean ")


def test_targets_file_with_a_goal_below_its_min_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "targets.yaml",
        "default_profile: p\nprofiles:\n  - id: p\n    name: P\n    source: s\n"
        "    nutrients:\n      fiber_g: {min: 25, goal: 20, source: s}\n",
    )
    with pytest.raises(BadInput) as caught:
        load_targets(path)
    assert str(caught.value) == f"{path}:7: profiles.0.nutrients.fiber_g: goal 20 is below min 25"
