"""Several journals in one database (#13): journal A never sees or changes journal B.

A property test over random journals. A's entries are logged, the whole home is copied
(the control: a database that never held B), then B's entries are logged into the first
home. Every read command for A must then print and write exactly what it does on the
control, byte for byte, so nothing of B can leak into any of them; and every write command
for A must leave B's own JSON export byte-identical.
"""

import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tests.conftest import Run
from tests.helpers import TODAY, query
from tests.pg import copy_home

# Not marked `dates`: journal A's output equals itself with or without journal B on any day.


@dataclass(frozen=True)
class Day:
    back: int  # days before TODAY
    pain: int
    fatigue: int
    sleep: float
    note: bool


days = st.builds(
    Day,
    back=st.integers(0, 40),
    pain=st.integers(0, 10),
    fatigue=st.integers(0, 4),
    sleep=st.sampled_from([5.5, 6.0, 7.25, 8.0]),
    note=st.booleans(),
)
journal_days = st.lists(days, min_size=1, max_size=5, unique_by=lambda d: d.back)


def _log(aij: Run, home: Path, journal: str, logged: list[Day]) -> None:
    for day in logged:
        when = (TODAY - timedelta(days=day.back)).isoformat()
        words = [f"joint-pain={day.pain}", f"fatigue={day.fatigue}", f"sleep={day.sleep}"]
        if day.note:
            words += ["--note", f"{journal} wrote this on {when}"]
        result = aij("--home", str(home), "--journal", journal, "log", *words, "-d", when)
        assert result.code == 0, result.err
    first = (TODAY - timedelta(days=logged[0].back)).isoformat()
    done = aij(
        "--home", str(home), "--journal", journal, "log", "question", f"{journal}'s question?"
    )
    assert done.code == 0, done.err
    visit = aij("--home", str(home), "--journal", journal, "visit", "add", first, "--with", journal)
    assert visit.code == 0, visit.err


def _xlsx_values(path: Path) -> list[list[object]]:
    """The workbook's cells, but the time it was written (About), which the real clock sets."""
    book = load_workbook(path, read_only=True)
    return [
        [sheet.title, *row]
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        if not (sheet.title == "About" and row and row[0] == "Written (UTC)")
    ]


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _reads(aij: Run, home: Path, out: Path, probe_days: list[str]) -> dict[str, object]:
    """Everything journal A's read commands print and write."""
    out.mkdir()
    a = ("--home", str(home), "--journal", "a")
    commands: dict[str, tuple[str, ...]] = {
        "entries": ("entries", "--from", "-60d"),
        "entries-json": ("entries", "--from", "-60d", "--json"),
        "week": ("week",),
        "week-json": ("week", "--json"),
        "trends": ("trends", "--weeks", "8", "--json"),
        "insights": ("insights", "--days", "60", "--json"),
        "today": ("today",),
        "visits": ("visit", "list"),
        "questions": ("question", "list"),
    }
    for day in probe_days:
        commands[f"day {day}"] = ("day", day, "--json")
        commands[f"week {day}"] = ("week", day)
    seen: dict[str, object] = {}
    for name, args in commands.items():
        result = aij(*a, *args)
        assert result.code == 0, (name, result.err)
        seen[name] = result.out
    for kind, target in (
        ("json", out / "a.json"),
        ("csv", out / "a.zip"),
        ("xlsx", out / "a.xlsx"),
    ):
        assert aij(*a, "export", kind, "--out", str(target)).code == 0
    seen["json"] = (out / "a.json").read_bytes()
    seen["csv"] = _zip_members(out / "a.zip")
    seen["xlsx"] = _xlsx_values(out / "a.xlsx")
    report = aij(*a, "report", "--from", "-60d", "--to", "today", "--out", str(out / "r.html"))
    assert report.code == 0, report.err
    seen["report"] = (out / "r.html").read_bytes()
    return seen


# Each example runs some 60 commands: few examples, and no shrinking (a failure prints its
# example as it is, which is small already).
SLOW = settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SLOW
@given(a_days=journal_days, b_days=journal_days)
def test_every_read_of_journal_a_is_the_same_with_or_without_journal_b(
    aij: Run, a_days: list[Day], b_days: list[Day]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shared, control = root / "shared", root / "control"
        _log(aij, shared, "a", a_days)
        copy_home(shared, control)
        _log(aij, shared, "b", b_days)
        # Both journals live in the one database file.
        held = query(shared, "SELECT DISTINCT journal FROM entry ORDER BY journal")
        assert held == [("a",), ("b",)]
        probe = sorted({(TODAY - timedelta(days=d.back)).isoformat() for d in a_days + b_days})
        with_b = _reads(aij, shared, root / "out-shared", probe)
        without_b = _reads(aij, control, root / "out-control", probe)
        for name in with_b:
            assert with_b[name] == without_b[name], name


def _b_export(aij: Run, home: Path, target: Path) -> bytes:
    assert (
        aij("--home", str(home), "--journal", "b", "export", "json", "--out", str(target)).code == 0
    )
    return target.read_bytes()


def _entries(aij: Run, home: Path, journal: str) -> dict[str, str]:
    """The journal's entry ids (from 60 days back), with their kinds."""
    listed = aij("--home", str(home), "--journal", journal, "entries", "--from", "-60d", "--json")
    assert listed.code == 0, listed.err
    return {row["id"]: row["kind"] for row in json.loads(listed.out)}


@SLOW
@given(a_days=journal_days, b_days=journal_days)
def test_every_write_to_journal_a_leaves_journal_b_byte_identical(
    aij: Run, a_days: list[Day], b_days: list[Day]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        home = root / "home"
        _log(aij, home, "b", b_days)
        before = _b_export(aij, home, root / "b-before.json")
        b_ids = list(_entries(aij, home, "b"))
        a = ("--home", str(home), "--journal", "a")
        _log(aij, home, "a", a_days)
        a_ids = _entries(aij, home, "a")
        symptom = next(i for i, kind in a_ids.items() if kind == "symptom")
        # B's ids are "no entry" for A, exactly as a missing one, and nothing changes.
        for verb in (("rm", b_ids[0], "--yes"), ("edit", b_ids[0], "value=1")):
            refused = aij(*a, *verb)
            assert refused.code == 2
            assert f"no entry has the id '{b_ids[0]}'" in refused.err
        assert aij(*a, "edit", symptom, "value=0").code == 0
        assert aij(*a, "rm", list(a_ids)[-1], "--yes").code == 0
        assert aij(*a, "log", "joint-pain=3", "-d", "-50d").code == 0
        assert aij(*a, "undo", "--yes").code == 0
        assert aij(*a, "undo", "--yes").code == 0
        # B's own export imported into a new journal C (A may hold a rating that day, which
        # one-a-day refuses): every entry arrives under ids B does not hold, once.
        c = ("--home", str(home), "--journal", "c")
        assert aij(*c, "import", str(root / "b-before.json")).code == 0
        assert aij(*c, "import", str(root / "b-before.json")).code == 0  # the second adds none
        imported = set(_entries(aij, home, "c"))
        assert len(imported) == len(b_ids)
        assert imported.isdisjoint(b_ids)
        assert aij(*c, "undo", "--yes").code == 0
        assert _entries(aij, home, "c") == {}
        after = _b_export(aij, home, root / "b-after.json")
        assert after == before
