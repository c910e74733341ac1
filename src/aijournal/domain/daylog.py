"""The one-line daily log: `joint-pain=6 stiffness=30 sleep=6.5 weight=150lb`, checked."""

from dataclasses import dataclass, field

from aijournal.domain.symptoms import SymptomSet
from aijournal.domain.units import parse_waist_cm, parse_weight_kg
from aijournal.errors import BadInput

# Keys of the one-line log that are not symptoms, and what each takes.
OTHER_KEYS = {
    "sleep": "hours slept, 0-24",
    "sleep-quality": "sleep quality, 0-10",
    "weight": "weight, kg or with lb",
    "waist": "waist, cm or with in",
    "mind": "mind-body minutes (meditation, breathing, yoga), 1-600",
}
MAX_NOTE = 10000
MEAL_SLOTS = ("breakfast", "lunch", "dinner", "snack")


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


def parse_log_line(tokens: list[str], symptoms: SymptomSet) -> DayLog:
    """Every ``key=value`` token checked against its scale; the first bad one is refused."""
    log = DayLog()
    for token in tokens:
        key, sep, text = token.partition("=")
        key = key.strip().lower()
        text = text.strip()
        if not sep or not key or not text:
            raise BadInput(f"'{token}' is not key=value, like joint-pain=6")
        if key == "sleep":
            log.sleep_hours = parse_number(key, text, 0, 24, OTHER_KEYS[key])
        elif key == "sleep-quality":
            log.sleep_quality = parse_number(key, text, 0, 10, OTHER_KEYS[key])
        elif key == "weight":
            log.weight_kg = parse_weight_kg(text)
        elif key == "waist":
            log.waist_cm = parse_waist_cm(text)
        elif key == "mind":
            log.mind_minutes = parse_number(key, text, 1, 600, OTHER_KEYS[key])
        else:
            symptom = symptoms.get(key, other_names=tuple(OTHER_KEYS))
            try:
                value = float(text)
            except ValueError:
                raise BadInput(
                    f"{key}={text} is not a number; allowed: {symptom.range_text}"
                ) from None
            log.symptoms[key] = symptom.check(value)
    return log
