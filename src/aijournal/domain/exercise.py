"""The one-line exercise log: its grammar, its parser, and the vocabulary of exercise kinds.

Grammar (case does not matter; ``×`` may stand for ``x``)::

    log      := item (SPACE item)*
    item     := NAME [SPACE amount]
    NAME     := letters and digits, several words joined by hyphens: goblet-squat, push-up
    amount   := SETS "x" REPS ["@" LOAD]       3x10, 3x10@12kg, 2x8@25lb   (resistance)
              | SETS "x" SECONDS "s" ["@" LOAD] 3x30s                      (held sets)
              | SECONDS "s"                     30s = one held set
              | MINUTES ("m" | "min")           35m, 35min
              | HOURS "h" [MINUTES ("m" | "min")]  1h, 1h15m
              | COUNT                           50 (impacts: jumps, jumping jacks)
    LOAD     := NUMBER ("kg" | "lb" | "lbs")    converted to kg; no load = bodyweight

Each name is resolved to a catalog exercise, whose ``measure`` says which amount it takes:
sets-reps-load takes SETSxREPS; seconds takes held sets (or SETSxREPS as typed, for a
plank logged like the other exercises of its day: "plank 3x10"); minutes takes minutes or hours;
impacts takes a COUNT or SETSxREPS (impacts = sets x reps, no load); ``none`` (rest) takes
no amount. Every other exercise needs its amount: a name alone is refused, since it records
nothing adherence can count. Limits: sets 1-20, reps 1-100, seconds 1-600 per set, minutes
1-600, impacts 1-5000, load 0-500 kg. One activity over 4 hours (240 minutes) is implausible
enough to be a typo (``600m`` meant as metres, ``90`` hours for minutes): it is refused with
the reason unless the caller accepts it (``aij log ex ... --yes``).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from aijournal.domain.plausible import ACTIVITY, CONFIRM_FLAG, Implausible
from aijournal.domain.units import KG_PER_LB
from aijournal.errors import BadInput

Kind = Literal["resistance", "impact", "aerobic", "recovery", "rest"]
BoneLoading = Literal["none", "low", "moderate", "high"]
Measure = Literal["sets-reps-load", "seconds", "minutes", "impacts", "none"]
Intensity = Literal["light", "moderate", "vigorous"]

KEBAB = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
"""Ids of exercises and plans: singular kebab-case (goblet-squat, my-week)."""

MAX_SETS = 20
MAX_REPS = 100
MAX_SECONDS = 600
MAX_MINUTES = 600
MAX_IMPACTS = 5000
MAX_LOAD_KG = 500.0
PLAUSIBLE_MINUTES = int(ACTIVITY.most)
"""The most minutes one activity is taken at its word for (4 hours); more needs --yes."""

_NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*\Z")
_SETS = re.compile(r"(\d+)x(\d+)(s?)(?:@(.*))?\Z")
_SECONDS = re.compile(r"(\d+)s\Z")
_MINUTES = re.compile(r"(\d+)(?:m|min|mins)\Z")
_HOURS = re.compile(r"(\d+)h(?:(\d+)(?:m|min|mins))?\Z")
_MISSING_SETS = re.compile(r"[x×]\d", re.IGNORECASE)
_COUNT = re.compile(r"(\d+)\Z")
# A unit typed apart from its number ("30 min", "1 h", "45 s"): joined before parsing.
_UNIT_WORDS = {
    "m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
}  # fmt: skip
_LOAD = re.compile(r"(-?\d+(?:\.\d+)?)(kg|kgs|lb|lbs)?\Z")

_AMOUNT_HELP = "use sets×reps like 3x10 or 3x10@12kg, 3x30s, minutes like 35m, or a count like 50"
_MEASURE_HELP: dict[str, str] = {
    "sets-reps-load": "sets×reps, e.g. 3x10 or 3x10@12kg",
    "seconds": "held sets, e.g. 3x30s",
    "minutes": "minutes, e.g. 35m or 1h",
    "impacts": "a count, e.g. 50, or sets×reps, e.g. 2x25",
    "none": "no amount",
}


class KnownExercise(Protocol):
    """What the parser needs from a catalog exercise."""

    @property
    def id(self) -> str: ...

    @property
    def measure(self) -> Measure: ...


@dataclass(frozen=True)
class ExerciseEntry:
    """One logged exercise: an id and the amount its measure takes (the rest stay None)."""

    exercise_id: str
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None
    impacts: int | None = None
    load_kg: float | None = None


@dataclass(frozen=True)
class _Amount:
    token: str
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None
    impacts: int | None = None
    load_kg: float | None = None


def _bounded(token: str, what: str, value: int, high: int) -> int:
    if not 1 <= value <= high:
        raise BadInput(f"'{token}': {what} must be 1 to {high}, not {value}")
    return value


def _load_kg(token: str, text: str) -> float:
    match = _LOAD.match(text)
    if match is None:
        raise BadInput(
            f"'{token}': the load '{text}' is not a weight; write it like @12kg or @25lb"
        )
    number, unit = float(match.group(1)), match.group(2)
    if unit is None:
        raise BadInput(f"'{token}': the load '{text}' needs a unit, kg or lb (e.g. @{text}kg)")
    kg = number * KG_PER_LB if unit.startswith("lb") else number
    if not 0 <= kg <= MAX_LOAD_KG:
        raise BadInput(f"'{token}': the load must be 0 to {MAX_LOAD_KG:g} kg, not {text}")
    return kg


def _parse_amount(token: str) -> _Amount:
    text = token.lower().replace("×", "x")
    if match := _SETS.match(text):
        sets = _bounded(token, "sets", int(match.group(1)), MAX_SETS)
        load = _load_kg(token, match.group(4)) if match.group(4) is not None else None
        if match.group(3):
            seconds = _bounded(token, "seconds per set", int(match.group(2)), MAX_SECONDS)
            return _Amount(token, sets=sets, seconds=seconds, load_kg=load)
        reps = _bounded(token, "reps", int(match.group(2)), MAX_REPS)
        return _Amount(token, sets=sets, reps=reps, load_kg=load)
    if match := _SECONDS.match(text):
        seconds = _bounded(token, "seconds per set", int(match.group(1)), MAX_SECONDS)
        return _Amount(token, sets=1, seconds=seconds)
    if match := _MINUTES.match(text):
        return _Amount(token, minutes=_bounded(token, "minutes", int(match.group(1)), MAX_MINUTES))
    if match := _HOURS.match(text):
        total = int(match.group(1)) * 60 + int(match.group(2) or 0)
        return _Amount(token, minutes=_bounded(token, "minutes", total, MAX_MINUTES))
    if match := _COUNT.match(text):
        return _Amount(
            token, impacts=_bounded(token, "the count", int(match.group(1)), MAX_IMPACTS)
        )
    if _MISSING_SETS.match(text):
        raise BadInput(f"'{token}' is missing the number of sets: write e.g. 3{text}")
    raise BadInput(f"'{token}' is not an amount: {_AMOUNT_HELP}")


def _is_amount(token: str) -> bool:
    """Amounts start with a digit; ``x10`` and ``-5`` are amounts typed wrong."""
    return token[0].isdigit() or token[0] in "-+.@" or _MISSING_SETS.match(token) is not None


def _entry(exercise: KnownExercise, typed: str, amount: _Amount | None) -> ExerciseEntry:
    """Check the amount against the exercise's measure and build the entry."""
    measure = exercise.measure
    if amount is None:
        if measure == "none":
            return ExerciseEntry(exercise.id)
        raise BadInput(f"'{typed}' needs an amount: {_MEASURE_HELP[measure]}")
    fits = (
        (measure == "sets-reps-load" and amount.reps is not None)
        or (measure == "seconds" and (amount.seconds is not None or amount.reps is not None))
        or (measure == "minutes" and amount.minutes is not None)
        or (measure == "impacts" and amount.impacts is not None)
        or (measure == "impacts" and amount.reps is not None and amount.load_kg is None)
    )
    if not fits:
        raise BadInput(f"'{typed} {amount.token}': {exercise.id} takes {_MEASURE_HELP[measure]}")
    impacts = amount.impacts
    if measure == "impacts" and amount.sets is not None and amount.reps is not None:
        impacts = amount.sets * amount.reps
    return ExerciseEntry(
        exercise.id,
        sets=amount.sets,
        reps=amount.reps,
        seconds=amount.seconds,
        minutes=amount.minutes,
        impacts=impacts,
        load_kg=amount.load_kg,
    )


def check_plausible(entries: list[ExerciseEntry]) -> None:
    """BadInput for an activity over ``PLAUSIBLE_MINUTES``, naming the flag that accepts it."""
    for entry in entries:
        if entry.minutes is not None and entry.minutes > PLAUSIBLE_MINUTES:
            hours, minutes = divmod(entry.minutes, 60)
            raise Implausible(
                f"{entry.exercise_id}: {entry.minutes} minutes ({hours} h {minutes:02d} min) of "
                f"one activity is more than {PLAUSIBLE_MINUTES // 60} hours, so nothing was "
                f"saved; write minutes like 35m or 1h15m, or if {entry.minutes} minutes is "
                f"right, log it again with {CONFIRM_FLAG}"
            )


def _join_units(tokens: list[str]) -> list[str]:
    """``30 min`` -> ``30m``, ``1 hour`` -> ``1h``, ``45 s`` -> ``45s``: a number and the unit
    word after it are one amount, as people type them."""
    joined: list[str] = []
    for token in tokens:
        unit = _UNIT_WORDS.get(token.lower())
        held = unit == "s" and joined and _SETS.match(joined[-1]) and "@" not in joined[-1]
        if unit is not None and joined and (_COUNT.match(joined[-1]) or held):
            joined[-1] += unit
        else:
            joined.append(token)
    return joined


def parse_exercise_log(
    text: str, resolve: Callable[[str], KnownExercise], *, accept_long: bool = False
) -> list[ExerciseEntry]:
    """Parse a one-line log such as ``goblet-squat 3x10@12kg brisk-walk 35m`` (see the grammar);
    an activity over 4 hours is refused unless ``accept_long``."""
    tokens = _join_units(text.split())
    if not tokens:
        raise BadInput("the exercise log is empty: write e.g. 'goblet-squat 3x10 brisk-walk 35m'")
    entries: list[ExerciseEntry] = []
    index = 0
    while index < len(tokens):
        name = tokens[index]
        if _is_amount(name):
            raise BadInput(
                f"'{name}' has no exercise before it: write the name, then its amount "
                "(e.g. goblet-squat 3x10)"
            )
        if _NAME.match(name.lower()) is None:
            raise BadInput(
                f"'{name}' is not an exercise name: use letters, digits and hyphens, "
                "e.g. goblet-squat"
            )
        exercise = resolve(name)
        amount = None
        if index + 1 < len(tokens) and _is_amount(tokens[index + 1]):
            amount = _parse_amount(tokens[index + 1])
            index += 1
        elif index + 1 < len(tokens) and exercise.measure != "none":
            raise BadInput(
                f"'{name}' needs an amount: {_MEASURE_HELP[exercise.measure]} "
                "(join the words of one name with hyphens: goblet-squat)"
            )
        entries.append(_entry(exercise, name, amount))
        index += 1
    if not accept_long:
        check_plausible(entries)
    return entries


def format_load(kg: float) -> str:
    """A load in kg as the log writes it: ``12kg``, ``11.34kg`` (at most three decimals)."""
    return f"{kg:.3f}".rstrip("0").rstrip(".") + "kg"


def format_entry(entry: ExerciseEntry, *, for_reading: bool = False) -> str:
    """The log text of one entry, which parses back to the same entry (loads in kg; minutes
    as ``35min``, never a bare ``m`` that reads as metres). ``for_reading`` shows a load to
    0.1 kg, as a person reads it (26 lb is 11.8kg, not 11.793kg)."""
    load = ""
    if entry.load_kg is not None:
        load = f"@{format_load(round(entry.load_kg, 1) if for_reading else entry.load_kg)}"
    if entry.sets is not None and entry.reps is not None:
        amount = f"{entry.sets}x{entry.reps}{load}"
    elif entry.sets is not None and entry.seconds is not None:
        amount = f"{entry.sets}x{entry.seconds}s{load}"
    elif entry.minutes is not None:
        amount = f"{entry.minutes}min"
    elif entry.impacts is not None:
        amount = str(entry.impacts)
    else:
        amount = ""
    return f"{entry.exercise_id} {amount}".rstrip()


def validate_rpe(rpe: int) -> int:
    """An effort rating on the 0-10 RPE scale, or BadInput."""
    if isinstance(rpe, bool) or not isinstance(rpe, int) or not 0 <= rpe <= 10:
        raise BadInput(f"RPE {rpe!r} is not allowed: rate effort as a whole number from 0 to 10")
    return rpe
