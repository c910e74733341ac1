"""daily.csv: one row per day of a range, each measure in a column with its unit in the name.

Columns: date; each symptom (the user's symptom set, then any other name found in the
range), named with its scale (``joint_pain_0_10``, ``stiffness_minutes``,
``hot_flashes_count``); ``sites``; exercise minutes by kind, resistance sessions and sets,
impacts, moderate-equivalent aerobic minutes (``domain/activity.py`` defines each: aerobic
minutes are moderate or vigorous minutes of aerobic and impact activity, a rating below 5
is light and does not count; resistance minutes are the time of held sets, empty when a set
of reps records none); each tracked nutrient's total of food and supplements (empty while
the day's food is unknown: no food logged, or no food with a value), then what supplements
gave (empty on a day with no intake logged, 0 on a day without supplements), as
domain/dayintake.py defines them; doses taken and skipped; sleep hours and quality;
mind-body minutes; weight and waist. A measure not logged that day is an empty cell; counts
and minutes of what was done are 0. Rows stop at today: days ahead hold nothing but
appointments (visits.csv). The range is read in chunks of days, aggregated in the database
(exercise item by item, as its figures need each session's rating), so memory stays flat.
"""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from aijournal.domain.activity import ActivityTotals, totals_by_day
from aijournal.domain.dayintake import DayIntake, day_intakes
from aijournal.domain.nutrients import NUTRIENTS, SUPPLEMENT_KEYS, TRACKED
from aijournal.domain.precision import clinical
from aijournal.domain.symptoms import Symptom, SymptomSet
from aijournal.export.cells import format_cell, number_text
from aijournal.export.rows import run
from aijournal.store.exercise import logged_sessions_between
from aijournal.store.meals import daily_nutrient_sums
from aijournal.store.models import (
    BodyMeasure,
    Entry,
    MedicationDose,
    MindSession,
    PainSites,
    SleepRecord,
    SymptomRating,
)

CHUNK_DAYS = 366
EXERCISE_KINDS = ("resistance", "aerobic", "impact", "recovery")
SUM_DIGITS = 3  # sums are rounded to this many decimals, so float noise never shows
TAIL = (
    *(f"{kind}_minutes" for kind in EXERCISE_KINDS),
    "resistance_sessions",
    "resistance_sets",
    "impacts",
    "moderate_equivalent_minutes",
    *(n.key for n in TRACKED),
    *(f"{key}_from_supplements" for key in SUPPLEMENT_KEYS),
    "doses_taken",
    "doses_skipped",
    "sleep_hours",
    "sleep_quality_0_10",
    "mind_body_minutes",
    "weight_kg",
    "waist_cm",
)


def _bound(value: float) -> str:
    return number_text(value).replace("-", "minus").replace(".", "p")


def symptom_column(name: str, symptom: Symptom | None) -> str:
    """A symptom's column: its name in snake case with its scale or unit."""
    base = name.replace("-", "_")
    if symptom is None:
        return base
    if symptom.kind == "minutes":
        return f"{base}_minutes"
    if symptom.kind == "count":
        return f"{base}_count"
    return f"{base}_{_bound(symptom.low)}_{_bound(symptom.high)}"


def symptom_names(*, session: Session, start: date, end: date, symptoms: SymptomSet) -> list[str]:
    """The symptom set's names, then any other name rated in the range (sorted)."""
    known = [s.name for s in symptoms]
    rating: Any = SymptomRating
    day: Any = Entry.day
    found = run(
        session,
        select(rating.name)
        .distinct()
        .join(Entry, rating.entry_id == Entry.id)
        .where(day >= start, day <= end),
    )
    extra = sorted({str(row[0]) for row in found} - set(known))
    return [*known, *extra]


def header(names: Sequence[str], symptoms: SymptomSet) -> list[str]:
    """daily.csv's header for these symptom names; a clash gets a numeric suffix."""
    by_name = {s.name: s for s in symptoms}
    columns = ["date", *(symptom_column(n, by_name.get(n)) for n in names), "sites", *TAIL]
    seen: dict[str, int] = {}
    unique = []
    for column in columns:
        seen[column] = seen.get(column, 0) + 1
        unique.append(column if seen[column] == 1 else f"{column}_{seen[column]}")
    return unique


Value = date | str | int | float | None


def _rounded(value: Any) -> float | None:
    return None if value is None else round(float(value), SUM_DIGITS)


def _clinical(value: float | None, unit: str) -> float | None:
    """A nutrient amount at clinical precision (domain/precision.py), as `aij day` shows it."""
    return None if value is None else clinical(value, unit)


def _plain(value: Any) -> float | None:
    return None if value is None else float(value)


def cell_text(value: Value) -> str:
    """One value of a daily row as its daily.csv cell."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return format_cell("text", value)
    if isinstance(value, int):
        return str(value)
    return number_text(value)


class _Chunk:
    """Everything daily.csv needs of the days start..end, read in a few aggregate queries."""

    def __init__(self, session: Session, start: date, end: date) -> None:
        self.symptoms: dict[date, dict[str, float]] = defaultdict(dict)
        self.sites: dict[date, str] = {}
        self.doses: dict[date, dict[bool, int]] = defaultdict(dict)
        self.sleep: dict[date, tuple[float | None, float | None]] = {}
        self.mind: dict[date, float] = {}
        self.body: dict[date, dict[str, float]] = defaultdict(dict)
        self.intake: dict[date, DayIntake] = {}
        day: Any = Entry.day
        in_range = (day >= start, day <= end)
        order = (day, Entry.created_at)

        def joined(model: Any, kind: str, *columns: Any) -> Any:
            # The kind lets the (kind, day) index visit that kind's entries only.
            query = select(*columns).join(Entry, model.entry_id == Entry.id)
            return query.where(col(Entry.kind) == kind, *in_range)

        rows: Any = session.exec(
            joined(SymptomRating, "symptom", day, SymptomRating.name, SymptomRating.value).order_by(
                *order
            )
        )
        for when, name, value in rows:
            self.symptoms[when][name] = value
        rows = session.exec(joined(PainSites, "sites", day, PainSites.sites).order_by(*order))
        for when, sites in rows:
            self.sites[when] = sites
        logged = logged_sessions_between(session=session, start=start, end=end)
        self.exercise: dict[date, ActivityTotals] = totals_by_day(logged)
        dose: Any = MedicationDose
        rows = session.exec(
            joined(MedicationDose, "dose", day, dose.taken, func.count()).group_by(day, dose.taken)
        )
        for when, taken, count in rows:
            self.doses[when][bool(taken)] = count
        rows = session.exec(
            joined(SleepRecord, "sleep", day, SleepRecord.hours, SleepRecord.quality).order_by(
                *order
            )
        )
        for when, hours, quality in rows:
            self.sleep[when] = (hours, quality)
        mind: Any = MindSession.minutes
        rows = session.exec(joined(MindSession, "mind", day, func.sum(mind)).group_by(day))
        for when, minutes in rows:
            self.mind[when] = minutes
        rows = session.exec(
            joined(BodyMeasure, "body", day, BodyMeasure.measure, BodyMeasure.value).order_by(
                *order
            )
        )
        for when, measure, value in rows:
            self.body[when][measure] = value
        self._nutrients(session, start, end)

    def _nutrients(self, session: Session, start: date, end: date) -> None:
        self.intake = day_intakes(daily_nutrient_sums(session=session, start=start, end=end))

    def values(self, when: date, names: Sequence[str]) -> list[Value]:
        """The day's row as values: the date, numbers (None where unknown), the sites' text."""
        rated = self.symptoms.get(when, {})
        cells: list[Value] = [when, *(_plain(rated.get(name)) for name in names)]
        cells.append(self.sites.get(when))
        done = self.exercise.get(when, ActivityTotals())
        cells += [
            _rounded(done.resistance_minutes),
            done.aerobic_minutes,
            done.impact_minutes,
            done.recovery_minutes,
            done.resistance_sessions,
            done.resistance_sets,
            done.impacts,
            done.moderate_equivalent_minutes,
        ]
        intake = self.intake.get(when)
        cells += [_clinical(intake.total(n.key), n.unit) if intake else None for n in TRACKED]
        cells += [
            _clinical(intake.supplement_amount(k), NUTRIENTS[k].unit) if intake else None
            for k in SUPPLEMENT_KEYS
        ]
        doses = self.doses.get(when, {})
        cells += [doses.get(True, 0), doses.get(False, 0)]
        hours, quality = self.sleep.get(when, (None, None))
        cells += [_plain(hours), _plain(quality)]
        cells.append(_rounded(self.mind.get(when, 0)))
        body = self.body.get(when, {})
        cells += [_plain(body.get("weight_kg")), _plain(body.get("waist_cm"))]
        return cells


def daily_value_pages(
    *, session: Session, start: date, end: date, names: Sequence[str]
) -> Iterator[list[list[Value]]]:
    """The daily rows as values (dates, numbers, text) for every day of start..end, a chunk
    of days a page: the xlsx writes them as they are, daily.csv as text (cell_text)."""
    chunk_start = start
    while chunk_start <= end:
        chunk_end = min(end, chunk_start + timedelta(days=CHUNK_DAYS - 1))
        chunk = _Chunk(session, chunk_start, chunk_end)
        days = (chunk_end - chunk_start).days + 1
        yield [chunk.values(chunk_start + timedelta(days=n), names) for n in range(days)]
        chunk_start = chunk_end + timedelta(days=1)


def daily_pages(
    *, session: Session, start: date, end: date, names: Sequence[str]
) -> Iterator[list[list[str]]]:
    """daily.csv's rows (cells as text) for every day of start..end, a chunk of days a page."""
    for page in daily_value_pages(session=session, start=start, end=end, names=names):
        yield [[cell_text(value) for value in row] for row in page]
