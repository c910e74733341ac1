"""The visit summary truly fits one A4 page (#12): journals of 3 days, 90 days (14 plan weeks,
the 10 check-in items, 10 open questions, one a long URL) and a year, each printed by
`aij report --pdf` with headless Chromium, and the pages counted from the PDF itself.

Chromium shrinks a page whose content is wider than the paper instead of adding a page, so
"one page" alone would pass a page that overflows; the print scale is read from the PDF's
first content stream too (72/96 = 0.75 points a CSS pixel when nothing is shrunk). Both
readers are checked on PDFs that must fail them: a forced second page and a too-wide page.

Chromium (Debian's ``chromium``) is installed by .ci/run: these tests skip locally without
it, and fail when ``CI`` is set.
"""

import os
import re
import shutil
import subprocess
import sys
import zlib
from datetime import timedelta
from pathlib import Path

import pytest

from aijournal.domain.labels import plural
from aijournal.export.pdf import chromium_command
from tests.conftest import Run
from tests.helpers import TODAY, Result

pytestmark = pytest.mark.dates

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "bench" / "visit_journal.py"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI must print the visit summary")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return CHROMIUM


def _env(home: Path) -> dict[str, str]:
    path = [str(Path(sys.executable).parent)]
    if CHROMIUM is not None:
        path.append(str(Path(CHROMIUM).parent))
    return {"AIJ_HOME": str(home), "AIJ_TODAY": TODAY.isoformat(), "PATH": os.pathsep.join(path)}


def aij(home: Path, *args: str) -> Result:
    """The installed aij as a real process, with Chromium's folder on PATH."""
    done = subprocess.run(
        [sys.executable, "-m", "aijournal", *args],
        capture_output=True,
        text=True,
        env=_env(home),
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def journal_of(base: Path, days: int, questions: int = 10) -> Path:
    home = base / f"journal-{days}-days"
    subprocess.run(
        [
            *(sys.executable, str(BUILDER), "--home", str(home), "--days", str(days)),
            *("--end", TODAY.isoformat(), "--questions", str(questions)),
        ],
        check=True,
        capture_output=True,
        env=_env(home),
        timeout=300,
    )
    return home


@pytest.fixture(scope="module")
def journals(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The three journals, written once for this module (the year takes some seconds)."""
    if CHROMIUM is None:
        return {}
    base = tmp_path_factory.mktemp("journals")
    return {days: journal_of(base, days) for days in (3, 90, 365)}


def pdf_pages(data: bytes) -> int:
    """The page count, read twice from the PDF: the page tree's /Count and the /Page objects;
    they must agree."""
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)
    counts += re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data, re.S)
    objects = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert counts and all(int(c) == objects for c in counts), (counts, objects)
    return objects


def pdf_scale(data: bytes) -> float:
    """Points a CSS pixel on the first page: the product of the first two ``cm`` scales of
    its content (Chromium's page transform, then its print scale)."""
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            text = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        scales = [float(m) for m in re.findall(rb"([-\d.]+) 0 0 [-\d.]+ [-\d.]+ [-\d.]+ cm", text)]
        if len(scales) >= 2:
            return abs(scales[0] * scales[1])
    raise AssertionError("no page transform found in the PDF")


def chromium_pdf(browser: str, page: Path, work: Path) -> bytes:
    pdf = work / f"{page.stem}.pdf"
    subprocess.run(
        chromium_command(browser, page, pdf, work / "profile"),  # the command aij runs
        capture_output=True,
        timeout=120,
        check=True,
    )
    return pdf.read_bytes()


def test_the_readers_see_a_second_page_and_a_shrunk_one(chromium: str, tmp_path: Path) -> None:
    two, wide = tmp_path / "two.html", tmp_path / "wide.html"
    two.write_text('<!DOCTYPE html><p>one</p><p style="break-before: page">two</p>')
    wide.write_text('<!DOCTYPE html><p>wide</p><div style="width: 320mm">x</div>')
    assert pdf_pages(chromium_pdf(chromium, two, tmp_path)) == 2
    shrunk = chromium_pdf(chromium, wide, tmp_path)
    assert pdf_pages(shrunk) == 1 and pdf_scale(shrunk) < 0.7  # shrunk to fit the paper
    assert abs(pdf_scale(chromium_pdf(chromium, two, tmp_path)) - 0.75) < 0.005


@pytest.mark.parametrize(("days", "args"), [(3, ()), (90, ()), (365, ("--from", "-364d"))])
def test_the_summary_prints_on_one_a4_page(
    chromium: str, journals: dict[int, Path], tmp_path: Path, days: int, args: tuple[str, ...]
) -> None:
    pdf = tmp_path / "visit.pdf"
    done = aij(journals[days], "report", "--pdf", "--out", str(pdf), *args)
    assert done.code == 0, done.err
    first = TODAY - timedelta(days=days - 1)
    assert " ".join(done.out.split()) == f"wrote {pdf}: visit summary {first} to {TODAY}"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and (pdf.stat().st_mode & 0o777) == 0o600
    assert pdf_pages(data) == 1
    assert abs(pdf_scale(data) - 0.75) < 0.005  # not shrunk: the long URL wraps in its column
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None and abs(float(box[1]) - 595.3) < 1 and abs(float(box[2]) - 841.9) < 1


def test_the_90_day_page_holds_what_the_issue_asks(
    journals: dict[int, Path], tmp_path: Path
) -> None:
    if not journals:
        pytest.skip("chromium is not installed")
    page = tmp_path / "visit.html"
    assert aij(journals[90], "report", "--out", str(page)).code == 0
    text = page.read_text(encoding="utf-8")
    # 90 days ending on TODAY: from the Monday of the first day's week, ISO weeks to TODAY's.
    first = TODAY - timedelta(days=89)
    weeks = (TODAY - timedelta(days=TODAY.weekday())) - (first - timedelta(days=first.weekday()))
    assert text.count("<td class=k>20") == weeks.days // 7 + 1  # every week a row
    assert text.count("<li>") == 10 and "aromatase_inhibitor_joint_pain_followup" in text
    assert "color-scheme: only light" in text and "overflow-wrap: anywhere" in text
    assert "in progress" in text or TODAY.weekday() == 6
    # Bone and therapy (#14): the scan of all four sites, the infusion's next dose, the changes.
    assert "<h2>Bone and therapy</h2>" in text and "forearm -2.5 osteoporosis." in text
    assert "Zoledronic acid: next dose due" in text and "(joint pain)" in text


def test_an_empty_journal_says_what_was_not_logged(aij: Run, tmp_path: Path) -> None:
    from tests.helpers import run_subprocess

    page = tmp_path / "visit.html"
    home = tmp_path / "home"
    assert run_subprocess("report", "--out", str(page), home=home).code == 0
    text = page.read_text(encoding="utf-8")
    for said in (
        "No worst joint pain or morning stiffness rated in this period; 0 days with exercise",
        "No exercise logged in this period.",
        "No food or supplements logged in this period.",
        "No sleep, weight or waist logged in this period.",
        "No weekly check-in in this period.",
        "No open questions.",
    ):
        assert said in text, said
    assert "✗" not in text and "<svg" not in text


def test_a_week_in_progress_is_marked_and_counts_agree(aij: Run, tmp_path: Path) -> None:
    """One exercise day today and one night: singular words, the week in progress, no ✗."""
    assert aij("log", "ex", "brisk-walk", "20m").code == 0
    assert aij("log", "joint-pain=4", "sleep=7").code == 0, "log"
    page = tmp_path / "visit.html"
    assert aij("report", "--out", str(page)).code == 0
    text = page.read_text(encoding="utf-8")
    year, week, _ = TODAY.isocalendar()
    assert f'{year}-W{week:02d} <span class="muted">in progress</span>' in text
    assert "✗" not in text  # 20 of 60 minutes so far is not a miss
    assert "1 day with exercise logged" in text and "rated on 1 day;" in text
    assert "1 night" in text and "1 days" not in text and "1 nights" not in text
    assert "No week finished yet." in text


def test_plural() -> None:
    assert [plural(n, "day") for n in (0, 1, 2, 1200)] == [
        "0 days",
        "1 day",
        "2 days",
        "1,200 days",
    ]
    assert plural(1, "entry", "entries") == "1 entry" and plural(3, "time") == "3 times"
