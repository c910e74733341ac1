"""`aij plan`, `aij log ex`, `aij today`: the issue's scenarios end to end."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, snapshot

pytestmark = pytest.mark.dates

# The ISO week three weeks before today's (in the past whatever day the suite runs).
_MONDAY = TODAY - timedelta(days=TODAY.weekday() + 21)
MONDAY, TUESDAY, THURSDAY = ((_MONDAY + timedelta(days=d)).isoformat() for d in (0, 1, 3))
WEEK = "{}-W{:02d}".format(*_MONDAY.isocalendar()[:2])


def test_plan_show_reproduces_the_articles_table(aij: Run) -> None:
    data = json.loads(aij("plan", "show", "musculoskeletal", "--json").out)
    days = data["days"]
    assert list(days) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    focus = [days[k]["focus"] for k in days]
    assert focus == [
        "Full Body Resistance A",
        "Moderate Impact Aerobics",
        "Active Recovery",
        "Full Body Resistance B",
        "Higher Impact & Aerobics",
        "Active Recovery",
        "Rest",
    ]
    for key in ("mon", "thu"):
        assert days[key]["sets"] == {"min": 2, "max": 3}
        assert days[key]["reps"] == {"min": 8, "max": 12}
    minutes = {k: days[k]["minutes"] for k in ("tue", "wed", "fri", "sat")}
    assert minutes == {
        "tue": {"min": 30, "max": 45},
        "wed": {"min": 20, "max": 30},
        "fri": {"min": 30, "max": 30},
        "sat": {"min": 20, "max": 30},
    }
    assert days["mon"]["activities"] == [
        ["goblet-squat"],
        ["push-up", "knee-push-up"],
        ["dumbbell-row"],
        ["overhead-press"],
        ["plank"],
    ]
    assert ["lat-pulldown", "banded-pull-apart"] in days["thu"]["activities"]
    assert days["sun"]["kind"] == ["rest"]
    assert "NCT03953157" in data["source"]


def test_the_issues_week(aij: Run) -> None:
    line = "goblet-squat 3x10 push-up 3x10 dumbbell-row 3x10 overhead-press 3x10 plank 3x10"
    assert aij("log", "ex", *line.split(), "--date", MONDAY).code == 0
    assert aij("log", "ex", "brisk-walk", "35m", "--rpe", "5", "--date", TUESDAY).code == 0
    data = json.loads(aij("plan", "check", WEEK, "--json").out)
    status = {d["day"]: d["status"] for d in data["days"]}
    assert status == {
        "mon": "done",
        "tue": "done",
        "wed": "missed",
        "thu": "missed",
        "fri": "missed",
        "sat": "missed",
        "sun": "rest",
    }
    by_name = {r["name"]: r for r in data["requirements"]}
    assert (
        by_name["resistance sessions"]["actual"],
        by_name["resistance sessions"]["required"],
    ) == (1, 2)
    # 35 minutes at RPE 5 (moderate): 35 moderate-equivalent minutes.
    assert by_name["aerobic minutes"]["actual"] == 35
    # Any day of the week names the same week.
    assert json.loads(aij("plan", "check", THURSDAY, "--json").out)["week"] == WEEK


def test_exercise_in_day_entries_edit_and_rm(aij: Run) -> None:
    aij("log", "ex", "goblet-squat", "3x10@25lb", "jumping-jacks", "50", "--rpe", "7")
    day = json.loads(aij("day", "--json").out)
    session = day["exercise"][0]
    assert session["rpe"] == 7
    squat, jacks = session["items"]
    # 25 lb x 0.45359237 = 11.33980925 kg
    assert squat["exercise"] == "goblet-squat" and squat["load_kg"] == pytest.approx(11.3398, 1e-4)
    assert (jacks["exercise"], jacks["impacts"]) == ("jumping-jack", 50)
    assert aij("edit", session["id"], "rpe=5").code == 0
    assert json.loads(aij("day", "--json").out)["exercise"][0]["rpe"] == 5
    assert aij("rm", session["id"], "--yes").code == 0
    assert json.loads(aij("day", "--json").out)["exercise"] == []


def test_plan_use_new_and_validate(aij: Run, aij_home: Path) -> None:
    assert aij("plan", "use", "acsm-2019").code == 0
    assert json.loads(aij("config", "show", "--json").out)["plan"] == "acsm-2019"
    assert aij("plan", "new", "my-week", "--from", "musculoskeletal").code == 0
    copied = aij_home / "protocols" / "my-week.yaml"
    assert copied.exists()
    assert aij("plan", "validate", str(copied)).code == 0
    listed = json.loads(aij("plan", "list", "--json").out)
    assert "my-week" in [p["id"] for p in listed["plans"]]
    assert aij("plan", "new", "my-week").code == 2  # never overwrites


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "ex", "goblet-sqat", "3x10"), "unknown exercise 'goblet-sqat' (did you mean"),
        (("log", "ex", "goblet-squat", "3x"), "3x"),
        (("log", "ex", "x10"), "x10"),
        (("log", "ex", "goblet-squat", "3x10@-5kg"), "3x10@-5kg"),
        (("log", "ex", "goblet-squat", "0x10"), "0x10"),
        (("log", "ex", "brisk-walk", "0m"), "0m"),
        (("log", "ex", "brisk-walk", "601m"), "601m"),
        (("log", "ex", "brisk-walk", "30m", "--rpe", "11"), "RPE 11"),
        (("log", "ex", "brisk-walk", "30m", "--rpe", "-1"), "RPE -1"),
        (("log", "ex", "goblet-squat", "3x10", "brisk-walk"), "needs an amount"),
        (("plan", "use", "muskuloskeletal"), "did you mean musculoskeletal"),
        (("plan", "check", "2026-W60"), "2026-W60"),
        (("log", "ex"), "name what you did"),
    ],
)
def test_exercise_refusals_change_nothing(
    aij: Run, aij_home: Path, args: tuple[str, ...], message: str
) -> None:
    aij("log", "ex", "brisk-walk", "20m")
    before = snapshot(aij_home)
    result = aij(*args)
    assert result.code == 2, result.err
    assert message in result.err
    assert snapshot(aij_home) == before


def test_a_broken_user_plan_breaks_only_itself(aij: Run, aij_home: Path) -> None:
    folder = aij_home / "protocols"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: broken\nname: x\ncolour: red\n")
    listed = aij("plan", "list", "--json")
    assert listed.code == 0
    assert "musculoskeletal" in [p["id"] for p in json.loads(listed.out)["plans"]]
    assert any("broken.yaml" in p for p in json.loads(listed.out)["problems"])
    assert aij("plan", "show", "musculoskeletal", "--json").code == 0
    failed = aij("plan", "show", "broken")
    assert failed.code == 2 and "broken.yaml" in failed.err
    bad = aij("plan", "validate", str(folder / "broken.yaml"))
    assert bad.code == 2 and "broken.yaml:" in bad.err


def test_an_activity_over_four_hours_is_refused_unless_accepted(aij: Run, aij_home: Path) -> None:
    before = snapshot(aij_home)
    refused = aij("log", "ex", "brisk-walk", "600m")
    assert refused.code == 2 and "600 minutes (10 h 00 min)" in refused.err
    assert "--yes" in refused.err and snapshot(aij_home) == before
    accepted = aij("log", "ex", "brisk-walk", "241m", "--yes")
    assert accepted.code == 0 and "brisk-walk 241min" in accepted.out
    assert aij("log", "ex", "brisk-walk", "240m").code == 0


def _next(weekday: int) -> str:
    """The date of the most recent ``weekday`` (0 Monday) up to today."""
    from datetime import timedelta

    from tests.helpers import TODAY

    return (TODAY - timedelta(days=(TODAY.weekday() - weekday) % 7)).isoformat()


def test_today_takes_a_date(aij: Run) -> None:
    sunday, tuesday = _next(6), _next(1)
    assert aij("log", "ex", "brisk-walk", "35m", "--rpe", "5", "--date", tuesday).code == 0
    shown = json.loads(aij("today", "--date", tuesday, "--json").out)
    assert (shown["date"], shown["day"], shown["focus"]) == (
        tuesday,
        "tue",
        "Moderate Impact Aerobics",
    )
    assert [s["text"] for s in shown["logged"]] == ["brisk-walk 35min"]
    assert shown["status"] == "done"
    rest = json.loads(aij("today", "-d", sunday, "--json").out)
    assert (rest["day"], rest["status"], rest["logged"]) == ("sun", "rest", [])


def test_the_guided_log_on_a_rest_day_says_so(
    aij: Run, aij_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from aijournal.catalog.exercises import load_exercise_catalog
    from aijournal.cli.exercise_guided import ask_session, planned_text
    from aijournal.errors import Cancelled
    from tests.helpers import TODAY

    sunday = TODAY.fromisoformat(_next(6))
    catalog = load_exercise_catalog()
    assert planned_text(sunday, catalog) == ("Rest", "")
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))  # the user presses Enter
    with pytest.raises(Cancelled, match="is a rest day in your plan; to log an activity"):
        ask_session(sunday, catalog)


def test_plan_new_gives_the_copy_its_own_name(aij: Run, aij_home: Path) -> None:
    assert aij("plan", "new", "my-week").code == 0
    assert (
        aij("plan", "new", "gentle-2", "--from", "gentle-start", "--name", 'Mine: "easy"').code == 0
    )
    names = {p["id"]: p["name"] for p in json.loads(aij("plan", "list", "--json").out)["plans"]}
    assert names["my-week"] == "my-week, from musculoskeletal"
    assert names["gentle-2"] == 'Mine: "easy"'
    assert names["musculoskeletal"] == "Sample weekly musculoskeletal health protocol"
    shown = json.loads(aij("plan", "show", "my-week", "--json").out)
    original = json.loads(aij("plan", "show", "musculoskeletal", "--json").out)
    assert {k: v for k, v in shown.items() if k not in ("id", "name")} == {
        k: v for k, v in original.items() if k not in ("id", "name")
    }


def test_plan_validate_lists_every_error(aij: Run, aij_home: Path) -> None:
    assert aij("plan", "new", "my-week").code == 0
    path = aij_home / "protocols" / "my-week.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("- goblet-squat\n", "- goblet-sqaut\n", 1)
    text = text.replace("sets: {min: 2, max: 3}", "sets: {min: 3, max: 2}", 1)
    path.write_text(text, encoding="utf-8")
    result = aij("plan", "validate", str(path))
    assert result.code == 2
    assert f"{path}: 2 errors" in result.err
    assert "unknown exercise 'goblet-sqaut' (did you mean goblet-squat?)" in result.err
    assert "days.mon.sets: min 3 is above max 2" in result.err
    assert "more error" not in result.err
