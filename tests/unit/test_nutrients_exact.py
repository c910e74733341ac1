"""Nutrient math, exactly: every key of an item, every path of unknown and zero, every field of
a total and of an assessment, each comparison at its boundary, the constants against DOMAIN.md.

Expected values are worked out in the test: from values chosen to tell the nutrients apart
(distinct primes, so a value sent to the wrong key cannot pass), from USDA SR28 rows (written
below as NDB^Nutr_No^value, read from the raw NUT_DATA.txt), and from DOMAIN.md "Nutrients".
"""

from dataclasses import dataclass
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.foods import FoodCatalog, SupplementNutrients
from aijournal.catalog.targets import load_targets
from aijournal.domain.nutrients import (
    EXTRAS,
    MK7,
    MK7_NOTE,
    NUTRIENT_KEYS,
    NUTRIENTS,
    SUPPLEMENT_KEYS,
    TARGET_KEYS,
    TRACKED,
    ItemNutrients,
    NutrientAssessment,
    NutrientTotal,
    Totals,
    assess,
    item_nutrients,
    supplement_nutrients,
    total_nutrients,
)
from tests.helpers import food

# SR28 (NUT_DATA.txt), salmon, sockeye, cooked, dry heat, 15086:
#   208 156, 203 26.48, 291 0.0, 301 11, 304 36, 328 16.7, 430 0.1, 428 0.4, 619 0.058 (no 851),
#   629 0.299, 621 0.560, 606 0.969, 269 0.00, 307 92
# walnuts, english, 12155: 301 98, 304 158, 430 2.7 (no 428), 619 9.080 (no 851), 629 0.000,
#   621 0.000, 291 6.7


@dataclass(frozen=True)
class Per100g:
    energy_kcal: float | None = 1.0
    protein_g: float | None = 2.0
    fiber_g: float | None = 3.0
    calcium_mg: float | None = 5.0
    magnesium_mg: float | None = 7.0
    vitamin_d_ug: float | None = 11.0
    vitamin_k1_ug: float | None = 13.0
    mk4_ug: float | None = 17.0
    ala_g: float | None = 19.0
    epa_g: float | None = 0.023
    dha_g: float | None = 0.029
    sat_fat_g: float | None = 31.0
    sugars_g: float | None = 37.0
    sodium_mg: float | None = 41.0


@dataclass(frozen=True)
class Food:
    per_100g: Per100g
    mk7_ug_per_100g: float | None = 43.0


@dataclass(frozen=True)
class PerUnit:
    calcium_mg: float | None = 2.0
    vitamin_d_ug: float | None = 3.0
    magnesium_mg: float | None = 5.0
    vitamin_k1_ug: float | None = 7.0
    mk7_ug: float | None = 11.0
    epa_g: float | None = 0.013
    dha_g: float | None = 0.017
    ala_g: float | None = 0.019


@dataclass(frozen=True)
class Label:
    per_unit: PerUnit


@dataclass(frozen=True)
class Target:
    min: float
    goal: float | None = None
    upper: float | None = None
    upper_counts: Literal["all", "supplements"] = "all"


@dataclass(frozen=True)
class Profile:
    table: dict[str, Target]

    def targets(self) -> dict[str, Target]:
        return self.table


# The constants, against DOMAIN.md (mutmut does not mutate them)


def test_tracked_nutrients_keys_labels_and_units() -> None:
    assert [(n.key, n.label, n.unit) for n in TRACKED] == [
        ("calcium_mg", "Calcium", "mg"),
        ("vitamin_d_ug", "Vitamin D", "µg"),
        ("magnesium_mg", "Magnesium", "mg"),
        ("vitamin_k_ug", "Vitamin K (K1 + MK-4)", "µg"),  # DOMAIN.md: K1 with MK-4
        ("vitamin_k2_mk7_ug", "Vitamin K2 MK-7", "µg"),  # on its own line
        ("fiber_g", "Fiber", "g"),
        ("ala_g", "ALA omega-3", "g"),
        ("epa_dha_mg", "EPA + DHA", "mg"),
        ("energy_kcal", "Energy", "kcal"),
        ("protein_g", "Protein", "g"),
    ]
    assert [(n.key, n.label, n.unit) for n in EXTRAS] == [
        ("sat_fat_g", "Saturated fat", "g"),
        ("sugars_g", "Sugars", "g"),
        ("sodium_mg", "Sodium", "mg"),
    ]
    assert tuple(n.key for n in TRACKED + EXTRAS) == NUTRIENT_KEYS
    assert all(NUTRIENTS[n.key] is n for n in TRACKED + EXTRAS)
    assert len(NUTRIENTS) == 13


def test_target_keys_are_domain_mds_target_rows_in_order() -> None:
    # DOMAIN.md's targets table: calcium, vitamin D, magnesium, vitamin K (AI), fiber, ALA,
    # EPA + DHA. Energy, protein and the extras have no target; MK-7 has none (K1's AI).
    assert TARGET_KEYS == (
        "calcium_mg",
        "vitamin_d_ug",
        "magnesium_mg",
        "vitamin_k_ug",
        "fiber_g",
        "ala_g",
        "epa_dha_mg",
    )
    assert MK7 == "vitamin_k2_mk7_ug" and MK7 not in TARGET_KEYS and MK7 in NUTRIENT_KEYS


def test_every_nutrient_a_shipped_profile_targets_is_assessed() -> None:
    targets = load_targets()
    for profile_id in targets.ids:
        assert set(targets.profile(profile_id).targets()) <= set(TARGET_KEYS), profile_id


def test_the_mk7_note_says_why_it_has_no_target() -> None:
    assert MK7_NOTE == (
        "no target: the vitamin K adequate intake was set from K1 (IOM 2001), so MK-7 is shown "
        "on its own line, never counted toward it"
    )


def test_supplement_keys_are_what_a_label_can_hold() -> None:
    # The label's fields, by the nutrient they give (K1 to vitamin K, MK-7 apart, EPA and DHA
    # together); these are the columns daily.csv writes "from supplements".
    label_fields = {f for f in SupplementNutrients.model_fields}
    assert label_fields == {
        "calcium_mg",
        "vitamin_d_ug",
        "magnesium_mg",
        "vitamin_k1_ug",
        "mk7_ug",
        "epa_g",
        "dha_g",
        "ala_g",
    }
    assert SUPPLEMENT_KEYS == (
        "calcium_mg",
        "vitamin_d_ug",
        "magnesium_mg",
        "vitamin_k_ug",
        "vitamin_k2_mk7_ug",
        "ala_g",
        "epa_dha_mg",
    )
    full = supplement_nutrients(Label(PerUnit()), 1)
    assert {k for k, v in full.items() if v} == set(SUPPLEMENT_KEYS)


# One food item


def test_every_key_of_a_food_item_from_its_own_field() -> None:
    values = item_nutrients(Food(Per100g()), 200)  # 200 g: twice the per-100 g values
    assert list(values) == list(NUTRIENT_KEYS)
    assert values == pytest.approx(
        {
            "calcium_mg": 10.0,
            "vitamin_d_ug": 22.0,
            "magnesium_mg": 14.0,
            "vitamin_k_ug": 60.0,  # (13 K1 + 17 MK-4) x 2
            "vitamin_k2_mk7_ug": 86.0,  # 43 x 2
            "fiber_g": 6.0,
            "ala_g": 38.0,
            "epa_dha_mg": 104.0,  # (0.023 + 0.029) g x 1000 x 2
            "energy_kcal": 2.0,
            "protein_g": 4.0,
            "sat_fat_g": 62.0,
            "sugars_g": 74.0,
            "sodium_mg": 82.0,
        },
        rel=1e-12,
    )


def test_a_fraction_of_100_g_scales_down() -> None:
    values = item_nutrients(Food(Per100g()), 25)
    assert values["calcium_mg"] == pytest.approx(1.25)  # 5 x 0.25
    assert values["vitamin_k_ug"] == pytest.approx(7.5)  # 30 x 0.25
    assert values["epa_dha_mg"] == pytest.approx(13.0)  # 52 x 0.25
    assert values["vitamin_k2_mk7_ug"] == pytest.approx(10.75)  # 43 x 0.25


DIRECT = [
    "calcium_mg",
    "vitamin_d_ug",
    "magnesium_mg",
    "fiber_g",
    "ala_g",
    "energy_kcal",
    "protein_g",
    "sat_fat_g",
    "sugars_g",
    "sodium_mg",
]


@pytest.mark.parametrize("key", DIRECT)
def test_a_value_sr28_lacks_is_unknown_and_only_that_one(key: str) -> None:
    values = item_nutrients(Food(Per100g(**{key: None})), 100)  # type: ignore[arg-type]
    assert values[key] is None
    assert [k for k, v in values.items() if v is None] == [key]


def test_vitamin_k_unknown_without_k1_and_k1_alone_without_mk4() -> None:
    no_k1 = item_nutrients(Food(Per100g(vitamin_k1_ug=None)), 100)
    assert no_k1["vitamin_k_ug"] is None  # MK-4 alone does not make K1 known
    no_mk4 = item_nutrients(Food(Per100g(mk4_ug=None)), 100)
    assert no_mk4["vitamin_k_ug"] == 13.0
    assert item_nutrients(Food(Per100g(vitamin_k1_ug=0.0, mk4_ug=0.0)), 100)["vitamin_k_ug"] == 0


def test_mk7_without_a_value_counts_zero() -> None:
    assert item_nutrients(Food(Per100g(), None), 100)["vitamin_k2_mk7_ug"] == 0.0


def test_epa_dha_is_unknown_only_when_both_are() -> None:
    only_dha = item_nutrients(Food(Per100g(epa_g=None)), 100)
    assert only_dha["epa_dha_mg"] == pytest.approx(29.0)  # 0.029 g DHA
    only_epa = item_nutrients(Food(Per100g(dha_g=None)), 100)
    assert only_epa["epa_dha_mg"] == pytest.approx(23.0)
    neither = item_nutrients(Food(Per100g(epa_g=None, dha_g=None)), 100)
    assert neither["epa_dha_mg"] is None


def test_zero_grams_is_zero_of_every_known_value() -> None:
    values = item_nutrients(Food(Per100g(vitamin_k1_ug=None)), 0)
    assert values["vitamin_k_ug"] is None
    assert {k: v for k, v in values.items() if k != "vitamin_k_ug"} == dict.fromkeys(
        [k for k in NUTRIENT_KEYS if k != "vitamin_k_ug"], 0.0
    )


def test_sockeye_salmon_from_sr28(catalog: FoodCatalog) -> None:
    values = item_nutrients(food(catalog, "salmon-sockeye-cooked"), 150)
    assert values == pytest.approx(
        {
            "calcium_mg": 16.5,  # 11 x 1.5
            "vitamin_d_ug": 25.05,  # 16.7 x 1.5
            "magnesium_mg": 54.0,  # 36 x 1.5
            "vitamin_k_ug": 0.75,  # (0.1 K1 + 0.4 MK-4) x 1.5
            "vitamin_k2_mk7_ug": 0.0,
            "fiber_g": 0.0,
            "ala_g": 0.087,  # 0.058 (619, no 851) x 1.5
            "epa_dha_mg": 1288.5,  # (0.299 + 0.560) x 1000 x 1.5
            "energy_kcal": 234.0,
            "protein_g": 39.72,
            "sat_fat_g": 1.4535,
            "sugars_g": 0.0,
            "sodium_mg": 138.0,
        }
    )


def test_walnuts_from_sr28(catalog: FoodCatalog) -> None:
    values = item_nutrients(food(catalog, "walnuts"), 28)
    assert values["vitamin_k_ug"] == pytest.approx(0.756)  # 2.7 K1 x 0.28, MK-4 not analysed
    assert values["epa_dha_mg"] == 0.0  # analysed as 0.000: known zero
    assert values["ala_g"] == pytest.approx(2.5424)  # 9.080 x 0.28
    assert values["magnesium_mg"] == pytest.approx(44.24)  # 158 x 0.28


# One supplement item


def test_every_key_of_a_supplement_from_its_label() -> None:
    values = supplement_nutrients(Label(PerUnit()), 3)
    assert list(values) == list(NUTRIENT_KEYS)
    assert values == pytest.approx(
        {
            "calcium_mg": 6.0,
            "vitamin_d_ug": 9.0,
            "magnesium_mg": 15.0,
            "vitamin_k_ug": 21.0,  # K1 only
            "vitamin_k2_mk7_ug": 33.0,
            "fiber_g": 0.0,
            "ala_g": 0.057,
            "epa_dha_mg": 90.0,  # (0.013 + 0.017) g x 1000 x 3
            "energy_kcal": 0.0,
            "protein_g": 0.0,
            "sat_fat_g": 0.0,
            "sugars_g": 0.0,
            "sodium_mg": 0.0,
        },
        rel=1e-12,
    )
    half = supplement_nutrients(Label(PerUnit()), 0.5)
    assert (half["calcium_mg"], half["epa_dha_mg"]) == (1.0, pytest.approx(15.0))


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("calcium_mg", "calcium_mg"),
        ("vitamin_d_ug", "vitamin_d_ug"),
        ("magnesium_mg", "magnesium_mg"),
        ("vitamin_k1_ug", "vitamin_k_ug"),
        ("mk7_ug", "vitamin_k2_mk7_ug"),
        ("ala_g", "ala_g"),
    ],
)
def test_what_a_label_omits_is_zero_never_unknown(field: str, key: str) -> None:
    values = supplement_nutrients(Label(PerUnit(**{field: None})), 2)  # type: ignore[arg-type]
    assert values[key] == 0.0
    assert None not in values.values()


def test_a_label_with_dha_only_or_epa_only() -> None:
    algal = supplement_nutrients(Label(PerUnit(epa_g=None)), 2)
    assert algal["epa_dha_mg"] == pytest.approx(34.0)  # 0.017 x 1000 x 2
    epa = supplement_nutrients(Label(PerUnit(dha_g=None)), 2)
    assert epa["epa_dha_mg"] == pytest.approx(26.0)
    neither = supplement_nutrients(Label(PerUnit(epa_g=None, dha_g=None)), 2)
    assert neither["epa_dha_mg"] == 0.0


# Totals


def item(name: str, source: Literal["food", "supplement"], **values: float | None) -> ItemNutrients:
    return ItemNutrients(name, source, values)


def test_every_field_of_a_total() -> None:
    totals = total_nutrients(
        [
            item("sardines", "food", calcium_mg=350.0, vitamin_k_ug=None),
            item("tofu", "food", calcium_mg=250.0, vitamin_k_ug=None),
            item("tofu", "food", calcium_mg=100.0, vitamin_k_ug=None),  # logged twice
            item("calcium 600", "supplement", calcium_mg=600.0, vitamin_k_ug=0.0),
        ]
    )
    assert totals.item_count == 4
    assert totals["calcium_mg"] == NutrientTotal("calcium_mg", 700.0, 600.0, 4, ())
    assert totals["calcium_mg"].total == 1300.0
    # unknown names listed once each, in the order first logged
    assert totals["vitamin_k_ug"] == NutrientTotal(
        "vitamin_k_ug", 0.0, 0.0, 1, ("sardines", "tofu")
    )
    # a key an item does not give at all is unknown for it
    assert totals["fiber_g"].unknown_items == ("sardines", "tofu", "calcium 600")
    assert totals["fiber_g"].known_items == 0
    assert list(totals.nutrients) == list(NUTRIENT_KEYS)


def test_an_unknown_value_does_not_stop_the_other_keys_of_its_item() -> None:
    totals = total_nutrients(
        [item("yolk", "food", calcium_mg=None, vitamin_d_ug=5.4, epa_dha_mg=12.5)]
    )
    assert totals["vitamin_d_ug"].food == 5.4 and totals["vitamin_d_ug"].known_items == 1
    assert totals["epa_dha_mg"].food == 12.5
    assert totals["calcium_mg"].unknown_items == ("yolk",)


@pytest.mark.parametrize(
    ("known", "unknown", "complete", "all_unknown"),
    [
        (0, (), True, False),  # nothing logged: nothing unknown
        (0, ("tofu",), False, True),
        (1, ("tofu",), False, False),
        (2, (), True, False),
    ],
)
def test_complete_and_all_unknown(
    known: int, unknown: tuple[str, ...], complete: bool, all_unknown: bool
) -> None:
    line = NutrientTotal("vitamin_k_ug", 1.5, 2.5, known, unknown)
    assert (line.complete, line.all_unknown, line.total) == (complete, all_unknown, 4.0)


def test_no_items_give_zero_totals() -> None:
    totals = total_nutrients([])
    assert totals.item_count == 0
    assert all(totals[k] == NutrientTotal(k, 0.0, 0.0, 0, ()) for k in NUTRIENT_KEYS)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["food", "supplement"]),
            st.one_of(st.none(), st.integers(0, 10_000)),
        ),
        max_size=20,
    )
)
def test_totals_sum_what_is_known_and_count_what_is_not(
    logged: list[tuple[Literal["food", "supplement"], int | None]],
) -> None:
    items = [item(f"item {i}", source, calcium_mg=v) for i, (source, v) in enumerate(logged)]
    line = total_nutrients(items)["calcium_mg"]
    assert line.food == sum(v for s, v in logged if s == "food" and v is not None)
    assert line.supplements == sum(v for s, v in logged if s == "supplement" and v is not None)
    assert line.known_items == sum(v is not None for _, v in logged)
    assert len(line.unknown_items) == sum(v is None for _, v in logged)


# Assessment against a profile


def totals_of(food_amount: float, supplement_amount: float, key: str) -> Totals:
    return total_nutrients(
        [
            item("food", "food", **{key: food_amount}),
            item("pill", "supplement", **{key: supplement_amount}),
        ]
    )


def test_every_field_of_an_assessment() -> None:
    profile = Profile({"calcium_mg": Target(1200, goal=1500, upper=2000)})
    totals = total_nutrients(
        [
            item("sardines", "food", calcium_mg=300.0),
            item("tofu", "food", calcium_mg=None),
            item("calcium 600", "supplement", calcium_mg=600.0),
        ]
    )
    [line] = assess(totals, profile)
    assert line == NutrientAssessment(
        key="calcium_mg",
        label="Calcium",
        unit="mg",
        total=900.0,
        food=300.0,
        supplements=600.0,
        unknown_items=("tofu",),
        min=1200,
        goal=1500,
        upper=2000,
        upper_counts="all",
        percent=75.0,  # 900 / 1200
        met=False,
        goal_met=False,
        counted_for_upper=900.0,
        over_upper=False,
    )
    assert not line.complete
    [whole] = assess(totals_of(300.0, 600.0, "calcium_mg"), profile)
    assert whole.complete


def test_the_minimum_is_met_at_exactly_the_minimum() -> None:
    profile = Profile({"vitamin_d_ug": Target(20)})
    [at] = assess(totals_of(10.0, 10.0, "vitamin_d_ug"), profile)
    assert (at.met, at.percent, at.goal, at.goal_met) == (True, 100.0, None, None)
    # Compared as shown (µg whole, halves up): 19.4 µg reads "19 µg", not met; 19.5 µg
    # reads "20 µg" and meets 20 (#9.6: thresholds at the displayed precision).
    [below] = assess(totals_of(9.4, 10.0, "vitamin_d_ug"), profile)
    assert (below.met, below.percent) == (False, 97.0)
    [shown_20] = assess(totals_of(9.5, 10.0, "vitamin_d_ug"), profile)
    assert (shown_20.met, shown_20.percent) == (True, 97.5)


def test_the_goal_is_met_at_exactly_the_goal() -> None:
    profile = Profile({"epa_dha_mg": Target(250, goal=500)})
    [at] = assess(totals_of(300.0, 200.0, "epa_dha_mg"), profile)
    assert (at.met, at.goal_met, at.percent) == (True, True, 200.0)
    [below] = assess(totals_of(299.0, 200.0, "epa_dha_mg"), profile)
    assert (below.met, below.goal_met) == (True, False)


def test_the_upper_limit_is_passed_only_above_it() -> None:
    profile = Profile({"calcium_mg": Target(1200, upper=2000)})
    [at] = assess(totals_of(1400.0, 600.0, "calcium_mg"), profile)
    assert (at.counted_for_upper, at.over_upper) == (2000.0, False)
    [above] = assess(totals_of(1400.5, 600.0, "calcium_mg"), profile)
    assert (above.counted_for_upper, above.over_upper) == (2000.5, True)
    no_upper = Profile({"calcium_mg": Target(1200)})
    [none] = assess(totals_of(5000.0, 5000.0, "calcium_mg"), no_upper)
    assert (none.upper, none.over_upper, none.counted_for_upper) == (None, False, 10000.0)


def test_an_upper_limit_on_supplements_counts_supplements_only() -> None:
    # DOMAIN.md: magnesium, 350 mg from supplements only
    profile = Profile({"magnesium_mg": Target(320, upper=350, upper_counts="supplements")})
    [at] = assess(totals_of(500.0, 350.0, "magnesium_mg"), profile)
    assert (at.total, at.counted_for_upper, at.over_upper) == (850.0, 350.0, False)
    assert at.upper_counts == "supplements"
    [above] = assess(totals_of(0.0, 351.0, "magnesium_mg"), profile)
    assert (above.counted_for_upper, above.over_upper) == (351.0, True)


def test_percent_of_a_zero_minimum_is_none_and_of_a_small_one_exact() -> None:
    profile = Profile({"fiber_g": Target(0), "ala_g": Target(1)})
    fiber, ala = assess(total_nutrients([item("x", "food", fiber_g=3.0, ala_g=0.5)]), profile)
    assert (fiber.percent, fiber.met) == (None, True)
    assert (ala.percent, ala.met) == (50.0, False)


def test_only_targeted_nutrients_in_the_standard_order() -> None:
    profile = Profile(
        {
            "epa_dha_mg": Target(250),
            "vitamin_d_ug": Target(20),
            "energy_kcal": Target(1800),  # not a target nutrient: never assessed
            MK7: Target(90),  # nor MK-7
        }
    )
    lines = assess(total_nutrients([]), profile)
    assert [a.key for a in lines] == ["vitamin_d_ug", "epa_dha_mg"]
    assert [(a.label, a.unit) for a in lines] == [("Vitamin D", "µg"), ("EPA + DHA", "mg")]
    assert assess(total_nutrients([]), Profile({})) == []
