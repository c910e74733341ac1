"""The medication timeline: courses built from start, switch, dose, holiday, stop and schedule
events, which medications are current and due on a day, and the next dose of a bone agent.

Dates: a start, switch or dose change on day D takes effect on D (D is the first day of the
new medication or dose). A stop on D makes D the first day without it. A holiday runs from
its first to its last day, both included; no dose is due on those days. A scheduled
medication (a bone agent every 6 months, alendronate weekly) is never due daily from the
day its schedule was set (days it was taken daily before that were due): its next dose is due
``every`` after the last dose taken after the schedule was set (or on or after the date it
names), else on the schedule's own next date.

The timeline is replayed from the events in order (day, then the order written). ``strict``
replay refuses an event that does not fit (a switch from a medication not current, a stop
of one not started, overlapping holidays, a holiday outside the course), so a new event is
checked together with every later one.
"""

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from aijournal.domain.labels import plural
from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput

EventKind = Literal["start", "switch", "dose", "holiday", "stop", "schedule"]
EVENTS: tuple[EventKind, ...] = ("start", "switch", "dose", "holiday", "stop", "schedule")
# Events that change what is taken, compared before and after (holidays and schedules do not).
CHANGES: tuple[EventKind, ...] = ("start", "switch", "dose", "stop")

AROMATASE_INHIBITORS = ("anastrozole", "letrozole", "exemestane")
BONE_AGENTS = ("zoledronic-acid", "denosumab", "alendronate", "risedronate", "ibandronate")
KNOWN_MEDICATIONS = (*AROMATASE_INHIBITORS, "tamoxifen", *BONE_AGENTS)
# How far ahead an event, a holiday's end or a next due date may lie.
MAX_AHEAD_DAYS = 366
MAX_REASON = 500
MAX_DOSE = 40
MAX_MEDICATION = 60

_EVERY = re.compile(r"^(\d{1,3})(d|w|mo|y)$")
# A stored interval, as parse_every writes it (the import checks it against this).
EVENT_EVERY = re.compile(r"[1-9]\d{0,2}(d|w|mo|y)\Z")
# The accepted forms of --every, with the limits of each unit.
EVERY_LIMITS = {"d": 366, "w": 52, "mo": 24, "y": 2}
EVERY_HELP = "Nd (days, 1-366), Nw (weeks, 1-52), Nmo (months, 1-24) or Ny (years, 1-2)"


@dataclass(frozen=True)
class MedEvent:
    """One event of the timeline as stored (``day`` is the entry's day)."""

    day: date
    event: EventKind
    medication: str
    dose: str = ""
    to_medication: str | None = None
    ends_on: date | None = None
    every: str | None = None
    next_due: date | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Period:
    """A medication at one dose from ``start`` up to (not including) ``until``."""

    medication: str
    dose: str
    start: date
    until: date | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.until is None or day < self.until)


@dataclass(frozen=True)
class Holiday:
    medication: str
    first: date
    last: date
    reason: str | None = None


@dataclass(frozen=True)
class Schedule:
    """A scheduled medication: set on ``since``, next due ``next_due``, then every ``every``."""

    medication: str
    dose: str
    every: str
    next_due: date
    since: date


@dataclass
class Timeline:
    periods: list[Period] = field(default_factory=list)
    holidays: list[Holiday] = field(default_factory=list)
    schedules: dict[str, Schedule] = field(default_factory=dict)

    @property
    def has_courses(self) -> bool:
        """Whether any start or switch was recorded (else config.yaml's medications apply)."""
        return bool(self.periods)

    def current_on(self, day: date) -> list[Period]:
        """The daily medications taken on ``day`` (a holiday day included), with their dose."""
        return [p for p in self.periods if p.covers(day)]

    def on_holiday(self, medication: str, day: date) -> bool:
        return any(h.medication == medication and h.first <= day <= h.last for h in self.holidays)

    def scheduled_on(self, medication: str, day: date) -> bool:
        """Whether ``medication`` is on a schedule on ``day`` (set on or before it)."""
        schedule = self.schedules.get(medication)
        return schedule is not None and schedule.since <= day

    def due_on(self, day: date) -> list[Period]:
        """The daily doses due on ``day``: current, not on holiday, not scheduled that day (a
        medication taken daily before it was put on a schedule was due on those days)."""
        return [
            p
            for p in self.current_on(day)
            if not self.on_holiday(p.medication, day) and not self.scheduled_on(p.medication, day)
        ]

    def medications(self) -> list[str]:
        """Every medication of the timeline, in the order first met."""
        names = [p.medication for p in self.periods] + list(self.schedules)
        return list(dict.fromkeys(names))


def parse_every(text: str) -> str:
    """'6mo', '1w', '2y' or '28d', checked and returned in that canonical form."""
    match = _EVERY.match(text.strip().lower())
    if match is None or not 1 <= int(match.group(1)) <= EVERY_LIMITS[match.group(2)]:
        raise BadInput(f"--every {text} is not allowed; use {EVERY_HELP}, like 6mo or 1w")
    return f"{int(match.group(1))}{match.group(2)}"


def add_every(day: date, every: str) -> date:
    """``day`` plus the interval; a month step keeps the day of month, or the month's last."""
    match = _EVERY.match(every)
    if match is None:
        raise BadInput(f"interval '{every}' is not allowed; use {EVERY_HELP}")
    count, unit = int(match.group(1)), match.group(2)
    if unit == "d":
        return day + timedelta(days=count)
    if unit == "w":
        return day + timedelta(weeks=count)
    months = count * (12 if unit == "y" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def check_name(name: str, *, known: Iterable[str], new_name: bool) -> str:
    """A medication name, lower-case kebab; an unknown one needs ``new_name`` (--new-name)."""
    clean = name.strip().lower().replace(" ", "-")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", clean) or len(clean) > MAX_MEDICATION:
        raise BadInput(
            f"medication '{name}' is not allowed; a name is lower-case words joined by hyphens"
        )
    choices = list(dict.fromkeys([*KNOWN_MEDICATIONS, *known]))
    if clean not in choices and not new_name:
        hint = did_you_mean(clean, choices)
        raise BadInput(
            f"'{name}' is not a medication aij knows{hint}; known: {', '.join(choices)}; "
            "to record another, add --new-name"
        )
    return clean


def check_text(label: str, text: str | None, limit: int) -> str | None:
    """A reason or dose as written, trimmed; refused past ``limit`` characters."""
    if text is None or not text.strip():
        return None
    clean = " ".join(text.split())
    if len(clean) > limit:
        raise BadInput(f"{label} is {len(clean)} characters; at most {limit} are allowed")
    return clean


def check_ahead(label: str, day: date | None, today: date) -> None:
    if day is not None and day > today + timedelta(days=MAX_AHEAD_DAYS):
        raise BadInput(
            f"{label} {day} is more than {MAX_AHEAD_DAYS} days ahead; "
            f"use a date up to {today + timedelta(days=MAX_AHEAD_DAYS)}"
        )


def replay(events: Sequence[MedEvent], *, strict: bool = False) -> Timeline:
    """The timeline of ``events`` (sorted by day, same-day ones in the order given).

    With ``strict``, an event that does not fit raises BadInput naming it; without, it is
    passed over (a journal edited by hand still reads)."""
    timeline = Timeline()
    open_: dict[str, Period] = {}
    for event in sorted(events, key=lambda e: e.day):
        problem = _apply(event, open_, timeline)
        if problem is not None and strict:
            raise BadInput(problem)
    timeline.periods.extend(open_.values())
    timeline.periods.sort(key=lambda p: (p.start, p.medication))
    for index, holiday in enumerate(timeline.holidays):
        problem = _holiday_problem(holiday, timeline, timeline.holidays[:index])
        if problem is not None and strict:
            raise BadInput(problem)
    return timeline


def _close(open_: dict[str, Period], timeline: Timeline, name: str, day: date) -> None:
    period = open_.pop(name)
    if period.start < day:
        timeline.periods.append(Period(period.medication, period.dose, period.start, day))


def _apply(event: MedEvent, open_: dict[str, Period], timeline: Timeline) -> str | None:
    """Apply one event; the reason it does not fit, or None."""
    name, day = event.medication, event.day
    current = ", ".join(open_) or "none"
    if event.event == "start":
        if name in open_:
            since = open_[name].start
            return f"{name} is already current since {since}; a new dose is 'aij med dose'"
        open_[name] = Period(name, event.dose, day)
    elif event.event in ("switch", "dose"):
        if name not in open_:
            return f"{name} is not current on {day} (current then: {current}); start it first"
        target = event.to_medication if event.event == "switch" else name
        if target is None or (event.event == "switch" and (target == name or target in open_)):
            return f"cannot switch {name} to {target} on {day}: {target} is already current"
        dose = event.dose or (open_[name].dose if event.event == "dose" else "")
        _close(open_, timeline, name, day)
        open_[target] = Period(target, dose, day)
    elif event.event == "stop":
        if name not in open_ and name not in timeline.schedules:
            return f"{name} is not current on {day} (current then: {current}); nothing to stop"
        if name in open_:
            _close(open_, timeline, name, day)
        timeline.schedules.pop(name, None)
    elif event.event == "holiday":
        if event.ends_on is None or event.ends_on < day:
            return f"a holiday of {name} must end on or after its first day {day}"
        timeline.holidays.append(Holiday(name, day, event.ends_on, event.reason))
    elif event.event == "schedule":
        if event.every is None or event.next_due is None:
            return f"a schedule of {name} needs --every and --next"
        if name in open_:
            return f"{name} is taken daily since {open_[name].start}; stop it before scheduling"
        timeline.schedules[name] = Schedule(name, event.dose, event.every, event.next_due, day)
    return None


def _holiday_problem(
    holiday: Holiday, timeline: Timeline, earlier: Sequence[Holiday]
) -> str | None:
    name, first, last = holiday.medication, holiday.first, holiday.last
    for other in earlier:
        if other.medication == name and other.first <= last and first <= other.last:
            return (
                f"a holiday of {name} {first} to {last} overlaps the one "
                f"{other.first} to {other.last}"
            )
    spans = _spans(timeline.periods, name)
    if not any(s <= first and (u is None or last < u) for s, u in spans):
        courses = "; ".join(f"{s} to {u - timedelta(days=1) if u else 'now'}" for s, u in spans)
        return (
            f"a holiday of {name} {first} to {last} lies outside its course "
            f"({courses or 'not started'})"
        )
    return None


def _spans(periods: Sequence[Period], name: str) -> list[tuple[date, date | None]]:
    """The medication's courses: its periods joined where one dose follows the next."""
    spans: list[tuple[date, date | None]] = []
    for p in sorted((p for p in periods if p.medication == name), key=lambda p: p.start):
        if spans and spans[-1][1] == p.start:
            spans[-1] = (spans[-1][0], p.until)
        else:
            spans.append((p.start, p.until))
    return spans


@dataclass(frozen=True)
class NextDose:
    """When a scheduled medication's next dose is due, and how late it is on ``today``."""

    medication: str
    due: date
    days_overdue: int


def next_dose(schedule: Schedule, taken: Iterable[date], today: date) -> NextDose:
    """The next dose: ``every`` after the last dose that counts, else the schedule's own date;
    overdue by the days from that date to ``today`` (0 if not yet). A dose counts when taken
    after the day the schedule was set, or on or after its own next date: a dose on the day a
    schedule is set counts only when that day is the date it names (the infusion that
    prompted a schedule "next in six months" does not move that date)."""
    after = [d for d in taken if d > schedule.since or d >= schedule.next_due]
    due = add_every(max(after), schedule.every) if after else schedule.next_due
    return NextDose(schedule.medication, due, max(0, (today - due).days))


def display_name(name: str) -> str:
    """'zoledronic-acid' as 'Zoledronic acid'."""
    words = name.replace("-", " ")
    return words[:1].upper() + words[1:]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def long_date(day: date) -> str:
    """'15 Jan 2027' (no leading zero, the month in English whatever the locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dose_due_words(name: str, due: date, days_overdue: int, today: date) -> str:
    """'Zoledronic acid: next dose due 15 Jan 2027', due today, or how many days overdue:
    the one wording of `aij today`, `week`, `bone` and the visit summary."""
    when = long_date(due)
    if days_overdue > 0:
        return f"{name}: dose due {when} is {plural(days_overdue, 'day')} overdue"
    if due == today:
        return f"{name}: dose due today ({when})"
    return f"{name}: next dose due {when}"
