"""The user's settings (config.yaml): medications, target profile, plan, units, own symptoms."""

import math
import os
import re
import stat
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from aijournal.catalog.yamlfile import load_model
from aijournal.domain.daylog import guided_keys, parse_tracked
from aijournal.domain.journals import DEFAULT_JOURNAL, check_journal_name
from aijournal.domain.limits import SYMPTOM_VALUE_RANGE
from aijournal.domain.medtimeline import MAX_DOSE, MAX_MEDICATION
from aijournal.domain.suggest import did_you_mean
from aijournal.domain.symptoms import DEFAULT_SYMPTOMS, NAME_PATTERN, Symptom, SymptomSet
from aijournal.errors import BadInput
from aijournal.paths import keep_previous, paths, write_private_text

# Usual daily doses of the aromatase inhibitors (DOMAIN.md "Who uses it").
USUAL_DOSES = {"anastrozole": "1 mg", "letrozole": "2.5 mg", "exemestane": "25 mg"}
DEFAULT_PROFILE = "ai-women-51-plus"
DEFAULT_PLAN = "musculoskeletal"
DEFAULT_BACKUPS_KEPT = 10
# A settings file is a few hundred bytes; one far larger is refused before it is parsed.
CONFIG_MAX_BYTES = 256 * 1024


class Medication(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=MAX_MEDICATION)
    dose: str = Field(default="", max_length=MAX_DOSE)
    schedule: Literal["daily", "weekly"] = "daily"

    @field_validator("name")
    @classmethod
    def _kebab(cls, value: str) -> str:
        value = value.strip().lower().replace(" ", "-")
        if not NAME_PATTERN.match(value):
            raise ValueError("a medication name is lower-case words joined by hyphens")
        return value

    @property
    def label(self) -> str:
        return f"{self.name} {self.dose}".strip()


class OwnSymptom(BaseModel):
    """A symptom the user adds: name, scale kind, allowed range, what it means."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: Literal["nrs", "severity", "count", "minutes"] = "nrs"
    min: float = 0
    max: float = 10
    meaning: str = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not NAME_PATTERN.match(value):
            raise ValueError("a symptom name is kebab-case, like 'headache' or 'dry-eyes'")
        if value in {s.name for s in DEFAULT_SYMPTOMS} or value in RESERVED_KEYS:
            raise ValueError(f"'{value}' is already a built-in name")
        return value

    def to_symptom(self) -> Symptom:
        low, high = SYMPTOM_VALUE_RANGE
        if not (math.isfinite(self.min) and math.isfinite(self.max)) or not (
            low <= self.min and self.max <= high
        ):
            raise BadInput(f"symptom {self.name}: min and max must lie within {low:g} to {high:g}")
        if self.min >= self.max:
            raise BadInput(f"symptom {self.name}: min {self.min:g} is not below max {self.max:g}")
        return Symptom(self.name, self.kind, self.min, self.max, self.meaning, "your own")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    medications: list[Medication] = Field(default_factory=list)
    profile: str = DEFAULT_PROFILE
    plan: str = DEFAULT_PLAN
    units: Literal["metric", "imperial"] = "metric"
    symptoms: list[OwnSymptom] = Field(default_factory=list)
    # The questions the guided check-in asks (`aij config set tracked ...`); None = all.
    tracked: list[str] | None = None
    # How many backups `aij db backup` (and the backup before an import) keep in backups/.
    backups_kept: int = Field(default=DEFAULT_BACKUPS_KEPT, ge=1, le=1000)
    # Where the journal lives (#13): a sqlite:/// path or a postgresql+psycopg:// URL; None is
    # the home's journal.db. AIJ_DATABASE_URL and --db come before it.
    database: str | None = Field(default=None, max_length=1000)

    @field_validator("database")
    @classmethod
    def _database(cls, value: str | None) -> str | None:
        return check_database_setting(value)

    # The journal, of several in one database, commands use without --journal (#13).
    journal: str = DEFAULT_JOURNAL

    @field_validator("journal")
    @classmethod
    def _journal_name(cls, value: str) -> str:
        try:
            return check_journal_name(value)
        except BadInput as exc:
            raise ValueError(str(exc)) from None

    @model_validator(mode="after")
    def _known_tracked(self) -> "Config":
        if self.tracked is not None:
            names = [s.name for s in DEFAULT_SYMPTOMS] + [s.name for s in self.symptoms]
            try:
                self.tracked = parse_tracked(",".join(self.tracked), names)
            except BadInput as exc:
                raise ValueError(str(exc)) from None
        return self

    def symptom_set(self) -> SymptomSet:
        return SymptomSet(tuple(s.to_symptom() for s in self.symptoms))

    def tracked_keys(self) -> list[str]:
        """The guided check-in's questions, in order (every one unless `tracked` is set)."""
        every = guided_keys([s.name for s in self.symptom_set()])
        return every if self.tracked is None else [k for k in every if k in self.tracked]


# Keys of the one-line log that are not symptoms.
RESERVED_KEYS = ("sleep", "sleep-quality", "weight", "waist", "mind")
SETTABLE = (
    "medications",
    "profile",
    "plan",
    "units",
    "tracked",
    "backups_kept",
    "database",
    "journal",
)
DATABASE_ENV = "AIJ_DATABASE_URL"
_SCHEMES = ("sqlite:///", "postgresql://", "postgresql+psycopg://", "postgres://")
# user:password@ in a URL's authority.
_PASSWORD = re.compile(r"^[a-z+]+://[^/@]*:[^/@]*@")


def check_database_setting(value: str | None) -> str | None:
    """The ``database`` setting, checked without the database stack (completion reads the
    settings too). A password is refused: config.yaml travels inside every export."""
    if value is None or value.strip().lower() in ("", "none"):
        return None
    value = value.strip()
    if not value.startswith(_SCHEMES):
        raise ValueError(
            "database must be sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DATABASE"
        )
    if _PASSWORD.match(value):
        raise ValueError(
            "database must not hold a password (settings travel inside exports); "
            "put it in ~/.pgpass or PGPASSWORD"
        )
    return value


def database_url() -> str | None:
    """The journal's database URL: --db, else AIJ_DATABASE_URL, else the ``database``
    setting; None means the home's journal.db."""
    from aijournal.paths import database_override

    chosen = database_override()
    if chosen:
        return chosen
    env = os.environ.get(DATABASE_ENV, "").strip()
    if env:
        return env
    return load_config().database


def config_exists() -> bool:
    return paths().config.exists()


def load_config() -> Config:
    """The settings from config.yaml, or the defaults when there is none."""
    path = paths().config
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return Config()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise BadInput(f"{path} is not a regular file; settings must be a YAML file")
    if info.st_size > CONFIG_MAX_BYTES:
        raise BadInput(
            f"{path} is {info.st_size // 1024} KB; a settings file is at most "
            f"{CONFIG_MAX_BYTES // 1024} KB (aij config show lists what it holds)"
        )
    return load_model(path, Config)


def save_config(config: Config) -> Path:
    """Write config.yaml (owner-only), keeping the previous file as config.yaml.bak."""
    path = paths().config
    keep_previous(path, path.with_name("config.yaml.bak"))
    body = yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
    write_private_text(
        path, "# aij settings; 'aij config set KEY VALUE' validates changes\n" + body
    )
    return path


_MED = re.compile(r"^\s*([A-Za-z][A-Za-z -]*?)\s*(\d[\d.]*\s*[a-zµ]+)?\s*(weekly|daily)?\s*$")


def parse_medications(text: str) -> list[Medication]:
    """'anastrozole 1 mg, vitamin-d 25 ug weekly' as medications; 'none' clears them."""
    if text.strip().lower() in ("", "none"):
        return []
    meds = []
    for part in text.split(","):
        match = _MED.match(part)
        if match is None:
            raise BadInput(f"medication '{part.strip()}' is not NAME DOSE, like 'anastrozole 1 mg'")
        name = match.group(1).strip().lower().replace(" ", "-")
        dose = (match.group(2) or USUAL_DOSES.get(name, "")).strip()
        try:
            meds.append(Medication(name=name, dose=dose, schedule=match.group(3) or "daily"))
        except ValidationError as exc:
            raise BadInput(f"medication '{part.strip()}': {exc.errors()[0]['msg']}") from None
    return meds


def set_value(config: Config, key: str, value: str) -> Config:
    """A copy of ``config`` with ``key`` set to ``value``, validated; BadInput if not allowed."""
    if key == "medications":
        return config.model_copy(update={"medications": parse_medications(value)})
    if key == "units":
        if value not in ("metric", "imperial"):
            raise BadInput(f"units '{value}' is not allowed; use metric or imperial")
        return config.model_copy(update={"units": value})
    if key == "backups_kept":
        if not value.strip().isdigit() or not 1 <= int(value) <= 1000:
            raise BadInput(f"backups_kept '{value}' is not allowed; use a whole number 1-1000")
        return config.model_copy(update={"backups_kept": int(value)})
    if key == "database":
        try:
            return config.model_copy(update={"database": check_database_setting(value)})
        except ValueError as exc:
            raise BadInput(f"database '{_masked(value)}' is not allowed: {exc}") from None
    if key == "journal":
        return config.model_copy(update={"journal": check_journal_name(value)})
    if key == "tracked":
        names = [s.name for s in config.symptom_set()]
        return config.model_copy(update={"tracked": parse_tracked(value, names)})
    if key == "profile":
        from aijournal.catalog.targets import load_targets

        return config.model_copy(update={"profile": load_targets().profile(value).id})
    if key == "plan":
        from aijournal.catalog.protocols import load_plans

        return config.model_copy(update={"plan": load_plans(paths().protocols).get(value).id})
    hint = did_you_mean(key, SETTABLE)
    raise BadInput(f"unknown setting '{key}'{hint}; settable: {', '.join(SETTABLE)}")


def _masked(value: str) -> str:
    """A URL the user typed, with any password replaced by ***."""
    return re.sub(r"^([a-z+]+://[^/@:]*:)[^/@]*@", r"\1***@", value.strip())


def current_journal() -> str:
    """The journal the command reads and writes (of several in one database): --journal,
    else AIJ_JOURNAL, else the `journal:` setting, else 'me'. Checked before anything opens."""
    from aijournal import paths as where

    if where.journal_override is not None:
        return check_journal_name(where.journal_override)
    env = os.environ.get("AIJ_JOURNAL")
    if env:
        return check_journal_name(env)
    return load_config().journal
