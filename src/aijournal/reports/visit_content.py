"""The one-page visit summary's content: the plain result models the page is drawn from
(`export/html.py` lays them out; `reports/visit.py` fills them)."""

from datetime import date

from pydantic import BaseModel

from aijournal.reports.medication import EventRow, ScheduledDose
from aijournal.store.visits import QuestionRow, VisitRow


class DayValue(BaseModel):
    day: date
    value: float


class SymptomSummary(BaseModel):
    name: str
    label: str
    unit: str
    scale_max: float
    days_rated: int
    first_week_mean: float | None
    last_week_mean: float | None
    highest: DayValue | None
    series: list[DayValue]


class RequirementRow(BaseModel):
    name: str
    unit: str
    actual: int
    required: int
    met: bool
    state: str = "not-met"


class RequirementTotal(BaseModel):
    name: str
    weeks_met: int
    weeks: int


class WeekRow(BaseModel):
    week: str
    start: date
    days_done: int
    days_planned: int
    requirements: list[RequirementRow]
    state: str = ""  # "in progress" (holds today), "journal began DATE" (a part week), or ""


class MonthRow(BaseModel):
    """The plan weeks of a month (an ISO week belongs to the month of its Thursday), where
    a long period's weeks do not fit on the page."""

    month: date  # its first day
    weeks: int
    days_done: int
    days_planned: int
    requirements: list[RequirementTotal]
    in_progress: bool


class NutrientRow(BaseModel):
    key: str
    label: str
    unit: str
    target: float | None  # None: shown on its own line, compared with nothing (MK-7)
    upper: float | None
    upper_counts: str
    days_logged: int  # days with intake logged: food or supplements
    days_with_food: int
    days_met: int
    average: float | None
    food_average: float | None
    supplements_average: float | None
    days_over: int
    days_incomplete: int


class ReasonCount(BaseModel):
    reason: str
    count: int


class MedicationRow(BaseModel):
    name: str
    dose: str
    taken: int
    skipped: int
    no_record: int | None
    reasons: list[ReasonCount]


class SleepSummary(BaseModel):
    nights: int
    mean_hours: float | None
    mean_quality: float | None


class MeasureSummary(BaseModel):
    label: str
    unit: str
    count: int
    first: DayValue | None
    last: DayValue | None


class CheckinRow(BaseModel):
    item: str
    attribute: str
    first_week: str
    first_value: int
    last_week: str
    last_value: int


class ScanSite(BaseModel):
    site: str
    t_score: str  # as typed: -1.0 stays -1.0
    who_category: str  # the scan's WHO category, as `aij labs` words it


class LatestScan(BaseModel):
    date: date
    sites: list[ScanSite]


class LatestVitaminD(BaseModel):
    date: date
    nmol_l: float
    ng_ml: float


class BoneTherapy(BaseModel):
    """Bone and therapy: the latest DEXA scan and vitamin D up to the period's end, each
    bone agent's next dose as of the day the report is made, and the medication events of
    the period (date, event, reason)."""

    scan: LatestScan | None
    vitamin_d: LatestVitaminD | None
    scheduled: list[ScheduledDose]
    events: list[EventRow]


class VisitReport(BaseModel):
    """Everything the one-page summary shows, for ``start``..``end``."""

    start: date
    end: date
    made_on: date
    last_visit: date | None
    next_visit: VisitRow | None
    profile_name: str
    profile_source: str
    plan_name: str
    plan_source: str
    pain: SymptomSummary
    stiffness: SymptomSummary
    exercise_days: list[date]
    weeks: list[WeekRow]
    months: list[MonthRow] = []  # instead of weeks, when they do not fit
    weeks_total: int
    requirement_totals: list[RequirementTotal]
    nutrients: list[NutrientRow]
    vitamin_k_reminder: str | None = None
    medications: list[MedicationRow]
    sleep: SleepSummary
    body: list[MeasureSummary]
    checkins: list[CheckinRow]
    checkin_count: int
    questions: list[QuestionRow]
    bone: BoneTherapy | None = None  # None: none of its four things is logged

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1
