"""The symptom scales (DOMAIN.md "Symptoms"), body sites, and the checks on a rating."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput

ScaleKind = Literal["nrs", "severity", "count", "minutes"]

SEVERITY_WORDS = ("none", "mild", "moderate", "severe", "very severe")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class Symptom:
    """One rated symptom: its kebab-case name, scale, allowed range and meaning."""

    name: str
    kind: ScaleKind
    low: float
    high: float
    meaning: str
    source: str
    integer: bool = True

    @property
    def range_text(self) -> str:
        return f"{self.low:g}-{self.high:g}"

    def word(self, value: float) -> str:
        """What a rating means in a word or unit: 'moderate' for a severity of 2, 'of 10'."""
        if self.kind == "severity" and value == int(value) and 0 <= value < len(SEVERITY_WORDS):
            return SEVERITY_WORDS[int(value)]
        if self.kind == "nrs":
            return f"of {self.high:g}"
        if self.kind == "minutes":
            return "min"
        return ""

    def check(self, value: float) -> float:
        """``value`` if it is allowed on this scale, else BadInput naming the range."""
        if not self.low <= value <= self.high:
            raise BadInput(
                f"{self.name}={value:g} is outside its range {self.range_text} ({self.meaning})"
            )
        if self.integer and value != int(value):
            raise BadInput(f"{self.name}={value:g} must be a whole number {self.range_text}")
        return value


_NRS = "0-10 numeric rating, 0 = none, 10 = worst imaginable"
_PRO_CTCAE = "0-4 severity: 0 none, 1 mild, 2 moderate, 3 severe, 4 very severe"
_PRO_SRC = "NCI PRO-CTCAE severity scale"
_NRS_SRC = "generic 0-10 numeric rating scale, as in the AI-arthralgia trials (HOPE, SWOG S1200)"

DEFAULT_SYMPTOMS: tuple[Symptom, ...] = (
    Symptom("joint-pain", "nrs", 0, 10, "worst joint pain, last 24 h; " + _NRS, _NRS_SRC),
    Symptom("stiffness", "minutes", 0, 1440, "morning stiffness, minutes", "minutes"),
    *(
        Symptom(name, "severity", 0, 4, f"{label}; {_PRO_CTCAE}", _PRO_SRC)
        for name, label in (
            ("aching-muscles", "aching muscles"),
            ("fatigue", "fatigue"),
            ("insomnia", "insomnia"),
            ("concentration", "trouble concentrating"),
            ("memory", "memory problems"),
            ("sadness", "sadness"),
            ("anxiety", "anxiety"),
            ("vaginal-dryness", "vaginal dryness"),
        )
    ),
    Symptom("hot-flashes", "count", 0, 100, "hot flashes today, count", "count"),
    Symptom("hot-flash-severity", "severity", 0, 4, "hot flashes; " + _PRO_CTCAE, _PRO_SRC),
    Symptom("stress", "nrs", 0, 10, "stress, 0 = none, 10 = worst imaginable", _NRS_SRC),
)

# Where it hurts (DOMAIN.md): the id a person types, and what it covers.
BODY_SITES: dict[str, str] = {
    "hands": "hands/fingers",
    "wrists": "wrists",
    "elbows": "elbows",
    "shoulders": "shoulders",
    "back": "back",
    "hips": "hips",
    "knees": "knees",
    "feet": "ankles/feet",
}
_SITE_ALIASES = {
    "hand": "hands",
    "fingers": "hands",
    "finger": "hands",
    "wrist": "wrists",
    "elbow": "elbows",
    "shoulder": "shoulders",
    "hip": "hips",
    "knee": "knees",
    "ankles": "feet",
    "ankle": "feet",
    "foot": "feet",
}


def parse_sites(text: str) -> list[str]:
    """Body-site ids from 'knees,hands' (order of BODY_SITES, no duplicates)."""
    chosen: set[str] = set()
    for raw in text.split(","):
        word = raw.strip().lower()
        if not word:
            continue
        site = word if word in BODY_SITES else _SITE_ALIASES.get(word)
        if site is None:
            hint = did_you_mean(word, [*BODY_SITES, *_SITE_ALIASES])
            allowed = ", ".join(BODY_SITES)
            raise BadInput(f"unknown body site '{word}'{hint}; allowed: {allowed}")
        chosen.add(site)
    if not chosen:
        raise BadInput(f"no body site given; allowed: {', '.join(BODY_SITES)}")
    return [site for site in BODY_SITES if site in chosen]


class SymptomSet:
    """The default symptoms plus the user's own, looked up by name."""

    def __init__(self, extra: tuple[Symptom, ...] = ()) -> None:
        self.symptoms: dict[str, Symptom] = {s.name: s for s in DEFAULT_SYMPTOMS}
        for symptom in extra:
            self.symptoms[symptom.name] = symptom

    def __iter__(self) -> Iterator[Symptom]:
        return iter(self.symptoms.values())

    def get(self, name: str, *, other_names: tuple[str, ...] = ()) -> Symptom:
        """The symptom called ``name``, or BadInput with the close matches."""
        found = self.symptoms.get(name)
        if found is None:
            hint = did_you_mean(name, [*self.symptoms, *other_names])
            raise BadInput(f"unknown symptom '{name}'{hint}; 'aij symptoms' lists them")
        return found
