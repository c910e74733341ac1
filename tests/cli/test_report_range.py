"""The visit summary's default period follows what the journal holds (#11 item 11, #12)."""

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY

pytestmark = pytest.mark.dates


def test_a_visit_typed_decades_back_does_not_stretch_the_report(aij: Run, tmp_path: Path) -> None:
    first = TODAY - timedelta(days=10)
    assert aij("log", "joint-pain=4", "--date", first.isoformat()).code == 0
    long_ago = TODAY - timedelta(days=100 * 365)  # about 100 years, any TODAY
    assert aij("visit", "add", long_ago.isoformat(), "--with", "gp").code == 0
    out = tmp_path / "visit.html"
    result = aij("report", "--out", str(out))
    assert result.code == 0, result.err
    # Since the last visit, but from the first day logged: 10 days ago to today.
    said = " ".join(result.out.split())
    assert f"visit summary {first.isoformat()} to {TODAY.isoformat()}" in said


def test_a_new_journal_reports_from_its_first_day_not_90_days(aij: Run, tmp_path: Path) -> None:
    first = TODAY - timedelta(days=3)
    assert aij("log", "joint-pain=4", "--date", first.isoformat()).code == 0
    result = aij("report", "--out", str(tmp_path / "r.html"))
    said = " ".join(result.out.split())
    assert f"visit summary {first.isoformat()} to {TODAY.isoformat()}" in said
    # An explicit --from before the first day logged starts there too, and says so: the
    # report's work follows what the journal holds, not a date typed decades back (#11).
    for asked in (TODAY - timedelta(days=30), TODAY - timedelta(days=365 * 96)):
        result = aij("report", "--from", asked.isoformat(), "--out", str(tmp_path / "s.html"))
        said = " ".join(result.out.split())
        assert f"visit summary {first.isoformat()} to {TODAY.isoformat()}" in said
        assert f"it starts on {first.isoformat()}, the first day logged" in said
        (tmp_path / "s.html").unlink()
    # A --from on or after the first day logged is kept as given.
    asked = TODAY - timedelta(days=2)
    result = aij("report", "--from", asked.isoformat(), "--out", str(tmp_path / "s.html"))
    said = " ".join(result.out.split())
    assert f"visit summary {asked.isoformat()} to {TODAY.isoformat()}" in said
    assert "the first day logged" not in said
