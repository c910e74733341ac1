"""#9.13, #9.14, #9.16: tags and fatty acids over the whole shipped catalog, checked against
SR28's own food groups and names (FOOD_DES.txt, FD_GROUP.txt, NUT_DATA.txt)."""

import re
from pathlib import Path

import pytest

from aijournal.catalog.foods import Food, FoodCatalog

SR28 = Path("/work/shared/data/usda-sr28")
MEAT_TAGS = {"red-meat", "processed-meat"}
# SR28 groups whose foods are dishes or meals: the meat in them is a part, never the whole.
COMPOSITE_GROUPS = {
    "Fast Foods",
    "Meals, Entrees, and Side Dishes",
    "Soups, Sauces, and Gravies",
    "Restaurant Foods",
}
MEAT_GROUPS = {
    "Beef Products",
    "Pork Products",
    "Lamb, Veal, and Game Products",
    "Sausages and Luncheon Meats",
}


def _sr28(name: str) -> list[list[str]]:
    path = SR28 / name
    if not path.exists():
        pytest.skip("the raw SR28 tables are not on this machine")
    with path.open(encoding="latin-1") as handle:
        return [[f.strip("~") for f in line.rstrip("\r\n").split("^")] for line in handle]


def _foods(catalog: FoodCatalog) -> list[Food]:
    return [f for f in catalog.foods if f.ndb is not None]


def test_no_composite_dish_counts_as_red_or_processed_meat(catalog: FoodCatalog) -> None:
    groups = {row[0]: row[1] for row in _sr28("FD_GROUP.txt")}
    group_of = {row[0]: groups[row[1]] for row in _sr28("FOOD_DES.txt")}
    tagged = [f for f in _foods(catalog) if MEAT_TAGS & set(f.tags)]
    assert tagged, "some foods are red or processed meat"
    for food in tagged:
        group = group_of[food.ndb or ""]
        assert group not in COMPOSITE_GROUPS, (food.id, group)
        # Meat groups, or a snack that is meat through and through (SR28: "Snacks, beef jerky").
        assert group in MEAT_GROUPS or "beef" in food.sr28_name.lower(), (food.id, group)
    spaghetti = catalog.resolve("spaghetti bolognese")
    assert not MEAT_TAGS & set(spaghetti.tags)  # type: ignore[union-attr]


def test_dark_chocolate_of_60_percent_or_more_is_a_polyphenol_food_not_a_sweet(
    catalog: FoodCatalog,
) -> None:
    names = {row[0]: row[2] for row in _sr28("FOOD_DES.txt")}
    seen = 0
    for food in _foods(catalog):
        match = re.search(r"(\d+)- ?(\d+)% cacao", names[food.ndb or ""])
        if match is None:
            continue
        seen += 1
        if int(match.group(1)) >= 60:
            assert "sweets" not in food.tags and "polyphenol-rich" in food.tags, food.id
        else:
            assert "sweets" in food.tags, food.id
    assert seen == 3  # SR28 19902 (45-59%), 19903 (60-69%), 19904 (70-85%)


def test_no_refined_grain_is_tagged_whole_grain(catalog: FoodCatalog) -> None:
    names = {row[0]: row[2] for row in _sr28("FOOD_DES.txt")}
    for food in _foods(catalog):
        if "whole-grain" in food.tags:
            name = names[food.ndb or ""].lower()
            assert not re.search(r"\bpearled\b|(?<!un)enriched|\bwhite\b", name), food.id
    assert "whole-grain" not in catalog.resolve("pearl barley").tags  # type: ignore[union-attr]


def test_ala_is_851_or_an_18_3_that_is_known_to_be_ala(catalog: FoodCatalog) -> None:
    values: dict[tuple[str, str], float] = {}
    for row in _sr28("NUT_DATA.txt"):
        if row[1] in ("851", "619"):
            values[(row[0], row[1])] = float(row[2])
    for food in _foods(catalog):
        ala = food.per_100g.ala_g
        n851, n619 = values.get((food.ndb or "", "851")), values.get((food.ndb or "", "619"))
        if n851 is not None:
            assert ala == n851, food.id
        elif food.id == "spirulina-dried":
            # 619 is there (0.823 g) but is mostly GLA, an omega-6: ALA unknown, never 0.823.
            assert n619 == 0.823 and ala is None
        else:
            assert ala == n619, food.id


# Grains eaten as the whole kernel: SR28 names them without saying "whole".
WHOLE_KERNELS = r"\boats\b|quinoa|millet|spelt|teff|amaranth|buckwheat groats|wild rice|bulgur"
WHOLE_KERNELS += r"|khorasan|popcorn|shredded wheat"  # shredded wheat: the whole kernel, shredded


def test_whole_grain_only_where_sr28_says_whole(catalog: FoodCatalog) -> None:
    """#9.14: a whole-grain tag needs SR28's own name to say whole (whole-wheat, whole-grain,
    brown rice) or to name a whole-kernel grain; bran, germ, brand, rye, multigrain and corn
    products that say neither are not whole grain, and nothing refined or enriched is."""
    names = {row[0]: row[2].lower() for row in _sr28("FOOD_DES.txt")}
    tagged = [f for f in _foods(catalog) if "whole-grain" in f.tags]
    for food in tagged:
        name = names[food.ndb or ""]
        assert not re.search(r"(?<!un)enriched|\bpearled\b|\bwhite\b|\bbran\b|\bgerm\b", name)
        assert re.search(
            rf"whole[- ](?:wheat|grain)|brown rice|rice, brown|{WHOLE_KERNELS}", name
        ), food.id
    ids = {f.id for f in tagged}
    refined = {"bread-pumpernickel", "bread-multigrain-toasted", "muesli", "honey-nut-cheerios",
               "tortilla-corn", "wheat-bran", "bread-white"}  # fmt: skip
    assert not refined & ids
    assert {"bread-whole-wheat", "brown-rice-cooked", "oats-dry", "total-cereal"} <= ids
