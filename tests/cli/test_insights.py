"""`aij insights`: logged days only on each side, and one plain sentence with n each side."""

import json
from datetime import timedelta

from aijournal.render import insight_finding
from aijournal.reports.insights import Insight
from tests.conftest import Run
from tests.helpers import TODAY


def test_days_with_nothing_logged_are_on_neither_side(aij: Run) -> None:
    # 15 blocks of 4 days over the last 60: X exercise + pain 9; P pain b; Q pain c; B nothing.
    # After exercise (X -> P): b = 2 or 3; after a logged day without exercise (P -> Q): c.
    # B -> X would put the 9s among "other days", though nothing was logged on B.
    day0 = TODAY - timedelta(days=59)
    for k in range(15):
        x, p, q = (day0 + timedelta(days=4 * k + i) for i in range(3))
        b, c = 2 + k % 2, 5 + k % 2  # eight 2s and seven 3s; eight 5s and seven 6s
        for args in (
            ("ex", "brisk-walk", "30m", "--rpe", "5", "-d", x.isoformat()),
            ("joint-pain=9", "-d", x.isoformat()),
            (f"joint-pain={b}", "-d", p.isoformat()),
            (f"joint-pain={c}", "-d", q.isoformat()),
        ):
            assert aij("log", *args).code == 0
    data = json.loads(aij("insights", "--days", "60", "--json").out)
    after = data["insights"][0]
    assert (after["n_with"], after["n_without"]) == (15, 15)  # not 30: the B days are out
    assert after["mean_with"] == round(37 / 15, 2)  # 8 x 2 + 7 x 3 = 37
    assert after["mean_without"] == round(82 / 15, 2)  # 8 x 5 + 7 x 6 = 82
    assert after["difference"] == -3.0  # (37 - 82) / 15
    # Each side: sample variance (8 (7/15)^2 + 7 (8/15)^2) / 14 = 840/3150 = 0.26667;
    # se = sqrt(2 x 0.26667 / 15) = 0.18856; df = 28, t = 2.048; half-width 0.3862.
    assert after["ci_low"] == round(-3 - 0.3862, 2)
    assert after["ci_high"] == round(-3 + 0.3862, 2)
    assert after["verdict"] == "association"
    assert after["finding"] == (
        "Worst joint pain averaged 2.5 on 15 days after exercise and 5.5 on 15 days after a "
        "logged day without exercise: 3 points lower on the days after exercise, more "
        "than chance alone would easily give (95% confidence interval: 2.6 to 3.4 points "
        "lower)."
    )
    shown = " ".join(aij("insights", "--days", "60").out.split())
    assert after["finding"] in shown
    assert "-0.0" not in shown and "excludes no" not in shown


def _insight(**fields: object) -> Insight:
    base: dict[str, object] = {
        "question": "q",
        "outcome": "worst joint pain",
        "unit": "0-10",
        "difference_unit": "points",
        "with_label": "days after exercise",
        "without_label": "days after a logged day without exercise",
    }
    return Insight.model_validate(base | fields)


def test_an_interval_that_reaches_zero_reads_no_difference() -> None:
    # The reported case: 95% CI -0.7 to -0.04, printed "-0.7 to -0.0: an association".
    item = _insight(
        n_with=20,
        n_without=1,
        mean_with=3.1,
        mean_without=3.5,
        difference=-0.4,
        ci_low=-0.7,
        ci_high=-0.04,
        verdict="no clear association",
    )
    assert insight_finding(item) == (
        "Worst joint pain averaged 3.1 on 20 days after exercise and 3.5 on 1 day after a "
        "logged day without exercise: 0.4 points lower on the days after exercise, but chance "
        "alone could explain it (95% confidence interval: from 0.7 points lower to no "
        "difference)."
    )


def test_an_interval_across_zero_and_too_little_data() -> None:
    item = _insight(
        n_with=14,
        n_without=16,
        mean_with=4.0,
        mean_without=3.8,
        difference=0.2,
        ci_low=-0.5,
        ci_high=0.9,
        verdict="no clear association",
    )
    assert insight_finding(item).endswith(
        "0.2 points higher on the days after exercise, but chance alone could explain it "
        "(95% confidence interval: from 0.5 points lower to 0.9 points higher)."
    )
    few = _insight(n_with=1, n_without=13, verdict="not enough data")
    assert insight_finding(few) == (
        "Not enough data yet: 1 day after exercise and 13 days after a logged day without "
        "exercise; each side needs at least 14."
    )
