"""Daily nutrient target profiles (foods/targets.yaml): minimum, goal, upper limit, source."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from aijournal.catalog.foods import ID_PATTERN, Strict, load_cached
from aijournal.domain.nutrients import TARGET_KEYS
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import NotFound
from aijournal.paths import shipped_dir


class NutrientTarget(Strict):
    """A daily target: min, optional goal and upper limit (on all sources or supplements only)."""

    min: float = Field(ge=0)
    goal: float | None = Field(default=None, ge=0)
    upper: float | None = Field(default=None, gt=0)
    upper_counts: Literal["all", "supplements"] = "all"
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> NutrientTarget:
        if self.goal is not None and self.goal < self.min:
            raise ValueError(f"goal {self.goal:g} is below min {self.min:g}")
        floor = max(self.min, self.goal or 0.0)
        if self.upper is not None and self.upper_counts == "all" and self.upper < floor:
            raise ValueError(f"upper {self.upper:g} (all sources) is below the min or goal")
        return self


class NutrientTargets(Strict):
    calcium_mg: NutrientTarget | None = None
    vitamin_d_ug: NutrientTarget | None = None
    magnesium_mg: NutrientTarget | None = None
    vitamin_k_ug: NutrientTarget | None = None
    fiber_g: NutrientTarget | None = None
    ala_g: NutrientTarget | None = None
    epa_dha_mg: NutrientTarget | None = None


class TargetProfile(Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    source: str = Field(min_length=1)
    nutrients: NutrientTargets

    def targets(self) -> dict[str, NutrientTarget]:
        """The nutrients this profile sets, in the standard order."""
        found = {key: getattr(self.nutrients, key) for key in TARGET_KEYS}
        return {key: target for key, target in found.items() if target is not None}


class TargetsFile(Strict):
    source: str | None = None
    default_profile: str
    profiles: tuple[TargetProfile, ...]

    @model_validator(mode="after")
    def _ids(self) -> TargetsFile:
        ids = [p.id for p in self.profiles]
        doubled = sorted({i for i in ids if ids.count(i) > 1})
        if doubled:
            raise ValueError(f"profile id(s) listed twice: {', '.join(doubled)}")
        if self.default_profile not in ids:
            raise ValueError(f"default_profile '{self.default_profile}' is not a profile id")
        return self


class TargetSet:
    """The nutrient target profiles, by id, and which one is the default."""

    def __init__(self, targets: TargetsFile) -> None:
        self.default_id = targets.default_profile
        self._profiles = {p.id: p for p in targets.profiles}

    @property
    def ids(self) -> list[str]:
        return list(self._profiles)

    def profile(self, profile_id: str | None = None) -> TargetProfile:
        """The profile ``profile_id`` (the default when None); unknown ids get a suggestion."""
        wanted = self.default_id if profile_id is None else profile_id
        found = self._profiles.get(wanted)
        if found is None:
            hint = did_you_mean(wanted, self._profiles)
            allowed = ", ".join(self._profiles)
            raise NotFound(f"unknown target profile '{wanted}'{hint}; profiles: {allowed}")
        return found


def load_targets(path: Path | None = None) -> TargetSet:
    """The shipped foods/targets.yaml (or ``path``) as a TargetSet."""
    return TargetSet(load_cached(path or shipped_dir("foods") / "targets.yaml", TargetsFile))
