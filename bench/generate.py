"""Write a realistic, seeded synthetic history into an aij home, through aij's storage layer.

    python bench/generate.py --home DIR --years 10 --seed 1 [--end 2026-11-22]
                             [--days 7] [--start DATE] [--exercise-effect -1.5]

The history ends on --end (default today) and spans --years years plus --days days (or
starts on --start). What each day holds comes from synthetic.py; this script configures
anastrozole 1 mg in DIR/config.yaml and writes the days with the same functions the
commands use (save_day_log, save_dose, save_session, save_meal, save_checkin), one
transaction per month. Each distinct meal or exercise text is resolved once and reused.
It refuses a journal that already holds entries.
"""

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select
from synthetic import MEDICATION, PlannedDay, Timeline

from aijournal import clock
from aijournal.catalog.exercises import ExerciseCatalog, load_exercise_catalog
from aijournal.catalog.foods import FoodCatalog, load_food_catalog
from aijournal.catalog.intake import resolve_items
from aijournal.config import Config, Medication, save_config
from aijournal.domain.daylog import DayLog
from aijournal.domain.exercise import format_entry, parse_exercise_log
from aijournal.domain.intake import ItemToLog
from aijournal.domain.labs import DEXA, G_CM2, NMOL_L, T_SCORE, VITAMIN_D, LabValue
from aijournal.domain.medtimeline import MedEvent, add_every, replay
from aijournal.domain.medtimeline import Timeline as MedTimeline
from aijournal.domain.symptoms import SymptomSet, parse_sites
from aijournal.errors import AijError
from aijournal.paths import ensure_private_dir, paths, set_home_override
from aijournal.store.checkins import save_checkin
from aijournal.store.daily import save_day_log, save_dose
from aijournal.store.db import Journal, open_journal
from aijournal.store.exercise import ItemToSave, save_session
from aijournal.store.labs import save_lab
from aijournal.store.meals import save_meal
from aijournal.store.medication import save_event
from aijournal.store.models import Entry

DAYS_PER_YEAR = 365.25


@dataclass
class Resolver:
    """Meal, supplement and exercise texts resolved once each, as the commands resolve them."""

    foods: FoodCatalog
    exercises: ExerciseCatalog
    symptoms: SymptomSet = field(default_factory=SymptomSet)
    _meals: dict[tuple[str, bool], list[ItemToLog]] = field(default_factory=dict)
    _sessions: dict[str, list[ItemToSave]] = field(default_factory=dict)

    def meal(self, text: str, *, supplements: bool = False) -> list[ItemToLog]:
        key = (text, supplements)
        if key not in self._meals:
            self._meals[key] = resolve_items(text, self.foods, {}, supplements_only=supplements)
        return self._meals[key]

    def session(self, text: str) -> list[ItemToSave]:
        if text not in self._sessions:
            self._sessions[text] = [
                ItemToSave(
                    entry=entry,
                    kind=self.exercises.get(entry.exercise_id).kind,
                    intensity=self.exercises.get(entry.exercise_id).intensity,
                    summary=format_entry(entry),
                )
                for entry in parse_exercise_log(text, self.exercises.resolve)
            ]
        return self._sessions[text]


def day_log(planned: PlannedDay, symptoms: SymptomSet) -> DayLog:
    """The day's one-line log, each rating checked against its scale as `aij log` checks it."""
    for name, value in planned.symptoms.items():
        symptoms.get(name).check(value)
    return DayLog(
        symptoms=dict(planned.symptoms),
        sites=parse_sites(",".join(planned.sites)) if planned.sites else None,
        sleep_hours=planned.sleep_hours,
        sleep_quality=planned.sleep_quality,
        weight_kg=planned.weight_kg,
        waist_cm=planned.waist_cm,
        mind_minutes=planned.mind_minutes,
        note=planned.note,
    )


def therapy(start: date, end: date) -> list[MedEvent]:
    """The medication timeline (#14): anastrozole from the start, a switch to exemestane for
    joint pain after 3 years, a two-week holiday 400 days later, zoledronic acid every 6
    months from the start (its doses are written by ``bone_agent_days``)."""
    switch = start + timedelta(days=3 * 365)
    holiday = switch + timedelta(days=400)
    events = [
        MedEvent(start, "start", MEDICATION[0], MEDICATION[1]),
        MedEvent(start, "schedule", "zoledronic-acid", "4 mg", every="6mo", next_due=start),
    ]
    if switch <= end:
        events.append(
            MedEvent(switch, "switch", MEDICATION[0], "25 mg", "exemestane", reason="joint pain")
        )
    if holiday + timedelta(days=13) <= end:
        events.append(
            MedEvent(holiday, "holiday", "exemestane", ends_on=holiday + timedelta(days=13))
        )
    return events


def bone_agent_days(start: date, end: date) -> set[date]:
    """The days of a zoledronic acid infusion: the start, then every 6 calendar months."""
    days, day = set(), start
    while day <= end:
        days.add(day)
        day = add_every(day, "6mo")
    return days


def write_day(
    session: Session, planned: PlannedDay, resolver: Resolver, timeline: MedTimeline
) -> None:
    day = planned.day
    log = day_log(planned, resolver.symptoms)
    if not log.is_empty():
        save_day_log(session=session, day=day, log=log)
    due = timeline.due_on(day)
    if planned.dose_taken is not None and due:
        name, dose = due[0].medication, due[0].dose
        save_dose(
            session=session,
            day=day,
            medication=name,
            dose=dose,
            taken=planned.dose_taken,
            reason=planned.dose_reason,
        )
    if planned.exercise is not None:
        done = resolver.session(planned.exercise.text)
        save_session(session=session, day=day, items=done, rpe=planned.exercise.rpe)
    for slot, text in planned.meals:
        save_meal(
            session=session, day=day, kind="meal", slot=slot, text=text, items=resolver.meal(text)
        )
    if planned.supplements is not None:
        text = planned.supplements
        items = resolver.meal(text, supplements=True)
        save_meal(session=session, day=day, kind="supplement", slot=None, text=text, items=items)
    if planned.checkin is not None:
        save_checkin(session=session, day=day, answers=planned.checkin)


DEXA_EVERY, VITAMIN_D_EVERY = 730, 182  # a scan about every 2 years, vitamin D every 6 months


def write_labs(session: Session, day: date, days_back: int) -> None:
    """DEXA scans every ~2 years and vitamin D every ~6 months, from a formula (no random
    draw, so the rest of the history is the same with or without them): the lumbar spine
    T-score drifts from -1.2 ten years back to -2.4 at the end."""
    if days_back % DEXA_EVERY == DEXA_EVERY // 2:
        spine = Decimal("-2.4") + Decimal(days_back) / 3650 * Decimal("1.2")
        t = spine.quantize(Decimal("0.1"))
        values = [
            LabValue(
                float(t), T_SCORE, "lumbar-spine", float(Decimal("1.03") + t / 10), 0.03, G_CM2
            ),
            LabValue(float(t + Decimal("0.6")), T_SCORE, "total-hip"),
            LabValue(float(t + Decimal("0.3")), T_SCORE, "femoral-neck"),
        ]
        save_lab(session=session, day=day, test=DEXA, values=values, what="dexa")
    if days_back % VITAMIN_D_EVERY == VITAMIN_D_EVERY // 2:
        nmol = 50.0 + 8 * (days_back // VITAMIN_D_EVERY % 5)
        save_lab(
            session=session, day=day, test=VITAMIN_D, values=[LabValue(nmol, NMOL_L)], what="vit"
        )


def months(start: date, end: date) -> Iterator[list[date]]:
    """The days start..end, grouped by calendar month (one write transaction each)."""
    day = start
    while day <= end:
        month: list[date] = []
        while day <= end and (not month or day.month == month[0].month):
            month.append(day)
            day += timedelta(days=1)
        yield month


def count_entries(journal: Journal) -> int:
    with journal.read() as session:
        return int(session.exec(select(func.count()).select_from(Entry)).one())


def generate(
    home: Path,
    *,
    start: date,
    end: date,
    seed: int,
    exercise_effect: float = 0.0,
    progress: bool = False,
) -> tuple[int, float]:
    """Write the history start..end into ``home``; return (entries written, seconds taken)."""
    began = time.perf_counter()
    set_home_override(home)
    ensure_private_dir(home)
    journal = open_journal(paths().journal)
    try:
        if count_entries(journal):
            raise AijError(f"the journal in {home} already holds entries; use an empty home")
        save_config(Config(medications=[Medication(name=MEDICATION[0], dose=MEDICATION[1])]))
        timeline = Timeline(seed=seed, end=end, exercise_effect=exercise_effect)
        resolver = Resolver(load_food_catalog(None), load_exercise_catalog(None))
        events = therapy(start, end)
        medication = replay(events, strict=True)
        infusions = bone_agent_days(start, end)
        with journal.write(duplicates=False) as session:
            for event in events:
                save_event(session=session, event=event)
        for month in months(start, end):
            # No flush before each lookup: every day is new to the journal, so the lookups of
            # "already logged today?" find nothing either way, and flushing ~20 times a day
            # was half the time. All of it is flushed, in one transaction, at the month's end.
            with journal.write(duplicates=False) as session, session.no_autoflush:
                for day in month:
                    write_day(session, timeline.plan((end - day).days), resolver, medication)
                    write_labs(session, day, (end - day).days)
                    if day in infusions:
                        save_dose(
                            session=session,
                            day=day,
                            medication="zoledronic-acid",
                            dose="4 mg",
                            taken=True,
                            reason=None,
                        )
            if progress and month[-1].month == 12:
                seconds = time.perf_counter() - began
                print(f"  {month[-1].year} written ({seconds:.1f} s)", file=sys.stderr)
        entries = count_entries(journal)
    finally:
        journal.close()
    return entries, time.perf_counter() - began


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="the aij home to write into")
    parser.add_argument("--years", type=float, default=10.0, help="years of history (10)")
    parser.add_argument("--days", type=int, default=0, help="days of history on top of --years")
    parser.add_argument("--start", type=date.fromisoformat, help="first day (instead of --years)")
    parser.add_argument("--end", type=date.fromisoformat, help="last day (default today)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--exercise-effect",
        type=float,
        default=0.0,
        help="points added to joint pain on the day after an exercise day (0: no effect)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    end: date = args.end or clock.today()
    if args.start is not None:
        start: date = args.start
    else:
        span = round(args.years * DAYS_PER_YEAR) + args.days
        start = end - timedelta(days=span - 1)
    if start > end:
        print(f"error: the history would start on {start}, after its end {end}", file=sys.stderr)
        return 2
    try:
        entries, seconds = generate(
            args.home.resolve(),
            start=start,
            end=end,
            seed=args.seed,
            exercise_effect=args.exercise_effect,
            progress=not args.quiet,
        )
    except AijError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    days = (end - start).days + 1
    print(
        f"{entries} entries over {days} days ({start} to {end}, seed {args.seed}, "
        f"exercise effect {args.exercise_effect:+g}) in {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
