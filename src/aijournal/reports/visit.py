"""The one-page visit summary: which period it covers, and its content gathered section by
section (`reports/visit_sections.py`) into the models of `reports/visit_content.py`.

Pain and stiffness by day (exercise days marked), plan adherence by ISO week, nutrient
adequacy against the user's target profile, medication adherence and skip reasons, bone and
therapy (the latest scan and vitamin D, the next bone-agent dose, the changes), sleep,
weight and waist, weekly check-ins, and the open questions. Numbers only: no advice.
"""

from datetime import date, timedelta

from sqlmodel import Session

from aijournal.catalog.exercises import ExerciseCatalog
from aijournal.catalog.protocols import Plan
from aijournal.catalog.targets import TargetProfile
from aijournal.config import Config
from aijournal.domain.vitamin_k import steady_vitamin_k_reminder
from aijournal.errors import BadInput
from aijournal.reports.medication import taken_between
from aijournal.reports.visit_bone import bone_therapy
from aijournal.reports.visit_content import SleepSummary, SymptomSummary, VisitReport
from aijournal.reports.visit_sections import (
    body_measures,
    checkin_rows,
    mean_or_none,
    medication_rows,
    nutrient_rows,
    plan_months,
    plan_weeks,
    symptom_summary,
)
from aijournal.store.daily import rows_between
from aijournal.store.models import ExerciseSession, SleepRecord, SymptomRating
from aijournal.store.span import first_logged_day
from aijournal.store.visits import last_visit_before, list_questions, next_visit_from

__all__ = ["SymptomSummary", "VisitReport", "report_range", "visit_report"]

DEFAULT_DAYS = 90
TABLE_WEEKS = 14  # a 90-day period's weeks; a longer period is summed by month


def report_range(
    *,
    session: Session,
    start: date | None,
    end: date | None,
    since_last_visit: bool,
    today: date,
) -> tuple[date, date]:
    """As given; else since the last visit before today, else the last 90 days; always from
    the first day logged at the earliest (its work follows what the journal holds, not a
    visit or a --from typed decades back)."""
    if since_last_visit and (start is not None or end is not None):
        raise BadInput("give --from/--to or --since-last-visit, not both")
    last_day = end or today
    if start is None:
        last = last_visit_before(session=session, day=today)
        if since_last_visit and last is None:
            raise BadInput("no visit before today is recorded; add one (aij visit add DATE)")
        start = last if last is not None else last_day - timedelta(days=DEFAULT_DAYS - 1)
    if start > last_day:
        raise BadInput(f"the range is empty: {start} is after {last_day}")
    first = first_logged_day(session=session)
    if first is not None and first > start:
        start = min(first, last_day)
    return start, last_day


def visit_report(
    *,
    session: Session,
    start: date,
    end: date,
    today: date,
    config: Config,
    profile: TargetProfile,
    plan: Plan,
    catalog: ExerciseCatalog,
) -> VisitReport:
    """The summary of ``start``..``end`` (reads that range, plus the open questions)."""
    ratings = rows_between(session=session, model=SymptomRating, start=start, end=end)
    pain = {e.day: r.value for e, r in ratings if r.name == "joint-pain"}
    stiffness = {e.day: r.value for e, r in ratings if r.name == "stiffness"}
    exercised = rows_between(session=session, model=ExerciseSession, start=start, end=end)
    weeks, totals = plan_weeks(session, plan, catalog, start, end, today)
    sleep = [s for _, s in rows_between(session=session, model=SleepRecord, start=start, end=end)]
    checkins, checkin_count = checkin_rows(session, start, end)
    return VisitReport(
        start=start,
        end=end,
        made_on=today,
        last_visit=last_visit_before(session=session, day=today),
        next_visit=next_visit_from(session=session, day=today),
        profile_name=profile.name,
        profile_source=profile.source,
        plan_name=plan.name,
        plan_source=plan.source,
        pain=symptom_summary("joint-pain", "Worst joint pain", "0-10", 10, pain, start, end),
        stiffness=symptom_summary(
            "stiffness", "Morning stiffness", "min", 60, stiffness, start, end
        ),
        exercise_days=sorted({e.day for e, _ in exercised}),
        weeks=weeks if len(weeks) <= TABLE_WEEKS else [],
        months=plan_months(weeks) if len(weeks) > TABLE_WEEKS else [],
        weeks_total=len(weeks),
        requirement_totals=totals,
        nutrients=nutrient_rows(session, profile, start, end),
        vitamin_k_reminder=steady_vitamin_k_reminder(
            taken_between(session=session, config=config, start=start, end=end)
        ),
        medications=medication_rows(session, config, start, end, today),
        sleep=SleepSummary(
            nights=len(sleep),
            mean_hours=mean_or_none([s.hours for s in sleep if s.hours is not None]),
            mean_quality=mean_or_none([s.quality for s in sleep if s.quality is not None]),
        ),
        body=body_measures(session, start, end, config.units),
        checkins=checkins,
        checkin_count=checkin_count,
        questions=list_questions(session=session, include_answered=False),
        bone=bone_therapy(session=session, start=start, end=end, today=today),
    )
