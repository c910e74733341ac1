"""Correcting what was logged: undo, rm of several ids, duplicate warnings, entries in the
order written, editing meals, exercise and supplements (old → new), one check-in a week."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import TODAY, query, snapshot

YESTERDAY = TODAY - timedelta(days=1)
ALL_ROWS = (
    "SELECT e.id, e.day, e.kind, e.created_at, e.updated_at, s.value, x.exercise, x.minutes,"
    " x.sets, x.load_kg FROM entry e LEFT JOIN symptom_rating s ON s.entry_id = e.id"
    " LEFT JOIN exercise_item x ON x.entry_id = e.id ORDER BY e.id, x.position"
)


def saved_id(result_out: str) -> str:
    """The id of the first 'saved ID ...' line."""
    line = next(line for line in result_out.splitlines() if line.startswith("saved "))
    return line.split()[1]


def test_undo_removes_what_the_last_command_wrote_then_the_one_before(aij: Run) -> None:
    first = saved_id(aij("log", "note", "first").out)
    second = aij("log", "joint-pain=6", "fatigue=2")
    assert second.code == 0
    result = aij("undo", "--yes")
    assert result.code == 0, result.err
    assert "joint-pain 6" in result.out and "fatigue 2" in result.out
    assert query(aij_home_of(), "SELECT id FROM entry") == [(first,)]
    assert aij("undo", "--yes").code == 0
    assert query(aij_home_of(), "SELECT count(*) FROM entry") == [(0,)]
    nothing = aij("undo", "--yes")
    assert nothing.code == 0 and "Nothing to undo" in nothing.out


def aij_home_of() -> Path:
    import os

    return Path(os.environ["AIJ_HOME"])


def test_undo_puts_back_a_replaced_value_exactly(aij: Run, aij_home: Path) -> None:
    assert aij("log", "joint-pain=5").code == 0
    before = query(aij_home, ALL_ROWS)
    replaced = aij("log", "joint-pain=7")
    assert "replaced 5" in replaced.out
    assert query(aij_home, "SELECT value FROM symptom_rating") == [(7.0,)]
    result = aij("undo", "--yes")
    assert result.code == 0, result.err
    assert result.out.startswith("undone: put back") and "joint-pain 5" in result.out
    assert query(aij_home, ALL_ROWS) == before


def test_rm_takes_several_ids_and_undo_puts_them_back(aij: Run, aij_home: Path) -> None:
    walk = saved_id(aij("log", "ex", "brisk-walk", "35m", "goblet-squat", "3x10@12kg").out)
    pain = saved_id(aij("log", "joint-pain=4").out)
    kept = saved_id(aij("log", "note", "stays").out)
    before = query(aij_home, ALL_ROWS)
    result = aij("rm", walk, pain.upper(), "--yes")
    assert result.code == 0, result.err
    assert result.out.count("deleted ") == 2
    assert query(aij_home, "SELECT id FROM entry") == [(kept,)]
    assert query(aij_home, "SELECT count(*) FROM exercise_item") == [(0,)]
    assert aij("undo", "--yes").code == 0
    assert query(aij_home, ALL_ROWS) == before


def test_rm_with_one_unknown_id_removes_nothing(aij: Run, aij_home: Path) -> None:
    one = saved_id(aij("log", "note", "one").out)
    before = snapshot(aij_home)
    result = aij("rm", one, "zzzzzz", "--yes")
    assert result.code == 2
    assert "'zzzzzz'" in result.err and "nothing was removed" in result.err
    assert snapshot(aij_home) == before


def test_undo_and_rm_without_a_terminal_need_yes(aij: Run, aij_home: Path) -> None:
    one = saved_id(aij("log", "note", "one").out)
    before = snapshot(aij_home)
    undo = aij("undo")
    assert undo.code == 2 and "--yes" in undo.err
    rm = aij("rm", one)
    assert rm.code == 2 and "--yes" in rm.err
    assert snapshot(aij_home) == before


def test_a_likely_duplicate_is_saved_with_a_warning(aij: Run, aij_home: Path) -> None:
    first = saved_id(aij("log", "ex", "brisk-walk", "35m").out)
    again = aij("log", "ex", "brisk-walk", "35m")
    assert again.code == 0
    second = saved_id(again.out)
    assert f"({first})" in again.err and "aij undo" in again.err
    assert second in again.err and len(again.err.strip().splitlines()) == 1
    longer = aij("log", "ex", "brisk-walk", "40m")
    other_day = aij("log", "ex", "brisk-walk", "35m", "--date", "yesterday")
    assert longer.err == "" and other_day.err == ""
    supp = aij("log", "supp", "vitamin-d3-1000")
    supp_again = aij("log", "supp", "vitamin-d3-1000")
    assert supp.err == "" and saved_id(supp.out) in supp_again.err
    assert query(aij_home, "SELECT count(*) FROM entry") == [(6,)]
    assert aij("undo", "--yes").code == 0
    assert query(aij_home, "SELECT count(*) FROM entry") == [(5,)]


def test_entries_in_the_order_written(aij: Run) -> None:
    today = saved_id(aij("log", "note", "today").out)
    earlier = saved_id(aij("log", "note", "yesterday", "--date", "yesterday").out)
    by_day = json.loads(aij("entries", "--json").out)
    by_written = json.loads(aij("entries", "--order", "written", "--json").out)
    assert [r["id"] for r in by_day] == [earlier, today]
    assert [r["id"] for r in by_written] == [today, earlier]
    table = aij("entries", "--order", "written")
    assert "written (UTC)" in table.out
    bad = aij("entries", "--order", "size")
    assert bad.code == 2 and "day or written" in bad.err


def test_edit_a_meal_item_scales_its_nutrients(aij: Run, aij_home: Path) -> None:
    meal = saved_id(aij("log", "meal", "salmon 150g, kale 1 cup", "--slot", "dinner").out)
    result = aij("edit", meal, "salmon=200g", "2=2", "slot=lunch")
    assert result.code == 0, result.err
    assert "slot: dinner → lunch" in result.out
    assert "salmon-farmed-cooked: 150 g → 200 g" in result.out
    assert "kale-raw: 1 cup → 2 cup" in result.out
    # SR28 15236 (farmed Atlantic salmon, cooked): 15 mg calcium per 100 g; kale 1 cup = 16 g
    # at 150 mg per 100 g.
    rows = query(
        aij_home, "SELECT food_id, amount, grams, calcium_mg FROM meal_item ORDER BY position"
    )
    assert rows == [
        ("salmon-farmed-cooked", 200.0, 200.0, pytest.approx(30.0)),
        ("kale-raw", 2.0, 32.0, pytest.approx(48.0)),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("salmon=9000g", "at most 5,000 g"),
        ("salmon=2cup", "logged in g, not 'cup'"),
        ("bread=1", "no item 'bread'"),
        ("salmon=-1", "not an amount"),
        ("salmon", "not key=value"),
    ],
)
def test_a_bad_meal_edit_changes_nothing(
    aij: Run, aij_home: Path, change: str, message: str
) -> None:
    meal = saved_id(aij("log", "meal", "salmon 150g, kale 1 cup").out)
    before = snapshot(aij_home)
    result = aij("edit", meal, "kale=2", change)
    assert result.code == 2
    assert message in result.err and len(result.err.strip().splitlines()) == 1
    assert snapshot(aij_home) == before


def test_edit_exercise_items_and_supplement_counts(aij: Run, aij_home: Path) -> None:
    session = saved_id(
        aij("log", "ex", "goblet-squat", "3x10@12kg", "brisk-walk", "35m", "--rpe", "5").out
    )
    result = aij("edit", session, "minutes=40", "goblet-squat.load=14kg", "1.sets=4", "rpe=6")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1:] == [
        "  rpe: 5 → 6",
        "  brisk-walk minutes: 35 → 40",
        "  goblet-squat load: 12 kg → 14 kg",
        "  goblet-squat sets: 3 → 4",
    ]
    assert query(
        aij_home,
        "SELECT exercise, sets, reps, minutes, load_kg FROM exercise_item ORDER BY position",
    ) == [
        ("goblet-squat", 4, 10, None, 14.0),
        ("brisk-walk", None, None, 40, None),
    ]
    before = snapshot(aij_home)
    for bad in ("brisk-walk.sets=3", "sets=21", "goblet-squat.load=600kg", "walk.minutes=0"):
        refused = aij("edit", session, bad)
        assert refused.code == 2, bad
    assert snapshot(aij_home) == before
    supp = saved_id(aij("log", "supp", "vitamin-d3-1000").out)
    counted = aij("edit", supp, "vitamin-d3-1000=2")
    assert "vitamin-d3-1000: 1 softgel → 2 softgel" in counted.out
    # vitamin-d3-1000 is 1000 IU = 25 µg a softgel.
    assert query(aij_home, "SELECT units, vitamin_d_ug FROM meal_item") == [(2.0, 50.0)]


def test_edit_says_old_and_new_and_undo_reverses_it(aij: Run, aij_home: Path) -> None:
    pain = saved_id(aij("log", "joint-pain=6").out)
    before = query(aij_home, ALL_ROWS)
    result = aij("edit", pain, "value=5", "--date", "yesterday")
    assert result.code == 0, result.err
    assert "  joint-pain: 6 → 5" in result.out
    assert f"  date: {TODAY} → {YESTERDAY}" in result.out
    assert aij("undo", "--yes").code == 0
    assert query(aij_home, ALL_ROWS) == before


def test_a_second_checkin_in_a_week_replaces_the_answers_it_repeats(
    aij: Run, aij_home: Path
) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    first = aij("checkin", "joint-pain.severity=2", "hot-flashes.frequency=3", "-d", str(monday))
    assert first.code == 0, first.err
    second = aij("checkin", "joint-pain.severity=3")
    assert second.code == 0, second.err
    assert "(replaced joint-pain.severity 2)" in " ".join(second.out.split())
    answers = "SELECT item, attribute, value FROM checkin_answer ORDER BY position"
    assert query(aij_home, "SELECT count(*) FROM entry") == [(1,)]
    assert query(aij_home, answers) == [
        ("joint-pain", "severity", 3),
        ("hot-flashes", "frequency", 3),
    ]
    assert aij("undo", "--yes").code == 0
    assert query(aij_home, answers) == [
        ("joint-pain", "severity", 2),
        ("hot-flashes", "frequency", 3),
    ]
