"""The one-line daily log: `joint-pain=6 stiffness=30 sleep=6.5 weight=150lb`, checked."""

from dataclasses import dataclass, field

from aijournal.domain.suggest import did_you_mean
from aijournal.domain.symptoms import SymptomSet
from aijournal.domain.units import (
    SLEEP_ALLOWED,
    Units,
    parse_sleep_hours,
    parse_waist_cm,
    parse_weight_kg,
)
from aijournal.errors import BadInput

# Keys of the one-line log that are not symptoms, and what each takes.
OTHER_KEYS = {
    "sleep": SLEEP_ALLOWED,
    "sleep-quality": "sleep quality, 0-10",
    "weight": "weight: kg, or lb with units: imperial; 68.2kg and 150lb always work",
    "waist": "waist: cm, or in with units: imperial; 84cm and 33in always work",
    "mind": "mind-body minutes (meditation, breathing, yoga), 1-600",
}
MAX_NOTE = 10000
MEAL_SLOTS = ("breakfast", "lunch", "dinner", "snack")

# What the guided check-in can ask besides the symptoms, in its order (sites follow
# joint-pain, hot-flash-severity follows hot-flashes); `tracked` in config.yaml chooses.
GUIDED_OTHER = ("medication", "sleep", "sleep-quality", "mind", "weight", "waist", "note")


def guided_keys(symptom_names: list[str]) -> list[str]:
    """Every question the guided check-in can ask, in order: the symptoms, then the rest."""
    return [*symptom_names, *GUIDED_OTHER]


def parse_tracked(text: str, symptom_names: list[str]) -> list[str] | None:
    """'joint-pain, sleep, medication' as the tracked list (in check-in order); 'all' is None."""
    words = [w.strip().lower() for w in text.replace(" ", ",").split(",") if w.strip()]
    if words == ["all"]:
        return None
    allowed = guided_keys(symptom_names)
    for word in words:
        if word not in allowed:
            hint = did_you_mean(word, allowed)
            raise BadInput(
                f"'{word}' is not a check-in question{hint}; use 'all' or some of: "
                + ", ".join(allowed)
            )
    if not words:
        raise BadInput("name at least one check-in question, or 'all'")
    return [key for key in allowed if key in words]


@dataclass
class DayLog:
    """What one log line (or one guided check-in) records for one day; None = not given."""

    symptoms: dict[str, float] = field(default_factory=dict)
    sites: list[str] | None = None
    sleep_hours: float | None = None
    sleep_quality: float | None = None
    weight_kg: float | None = None
    waist_cm: float | None = None
    mind_minutes: float | None = None
    note: str | None = None

    def is_empty(self) -> bool:
        return not self.symptoms and all(
            value is None
            for value in (
                self.sites,
                self.sleep_hours,
                self.sleep_quality,
                self.weight_kg,
                self.waist_cm,
                self.mind_minutes,
                self.note,
            )
        )


def parse_number(key: str, text: str, low: float, high: float, what: str) -> float:
    """A number within [low, high], or BadInput naming the key and what is allowed."""
    try:
        value = float(text)
    except ValueError:
        raise BadInput(f"{key}={text} is not a number; allowed: {what}") from None
    if value != value or not low <= value <= high:
        raise BadInput(f"{key}={text} is outside the allowed range; allowed: {what}")
    return value


def check_note(text: str) -> str:
    text = text.strip()
    if not text:
        raise BadInput("the note is empty; write something between quotes")
    if len(text) > MAX_NOTE:
        raise BadInput(f"the note is {len(text)} characters; at most {MAX_NOTE} are kept")
    return text


def parse_log_line(tokens: list[str], symptoms: SymptomSet, units: Units = "metric") -> DayLog:
    """Every ``key=value`` token checked against its scale; the first bad one is refused.
    Bare weights and waists are read in ``units`` (kg/cm, or lb/in when imperial)."""
    log = DayLog()
    for token in tokens:
        key, sep, text = token.partition("=")
        key = key.strip().lower()
        text = text.strip()
        if not sep or not key or not text:
            raise BadInput(f"'{token}' is not key=value, like joint-pain=6")
        if key == "sleep":
            log.sleep_hours = parse_sleep_hours(text)
        elif key == "sleep-quality":
            log.sleep_quality = parse_number(key, text, 0, 10, OTHER_KEYS[key])
        elif key == "weight":
            log.weight_kg = parse_weight_kg(text, units)
        elif key == "waist":
            log.waist_cm = parse_waist_cm(text, units)
        elif key == "mind":
            log.mind_minutes = parse_number(key, text, 1, 600, OTHER_KEYS[key])
        else:
            symptom = symptoms.get(key, other_names=tuple(OTHER_KEYS))
            try:
                value = float(text.replace(",", ".") if text.count(",") == 1 else text)
            except ValueError:
                raise BadInput(
                    f"{key}={text} is not a number; allowed: {symptom.range_text}"
                ) from None
            log.symptoms[key] = symptom.check(value)
    return log
