"""The food catalog: shipped foods/ (SR28 foods, supplements, targets) and the user's own foods."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal, TypeVar, cast, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from aijournal.catalog.yamlfile import load_model
from aijournal.domain.limits import MAX_FOOD_ID, MAX_FOOD_NAME, MAX_FOOD_ORIGIN
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput, NotFound
from aijournal.paths import shipped_dir

Tag = Literal[
    "vegetable", "fruit", "berry", "leafy-green", "cruciferous", "legume", "nuts-seeds",
    "whole-grain", "fish", "fatty-fish", "olive-oil", "red-meat", "processed-meat", "butter-cream",
    "sugary-drink", "sweets", "fermented", "polyphenol-rich", "ultra-processed", "dairy",
    "juice",
]  # fmt: skip
TAGS: tuple[str, ...] = get_args(Tag)
SupplementUnit = Literal["tablet", "capsule", "softgel", "chew", "gummy", "drop", "scoop", "packet"]
SHIPPED_SPECIAL = ("supplements.yaml", "targets.yaml")
COMPILED_NAME = "compiled.json"
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
UNIT_PATTERN = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def lookup_key(text: str) -> str:
    """The form names are matched in: lower case, '%' as 'pct', '&' as 'and', spaces as hyphens."""
    key = text.strip().lower().replace("%", "pct").replace("&", " and ").replace("'", "")
    return re.sub(r"[\s_\-]+", "-", key).strip("-")


class AmbiguousName(BadInput):
    """A name that starts several entries' names; ``candidates`` are their ids."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _amount() -> Any:
    return Field(default=None, ge=0)


class Per100g(Strict):
    """SR28 values per 100 g of edible portion; None = SR28 holds no value (unknown, not zero)."""

    energy_kcal: float | None = _amount()
    protein_g: float | None = _amount()
    fiber_g: float | None = _amount()
    calcium_mg: float | None = _amount()
    magnesium_mg: float | None = _amount()
    vitamin_d_ug: float | None = _amount()
    vitamin_k1_ug: float | None = _amount()
    mk4_ug: float | None = _amount()
    ala_g: float | None = _amount()
    epa_g: float | None = _amount()
    dha_g: float | None = _amount()
    sat_fat_g: float | None = _amount()
    sugars_g: float | None = _amount()
    sodium_mg: float | None = _amount()


PER_100G_KEYS: tuple[str, ...] = tuple(Per100g.model_fields)


class Measure(Strict):
    """A household measure: grams in ONE unit (SR28 Gm_Wgt / Amount) and the SR28 row."""

    unit: str = Field(pattern=UNIT_PATTERN)
    grams: float = Field(gt=0)
    sr28: str | None = None


def _check_aliases(aliases: tuple[str, ...]) -> tuple[str, ...]:
    for alias in aliases:
        if not lookup_key(alias):
            raise ValueError(f"alias {alias!r} is empty; an alias is a name people type")
    return aliases


class Food(Strict):
    """One food: composition per 100 g, household measures and provenance (NDB number or source)."""

    id: str = Field(pattern=ID_PATTERN, max_length=MAX_FOOD_ID)
    name: str = Field(min_length=1, max_length=MAX_FOOD_NAME)
    sr28_name: str | None = None
    ndb: str | None = Field(default=None, pattern=r"^\d{5}$")
    group: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[Tag, ...] = ()
    count_unit: str | None = None
    per_100g: Per100g
    measures: tuple[Measure, ...] = ()
    mk7_ug_per_100g: float | None = Field(default=None, ge=0)
    mk7_source: str | None = None
    source: str | None = Field(default=None, max_length=MAX_FOOD_ORIGIN)

    _aliases_ok = field_validator("aliases")(_check_aliases)

    @model_validator(mode="after")
    def _consistent(self) -> Food:
        units = [m.unit for m in self.measures]
        doubled = sorted({u for u in units if units.count(u) > 1})
        if doubled:
            raise ValueError(f"measure unit(s) listed twice: {', '.join(doubled)}")
        if self.count_unit is not None and self.count_unit not in units:
            have = ", ".join(units) or "none"
            raise ValueError(f"count_unit '{self.count_unit}' is not one of the measures ({have})")
        if (self.mk7_ug_per_100g is None) != (self.mk7_source is None):
            raise ValueError("mk7_ug_per_100g and mk7_source go together: give both or neither")
        if self.ndb is None and not self.source:
            raise ValueError(
                "a food without an ndb number needs a source: (where its numbers come from)"
            )
        return self


class SupplementNutrients(Strict):
    """What one unit holds, as the label states; a nutrient not listed is not in the product."""

    calcium_mg: float | None = _amount()
    vitamin_d_ug: float | None = _amount()
    magnesium_mg: float | None = _amount()
    vitamin_k1_ug: float | None = _amount()
    mk7_ug: float | None = _amount()
    epa_g: float | None = _amount()
    dha_g: float | None = _amount()
    ala_g: float | None = _amount()

    @model_validator(mode="after")
    def _not_empty(self) -> SupplementNutrients:
        if all(value is None for value in self.model_dump().values()):
            raise ValueError("list at least one nutrient the label states")
        return self


class Supplement(Strict):
    """A label product counted in units (tablets, capsules ...) and where its amounts come from."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    unit: SupplementUnit
    per_unit: SupplementNutrients
    source: str = Field(min_length=1)

    _aliases_ok = field_validator("aliases")(_check_aliases)


Entry = Food | Supplement


class FoodFile(Strict):
    """A foods/*.yaml file (shipped or the user's own); a user file may also list supplements."""

    source: str | None = None
    foods: tuple[Food, ...] = ()
    supplements: tuple[Supplement, ...] = ()


class SupplementFile(Strict):
    source: str | None = None
    supplements: tuple[Supplement, ...]


M = TypeVar("M", bound=BaseModel)
_FILE_CACHE: dict[tuple[str, str], tuple[tuple[int, int], BaseModel]] = {}


def compiled_digest(raw: bytes) -> str:
    """The digest that ties a compiled.json entry to the exact bytes of its YAML file."""
    return hashlib.sha256(raw).hexdigest()


def _compiled(folder: Path) -> dict[str, Any]:
    """foods/compiled.json (written by tools/build_foods.py): parsed generated files, by name."""
    try:
        files = json.loads((folder / COMPILED_NAME).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return files if isinstance(files, dict) else {}


def load_cached(path: Path, model: type[M], compiled: dict[str, Any] | None = None) -> M:
    """Parse ``path`` fast (its compiled form when the bytes match, else the C YAML loader);
    on any error, load_model gives the file:line:field message."""
    try:
        stat = path.stat()
    except OSError:
        return load_model(path, model)
    stamp = (stat.st_mtime_ns, stat.st_size)
    key = (str(path), model.__name__)
    hit = _FILE_CACHE.get(key)
    if hit is not None and hit[0] == stamp:
        return cast(M, hit[1])
    try:
        raw = path.read_bytes()
        entry = (compiled or {}).get(path.name)
        if isinstance(entry, dict) and entry.get("sha256") == compiled_digest(raw):
            data = entry["data"]
        else:
            data = yaml.load(raw.decode("utf-8"), Loader=_LOADER)
        parsed = model.model_validate({} if data is None else data)
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError, OSError):
        parsed = load_model(path, model)
    _FILE_CACHE[key] = (stamp, parsed)
    return parsed


class FoodCatalog:
    """Every food and supplement by id, with name resolution (id, alias or unique prefix)."""

    def __init__(
        self,
        entries: dict[str, Entry],
        origins: dict[str, Path],
        user_ids: frozenset[str] = frozenset(),
        problems: tuple[str, ...] = (),
    ) -> None:
        self._entries = dict(entries)
        self._origins = origins
        self._user_ids = user_ids
        self._index: dict[str, str] = {}
        self.shadowed: dict[str, str] = {}  # a name of yours -> the shipped entry it hides
        found = list(problems)
        for entry in [e for e in entries.values() if e.id not in user_ids]:
            for name in (entry.id, *entry.aliases):
                key = lookup_key(name)
                other = self._index.setdefault(key, entry.id)
                if other != entry.id:
                    raise BadInput(
                        f"{origins[entry.id]}: '{name}' of {entry.id} is already the id or"
                        f" an alias of {other} ({origins[other]}); names must be unique"
                    )
        mine: dict[str, str] = {}
        for entry in [e for e in entries.values() if e.id in user_ids]:
            keys = {lookup_key(n): n for n in (entry.id, *entry.aliases)}
            clash = next((k for k in keys if mine.get(k, entry.id) != entry.id), None)
            if clash is not None:
                found.append(
                    f"{origins[entry.id]}: {entry.id} is left out: '{keys[clash]}' is already"
                    f" a name of your {mine[clash]} ({origins[mine[clash]]})"
                )
                del self._entries[entry.id]
                continue
            for key in keys:
                mine[key] = entry.id
                shipped = self._index.get(key)
                if shipped is not None and shipped != entry.id:
                    self.shadowed[key] = shipped
                self._index[key] = entry.id
        self.problems: tuple[str, ...] = tuple(found)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    @property
    def foods(self) -> list[Food]:
        return [e for e in self._entries.values() if isinstance(e, Food)]

    @property
    def supplements(self) -> list[Supplement]:
        return [e for e in self._entries.values() if isinstance(e, Supplement)]

    def get(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def with_user_entry(self, entry: Entry, origin: Path) -> FoodCatalog:
        """This catalog with one more (or one changed) entry of the user's: a trial before a
        file is written; its problems say whether the entry would be left out."""
        entries = {**self._entries, entry.id: entry}
        origins = {**self._origins, entry.id: origin}
        return FoodCatalog(entries, origins, self._user_ids | {entry.id})

    def is_users(self, entry_id: str) -> bool:
        """Whether the entry is one of the user's own (their names win over shipped ones)."""
        return entry_id in self._user_ids

    def knows(self, name: str) -> bool:
        """Whether ``name`` is exactly an id or alias (or its singular), not just a prefix."""
        key = lookup_key(name)
        return any(c in self._index for c in (key, *_singular_forms(key)))

    def origin(self, entry_id: str) -> Path:
        """The file the entry was loaded from (shipped or the user's)."""
        return self._origins[entry_id]

    def resolve(self, name: str) -> Entry:
        """The food or supplement ``name`` means: id, alias, singular form, or a unique prefix."""
        key = lookup_key(name)
        if not key:
            raise BadInput("no food name given")
        for candidate in (key, *_singular_forms(key)):
            if candidate in self._index:
                return self._entries[self._index[candidate]]
        starts = sorted({i for k, i in self._index.items() if k.startswith(key)})
        if len(starts) == 1:
            return self._entries[starts[0]]
        if starts:
            shown = ", ".join(starts[:8])
            more = f" and {len(starts) - 8} more" if len(starts) > 8 else ""
            raise AmbiguousName(
                f"'{name}' could be: {shown}{more}; type more of the name or the id", starts
            )
        hint = did_you_mean(key, self._index)
        raise NotFound(f"unknown food '{name}'{hint}; see aij foods search")

    def search(self, text: str) -> list[Entry]:
        """Entries whose id, name, aliases or SR28 name hold every word of ``text``, best first."""
        words = [w for w in lookup_key(text).split("-") if w]
        key = lookup_key(text)
        found: list[tuple[int, str]] = []
        for entry in self._entries.values():
            names = [lookup_key(n) for n in (entry.id, *entry.aliases)]
            sr28_name = entry.sr28_name if isinstance(entry, Food) else None
            hay = " ".join([*names, lookup_key(entry.name), lookup_key(sr28_name or "")])
            if not all(w in hay for w in words):
                continue
            rank = 0 if key in names else 1 if any(n.startswith(key) for n in names) else 2
            found.append((rank, entry.id))
        return [self._entries[i] for _, i in sorted(found)]


def _singular_forms(key: str) -> list[str]:
    forms = []
    if key.endswith("ies"):
        forms.append(key[:-3] + "y")
    if key.endswith("es"):
        forms.append(key[:-2])
    if key.endswith("s"):
        forms.append(key[:-1])
    return forms


def _food_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name not in SHIPPED_SPECIAL)


_CATALOG_CACHE: dict[tuple[tuple[str, int, int], ...], FoodCatalog] = {}


def load_food_catalog(user_dir: Path | None) -> FoodCatalog:
    """Shipped foods and supplements, then the user's own files; a user entry replaces its id."""
    shipped = shipped_dir("foods")
    files: list[tuple[Path, type[BaseModel]]] = [(p, FoodFile) for p in _food_files(shipped)]
    files.append((shipped / "supplements.yaml", SupplementFile))
    user_files = _food_files(user_dir) if user_dir is not None and user_dir.is_dir() else []
    files += [(p, FoodFile) for p in user_files]
    stamp = (*(_stamp(p) for p, _ in files), _stamp(shipped / COMPILED_NAME))
    cached = _CATALOG_CACHE.get(stamp)
    if cached is not None:
        return cached
    compiled = _compiled(shipped)
    entries: dict[str, Entry] = {}
    origins: dict[str, Path] = {}
    user_ids: set[str] = set()
    problems: list[str] = []
    for path, model in files:
        is_user = path in user_files
        try:
            parsed = load_cached(path, model, None if is_user else compiled)
        except BadInput as exc:
            if not is_user:
                raise
            problems.append(f"{exc}; the foods of that file are left out until it is fixed")
            continue
        listed: list[Entry] = [*getattr(parsed, "foods", ()), *getattr(parsed, "supplements", ())]
        for entry in listed:
            before = origins.get(entry.id)
            if before is not None and not is_user:
                raise BadInput(f"{path}: id '{entry.id}' is already defined in {before}")
            if before is not None and entry.id in user_ids:
                problems.append(f"{path}: {entry.id} is left out: it is already in {before}")
                continue
            entries.pop(entry.id, None)
            entries[entry.id] = entry
            origins[entry.id] = path
            if is_user:
                user_ids.add(entry.id)
    catalog = FoodCatalog(entries, origins, frozenset(user_ids), tuple(problems))
    _CATALOG_CACHE.clear()
    _CATALOG_CACHE[stamp] = catalog
    return catalog


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)
