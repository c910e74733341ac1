"""The exercise catalog: shipped protocols/exercises.yaml plus the user's own, and name lookup."""

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from aijournal.catalog.yamlfile import line_of, read_yaml, validate_yaml
from aijournal.domain.exercise import KEBAB, BoneLoading, Intensity, Kind, Measure
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput, NotFound
from aijournal.paths import shipped_dir

CATALOG_FILE = "exercises.yaml"
MIN_PREFIX = 3

ExerciseId = Annotated[str, Field(pattern=KEBAB, description="singular kebab-case")]


def name_key(text: str) -> str:
    """The form names are compared in: lower case, spaces and underscores as hyphens."""
    return re.sub(r"[\s_-]+", "-", text.strip().lower()).strip("-")


class Exercise(BaseModel):
    """One exercise or activity: how it is counted and what it does for bone."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: ExerciseId
    name: Annotated[str, Field(min_length=1)]
    aliases: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    kind: Kind
    bone_loading: BoneLoading
    measure: Measure
    intensity: Intensity | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _rest_is_unmeasured(self) -> "Exercise":
        if (self.kind == "rest") != (self.measure == "none"):
            raise ValueError("measure 'none' goes with kind 'rest', and only with it")
        return self

    def keys(self) -> set[str]:
        """Every name this exercise answers to, in :func:`name_key` form."""
        return {name_key(self.id), name_key(self.name), *(name_key(a) for a in self.aliases)}


class ExerciseFile(BaseModel):
    """The shape of exercises.yaml: a source line and the exercises."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    source: Annotated[str, Field(min_length=1)]
    exercises: tuple[Exercise, ...]


class NameClash(ValueError):
    """Two exercises answer to the same name; ``position`` is the later one's index."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position = position


def _name_index(exercises: tuple[Exercise, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    ids: set[str] = set()
    for position, exercise in enumerate(exercises):
        if exercise.id in ids:
            raise NameClash(position, f"exercise id '{exercise.id}' is used twice")
        ids.add(exercise.id)
        for key in sorted(exercise.keys()):
            other = index.setdefault(key, exercise.id)
            if other != exercise.id:
                raise NameClash(position, f"'{key}' already names exercise '{other}'")
    return index


class ExerciseCatalog:
    """Exercises by id, found by id, name, alias, plural or unique prefix."""

    def __init__(self, exercises: Iterable[Exercise], source: str) -> None:
        self.source = source
        self._exercises = tuple(exercises)
        self._index = _name_index(self._exercises)
        self._by_id = {e.id: e for e in self._exercises}

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._exercises)

    def __len__(self) -> int:
        return len(self._exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with exactly this id (KeyError otherwise)."""
        return self._by_id[exercise_id]

    def typical_intensities(self) -> Mapping[str, Intensity]:
        """The catalog intensity of each exercise that has one, by id."""
        return {e.id: e.intensity for e in self._exercises if e.intensity is not None}

    def with_extra(self, extra: Iterable[Exercise], source: str) -> "ExerciseCatalog":
        """This catalog plus ``extra``; an extra exercise with an existing id replaces it."""
        added = tuple(extra)
        replaced = {e.id for e in added}
        kept = tuple(e for e in self._exercises if e.id not in replaced)
        try:
            return ExerciseCatalog((*kept, *added), f"{self.source}; {source}")
        except NameClash as clash:
            raise NameClash(clash.position - len(kept), str(clash)) from None

    def resolve(self, name: str) -> Exercise:
        """The exercise ``name`` means: id, name, alias, plural, or a unique prefix."""
        key = name_key(name)
        if not key:
            raise BadInput("an exercise name is empty")
        singulars = [key[:-1], key[:-2]] if key.endswith("s") else []
        for candidate in [key, *singulars]:
            if candidate in self._index:
                return self._by_id[self._index[candidate]]
        if len(key) >= MIN_PREFIX:
            found = sorted({i for k, i in self._index.items() if k.startswith(key)})
            if len(found) == 1:
                return self._by_id[found[0]]
            if len(found) > 1:
                listed = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
                raise BadInput(f"exercise '{name}' could be {listed}: type more of the name")
        raise NotFound(f"unknown exercise '{name}'{did_you_mean(key, self.ids)}")


def _catalog_from_file(path: Path, base: ExerciseCatalog | None) -> ExerciseCatalog:
    data, node = read_yaml(path)
    parsed = validate_yaml(path, data, node, ExerciseFile, {})
    try:
        if base is None:
            return ExerciseCatalog(parsed.exercises, parsed.source)
        return base.with_extra(parsed.exercises, parsed.source)
    except NameClash as clash:
        line = line_of(node, ("exercises", clash.position))
        where = f"{path}:{line}" if line else str(path)
        raise BadInput(f"{where}: exercises.{clash.position}: {clash}") from None


@lru_cache(maxsize=1)
def shipped_exercise_catalog() -> ExerciseCatalog:
    """The catalog shipped with aij (read once per process)."""
    return _catalog_from_file(shipped_dir("protocols") / CATALOG_FILE, None)


def load_exercise_catalog(user_dir: Path | None = None) -> ExerciseCatalog:
    """The shipped catalog plus ``user_dir/exercises.yaml`` if present (BadInput if broken)."""
    shipped = shipped_exercise_catalog()
    if user_dir is None or not (user_dir / CATALOG_FILE).is_file():
        return shipped
    return _catalog_from_file(user_dir / CATALOG_FILE, shipped)
