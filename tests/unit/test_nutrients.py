"""Nutrient math by hand: item values, totals with unknowns, and upper limits per profile."""

import pytest

from aijournal.catalog.foods import FoodCatalog
from aijournal.catalog.targets import load_targets
from aijournal.domain.nutrients import (
    NUTRIENT_KEYS,
    TARGET_KEYS,
    ItemNutrients,
    NutrientAssessment,
    assess,
    item_nutrients,
    supplement_nutrients,
    total_nutrients,
)

# SR28 rows used below (NUT_DATA: NDB^Nutr_No^value; no row = not analysed):
#   sardines 15088: 208 208 kcal, 203 24.62, 291 0.0, 301 382, 304 39, 328 4.8, 430 2.6 (no 428),
#                   619 0.498 (no 851), 629 0.473, 621 0.509, 606 1.528, 269 0.00, 307 307
#   natto 16113:    301 217, 430 23.1 (no 428); MK-7 775 µg/100 g (Tsukamoto 2000), 629 0, 621 0
#   tofu 16426:     301 683, 304 58, 328 0.0; no 430, 428, 629 or 621 rows
#   milk 01077:     301 113, 328 1.3, 430 0.3, 428 1.0, 619 0.075, 629 0.000, 621 0.000
#   pumpkin seeds 12014: 304 592
from tests.helpers import food, supplement


def eaten(catalog: FoodCatalog, food_id: str, grams: float) -> ItemNutrients:
    return ItemNutrients(food_id, "food", item_nutrients(food(catalog, food_id), grams))


def taken(catalog: FoodCatalog, supplement_id: str, count: float) -> ItemNutrients:
    values = supplement_nutrients(supplement(catalog, supplement_id), count)
    return ItemNutrients(supplement_id, "supplement", values)


def test_sardines_100_g(catalog: FoodCatalog) -> None:
    values = item_nutrients(food(catalog, "sardines-canned-oil"), 100)
    assert list(values) == list(NUTRIENT_KEYS)
    assert values == pytest.approx(
        {
            "calcium_mg": 382.0,
            "vitamin_d_ug": 4.8,
            "magnesium_mg": 39.0,
            "vitamin_k_ug": 2.6,  # K1 2.6; MK-4 unknown adds nothing
            "vitamin_k2_mk7_ug": 0.0,  # no MK-7 value but natto's
            "fiber_g": 0.0,
            "ala_g": 0.498,
            "epa_dha_mg": 982.0,  # (0.473 + 0.509) g x 1000
            "energy_kcal": 208.0,
            "protein_g": 24.62,
            "sat_fat_g": 1.528,
            "sugars_g": 0.0,
            "sodium_mg": 307.0,
        }
    )


def test_one_can_of_sardines_scales_by_grams(catalog: FoodCatalog) -> None:
    values = item_nutrients(food(catalog, "sardines-canned-oil"), 92)  # one can
    assert values["calcium_mg"] == pytest.approx(351.44)  # 382 x 0.92


def test_vitamin_k_is_k1_plus_mk4_and_mk7_is_its_own_line(catalog: FoodCatalog) -> None:
    milk = item_nutrients(food(catalog, "milk-whole"), 244)
    assert milk["vitamin_k_ug"] == pytest.approx(3.172)  # (0.3 K1 + 1.0 MK-4) x 2.44
    assert milk["vitamin_k2_mk7_ug"] == 0.0
    assert milk["epa_dha_mg"] == 0.0  # analysed as zero: known, not unknown
    natto = item_nutrients(food(catalog, "natto"), 50)
    assert natto["vitamin_k_ug"] == pytest.approx(11.55)  # 23.1 K1 x 0.5; MK-7 not in it
    assert natto["vitamin_k2_mk7_ug"] == pytest.approx(387.5)  # 775 x 0.5


def test_unknown_stays_unknown(catalog: FoodCatalog) -> None:
    tofu = item_nutrients(food(catalog, "tofu-firm-calcium"), 100)
    assert tofu["vitamin_k_ug"] is None  # no K1 row
    assert tofu["epa_dha_mg"] is None  # neither EPA nor DHA analysed
    assert tofu["calcium_mg"] == 683.0
    assert tofu["vitamin_d_ug"] == 0.0


def test_supplements_per_unit_times_count(catalog: FoodCatalog) -> None:
    calcium = supplement_nutrients(supplement(catalog, "calcium-carbonate-600"), 2)
    assert (calcium["calcium_mg"], calcium["vitamin_d_ug"], calcium["magnesium_mg"]) == (
        1200.0,
        20.0,
        0.0,
    )
    assert calcium["energy_kcal"] == 0.0
    fish_oil = supplement_nutrients(supplement(catalog, "fish-oil-1000"), 2)
    assert fish_oil["epa_dha_mg"] == pytest.approx(600.0)  # (0.18 + 0.12) g x 1000 x 2
    k2 = supplement_nutrients(supplement(catalog, "vitamin-k2-mk7-100"), 1)
    assert (k2["vitamin_k_ug"], k2["vitamin_k2_mk7_ug"]) == (0.0, 100.0)


def test_one_k2_capsule_does_not_meet_the_vitamin_k_adequate_intake(catalog: FoodCatalog) -> None:
    """#9.15: the 90 µg AI was set from K1; a 100 µg MK-7 capsule leaves K1 at 0 of 90."""
    profile = load_targets().profile("ai-women-51-plus")
    totals = total_nutrients([taken(catalog, "vitamin-k2-mk7-100", 1)])
    lines = {a.key: a for a in assess(totals, profile)}
    assert lines["vitamin_k_ug"].total == 0.0 and not lines["vitamin_k_ug"].met
    assert "vitamin_k2_mk7_ug" not in lines  # no target: shown, never compared


def day(catalog: FoodCatalog, *extra: ItemNutrients) -> list[ItemNutrients]:
    """1 can of sardines (92 g), 1/2 cup calcium tofu (126 g), 1 calcium 600 + D, 1 Mg 200."""
    return [
        eaten(catalog, "sardines-canned-oil", 92),
        eaten(catalog, "tofu-firm-calcium", 126),
        taken(catalog, "calcium-carbonate-600", 1),
        taken(catalog, "magnesium-glycinate-200", 1),
        *extra,
    ]


def test_totals_keep_food_and_supplements_apart_and_name_unknowns(catalog: FoodCatalog) -> None:
    totals = total_nutrients(day(catalog))
    assert totals.item_count == 4
    calcium = totals["calcium_mg"]
    assert calcium.food == pytest.approx(1212.02)  # 382 x 0.92 + 683 x 1.26
    assert calcium.supplements == 600.0
    assert calcium.total == pytest.approx(1812.02)
    assert calcium.complete
    vitamin_k = totals["vitamin_k_ug"]
    assert vitamin_k.food == pytest.approx(2.392)  # 2.6 x 0.92; tofu unknown is not zero
    assert vitamin_k.unknown_items == ("tofu-firm-calcium",)
    assert not vitamin_k.complete and not vitamin_k.all_unknown
    assert totals["epa_dha_mg"].total == pytest.approx(903.44)  # 982 x 0.92


def test_all_unknown_is_flagged(catalog: FoodCatalog) -> None:
    totals = total_nutrients([eaten(catalog, "tofu-firm-calcium", 100)])
    assert totals["vitamin_k_ug"].all_unknown
    assert totals["vitamin_k_ug"].total == 0.0
    empty = total_nutrients([])
    assert empty.item_count == 0 and empty["calcium_mg"].total == 0.0
    assert empty["calcium_mg"].complete


def assessed(items: list[ItemNutrients]) -> dict[str, NutrientAssessment]:
    """Each target nutrient of the default profile (woman over 50 on an AI), by key."""
    return {a.key: a for a in assess(total_nutrients(items), load_targets().profile())}


def test_assess_against_the_default_profile(catalog: FoodCatalog) -> None:
    lines = assessed(day(catalog))
    assert list(lines) == list(TARGET_KEYS)  # energy and protein have no targets
    calcium = lines["calcium_mg"]
    assert (calcium.min, calcium.upper, calcium.met) == (1200, 2000, True)
    assert not calcium.over_upper
    assert calcium.percent == pytest.approx(151.00166)  # 1812.02 / 1200
    magnesium = lines["magnesium_mg"]
    assert magnesium.total == pytest.approx(308.96)  # 39 x 0.92 + 58 x 1.26 + 200
    assert (magnesium.met, magnesium.counted_for_upper, magnesium.over_upper) == (False, 200, False)
    vitamin_d = lines["vitamin_d_ug"]
    assert vitamin_d.total == pytest.approx(14.416)  # 4.8 x 0.92 + 0 + 10
    assert (vitamin_d.met, vitamin_d.goal_met) == (False, False)
    omega = lines["epa_dha_mg"]
    assert (omega.met, omega.goal_met, omega.complete) == (True, True, False)
    assert omega.unknown_items == ("tofu-firm-calcium",)


def test_upper_limits_on_all_sources(catalog: FoodCatalog) -> None:
    extra = (taken(catalog, "calcium-carbonate-600", 1), taken(catalog, "vitamin-d3-5000", 1))
    lines = assessed(day(catalog, *extra))
    assert lines["calcium_mg"].total == pytest.approx(2412.02)  # 1812.02 + 600
    assert lines["calcium_mg"].over_upper
    assert lines["vitamin_d_ug"].total == pytest.approx(149.416)  # 14.416 + 10 + 125
    assert lines["vitamin_d_ug"].over_upper


def test_magnesium_upper_limit_counts_supplements_only(catalog: FoodCatalog) -> None:
    profile = load_targets().profile()
    seeds = eaten(catalog, "pumpkin-seeds", 100)  # 592 mg magnesium from food
    food_only = assess(total_nutrients([seeds, taken(catalog, "magnesium-oxide-250", 1)]), profile)
    magnesium = next(a for a in food_only if a.key == "magnesium_mg")
    assert magnesium.total == 842.0 and magnesium.counted_for_upper == 250.0
    assert not magnesium.over_upper
    two = assess(total_nutrients([taken(catalog, "magnesium-oxide-250", 2)]), profile)
    magnesium = next(a for a in two if a.key == "magnesium_mg")
    assert (magnesium.counted_for_upper, magnesium.over_upper) == (500.0, True)
