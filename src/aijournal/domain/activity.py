"""What logged exercise counts for: one definition of each figure every output shows.

``aij day``, ``aij week``, ``aij plan check``, ``aij trends``, ``daily.csv`` and the visit
report all take their exercise numbers from here.

Intensity of an item (DOMAIN.md, the 0-10 RPE scale): a rating, when given, decides it:
below 5 is light, 5-6 moderate, 7 and above vigorous. Without a rating, the activity's
typical intensity from the exercise catalog (as it was when logged; the Compendium's bands:
moderate 3.0-5.9 METs, vigorous 6.0 or more), and moderate when the catalog gives none.

Aerobic minutes are the minutes of items of kind aerobic or impact at moderate or vigorous
intensity; a light minute does not count (DOMAIN.md). Moderate-equivalent minutes weigh a
vigorous minute as two moderate ones (ACSM, Campbell et al. 2019): what the weekly aerobic
requirement of a plan counts. Impact minutes are the minutes of impact activities (of any
intensity; they count as aerobic minutes too when moderate or vigorous); recovery minutes
those of recovery activities. Resistance minutes are the time of resistance items that
record it (held sets: sets x seconds; or minutes); sets x reps record no time, so a day with
such a set has unknown resistance minutes (None), never 0. A resistance (impact) session is a
day with at least one resistance (impact) item. All minutes: the minutes of every item
logged in minutes, of any kind and intensity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass

from aijournal.domain.exercise import ExerciseEntry, Intensity, Kind

RPE_MODERATE = 5
"""The lowest RPE that is moderate: below it an effort is light (DOMAIN.md)."""
RPE_VIGOROUS = 7
"""The lowest RPE that is vigorous (DOMAIN.md: about 5-6 moderate, 7-8 vigorous)."""
MODERATE_EQUIVALENT: Mapping[Intensity, int] = {"light": 0, "moderate": 1, "vigorous": 2}
AEROBIC_KINDS: frozenset[Kind] = frozenset({"aerobic", "impact"})


@dataclass(frozen=True, kw_only=True)
class LoggedItem(ExerciseEntry):
    """One exercise of a logged session, with the kind and typical intensity the catalog
    gave it when it was logged."""

    kind: Kind
    typical: Intensity | None = None

    @classmethod
    def from_entry(
        cls, entry: ExerciseEntry, kind: Kind, typical: Intensity | None = None
    ) -> LoggedItem:
        """The item for a parsed log entry whose catalog kind is ``kind``."""
        return cls(**asdict(entry), kind=kind, typical=typical)


@dataclass(frozen=True)
class LoggedSession:
    """A logged exercise session: its date, its items, and its effort (RPE 0-10) if rated."""

    date: dt.date
    items: tuple[LoggedItem, ...]
    rpe: int | None = None


def effort_intensity(rpe: int | None, typical: Intensity | None) -> Intensity:
    """A rating decides (below 5 light, 5-6 moderate, 7+ vigorous); else typical, else
    moderate."""
    if rpe is not None:
        if rpe >= RPE_VIGOROUS:
            return "vigorous"
        if rpe >= RPE_MODERATE:
            return "moderate"
        return "light"
    return typical or "moderate"


def item_intensity(item: LoggedItem, rpe: int | None) -> Intensity:
    """The intensity of one item of a session rated ``rpe`` (None: not rated)."""
    return effort_intensity(rpe, item.typical)


def resistance_minutes(item: LoggedItem) -> float | None:
    """The time a resistance item records, in minutes; None when it records none (sets x
    reps); 0 for an item of another kind."""
    if item.kind != "resistance":
        return 0.0
    if item.minutes is not None:
        return float(item.minutes)
    if item.seconds is not None:
        return (item.sets or 1) * item.seconds / 60
    return None


@dataclass(frozen=True)
class ActivityTotals:
    """The exercise figures of a day (or of several days, added up)."""

    light_minutes: int = 0
    moderate_minutes: int = 0
    vigorous_minutes: int = 0
    impact_minutes: int = 0
    recovery_minutes: int = 0
    resistance_minutes: float | None = 0.0
    resistance_sets: int = 0
    impacts: int = 0
    resistance_sessions: int = 0
    impact_sessions: int = 0
    all_minutes: int = 0

    @property
    def aerobic_minutes(self) -> int:
        """Minutes of aerobic or impact activity at moderate or vigorous intensity."""
        return self.moderate_minutes + self.vigorous_minutes

    @property
    def moderate_equivalent_minutes(self) -> int:
        """Aerobic minutes with a vigorous minute counted as two moderate ones."""
        return (
            MODERATE_EQUIVALENT["light"] * self.light_minutes
            + MODERATE_EQUIVALENT["moderate"] * self.moderate_minutes
            + MODERATE_EQUIVALENT["vigorous"] * self.vigorous_minutes
        )

    def __add__(self, other: ActivityTotals) -> ActivityTotals:
        a, b = self.resistance_minutes, other.resistance_minutes
        return ActivityTotals(
            light_minutes=self.light_minutes + other.light_minutes,
            moderate_minutes=self.moderate_minutes + other.moderate_minutes,
            vigorous_minutes=self.vigorous_minutes + other.vigorous_minutes,
            impact_minutes=self.impact_minutes + other.impact_minutes,
            recovery_minutes=self.recovery_minutes + other.recovery_minutes,
            resistance_minutes=None if a is None or b is None else a + b,
            resistance_sets=self.resistance_sets + other.resistance_sets,
            impacts=self.impacts + other.impacts,
            resistance_sessions=self.resistance_sessions + other.resistance_sessions,
            impact_sessions=self.impact_sessions + other.impact_sessions,
            all_minutes=self.all_minutes + other.all_minutes,
        )


@dataclass(frozen=True)
class SessionCounts:
    """Resistance and impact sessions (of a day: 0 or 1 each; of several days, added up)."""

    resistance_sessions: int = 0
    impact_sessions: int = 0


def day_sessions(kinds: Collection[Kind]) -> SessionCounts:
    """A day's sessions from the kinds of its items: a resistance (impact) session is a day
    with at least one resistance (impact) item."""
    return SessionCounts(int("resistance" in kinds), int("impact" in kinds))


def period_sessions(days: Iterable[Collection[Kind]]) -> SessionCounts:
    """The sessions of several days, from each day's item kinds: ``period_totals``' counts,
    for a view that reads only the kinds (``aij bone``, over years)."""
    resistance = impact = 0
    for kinds in days:
        day = day_sessions(kinds)
        resistance += day.resistance_sessions
        impact += day.impact_sessions
    return SessionCounts(resistance, impact)


def day_totals(sessions: Iterable[LoggedSession]) -> ActivityTotals:
    """The figures of the sessions of one day (see the module doc)."""
    minutes: dict[Intensity, int] = {"light": 0, "moderate": 0, "vigorous": 0}
    impact = recovery = sets = impacts = every = 0
    held: float | None = 0.0
    kinds: set[Kind] = set()
    for session in sessions:
        for item in session.items:
            kinds.add(item.kind)
            if item.minutes and item.kind in AEROBIC_KINDS:
                minutes[item_intensity(item, session.rpe)] += item.minutes
            if item.kind == "impact":
                impact += item.minutes or 0
            if item.kind == "recovery":
                recovery += item.minutes or 0
            if item.kind == "resistance":
                sets += item.sets or 0
            impacts += item.impacts or 0
            every += item.minutes or 0
            timed = resistance_minutes(item)
            held = None if held is None or timed is None else held + timed
    counted = day_sessions(kinds)
    return ActivityTotals(
        light_minutes=minutes["light"],
        moderate_minutes=minutes["moderate"],
        vigorous_minutes=minutes["vigorous"],
        impact_minutes=impact,
        recovery_minutes=recovery,
        resistance_minutes=held,
        resistance_sets=sets,
        impacts=impacts,
        resistance_sessions=counted.resistance_sessions,
        impact_sessions=counted.impact_sessions,
        all_minutes=every,
    )


def totals_by_day(sessions: Iterable[LoggedSession]) -> dict[dt.date, ActivityTotals]:
    """Each day's figures, for the days that have a session."""
    by_day: dict[dt.date, list[LoggedSession]] = {}
    for session in sessions:
        by_day.setdefault(session.date, []).append(session)
    return {day: day_totals(found) for day, found in sorted(by_day.items())}


def period_totals(sessions: Iterable[LoggedSession]) -> ActivityTotals:
    """The figures of several days: the sum of each day's (sessions are counted by day)."""
    total = ActivityTotals()
    for day in totals_by_day(sessions).values():
        total = total + day
    return total
