"""The visit summary's bone and therapy (#14): the "Bone and therapy" section (the latest scan
with the scan's WHO category, the latest vitamin D, the next bone-agent dose, the changes of
the period) and the medication table counting a holiday's days as not due, as `aij week`
does. Every count worked out by hand."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY

pytestmark = pytest.mark.dates

# A full ISO week three weeks back (all past, whatever day the suite runs).
MONDAY = TODAY - timedelta(days=TODAY.weekday() + 21)
SUNDAY = MONDAY + timedelta(days=6)
WEEK = "{}-W{:02d}".format(*MONDAY.isocalendar()[:2])
START = MONDAY - timedelta(days=200)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def ok(aij: Run, *args: str) -> str:
    result = aij(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def _page(aij: Run, tmp_path: Path, *args: str) -> str:
    page = tmp_path / "visit.html"
    ok(aij, "report", "--out", str(page), "--force", *args)
    return " ".join(page.read_text(encoding="utf-8").split())


def _row(page: str, name: str) -> tuple[str, ...]:
    """The medication table's row of ``name``: taken, skipped, no record."""
    found = re.search(rf"<td class=k>{name}[^<]*</td>" + r"<td class=n>([^<]*)</td>" * 3, page)
    assert found is not None, name
    return found.groups()


def test_a_holiday_is_not_missed_in_the_report_as_in_the_week(aij: Run, tmp_path: Path) -> None:
    """Exemestane since 200 days before the week; a holiday Tuesday to Thursday; taken Monday,
    skipped Friday. By hand: 7 days - 3 on holiday = 4 due; 1 taken, 1 skipped, 2 without a
    record (Saturday, Sunday)."""
    ok(aij, "med", "start", "exemestane", "--dose", "25 mg", "--date", START.isoformat())
    tue, thu = MONDAY + timedelta(days=1), MONDAY + timedelta(days=3)
    ok(aij, "med", "holiday", "exemestane", "--from", tue.isoformat(), "--to", thu.isoformat())
    ok(aij, "log", "med", "--date", MONDAY.isoformat())
    friday = (MONDAY + timedelta(days=4)).isoformat()
    ok(aij, "log", "med", "--skipped", "--reason", "nausea", "--date", friday)
    page = _page(aij, tmp_path, "--from", MONDAY.isoformat(), "--to", SUNDAY.isoformat())
    assert _row(page, "exemestane") == ("1", "1", "2")
    [week] = json.loads(ok(aij, "week", WEEK, "--json"))["medications"]
    assert (week["taken"], len(week["skipped"]), week["not_logged"]) == (1, 1, 2)


def test_the_section_shows_the_latest_scan_vitamin_d_next_dose_and_changes(
    aij: Run, tmp_path: Path
) -> None:
    """Two scans: the later one (20 days back) is shown, -1.0 as normal and -2.5 as
    osteoporosis (WHO's own boundaries). Vitamin D 25 ng/mL = 25 x 2.496 = 62.4 nmol/L.
    The switch 10 days back is in the 90-day period; the start 200 days back is not; the
    schedule (set today) is said by its next-dose line, not again as an event."""
    scan1, scan2 = TODAY - timedelta(days=400), TODAY - timedelta(days=20)
    ok(aij, "log", "lab", "dexa", "total-hip=-1.4", "--date", scan1.isoformat())
    ok(aij, "log", "lab", "dexa", "total-hip=-1.0", "lumbar-spine=-2.5", "--date", str(scan2))
    ok(aij, "log", "lab", "vitamin-d", "25", "ng/mL", "--date", str(TODAY - timedelta(days=15)))
    ok(aij, "med", "start", "letrozole", "--dose", "2.5 mg", "--date", START.isoformat())
    switch = TODAY - timedelta(days=10)
    ok(aij, "med", "switch", "letrozole", "exemestane", "--dose", "25 mg",
       "--reason", "joint pain", "--date", switch.isoformat())  # fmt: skip
    due = TODAY + timedelta(days=30)
    ok(aij, "med", "schedule", "denosumab", "--every", "6mo", "--next", due.isoformat())
    page = _page(aij, tmp_path)
    begin = page.index("<h2>Bone and therapy</h2>")
    section = page[begin : page.index("</section>", begin)]
    assert f"DEXA {scan2}" in section and f"DEXA {scan1}" not in section
    assert (
        "(T-score, WHO category on this scan): lumbar spine -2.5 osteoporosis;"
        " total hip -1.0 normal." in section
    )
    assert "Vitamin D (25-OH) 62.4 nmol/L (25 ng/mL)" in section
    assert f"Denosumab: next dose due {due.day} {MONTHS[due.month - 1]} {due.year}." in section
    assert (
        f"Medication events: {switch} switch letrozole → exemestane 25 mg (joint pain)." in section
    )
    assert "start letrozole" not in section and "Not logged" not in section
    assert "every 6mo" not in section


def test_an_overdue_dose_and_what_is_not_logged(aij: Run, tmp_path: Path) -> None:
    """Only a schedule, due 12 days ago: overdue in bold, the other three named in one line."""
    due = TODAY - timedelta(days=12)
    ok(aij, "med", "schedule", "zoledronic-acid", "--every", "6mo", "--next", due.isoformat(),
       "--date", (TODAY - timedelta(days=40)).isoformat())  # fmt: skip
    page = _page(aij, tmp_path, "--from", (TODAY - timedelta(days=30)).isoformat())
    when = f"{due.day} {MONTHS[due.month - 1]} {due.year}"
    assert f"<strong>Zoledronic acid: dose due {when} is 12 days overdue</strong>" in page
    assert "Not logged: a DEXA scan, vitamin D, a medication change in this period." in page


def test_nothing_of_bone_or_therapy_logged_leaves_the_section_out(aij: Run, tmp_path: Path) -> None:
    ok(aij, "log", "joint-pain=4")
    assert "Bone and therapy" not in _page(aij, tmp_path)


def test_a_scan_after_the_period_is_not_the_latest_of_it(aij: Run, tmp_path: Path) -> None:
    """The report ends 30 days back; the scan 10 days back is after it: left out."""
    ok(aij, "log", "lab", "dexa", "total-hip=-1.4", "--date", str(TODAY - timedelta(days=10)))
    end = TODAY - timedelta(days=30)
    page = _page(aij, tmp_path, "--from", str(end - timedelta(days=60)), "--to", str(end))
    assert "Bone and therapy" not in page
