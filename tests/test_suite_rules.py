"""Rules the suite keeps about itself: no subprocess without a timeout, dates marked."""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
STARTERS = {"run", "check_output", "check_call", "call"}


def _calls_without_timeout(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id == "subprocess"):
            continue
        if node.func.attr == "Popen" or (
            node.func.attr in STARTERS and not any(k.arg == "timeout" for k in node.keywords)
        ):
            found.append(f"{path.name}:{node.lineno} subprocess.{node.func.attr}")
    return found


def test_every_subprocess_a_test_starts_has_a_timeout() -> None:
    files = sorted(TESTS.rglob("*.py"))
    assert len(files) > 10
    assert [c for f in files for c in _calls_without_timeout(f)] == []


def test_the_check_sees_a_call_without_a_timeout(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import subprocess\nsubprocess.run(['true'], timeout=5)\nsubprocess.run(['true'])\n",
        encoding="utf-8",
    )
    assert _calls_without_timeout(sample) == ["sample.py:3 subprocess.run"]


@pytest.mark.parametrize("name", ["test_week.py", "test_daily.py", "test_subprocess.py"])
def test_date_sensitive_modules_are_marked(name: str) -> None:
    tree = ast.parse((TESTS / "cli" / name).read_text(encoding="utf-8"))
    marks = [
        ast.unparse(n.value)
        for n in tree.body
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "pytestmark"
    ]
    assert marks == ["pytest.mark.dates"]


def _year_shifts_of_today(path: Path) -> list[str]:
    """``TODAY.replace(year=...)`` raises on 29 February; a test must shift by days instead."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "replace"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "TODAY"
        and any(k.arg == "year" for k in node.keywords)
    ]


def test_no_test_moves_today_by_whole_years() -> None:
    files = sorted(TESTS.rglob("*.py"))
    assert [hit for f in files for hit in _year_shifts_of_today(f)] == []


def test_the_check_sees_a_year_shift(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("x = TODAY.replace(day=1)\ny = TODAY.replace(year=TODAY.year + 3)\n")
    assert _year_shifts_of_today(sample) == ["sample.py:2"]


def _real_clock_reads(path: Path) -> list[str]:
    """Calls of ``datetime.now``, ``date.today``, ``datetime.utcnow`` or ``time.time``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno} {node.func.value.id}.{node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr)
        in {("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("time", "time")}
    ]


def test_only_the_one_clock_reads_the_real_clock() -> None:
    """#10: every command asks aijournal/clock.py, so AIJ_TODAY freezes the whole program."""
    src = TESTS.parent / "src" / "aijournal"
    files = sorted(p for p in src.rglob("*.py") if p.name != "clock.py")
    assert len(files) > 50
    assert [hit for f in files for hit in _real_clock_reads(f)] == []


def test_the_clock_check_sees_a_real_clock_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from datetime import date\nx = 1\ny = date.today()\n", encoding="utf-8")
    assert _real_clock_reads(sample) == ["sample.py:3 date.today"]
