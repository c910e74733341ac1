"""What people type, weighed: every count and everyday form against SR28's WEIGHT.txt itself."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.foods import Food, FoodCatalog
from aijournal.catalog.intake import resolve_items
from aijournal.domain.meals import count_measure, grams_for
from aijournal.domain.plausible import Implausible
from aijournal.errors import BadInput

SR28 = Path(__file__).parents[3] / "shared/data/usda-sr28"
needs_sr28 = pytest.mark.skipif(
    not (SR28 / "WEIGHT.txt").is_file(), reason=f"USDA SR28 is not at {SR28}"
)
# A plausible single item or portion: more than nothing, at most a large fruit (a mango).
PLAUSIBLE_ONE = (0.1, 350.0)


def weight_row(ndb: str, seq: int) -> tuple[float, str, float]:
    """(Amount, Msre_Desc, Gm_Wgt) of one WEIGHT.txt row, read raw."""
    for line in (SR28 / "WEIGHT.txt").read_bytes().decode("latin-1").split("\r\n"):
        fields = [f.strip("~") for f in line.split("^")]
        if fields[:2] == [ndb, str(seq)]:
            return float(fields[2]), fields[3], float(fields[4])
    raise AssertionError(f"no WEIGHT row {ndb} {seq}")


def one(catalog: FoodCatalog, text: str) -> list[tuple[str, float]]:
    return [(i.food_id, i.grams or 0.0) for i in resolve_items(text, catalog, {})]


def test_every_bare_count_refuses_or_is_one_plausible_item(catalog: FoodCatalog) -> None:
    counted = 0
    for food in catalog.foods:
        try:
            grams = grams_for(food, 1, None)
        except BadInput as refused:
            # Refused: the message lists every measure the food has, so the user can pick one.
            assert all(f"{m.unit} (" in str(refused) for m in food.measures), food.id
            continue
        low, high = PLAUSIBLE_ONE
        assert low <= grams <= high, (food.id, grams)
        counted += 1
    assert counted > 200  # most foods have a single item or portion to count


def test_no_bare_count_is_a_volume(catalog: FoodCatalog) -> None:
    volumes = {"cup", "tbsp", "tsp", "fl-oz", "ml", "l", "pint", "quart"}
    for food in catalog.foods:
        measure = count_measure(food)
        assert measure is None or measure.unit not in volumes, food.id


@given(st.integers(1, 12))
def test_a_count_is_that_many_single_items(count: int) -> None:
    from aijournal.catalog.foods import load_food_catalog

    catalog = load_food_catalog(None)
    walnuts = catalog.resolve("walnuts")
    assert isinstance(walnuts, Food)
    assert grams_for(walnuts, count, None) == pytest.approx(count * 4.0)


@needs_sr28
@pytest.mark.parametrize(
    ("typed", "ndb", "seq", "times"),
    [
        # WEIGHT ~12155~^3^1^~cup, in shell, edible yield (7 nuts)~^28: 7 nuts = 28 g.
        ("walnuts 7", "12155", 3, 1.0),
        # ~15237~^1^3^~oz~^85: one portion of salmon is 85 g, not SR28's 356 g fillet.
        ("salmon 1", "15237", 1, 1.0),
        ("salmon fillet", "15237", 1, 1.0),
        # ~20045~^... rice: a cup of cooked white rice, halved.
        ("half a cup of rice", "20045", 1, 0.5),
        # ~14355~ brewed black tea, a cup (8 fl oz).
        ("cup of tea", "14355", 3, 1.0),
        # ~21277~ Domino's cheese pizza: a slice, two of them.
        ("pizza 2 slices", "21277", 1, 2.0),
        # ~18069~ white bread, a slice; ~01001~ butter, a pat.
        ("toast with butter", "18069", 1, 1.0),
        ("an apple", "09003", 4, 1.0),
        ("2 eggs", "01123", 1, 2.0),
        # ~09050~^2^50^~berries~^68: ten berries are 10 x 68 / 50 g.
        ("blueberries 10", "09050", 2, 10.0),
    ],
)
def test_everyday_forms_weigh_what_sr28_says(
    catalog: FoodCatalog, typed: str, ndb: str, seq: int, times: float
) -> None:
    amount, description, grams = weight_row(ndb, seq)
    if description == "oz":  # the 3 oz row is one portion
        amount = 1.0
    expected = times * grams / amount
    got = one(catalog, typed)
    assert got[0][1] == pytest.approx(expected), (typed, description, got)


@needs_sr28
def test_toast_with_butter_is_a_slice_and_a_pat(catalog: FoodCatalog) -> None:
    slice_row, pat_row = weight_row("18069", 1), weight_row("01001", 1)
    assert "slice" in slice_row[1] and "pat" in pat_row[1]
    assert one(catalog, "toast with butter") == [
        ("bread-white", pytest.approx(slice_row[2])),
        ("butter-salted", pytest.approx(pat_row[2])),
    ]


@needs_sr28
def test_a_glass_of_milk_is_240_ml_through_the_cup_row(catalog: FoodCatalog) -> None:
    # 21 CFR 101.12(b): 240 ml; WEIGHT ~01077~^1^1^~cup~^244 and a US cup is 236.588 ml.
    amount, description, grams = weight_row("01077", 1)
    assert (amount, description) == (1.0, "cup")
    assert one(catalog, "a glass of milk") == [("milk-whole", pytest.approx(240 / 236.588 * grams))]


def test_greek_yogurt_with_honey_and_a_chicken_breast_with_skin(catalog: FoodCatalog) -> None:
    # "with" splits items, except inside a name that holds it.
    assert [i for i, _ in one(catalog, "greek yogurt 150g with honey")] == [
        "greek-yogurt-plain-nonfat",
        "honey",
    ]
    assert [i for i, _ in one(catalog, "chicken breast with skin 1")] == [
        "chicken-breast-skin-roasted"
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("bananna", "unknown food 'bananna' (did you mean banana"),
        ("coffee with milk", "coffee-brewed: how much? "),
        ("tofu 100g", "'tofu' could be: tofu-firm-calcium (calcium 683 mg), tofu-firm"),
        ("walnuts 2 slices", "walnuts has no 'slice' measure; it has: cup (117 g)"),
    ],
)
def test_refusals_name_what_is_allowed(catalog: FoodCatalog, typed: str, message: str) -> None:
    with pytest.raises(BadInput) as caught:
        resolve_items(typed, catalog, {})
    assert message in str(caught.value)


def test_tofus_differ_several_fold_in_calcium_so_plain_tofu_asks(catalog: FoodCatalog) -> None:
    tofus = [f for f in catalog.foods if f.id.startswith("tofu-")]
    calcium = [f.per_100g.calcium_mg or 0.0 for f in tofus]
    assert max(calcium) >= 3 * min(calcium)  # 683 against 111 mg/100 g in SR28
    with pytest.raises(BadInput, match=r"^'tofu' could be: "):
        catalog.resolve("tofu")


@pytest.mark.parametrize(
    ("typed", "grams"),
    [("salmon 1001g", 1001.0), ("milk 2001 ml", 2001 / 236.588 * 244), ("kale 1.2 kg", 1200.0)],
)
def test_an_implausible_amount_needs_confirming(
    catalog: FoodCatalog, typed: str, grams: float
) -> None:
    with pytest.raises(Implausible, match="run the same command with --yes"):
        resolve_items(typed, catalog, {})
    ((_, got),) = one_confirmed(catalog, typed)
    assert got == pytest.approx(grams)


def test_the_plausibility_limits_hold_exactly_at_their_boundary(catalog: FoodCatalog) -> None:
    assert one(catalog, "salmon 1000g")[0][1] == 1000.0  # 1 kg of a solid: fine
    # WEIGHT ~14411~^3^1^~liter~^1000: 2 l of water is 2,000 g, the drink limit itself.
    assert one(catalog, "water 2 l")[0][1] == 2000.0
    with pytest.raises(Implausible):
        resolve_items("water 2.001 l", catalog, {})
    with pytest.raises(Implausible):
        resolve_items("salmon 1000.1g", catalog, {})


def one_confirmed(catalog: FoodCatalog, text: str) -> list[tuple[str, float]]:
    return [(i.food_id, i.grams or 0.0) for i in resolve_items(text, catalog, {}, confirmed=True)]


def test_a_supplement_says_what_it_adds(catalog: FoodCatalog) -> None:
    # foods/supplements.yaml: calcium-carbonate-600 holds 600 mg calcium and 10 ug vitamin D.
    (item,) = resolve_items("calcium 2", catalog, {}, supplements_only=True)
    assert item.summary == (
        "calcium-carbonate-600 2 tablets (adds 1200 mg calcium, 20 µg vitamin D)"
    )
    (fish,) = resolve_items("fish-oil-1000 x2", catalog, {}, supplements_only=True)
    assert fish.summary == "fish-oil-1000 2 softgels (adds 360 mg EPA, 240 mg DHA)"
    (d3,) = resolve_items("vitamin d", catalog, {}, supplements_only=True)
    assert d3.units == 1.0
    with pytest.raises(BadInput, match=r"^unknown supplement 'zzz'"):
        resolve_items("zzz", catalog, {}, supplements_only=True)


def test_a_fish_fillet_that_is_a_side_of_the_fish_counts_as_a_portion(catalog: FoodCatalog) -> None:
    """SR28 weighs some fish fillets as half a fish (sockeye 15086: '.5 fillet' = 155 g, so a
    'fillet' of 310 g): a bare count or 'a fillet' is one 3 oz portion (85 g) instead."""
    # SR28's '3 oz' rows: 85 g for each of these cooked fish.
    assert one(catalog, "sockeye salmon 1") == [("salmon-sockeye-cooked", 85.0)]
    assert one(catalog, "halibut fillet") == [("halibut-cooked", 85.0)]
    assert one(catalog, "pink salmon 2") == [("salmon-pink-cooked", 170.0)]
