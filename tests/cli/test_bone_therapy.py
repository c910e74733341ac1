"""`aij bone`'s therapy side (#14): bone-agent doses counted per period between scans, the
medication events of each period, the next dose as `aij today` says it, and the weeks before
and after each change as `aij insights` compares them. Every count is worked out by hand."""

import calendar
import json
from datetime import date, timedelta

import pytest

from tests.conftest import Run
from tests.helpers import TODAY

pytestmark = pytest.mark.dates

START = TODAY - timedelta(days=800)  # letrozole starts: the journal's first day
SCAN1 = TODAY - timedelta(days=730)
SCHEDULED = TODAY - timedelta(days=720)
SWITCH = TODAY - timedelta(days=100)
HOLIDAY = (TODAY - timedelta(days=60), TODAY - timedelta(days=50))
SCAN2 = TODAY - timedelta(days=30)
# Zoledronic acid taken on these days: three between the scans, one since the last scan.
DOSES = [TODAY - timedelta(days=n) for n in (700, 520, 340, 25)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def ok(aij: Run, *args: str) -> str:
    result = aij(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def _six_months_after(day: date) -> date:
    """Six calendar months on, the same day of month or the month's last (worked by hand)."""
    year, month = divmod(day.year * 12 + day.month - 1 + 6, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _history(aij: Run) -> None:
    ok(aij, "med", "start", "letrozole", "--dose", "2.5 mg", "--date", START.isoformat())
    ok(aij, "log", "lab", "dexa", "total-hip=-1.4", "--date", SCAN1.isoformat())
    ok(aij, "med", "schedule", "zoledronic-acid", "--every", "6mo",
       "--next", DOSES[0].isoformat(), "--date", SCHEDULED.isoformat())  # fmt: skip
    for day in DOSES:
        ok(aij, "log", "med", "zoledronic-acid", "--date", day.isoformat())
    ok(aij, "med", "switch", "letrozole", "exemestane", "--dose", "25 mg",
       "--reason", "joint pain", "--date", SWITCH.isoformat())  # fmt: skip
    ok(aij, "med", "holiday", "exemestane", "--from", HOLIDAY[0].isoformat(),
       "--to", HOLIDAY[1].isoformat(), "--reason", "surgery")  # fmt: skip
    ok(aij, "log", "lab", "dexa", "total-hip=-1.5", "--date", SCAN2.isoformat())


def test_doses_and_events_are_counted_in_the_period_that_holds_them(aij: Run) -> None:
    """Periods: START..SCAN1-1, SCAN1..SCAN2-1, SCAN2..TODAY. By hand: the start is in the
    first; the schedule, 3 doses (700, 520, 340 days back), the switch and the holiday in the
    second; 1 dose (25 days back) in the last."""
    _history(aij)
    result = json.loads(ok(aij, "bone", "--json"))
    periods = result["periods"]
    assert [p["start"] for p in periods] == [
        START.isoformat(),
        SCAN1.isoformat(),
        SCAN2.isoformat(),
    ]
    assert [p["bone_agent_doses"] for p in periods] == [
        [],
        [{"medication": "zoledronic-acid", "name": "Zoledronic acid", "taken": 3}],
        [{"medication": "zoledronic-acid", "name": "Zoledronic acid", "taken": 1}],
    ]
    events = [
        [(e["date"], e["event"], e["reason"]) for e in p["medication_events"]] for p in periods
    ]
    assert events == [
        [(START.isoformat(), "start", None)],
        [
            (SCHEDULED.isoformat(), "schedule", None),
            (SWITCH.isoformat(), "switch", "joint pain"),
            (HOLIDAY[0].isoformat(), "holiday", "surgery"),
        ],
        [],
    ]
    # The next dose: 6 months after the last one taken, as aij today says it.
    due = _six_months_after(DOSES[-1])
    [scheduled] = result["scheduled"]
    assert (scheduled["due"], scheduled["days_overdue"]) == (due.isoformat(), 0)
    line = f"Zoledronic acid: next dose due {due.day} {MONTHS[due.month - 1]} {due.year}"
    assert line in ok(aij, "today")
    shown = " ".join(ok(aij, "bone").split())
    assert line in shown
    assert "bone-agent doses Zoledronic acid: 3 doses taken" in shown
    assert f"{SWITCH} switch letrozole → exemestane 25 mg (joint pain)" in shown


def test_an_overdue_dose_is_said_as_aij_today_says_it(aij: Run) -> None:
    """Scheduled for 12 days ago and not taken: 12 days overdue in both."""
    due = TODAY - timedelta(days=12)
    ok(aij, "med", "schedule", "denosumab", "--every", "6mo", "--next", due.isoformat(),
       "--date", (TODAY - timedelta(days=40)).isoformat())  # fmt: skip
    line = f"Denosumab: dose due {due.day} {MONTHS[due.month - 1]} {due.year} is 12 days overdue"
    assert line in ok(aij, "today")
    assert line in " ".join(ok(aij, "bone").split())
    [scheduled] = json.loads(ok(aij, "bone", "--json"))["scheduled"]
    assert scheduled["days_overdue"] == 12


def test_before_and_after_the_switch_as_insights_compares_it(aij: Run) -> None:
    """Joint pain 20 days before the switch (10 at 6, 10 at 8: mean 7) and 20 after (10 at 4,
    10 at 2: mean 3). By hand (as in test_med): difference -4, Welch's interval -4.66 to
    -3.34. The start of letrozole has no values either side: not compared."""
    _history(aij)
    for n in range(20):
        ok(aij, "log", f"joint-pain={6 if n < 10 else 8}", "-d", str(SWITCH - timedelta(n + 1)))
        ok(aij, "log", f"joint-pain={4 if n < 10 else 2}", "-d", str(SWITCH + timedelta(n)))
    result = json.loads(ok(aij, "bone", "--json"))
    insights = json.loads(ok(aij, "insights", "--days", "801", "--json"))
    pain = [c for c in result["medication_changes"] if c["outcome"] == "worst joint pain"]
    assert [c["verdict"] for c in pain] == ["not enough data", "association"]
    switch = pain[1]
    assert (switch["n_with"], switch["n_without"]) == (20, 20)
    assert (switch["mean_with"], switch["mean_without"]) == (3.0, 7.0)
    assert (switch["ci_low"], switch["ci_high"]) == (-4.66, -3.34)
    same = next(c for c in insights["medication_changes"] if c["question"] == switch["question"])
    assert same["finding"] == switch["finding"]
    assert "proof of cause" in result["caution"]
    shown = " ".join(ok(aij, "bone").split())
    assert f"The switch from letrozole to exemestane on {SWITCH}" in shown
    assert f"Starting letrozole on {START} Not compared: under 14 days" in shown
    assert "cause" not in shown.replace("not proof of cause", "")
