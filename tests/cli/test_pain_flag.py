"""`aij week` flags worst joint pain on exact means, and names the rule's sources."""

import json

from tests.conftest import Run

# W44: Monday 26 October to Sunday 1 November 2026; W45: Monday 2 to Sunday 8 November.
W44 = [f"2026-10-{d}" for d in range(26, 32)] + ["2026-11-01"]
W45 = [f"2026-11-0{d}" for d in range(2, 9)]


def _log(aij: Run, days: list[str], values: list[int]) -> None:
    for day, value in zip(days, values, strict=False):
        result = aij("log", f"joint-pain={value}", "-d", day)
        assert result.code == 0, result.err


def test_two_points_from_7_2_to_9_2_is_flagged(aij: Run) -> None:
    _log(aij, W44, [7, 7, 7, 7, 8])  # 36/5 = 7.2
    _log(aij, W45, [9, 9, 9, 9, 10])  # 46/5 = 9.2
    pain = json.loads(aij("week", "2026-W45", "--json").out)["symptoms"][0]
    assert (pain["mean"], pain["previous_mean"], pain["change_vs_previous"]) == (9.2, 7.2, 2.0)
    assert pain["flag"] == "worse by 2.0 points (28%) against the week before"  # 2 / 7.2
    shown = aij("week", "2026-W45").out
    assert "+2.0" in shown
    flat = " ".join(shown.split())
    assert "Worst joint pain: worse by 2.0 points (28%) against the week before." in flat
    assert "Hershman et al., JAMA 2018;320(2):167-176" in flat
    assert "Dworkin et al., J Pain 2008;9(2):105-121" in flat


def test_thirty_percent_from_10_3_to_13_3_is_flagged(aij: Run) -> None:
    _log(aij, W44, [3, 3, 4])  # 10/3
    _log(aij, W45, [4, 4, 5])  # 13/3: 1 point, 1 / (10/3) = 30% exactly
    pain = json.loads(aij("week", "2026-W45", "--json").out)["symptoms"][0]
    assert pain["flag"] == "worse by 1.0 points (30%) against the week before"


def test_a_week_of_zeros_before_flags_only_two_points(aij: Run) -> None:
    _log(aij, W44, [0, 0, 0])
    _log(aij, W45, [1, 1, 2])  # 4/3 point; it used to read "100%"
    pain = json.loads(aij("week", "2026-W45", "--json").out)["symptoms"][0]
    assert pain["flag"] is None and pain["flag_rule"] is None
    assert "Worst joint pain:" not in aij("week", "2026-W45").out
