"""Nutrient math: what one food or supplement item holds, day totals, and targets met or passed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from aijournal.domain.precision import passes, reaches

Source = Literal["food", "supplement"]


@dataclass(frozen=True)
class NutrientInfo:
    key: str
    label: str
    unit: str


TRACKED: tuple[NutrientInfo, ...] = (
    NutrientInfo("calcium_mg", "Calcium", "mg"),
    NutrientInfo("vitamin_d_ug", "Vitamin D", "µg"),
    NutrientInfo("magnesium_mg", "Magnesium", "mg"),
    NutrientInfo("vitamin_k_ug", "Vitamin K (K1 + MK-4)", "µg"),
    NutrientInfo("vitamin_k2_mk7_ug", "Vitamin K2 MK-7", "µg"),
    NutrientInfo("fiber_g", "Fiber", "g"),
    NutrientInfo("ala_g", "ALA omega-3", "g"),
    NutrientInfo("epa_dha_mg", "EPA + DHA", "mg"),
    NutrientInfo("energy_kcal", "Energy", "kcal"),
    NutrientInfo("protein_g", "Protein", "g"),
)
EXTRAS: tuple[NutrientInfo, ...] = (
    NutrientInfo("sat_fat_g", "Saturated fat", "g"),
    NutrientInfo("sugars_g", "Sugars", "g"),
    NutrientInfo("sodium_mg", "Sodium", "mg"),
)
NUTRIENTS: dict[str, NutrientInfo] = {n.key: n for n in TRACKED + EXTRAS}
NUTRIENT_KEYS: tuple[str, ...] = tuple(NUTRIENTS)
TARGET_KEYS: tuple[str, ...] = (
    "calcium_mg",
    "vitamin_d_ug",
    "magnesium_mg",
    "vitamin_k_ug",
    "fiber_g",
    "ala_g",
    "epa_dha_mg",
)
# What a supplement label can hold (supplement_nutrients gives every other key 0).
SUPPLEMENT_KEYS: tuple[str, ...] = (
    "calcium_mg",
    "vitamin_d_ug",
    "magnesium_mg",
    "vitamin_k_ug",
    "vitamin_k2_mk7_ug",
    "ala_g",
    "epa_dha_mg",
)
MK7 = "vitamin_k2_mk7_ug"
MK7_NOTE = (
    "no target: the vitamin K adequate intake was set from K1 (IOM 2001), so MK-7 is shown "
    "on its own line, never counted toward it"
)
# Per-100 g values copied from SR28 under the same name as the nutrient they give.
_DIRECT_PER_100G = (
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
)


class Per100gLike(Protocol):
    """SR28 values per 100 g; None means SR28 holds no value (unknown, not zero)."""

    @property
    def energy_kcal(self) -> float | None: ...
    @property
    def protein_g(self) -> float | None: ...
    @property
    def fiber_g(self) -> float | None: ...
    @property
    def calcium_mg(self) -> float | None: ...
    @property
    def magnesium_mg(self) -> float | None: ...
    @property
    def vitamin_d_ug(self) -> float | None: ...
    @property
    def vitamin_k1_ug(self) -> float | None: ...
    @property
    def mk4_ug(self) -> float | None: ...
    @property
    def ala_g(self) -> float | None: ...
    @property
    def epa_g(self) -> float | None: ...
    @property
    def dha_g(self) -> float | None: ...
    @property
    def sat_fat_g(self) -> float | None: ...
    @property
    def sugars_g(self) -> float | None: ...
    @property
    def sodium_mg(self) -> float | None: ...


class FoodValuesLike(Protocol):
    @property
    def per_100g(self) -> Per100gLike: ...
    @property
    def mk7_ug_per_100g(self) -> float | None: ...


class PerUnitLike(Protocol):
    """What one supplement unit holds, as its label states; an absent nutrient is none."""

    @property
    def calcium_mg(self) -> float | None: ...
    @property
    def vitamin_d_ug(self) -> float | None: ...
    @property
    def magnesium_mg(self) -> float | None: ...
    @property
    def vitamin_k1_ug(self) -> float | None: ...
    @property
    def mk7_ug(self) -> float | None: ...
    @property
    def epa_g(self) -> float | None: ...
    @property
    def dha_g(self) -> float | None: ...
    @property
    def ala_g(self) -> float | None: ...


class SupplementValuesLike(Protocol):
    @property
    def per_unit(self) -> PerUnitLike: ...


class TargetLike(Protocol):
    @property
    def min(self) -> float: ...
    @property
    def goal(self) -> float | None: ...
    @property
    def upper(self) -> float | None: ...
    @property
    def upper_counts(self) -> Literal["all", "supplements"]: ...


class ProfileLike(Protocol):
    def targets(self) -> Mapping[str, TargetLike]: ...


def item_nutrients(food: FoodValuesLike, grams: float) -> dict[str, float | None]:
    """Every nutrient key for ``grams`` of a food; None where SR28 holds no value."""
    scale = grams / 100.0
    per = food.per_100g
    values: dict[str, float | None] = {}
    for key in _DIRECT_PER_100G:
        value: float | None = getattr(per, key)
        values[key] = None if value is None else value * scale
    # The vitamin K AI was set from K1 intakes: K1 (+ MK-4) is compared with it, MK-7 is
    # its own line (DOMAIN.md). MK-7 counts where the catalog has a value (natto); SR28
    # measures none, and other common foods hold next to none, so they count zero.
    k1 = per.vitamin_k1_ug
    values["vitamin_k_ug"] = None if k1 is None else (k1 + (per.mk4_ug or 0.0)) * scale
    values["vitamin_k2_mk7_ug"] = (food.mk7_ug_per_100g or 0.0) * scale
    if per.epa_g is None and per.dha_g is None:
        values["epa_dha_mg"] = None
    else:
        values["epa_dha_mg"] = ((per.epa_g or 0.0) + (per.dha_g or 0.0)) * 1000.0 * scale
    return {key: values[key] for key in NUTRIENT_KEYS}


def supplement_nutrients(supplement: SupplementValuesLike, count: float) -> dict[str, float | None]:
    """Every nutrient key for ``count`` units of a supplement; what the label omits is zero."""
    unit = supplement.per_unit
    values: dict[str, float | None] = dict.fromkeys(NUTRIENT_KEYS, 0.0)
    values["calcium_mg"] = (unit.calcium_mg or 0.0) * count
    values["vitamin_d_ug"] = (unit.vitamin_d_ug or 0.0) * count
    values["magnesium_mg"] = (unit.magnesium_mg or 0.0) * count
    values["vitamin_k_ug"] = (unit.vitamin_k1_ug or 0.0) * count
    values["vitamin_k2_mk7_ug"] = (unit.mk7_ug or 0.0) * count
    values["ala_g"] = (unit.ala_g or 0.0) * count
    values["epa_dha_mg"] = ((unit.epa_g or 0.0) + (unit.dha_g or 0.0)) * 1000.0 * count
    return values


@dataclass(frozen=True)
class ItemNutrients:
    """One logged item: its display name, whether food or supplement, and its nutrient values."""

    name: str
    source: Source
    values: Mapping[str, float | None]


@dataclass(frozen=True)
class NutrientTotal:
    """One nutrient summed over items; food and supplements apart, unknown items named."""

    key: str
    food: float
    supplements: float
    known_items: int
    unknown_items: tuple[str, ...]

    @property
    def total(self) -> float:
        """Food plus supplements; a lower bound when ``unknown_items`` is not empty."""
        return self.food + self.supplements

    @property
    def complete(self) -> bool:
        return not self.unknown_items

    @property
    def all_unknown(self) -> bool:
        """True when items were logged but none of them has a value for this nutrient."""
        return self.known_items == 0 and bool(self.unknown_items)


@dataclass(frozen=True)
class Totals:
    nutrients: Mapping[str, NutrientTotal]
    item_count: int

    def __getitem__(self, key: str) -> NutrientTotal:
        return self.nutrients[key]


def total_nutrients(items: Iterable[ItemNutrients]) -> Totals:
    """Sum every nutrient over ``items``; an unknown value is listed, never counted as zero."""
    food = dict.fromkeys(NUTRIENT_KEYS, 0.0)
    supplements = dict.fromkeys(NUTRIENT_KEYS, 0.0)
    known = dict.fromkeys(NUTRIENT_KEYS, 0)
    unknown: dict[str, list[str]] = {key: [] for key in NUTRIENT_KEYS}
    count = 0
    for item in items:
        count += 1
        for key in NUTRIENT_KEYS:
            value = item.values.get(key)
            if value is None:
                if item.name not in unknown[key]:
                    unknown[key].append(item.name)
                continue
            known[key] += 1
            if item.source == "supplement":
                supplements[key] += value
            else:
                food[key] += value
    nutrients = {
        key: NutrientTotal(key, food[key], supplements[key], known[key], tuple(unknown[key]))
        for key in NUTRIENT_KEYS
    }
    return Totals(nutrients=nutrients, item_count=count)


@dataclass(frozen=True)
class NutrientAssessment:
    """One target nutrient against a profile: amounts, target, and whether met or over the limit."""

    key: str
    label: str
    unit: str
    total: float
    food: float
    supplements: float
    unknown_items: tuple[str, ...]
    min: float
    goal: float | None
    upper: float | None
    upper_counts: Literal["all", "supplements"]
    percent: float | None
    met: bool
    goal_met: bool | None
    counted_for_upper: float
    over_upper: bool

    @property
    def complete(self) -> bool:
        return not self.unknown_items


def assess(totals: Totals, profile: ProfileLike) -> list[NutrientAssessment]:
    """Each nutrient the profile targets, in the standard order; percent is of the minimum."""
    targets = profile.targets()
    result = []
    for key in TARGET_KEYS:
        target = targets.get(key)
        if target is None:
            continue
        line = totals[key]
        counted = line.supplements if target.upper_counts == "supplements" else line.total
        info = NUTRIENTS[key]
        result.append(
            NutrientAssessment(
                key=key,
                label=info.label,
                unit=info.unit,
                total=line.total,
                food=line.food,
                supplements=line.supplements,
                unknown_items=line.unknown_items,
                min=target.min,
                goal=target.goal,
                upper=target.upper,
                upper_counts=target.upper_counts,
                percent=line.total / target.min * 100.0 if target.min > 0 else None,
                met=reaches(line.total, target.min, info.unit),
                goal_met=None
                if target.goal is None
                else reaches(line.total, target.goal, info.unit),
                counted_for_upper=counted,
                over_upper=target.upper is not None and passes(counted, target.upper, info.unit),
            )
        )
    return result
