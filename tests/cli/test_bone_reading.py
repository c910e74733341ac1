"""`aij bone` reads years of sessions and intake (#14): its lighter readings (plain rows, only
the nutrients it shows) give what the full readings give, worked out by hand."""

from datetime import timedelta
from pathlib import Path

from aijournal.domain.activity import (
    LoggedItem,
    LoggedSession,
    SessionCounts,
    period_sessions,
    period_totals,
)
from aijournal.domain.dayintake import day_intakes
from aijournal.store.exercise import (
    item_kinds_by_day,
    logged_sessions,
    logged_sessions_between,
    sessions_between,
)
from aijournal.store.meals import daily_nutrient_sums
from tests.conftest import Run
from tests.helpers import TODAY, journal_of

D1, D2, D3 = (TODAY - timedelta(days=n) for n in (30, 20, 10))
BEFORE = TODAY - timedelta(days=40)


def ok(aij: Run, *args: str) -> None:
    result = aij(*args)
    assert result.code == 0, (args, result.err)


def test_plain_rows_give_the_sessions_the_stored_objects_give(aij: Run, aij_home: Path) -> None:
    """Two sessions on D1 (the second rated), one on D3 with two items, one before the range,
    and another journal's session on D2: the range reads D1, D1, D3 and only this journal's,
    in the order written, items in the order typed."""
    ok(aij, "log", "ex", "goblet-squat", "3x10@12kg", "-d", D1.isoformat())
    ok(aij, "log", "ex", "light-jog", "20m", "--rpe", "4", "-d", D1.isoformat())
    ok(aij, "log", "ex", "brisk-walk", "30m", "plank", "3x30s", "-d", D3.isoformat())
    ok(aij, "log", "ex", "brisk-walk", "10m", "-d", BEFORE.isoformat())
    ok(aij, "--journal", "other", "log", "ex", "jog-interval", "30m", "-d", D2.isoformat())
    ok(aij, "log", "meal", "salmon 150g", "-d", D2.isoformat())
    expected = [
        LoggedSession(
            D1,
            (LoggedItem("goblet-squat", sets=3, reps=10, load_kg=12.0, kind="resistance"),),
        ),
        LoggedSession(
            D1, (LoggedItem("light-jog", minutes=20, kind="impact", typical="vigorous"),), rpe=4
        ),
        LoggedSession(
            D3,
            (
                LoggedItem("brisk-walk", minutes=30, kind="aerobic", typical="moderate"),
                LoggedItem("plank", sets=3, seconds=30, kind="resistance"),
            ),
        ),
    ]
    journal = journal_of(aij_home)
    try:
        with journal.read() as session:
            rows = logged_sessions_between(session=session, start=D1, end=TODAY)
            stored = logged_sessions(sessions_between(session=session, start=D1, end=TODAY))
            kinds = item_kinds_by_day(session=session, start=D1, end=TODAY)
    finally:
        journal.close()
    assert rows == expected
    assert stored == expected
    # By hand: two resistance days (D1, D3) and one impact day (D1), whether counted from
    # the sessions or from each day's item kinds (as aij bone reads them).
    totals = period_totals(rows)
    assert (totals.resistance_sessions, totals.impact_sessions) == (2, 1)
    assert kinds == {D1: {"resistance", "impact"}, D3: {"aerobic", "resistance"}}
    assert period_sessions(kinds.values()) == SessionCounts(2, 1)


def test_reading_only_some_nutrients_gives_their_days_as_reading_all(
    aij: Run, aij_home: Path
) -> None:
    """D1: food and a supplement; D2: a supplement only. Calcium and vitamin D read alone give
    each day's amounts as the reading of every nutrient gives them."""
    ok(aij, "log", "meal", "salmon 150g, 2 eggs", "-d", D1.isoformat())
    ok(aij, "log", "meal", "spinach 100g", "-d", D1.isoformat())
    ok(aij, "log", "supp", "vitamin-d3-1000", "-d", D1.isoformat())
    ok(aij, "log", "supp", "vitamin-d3-1000", "-d", D2.isoformat())
    keys = ("calcium_mg", "vitamin_d_ug")
    journal = journal_of(aij_home)
    try:
        with journal.read() as session:
            every = day_intakes(daily_nutrient_sums(session=session, start=D1, end=TODAY))
            some = day_intakes(
                daily_nutrient_sums(session=session, start=D1, end=TODAY, keys=keys), keys=keys
            )
    finally:
        journal.close()
    assert list(some) == list(every) == [D1, D2]
    for day in (D1, D2):
        for key in keys:
            assert some[day].known_amount(key) == every[day].known_amount(key)
            assert some[day].total(key) == every[day].total(key)
            assert some[day].unknown_items(key) == every[day].unknown_items(key)
    # By hand: 1000 IU of vitamin D3 is 25 µg; D2 has no food, so its total is unknown.
    assert some[D2].total("vitamin_d_ug") is None
    assert some[D2].known_amount("vitamin_d_ug") == 25.0
