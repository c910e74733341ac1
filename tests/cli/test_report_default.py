"""`aij report` without --out writes aij-visit-DATE.html in the current folder, never over an
existing file without --force, and says where (issue #10, item 15)."""

from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers import TODAY, run_subprocess, snapshot

pytestmark = pytest.mark.dates


def test_report_without_out_writes_a_dated_file_here(tmp_path: Path) -> None:
    home, here = tmp_path / "home", tmp_path / "here"
    here.mkdir()
    assert run_subprocess("log", "joint-pain=4", "--date", "-100d", home=home).code == 0
    done = run_subprocess("report", home=home, cwd=here)
    assert done.code == 0, done.err
    page = here / f"aij-visit-{TODAY.isoformat()}.html"
    start = TODAY - timedelta(days=89)
    # Wrapped at spaces to the terminal; the path is whole, on a line of its own if long.
    assert f"\n{page}:" in f"\n{done.out}".replace("wrote ", "wrote\n")
    assert " ".join(done.out.split()) == f"wrote {page}: visit summary {start} to {TODAY}"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in here.iterdir()] == [page.name]


def test_an_existing_summary_is_kept_unless_forced(tmp_path: Path) -> None:
    home, here = tmp_path / "home", tmp_path / "here"
    here.mkdir()
    assert run_subprocess("log", "joint-pain=4", home=home).code == 0
    page = here / f"aij-visit-{TODAY.isoformat()}.html"
    page.write_text("my own notes", encoding="utf-8")
    journal_before = snapshot(home)
    refused = run_subprocess("report", home=home, cwd=here)
    assert refused.code == 2
    assert refused.err == (
        f"aij: {page} already exists; add --force to replace it, or name another file with --out\n"
    )
    assert page.read_text(encoding="utf-8") == "my own notes"
    assert snapshot(home) == journal_before
    forced = run_subprocess("report", "--force", home=home, cwd=here)
    assert forced.code == 0, forced.err
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_name_carries_the_last_day_of_the_period(tmp_path: Path) -> None:
    home, here = tmp_path / "home", tmp_path / "here"
    here.mkdir()
    assert run_subprocess("log", "joint-pain=4", "-d", "-3d", home=home).code == 0
    last = TODAY - timedelta(days=1)
    done = run_subprocess("report", "--to", "yesterday", home=home, cwd=here)
    assert done.code == 0, done.err
    assert [p.name for p in here.iterdir()] == [f"aij-visit-{last.isoformat()}.html"]
