"""`aij report`: the one-page visit summary, its numbers, and the page in headless Chromium.

Chromium (Debian's ``chromium``; .ci/run installs it) renders the page: the text it shows,
one A4 page when printed, and no request from the page to any network. Requests are read
from Chromium's own NetLog: those made for the page carry its file:// isolation key, while
the browser's own background requests (update checks and the like) carry another; a control
page with external resources proves the check sees page requests.
"""

import json
import re
import shutil
import subprocess
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aijournal.catalog.protocols import load_plans
from aijournal.catalog.targets import load_targets
from aijournal.config import load_config
from aijournal.reports.visit import report_range, visit_report
from tests.cli.test_export_csv import D1, D2, D3, NEXT_VISIT, PAST_VISIT, TODAY, Built, fill_journal
from tests.conftest import Run
from tests.helpers import journal_of, snapshot

pytestmark = pytest.mark.dates

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


@pytest.fixture
def full_journal(aij: Run, aij_home: Path) -> Built:
    built = fill_journal(aij_home)
    assert aij("log", "question", 'Is <b>"bold"</b> & <script>alert(1)</script> ok?').code == 0
    return built


def test_the_numbers_of_a_period(full_journal: Built, aij_home: Path) -> None:
    config = load_config()
    plans = load_plans(None)
    journal = journal_of(aij_home)
    with journal.read() as session:
        start, end = report_range(
            session=session, start=D1, end=D3, since_last_visit=False, today=TODAY
        )
        report = visit_report(
            session=session,
            start=start,
            end=end,
            today=TODAY,
            config=config,
            profile=load_targets().profile(config.profile),
            plan=plans.get(config.plan),
            catalog=plans.catalog,
        )
    journal.close()
    # Pain: 6 on D1, 5 on D2 (edited from 4); both in the first and the last 7 days of 3.
    assert [(p.day, p.value) for p in report.pain.series] == [(D1, 6.0), (D2, 5.0)]
    assert (report.pain.first_week_mean, report.pain.last_week_mean) == (5.5, 5.5)
    assert report.pain.highest is not None and report.pain.highest.day == D1
    assert report.stiffness.days_rated == 1 and report.exercise_days == [D1]
    nutrients = {n.key: n for n in report.nutrients}
    calcium, vitamin_d = nutrients["calcium_mg"], nutrients["vitamin_d_ug"]
    # Intake on D1 (yogurt 190 + kale 100.5, a 600 mg tablet) and D2 (a soup of unknown
    # composition, no supplement): D2's food calcium is unknown, not 0. Food average over
    # D1 alone, 290.5; supplements over both days, (600 + 0) / 2 = 300; average 590.5.
    assert (calcium.days_logged, calcium.days_with_food, calcium.days_met) == (2, 1, 0)
    assert (calcium.food_average, calcium.supplements_average) == (290.5, 300.0)
    assert calcium.average == 590.5
    # Vitamin D: D1 10 µg (the tablet; yogurt unknown), D2 unknown: both days incomplete.
    assert (vitamin_d.average, vitamin_d.days_over, vitamin_d.days_incomplete) == (5.0, 0, 2)
    assert list(nutrients) == [
        "calcium_mg",
        "vitamin_d_ug",
        "magnesium_mg",
        "vitamin_k_ug",
        "fiber_g",
        "ala_g",
        "epa_dha_mg",
    ]
    [dose] = report.medications
    assert (dose.name, dose.dose, dose.taken, dose.skipped, dose.no_record) == (
        "anastrozole",
        "1 mg",
        1,
        1,
        None,
    )
    assert [(r.reason, r.count) for r in dose.reasons] == [("nausea, dizzy", 1)]
    assert (report.sleep.nights, report.sleep.mean_hours, report.sleep.mean_quality) == (1, 6.5, 7)
    weight = report.body[0]
    assert (weight.count, weight.first and weight.first.value) == (1, 68.2)
    assert [(c.item, c.attribute, c.first_value) for c in report.checkins] == [
        ("joint-pain", "severity", 2),
        ("fatigue", "interference", 1),
    ]
    assert (report.last_visit, report.next_visit and report.next_visit.date) == (
        PAST_VISIT,
        NEXT_VISIT,
    )
    assert [q.text for q in report.questions] == [  # open ones only, whatever their day
        "=1+1 should stay text",
        'Is <b>"bold"</b> & <script>alert(1)</script> ok?',
    ]
    year, week, _ = D1.isocalendar()
    row = next(w for w in report.weeks if w.week == f"{year}-W{week:02d}")
    # D1's week: one resistance day of 2; 35 moderate aerobic minutes of 60 (recovery minutes
    # do not count); one impact day of 1.
    assert [(r.actual, r.required, r.met) for r in row.requirements] == [
        (1, 2, False),
        (35, 60, False),
        (1, 1, True),
    ]


def test_the_default_range(aij: Run, aij_home: Path, tmp_path: Path) -> None:
    assert aij("log", "joint-pain=3", "--date", "-120d").code == 0
    out = tmp_path / "visit.html"
    result = aij("report", "--out", str(out))
    assert result.code == 0, result.err
    first = (TODAY - timedelta(days=89)).isoformat()
    said = " ".join(result.out.split())
    assert f"visit summary {first} to {TODAY}" in said  # no visit yet: the last 90 days
    assert aij("visit", "add", "-14d").code == 0
    assert aij("report", "--out", str(out), "--force").code == 0
    since = (TODAY - timedelta(days=14)).isoformat()
    assert f"<h1>Visit summary, {since} to {TODAY}</h1>" in out.read_text(encoding="utf-8")


def test_weight_and_waist_in_your_units(aij: Run, tmp_path: Path) -> None:
    # #9.19: units: imperial is read everywhere, the visit summary too. 151 lb is stored as
    # 151 x 0.45359237 = 68.49244787 kg and 150 lb as 68.0388555 kg; shown back they are
    # 151 and 150 lb, a change of -1 lb (in kg it read "68.5 → 68 kg"). 33 in is 83.82 cm.
    for args in (
        ("config", "set", "units", "imperial"),
        ("log", "weight", "151", "--date", "-6d"),
        ("log", "weight", "150"),
        ("log", "waist", "33"),
    ):
        assert aij(*args).code == 0, args
    out = tmp_path / "visit.html"
    span = ("--from", (TODAY - timedelta(days=6)).isoformat(), "--to", TODAY.isoformat())
    assert aij("report", "--out", str(out), *span).code == 0
    page = out.read_text(encoding="utf-8")
    assert "151 → 150 lb</td>" in page and "-1 lb</td>" in page
    assert "33 → 33 in</td>" in page
    assert " kg</td>" not in page and " cm</td>" not in page


def test_the_page_is_self_contained_and_escaped(
    aij: Run, full_journal: Built, tmp_path: Path
) -> None:
    out = tmp_path / "visit.html"
    assert aij("report", "--out", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"\s(src|href|srcset|action)\s*=", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "<script" not in page
    assert "Is &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; &lt;script&gt;alert(1)" in page
    assert "default-src 'none'" in page  # the page may fetch nothing, even if it tried
    assert "@media print" in page and "size: A4" in page and "<svg" in page
    assert (out.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--out", "{tmp}/taken.html"), "already exists; add --force"),
        (("--out", "{tmp}/missing/visit.html"), "does not exist; create it"),
        (("--out", "{tmp}/v.html", "--from", "31/12/2026"), "'31/12/2026' is not a date"),
        (("--out", "{tmp}/v.html", "--from", "-3d", "--to", "-9d"), "the range is empty"),
        (("--out", "{tmp}/v.html", "--since-last-visit", "--to", "-1d"), "not both"),
    ],
)
def test_report_refusals(
    aij: Run, aij_home: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    assert aij("log", "joint-pain=3").code == 0
    (tmp_path / "taken.html").write_text("my own page")
    before, outside = snapshot(aij_home), snapshot(tmp_path)
    result = aij("report", *(a.format(tmp=tmp_path) for a in args))
    assert result.code == 2, (result.out, result.err)
    assert message in result.err and len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == before and snapshot(tmp_path) == outside


def test_since_last_visit_needs_one(aij: Run, tmp_path: Path) -> None:
    assert aij("log", "joint-pain=3").code == 0
    result = aij("report", "--since-last-visit", "--out", str(tmp_path / "v.html"))
    assert result.code == 2 and "no visit before today is recorded" in result.err


# -- in headless Chromium -----------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _chromium(page: Path, work: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={work / 'profile'}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def rendered(page: Path, work: Path) -> tuple[str, list[str]]:
    """The page's text as Chromium rendered it, and the URLs it requested for the page."""
    netlog = work / "netlog.json"
    done = _chromium(page, work, "--dump-dom", f"--log-net-log={netlog}")
    parser = _Text()
    parser.feed(done.stdout)
    text = " ".join(" ".join(parser.parts).split())
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    requests = [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start_job
        and "file://" in event.get("params", {}).get("network_isolation_key", "")
    ]
    return text, requests


@needs_chromium
def test_the_network_check_sees_a_page_that_fetches(tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text(
        '<p>control</p><img src="http://example.invalid/a.png">'
        '<link rel="stylesheet" href="https://example.invalid/b.css">'
    )
    text, requests = rendered(control, tmp_path)
    assert text == "control"
    assert sorted(requests) == ["http://example.invalid/a.png", "https://example.invalid/b.css"]


@needs_chromium
def test_chromium_renders_the_summary_without_the_network(
    aij: Run, full_journal: Built, tmp_path: Path
) -> None:
    out = tmp_path / "visit.html"
    assert (
        aij("report", "--from", D1.isoformat(), "--to", D3.isoformat(), "--out", str(out)).code == 0
    )
    text, requests = rendered(out, tmp_path)
    assert requests == []
    for shown in [
        f"Visit summary, {D1} to {D3}",
        f"3 days; last visit {PAST_VISIT}; next visit {NEXT_VISIT} with oncologist.",
        "aij records and reports what was logged; it does not diagnose",
        "Nutrient targets: Woman over 50 on an aromatase inhibitor (default) (ASCO 2019",
        "Worst joint pain: rated on 2 days; first week mean 5.5, last week mean 5.5; highest 6",
        "Calcium 1,200 mg 0/2 590.5 mg 2,000 mg 0",  # 290.5 food + 300 supplements
        "Vitamin D 20 µg 0/2 5 µg 100 µg 0",
        "anastrozole 1 mg 1 1 –",
        "Reasons for skipping: anastrozole: nausea, dizzy (1).",
        "Sleep 1 night 6.5 h a night quality 7/10",  # one night, not "1 nights"
        "Weight 1 time 68.2 → 68.2 kg 0 kg",
        "joint-pain 2",
        "=1+1 should stay text",
        'Is <b>"bold"</b> & <script>alert(1)</script> ok?',  # shown as text, not run
        "35/60 ✗",
    ]:
        assert shown in text, shown


@needs_chromium
def test_the_summary_prints_on_one_a4_page(aij: Run, full_journal: Built, tmp_path: Path) -> None:
    out, pdf = tmp_path / "visit.html", tmp_path / "visit.pdf"
    assert aij("report", "--out", str(out)).code == 0
    _chromium(out, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    data = pdf.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 1
    # A4 is 210 x 297 mm: 595.3 x 841.9 points (Chromium writes 594.96 x 841.92).
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert abs(float(box[1]) - 595.3) < 1 and abs(float(box[2]) - 841.9) < 1
