"""A small, dense journal for the visit summary's page tests and its screenshot (#12).

    python bench/visit_journal.py --home DIR --days 90 [--end DATE] [--questions 10]

Unlike generate.py (a realistic history with meals, minutes to write), this writes only what
the one-page summary shows, as densely as a keen user would log it, in one transaction and in
about a second: pain and stiffness every day, sleep, weight and waist weekly, anastrozole
daily (a few skipped), the plan's sessions (squats on Monday and Thursday, a brisk walk on
Tuesday and Friday, jumping jacks on Friday), a calcium tablet daily, the
full weekly PRO-CTCAE check-in (all 10 items), and open questions, one of them holding a long
URL with no spaces. Deterministic: the values follow the day's offset, no randomness.

The bone and therapy of #14, as far as the period holds them: anastrozole started on the
first day, zoledronic acid scheduled every 6 months and one infusion, a DEXA scan of all four
sites and a vitamin D result, a five-day holiday, and a switch to exemestane 20 days before
the end (its doses from then on).
"""

import argparse
import sys
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from sqlmodel import Session

from aijournal.catalog.exercises import load_exercise_catalog
from aijournal.catalog.foods import load_food_catalog
from aijournal.catalog.intake import resolve_items
from aijournal.config import Config, Medication, save_config
from aijournal.domain.checkin import QUESTIONS
from aijournal.domain.daylog import DayLog
from aijournal.domain.exercise import format_entry, parse_exercise_log
from aijournal.domain.intake import ItemToLog
from aijournal.domain.labs import DEXA, T_SCORE, VITAMIN_D, LabValue
from aijournal.domain.medtimeline import MedEvent
from aijournal.paths import ensure_private_dir, paths, set_home_override
from aijournal.store.checkins import save_checkin
from aijournal.store.daily import save_day_log, save_dose
from aijournal.store.db import open_journal
from aijournal.store.exercise import ItemToSave, save_session
from aijournal.store.labs import save_lab
from aijournal.store.meals import save_meal
from aijournal.store.medication import save_event
from aijournal.store.visits import add_question

LONG_URL = (
    "https://www.cancer.gov/about-cancer/treatment/drugs/anastrozole-and-bone-density-"
    "questions-for-your-doctor?utm_source=newsletter&utm_medium=email&utm_campaign="
    "aromatase_inhibitor_joint_pain_followup_2026_autumn_edition_long_tracking_identifier"
)
QUESTIONS_ASKED = (
    f"Is this page about bone density relevant to me? {LONG_URL}",
    "Should my vitamin D level be checked again before the next DEXA scan?",
    "My morning stiffness lasts longer on days after squats: is that expected?",
    "Can I keep doing jumping jacks with my current bone density?",
    "Is the ache in my hands the same joint pain as in my knees?",
    "When is my next DEXA scan due, and who orders it?",
    "Would physiotherapy help with the shoulder stiffness?",
    "Hot flashes wake me up twice a night: what can I try for sleep?",
    "Do I need a calcium supplement if I eat yogurt every day?",
    "How long will I take anastrozole in total?",
    "Is the tingling in my fingers worth mentioning to the neurologist?",
    "Could my blood pressure tablets interact with anything I take?",
)
TABLET = "calcium-carbonate-600"
HOLIDAY = (40, 44)  # offsets of the holiday's first and last day
SCAN_SITES = (
    ("lumbar-spine", -2.1),
    ("total-hip", -1.0),
    ("femoral-neck", -1.8),
    ("forearm", -2.5),
)
WORKOUTS = {
    0: "goblet-squat 3x10@10kg push-up 3x8 dumbbell-row 3x10@8kg",
    1: "brisk-walk 35m",
    3: "romanian-deadlift 3x10@12kg lunge 3x10 glute-bridge 3x12",
    4: "brisk-walk 30m jumping-jack 50",
}


@cache
def _session_items(text: str) -> list[ItemToSave]:
    catalog = load_exercise_catalog(None)
    return [
        ItemToSave(
            entry=entry,
            kind=catalog.get(entry.exercise_id).kind,
            intensity=catalog.get(entry.exercise_id).intensity,
            summary=format_entry(entry),
        )
        for entry in parse_exercise_log(text, catalog.resolve)
    ]


def _day_log(offset: int) -> DayLog:
    """Pain 3 to 7 and stiffness 10 to 45 minutes in a slow wave; the week's measures."""
    weekly = offset % 7 == 0
    return DayLog(
        symptoms={"joint-pain": float(3 + (offset * 3) % 5), "stiffness": float(10 + offset % 36)},
        sleep_hours=6.0 + (offset % 4) / 2,
        sleep_quality=float(5 + offset % 4),
        weight_kg=68.0 + (offset % 5) / 10 if weekly else None,
        waist_cm=84.0 + (offset % 3) / 2 if weekly else None,
    )


def _daily_medication(offset: int, days: int) -> tuple[str, str] | None:
    """The daily dose of the day: none on the holiday, exemestane from the switch on."""
    if HOLIDAY[0] <= offset <= HOLIDAY[1] and HOLIDAY[1] < days - 20:
        return None
    return ("exemestane", "25 mg") if offset >= days - 20 > HOLIDAY[1] else ("anastrozole", "1 mg")


def _write_day(
    session: Session, day: date, offset: int, days: int, tablet: list[ItemToLog]
) -> None:
    save_day_log(session=session, day=day, log=_day_log(offset))
    skipped = offset % 17 == 5
    reason = "nausea" if skipped else None
    daily = _daily_medication(offset, days)
    if daily is not None:
        save_dose(
            session=session, day=day, medication=daily[0], dose=daily[1], taken=not skipped,
            reason=reason,
        )  # fmt: skip
    if day.weekday() in WORKOUTS and offset % 11 != 3:
        save_session(session=session, day=day, items=_session_items(WORKOUTS[day.weekday()]), rpe=6)
    save_meal(
        session=session, day=day, kind="supplement", slot=None, text=TABLET, items=tablet
    )  # fmt: skip
    if day.weekday() == 6:
        answers = {key: (offset // 7 + i) % 5 for i, key in enumerate(QUESTIONS)}
        save_checkin(session=session, day=day, answers=answers)


def _bone_and_therapy(session: Session, start: date, days: int) -> None:
    """The timeline, one infusion, a scan and a vitamin D result (see the module doc)."""
    on = [start + timedelta(days=n) for n in range(days)]
    events = [MedEvent(on[0], "start", "anastrozole", "1 mg")]
    if days > 10:
        nxt = on[10]
        events.append(
            MedEvent(on[0], "schedule", "zoledronic-acid", "4 mg", every="6mo", next_due=nxt)
        )
        save_dose(session=session, day=nxt, medication="zoledronic-acid", dose="4 mg", taken=True,
                  reason=None)  # fmt: skip
        scan = [LabValue(value=t, unit=T_SCORE, site=site) for site, t in SCAN_SITES]
        save_lab(session=session, day=on[5], test=DEXA, values=scan, what="dexa")
        vitamin_d = [LabValue(value=62.0, unit="nmol/L")]
        save_lab(session=session, day=on[5], test=VITAMIN_D, values=vitamin_d, what="vitamin-d")
    if HOLIDAY[1] < days - 20:
        events.append(
            MedEvent(on[HOLIDAY[0]], "holiday", "anastrozole", ends_on=on[HOLIDAY[1]],
                     reason="dental surgery")
        )  # fmt: skip
        events.append(
            MedEvent(on[days - 20], "switch", "anastrozole", "25 mg", to_medication="exemestane",
                     reason="joint pain")
        )  # fmt: skip
    for event in events:
        save_event(session=session, event=event)


def build(home: Path, *, days: int, end: date, questions: int = 10) -> None:
    """Write ``days`` days ending on ``end`` into ``home``, a transaction a week. Every entry
    is new and written once, so the store's duplicate check is left out and nothing is
    flushed before each "already logged today?" lookup (it finds nothing either way)."""
    set_home_override(home)
    ensure_private_dir(home)
    save_config(Config(medications=[Medication(name="anastrozole", dose="1 mg")]))
    tablet = resolve_items(TABLET, load_food_catalog(None), {}, supplements_only=True)
    start = end - timedelta(days=days - 1)
    journal = open_journal(paths().journal)
    try:
        with journal.write() as session:
            _bone_and_therapy(session, start, days)
        for week in range(0, days, 7):
            with journal.write(duplicates=False) as session, session.no_autoflush:
                for offset in range(week, min(days, week + 7)):
                    _write_day(session, start + timedelta(days=offset), offset, days, tablet)
        with journal.write() as session:
            for n, text in enumerate(QUESTIONS_ASKED[:questions]):
                add_question(session=session, day=start + timedelta(days=n * days // 12), text=text)
    finally:
        journal.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="an empty aij home to write")
    parser.add_argument("--days", type=int, default=90, help="days of journal (90)")
    parser.add_argument("--end", type=date.fromisoformat, help="last day (default AIJ_TODAY)")
    parser.add_argument("--questions", type=int, default=10, help="open questions (10)")
    args = parser.parse_args(argv)
    from aijournal import clock

    build(
        args.home.resolve(), days=args.days, end=args.end or clock.today(), questions=args.questions
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
