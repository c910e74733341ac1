"""activity.py field by field: every figure of a day and a period, worked out by hand.

Sources of the expected values: DOMAIN.md (150 moderate minutes a week, or 75 vigorous: a
vigorous minute counts as two moderate ones; RPE about 5-6 moderate, 7-8 vigorous; below 5
light, not counted), the Compendium of Physical Activities (Ainsworth et al. 2011: moderate
3.0-5.9 METs, vigorous 6.0 or more), and arithmetic written in each test.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.catalog.exercises import load_exercise_catalog
from aijournal.domain.activity import (
    AEROBIC_KINDS,
    MODERATE_EQUIVALENT,
    RPE_MODERATE,
    RPE_VIGOROUS,
    ActivityTotals,
    LoggedItem,
    LoggedSession,
    SessionCounts,
    day_sessions,
    day_totals,
    effort_intensity,
    item_intensity,
    period_sessions,
    period_totals,
    resistance_minutes,
    totals_by_day,
)
from aijournal.domain.exercise import ExerciseEntry, Intensity, Kind

D = date(2026, 11, 18)
ONE = timedelta(days=1)


def it(exercise_id: str, kind: Kind, typical: Intensity | None = None, **amount: int) -> LoggedItem:
    return LoggedItem(exercise_id, kind=kind, typical=typical, **amount)


def test_the_constants_are_domain_mds() -> None:
    # "Effort on the 0-10 RPE scale: about 5-6 is moderate, 7-8 vigorous"; "an RPE below 5
    # is light and does not count"; "a vigorous minute counts as two moderate ones".
    assert (RPE_MODERATE, RPE_VIGOROUS) == (5, 7)
    assert dict(MODERATE_EQUIVALENT) == {"light": 0, "moderate": 1, "vigorous": 2}
    assert frozenset({"aerobic", "impact"}) == AEROBIC_KINDS


# DOMAIN.md's bands, written out: rating -> intensity.
BANDS: dict[int, Intensity] = {
    0: "light",
    1: "light",
    2: "light",
    3: "light",
    4: "light",
    5: "moderate",
    6: "moderate",
    7: "vigorous",
    8: "vigorous",
    9: "vigorous",
    10: "vigorous",
}


@pytest.mark.parametrize("typical", [None, "light", "moderate", "vigorous"])
def test_a_rating_decides_whatever_the_catalog_says(typical: Intensity | None) -> None:
    for rpe, band in BANDS.items():
        assert effort_intensity(rpe, typical) == band, rpe
        item = it("x", "aerobic", typical, minutes=10)
        assert item_intensity(item, rpe) == band, rpe


@pytest.mark.parametrize(
    ("typical", "expected"),
    [(None, "moderate"), ("light", "light"), ("moderate", "moderate"), ("vigorous", "vigorous")],
)
def test_without_a_rating_the_catalog_decides_else_moderate(
    typical: Intensity | None, expected: Intensity
) -> None:
    assert effort_intensity(None, typical) == expected
    assert item_intensity(it("x", "impact", typical, minutes=10), None) == expected


def compendium_band(mets: float) -> Intensity:
    return "light" if mets < 3.0 else "moderate" if mets < 6.0 else "vigorous"


@pytest.mark.parametrize(
    ("exercise_id", "mets"),
    [
        ("brisk-walk", 4.3),  # walking 3.5 mph, level, brisk, for exercise
        ("light-jog", 7.0),  # jogging, general
        ("aerobics-class", 7.3),  # aerobic, general
        ("jump-rope", 11.8),  # rope jumping, moderate pace, general
        ("hike", 6.0),  # hiking, cross country
        ("water-aerobics", 5.5),  # water aerobics, water calisthenics
        ("elliptical", 5.0),  # elliptical trainer, moderate effort
        ("gentle-walk", 2.0),  # walking, less than 2.0 mph, strolling, very slow
    ],
)
def test_the_catalogs_typical_intensity_is_the_compendiums_band(
    exercise_id: str, mets: float
) -> None:
    # Compendium of Physical Activities 2011 (Ainsworth et al.), its MET value for the activity.
    assert load_exercise_catalog().get(exercise_id).intensity == compendium_band(mets)


def test_from_entry_keeps_every_field() -> None:
    entry = ExerciseEntry(
        "farmer-carry", sets=2, reps=3, seconds=40, minutes=5, impacts=7, load_kg=16.5
    )
    item = LoggedItem.from_entry(entry, "resistance", "vigorous")
    assert (item.exercise_id, item.sets, item.reps, item.seconds) == ("farmer-carry", 2, 3, 40)
    assert (item.minutes, item.impacts, item.load_kg) == (5, 7, 16.5)
    assert (item.kind, item.typical) == ("resistance", "vigorous")
    assert LoggedItem.from_entry(ExerciseEntry("yoga", minutes=20), "recovery").typical is None


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (it("plank", "resistance", sets=3, seconds=30), 3 * 30 / 60),
        (it("plank", "resistance", sets=None, seconds=45), 45 / 60),  # one held set
        (it("circuit", "resistance", minutes=12), 12.0),
        (it("goblet-squat", "resistance", sets=3, reps=10), None),
        (it("brisk-walk", "aerobic", minutes=30), 0.0),
        (it("jog", "impact", minutes=30), 0.0),
        (it("jumping-jack", "impact", sets=2, reps=25, impacts=50), 0.0),
        (it("yoga", "recovery", minutes=20), 0.0),
        (it("rest", "rest"), 0.0),
    ],
)
def test_resistance_minutes(item: LoggedItem, expected: float | None) -> None:
    got = resistance_minutes(item)
    assert got == expected
    assert got is None or isinstance(got, float)


def test_no_activity_totals_are_zero_and_resistance_minutes_known() -> None:
    zero = ActivityTotals()
    assert zero == ActivityTotals(0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0, 0)
    assert zero.resistance_minutes == 0.0 and zero.resistance_minutes is not None
    assert (zero.aerobic_minutes, zero.moderate_equivalent_minutes) == (0, 0)
    assert period_totals([]) == zero
    assert day_totals([]) == zero
    assert totals_by_day([]) == {}


def test_moderate_equivalent_minutes_weigh_vigorous_double_and_light_nothing() -> None:
    totals = ActivityTotals(light_minutes=7, moderate_minutes=11, vigorous_minutes=13)
    assert totals.aerobic_minutes == 11 + 13
    assert totals.moderate_equivalent_minutes == 11 + 2 * 13
    # DOMAIN.md: 150 moderate minutes, or 75 vigorous, meet the same guideline.
    assert ActivityTotals(moderate_minutes=150).moderate_equivalent_minutes == 150
    assert ActivityTotals(vigorous_minutes=75).moderate_equivalent_minutes == 150


def test_adding_totals_adds_every_field() -> None:
    a = ActivityTotals(1, 2, 3, 4, 5, 6.5, 7, 8, 9, 10, 11)
    b = ActivityTotals(100, 200, 300, 400, 500, 600.25, 700, 800, 900, 1000, 1100)
    assert a + b == ActivityTotals(101, 202, 303, 404, 505, 606.75, 707, 808, 909, 1010, 1111)


@pytest.mark.parametrize(
    ("left", "right"), [(None, 2.0), (2.0, None), (None, None)], ids=["left", "right", "both"]
)
def test_unknown_resistance_minutes_stay_unknown_in_a_sum(
    left: float | None, right: float | None
) -> None:
    total = ActivityTotals(resistance_minutes=left) + ActivityTotals(resistance_minutes=right)
    assert total.resistance_minutes is None


def a_full_day() -> list[LoggedSession]:
    return [
        LoggedSession(
            D,
            (
                it("brisk-walk", "aerobic", "moderate", minutes=30),
                it("light-jog", "impact", "vigorous", minutes=20),
                it("stretching", "recovery", minutes=15),
                it("plank", "resistance", sets=2, seconds=30),
                it("jumping-jack", "impact", sets=2, reps=25, impacts=50),
                it("hop", "impact", impacts=40),
                it("rest", "rest"),
            ),
        ),
        LoggedSession(D, (it("cycling", "aerobic", "vigorous", minutes=25),), 4),
        LoggedSession(
            D,
            (it("circuit", "resistance", minutes=6), it("lunge", "resistance", sets=3, seconds=20)),
            6,
        ),
    ]


def test_every_figure_of_a_day() -> None:
    totals = day_totals(a_full_day())
    assert totals == ActivityTotals(
        light_minutes=25,  # cycling at RPE 4, though vigorous in the catalog
        moderate_minutes=30,  # brisk walking, moderate in the catalog, no rating
        vigorous_minutes=20,  # light jogging, vigorous in the catalog, no rating
        impact_minutes=20,  # the jog; jumping jacks and hops are counts
        recovery_minutes=15,
        resistance_minutes=2 * 30 / 60 + 6 + 3 * 20 / 60,  # plank, circuit, held lunges
        resistance_sets=2 + 3,  # plank and lunge sets; jumping-jack sets are impacts
        impacts=50 + 40,
        resistance_sessions=1,
        impact_sessions=1,
        all_minutes=30 + 20 + 15 + 25 + 6,
    )
    assert totals.aerobic_minutes == 30 + 20
    assert totals.moderate_equivalent_minutes == 30 + 2 * 20


def test_one_untimed_set_makes_the_days_resistance_minutes_unknown() -> None:
    sessions = [*a_full_day(), LoggedSession(D, (it("squat", "resistance", sets=3, reps=10),))]
    totals = day_totals(sessions)
    assert totals.resistance_minutes is None
    assert totals.resistance_sets == 2 + 3 + 3
    # an untimed set first, a timed one after: still unknown
    later = day_totals(list(reversed(sessions)))
    assert later.resistance_minutes is None


def test_a_rest_or_recovery_day_has_no_session_of_either_kind() -> None:
    totals = day_totals(
        [LoggedSession(D, (it("rest", "rest"), it("yoga", "recovery", minutes=20)))]
    )
    assert totals == ActivityTotals(recovery_minutes=20, all_minutes=20)


def test_an_impact_count_day_is_an_impact_session_with_no_minutes() -> None:
    totals = day_totals([LoggedSession(D, (it("heel-drop", "impact", impacts=30),), 8)])
    assert totals == ActivityTotals(impacts=30, impact_sessions=1)


def test_totals_by_day_pool_a_days_sessions_and_run_in_date_order() -> None:
    sessions = [
        LoggedSession(D + 2 * ONE, (it("brisk-walk", "aerobic", minutes=10),), 7),
        LoggedSession(D, (it("squat", "resistance", sets=2, reps=8),)),
        LoggedSession(D + 2 * ONE, (it("squat", "resistance", sets=1, reps=8),)),
        LoggedSession(D, (it("lunge", "resistance", sets=3, reps=8),)),
    ]
    by_day = totals_by_day(sessions)
    assert list(by_day) == [D, D + 2 * ONE]
    assert by_day[D] == ActivityTotals(
        resistance_minutes=None, resistance_sets=5, resistance_sessions=1
    )
    assert by_day[D + 2 * ONE] == ActivityTotals(
        vigorous_minutes=10,
        resistance_minutes=None,
        resistance_sets=1,
        resistance_sessions=1,
        all_minutes=10,
    )
    period = period_totals(sessions)
    assert (period.resistance_sessions, period.resistance_sets) == (2, 6)
    assert (period.vigorous_minutes, period.moderate_equivalent_minutes) == (10, 20)


def test_a_period_counts_sessions_by_day_and_adds_known_minutes() -> None:
    sessions = [
        LoggedSession(
            D + n * ONE,
            (it("plank", "resistance", sets=1, seconds=60), it("hop", "impact", impacts=10)),
        )
        for n in range(3)
    ]
    period = period_totals(sessions)
    assert period == ActivityTotals(
        resistance_minutes=3.0,
        resistance_sets=3,
        impacts=30,
        resistance_sessions=3,
        impact_sessions=3,
    )


@given(
    st.lists(
        st.tuples(
            st.integers(1, 600),
            st.one_of(st.none(), st.integers(0, 10)),
            st.sampled_from(["aerobic", "impact", "recovery"]),
        ),
        max_size=8,
    )
)
def test_moderate_equivalent_minutes_of_any_day(items: list[tuple[int, int | None, Kind]]) -> None:
    sessions = [
        LoggedSession(D, (it("x", kind, "moderate", minutes=minutes),), rpe)
        for minutes, rpe, kind in items
    ]
    weight = {None: 1, 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 2}
    expected = sum(m * weight[r] for m, r, kind in items if kind != "recovery")
    totals = day_totals(sessions)
    assert totals.moderate_equivalent_minutes == expected
    assert totals.all_minutes == sum(m for m, _, _ in items)
    assert totals.recovery_minutes == sum(m for m, _, kind in items if kind == "recovery")
    assert totals.light_minutes + totals.moderate_minutes + totals.vigorous_minutes == sum(
        m for m, _, kind in items if kind != "recovery"
    )


def test_recovery_and_impact_minutes_are_only_those_logged_in_minutes() -> None:
    # A user's own recovery exercise held in seconds, and an impact count: no minutes.
    sessions = [
        LoggedSession(
            D,
            (
                it("breathing", "recovery", sets=2, seconds=90),
                it("hop", "impact", impacts=20),
                it("yoga", "recovery", minutes=10),
            ),
        )
    ]
    totals = day_totals(sessions)
    assert (totals.recovery_minutes, totals.impact_minutes, totals.all_minutes) == (10, 0, 10)
    assert totals == ActivityTotals(
        recovery_minutes=10, impacts=20, impact_sessions=1, all_minutes=10
    )


def test_sessions_from_kinds_count_as_the_day_totals_do() -> None:
    """A day with a resistance and an impact item is one of each; a day of aerobic and
    recovery items is neither; two days of resistance are two. By hand: (3, 1)."""
    days: list[set[Kind]] = [{"resistance", "impact"}, {"aerobic", "recovery"}, {"resistance"}]
    days.append({"resistance", "aerobic"})
    assert day_sessions({"impact", "aerobic"}) == SessionCounts(0, 1)
    assert period_sessions(days) == SessionCounts(3, 1)
