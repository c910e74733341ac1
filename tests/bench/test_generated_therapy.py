"""The generated 10-year history (#14): its medication timeline, bone-agent schedule, holiday
and before/after figures, as `aij med history`, `aij today`, `aij week` and `aij bone` show
them, against dates worked out by hand from bench/generate.py's rules and against the raw
rows read with sqlite3.

generate.py's rules (its `therapy` and `bone_agent_days`): anastrozole from the first day, a
switch to exemestane for joint pain 3 x 365 days later, a holiday of 14 days 400 days after
the switch, zoledronic acid on the first day and every 6 calendar months after. The history
ends on a fixed day, so nothing here depends on the day the suite runs.
"""

import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers import Result, run_subprocess

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
END = date(2026, 11, 22)
# --years 10 is round(10 x 365.25) = 3652 days ending on END: from 2016-11-23.
START = date(2016, 11, 23)
# START + 1095 days: 2017-11-23 (+365), 2018-11-23 (+730), 2019-11-23 (+1095); the leap day
# 2020-02-29 comes later.
SWITCH = date(2019, 11, 23)
# SWITCH + 400 days: 2020-11-23 is +366 (with 29 Feb 2020), then +34 days is 27 December.
HOLIDAY = date(2020, 12, 27)
HOLIDAY_END = date(2021, 1, 9)  # HOLIDAY + 13: fourteen days in all
# Zoledronic acid on 23 November and 23 May: Novembers 2016-2025 and Mays 2017-2026.
INFUSIONS = [date(y, 11, 23) for y in range(2016, 2026)] + [
    date(y, 5, 23) for y in range(2017, 2027)
]
NEXT_DUE = date(2026, 11, 23)  # 6 months after the last infusion, 2026-05-23


# Every test reads the generated file, which aij opens on SQLite whatever engine the suite
# runs on: under AIJ_TEST_ENGINE=postgres it would be the same test again.
pytestmark = pytest.mark.sqlite_only(reason="reads the generated SQLite history itself")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The history, generated once for the whole run: pytest-xdist's workers each have a
    folder in the run's temporary folder, and the first to take the lock writes it there
    (minutes of CPU); the others wait and read the same file (every test here only reads
    it). Without xdist the run's own temporary folder serves."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    home = shared / "ten-years-history"
    with (shared / "ten-years-history.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (home / "generated").exists():
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir()
            done = subprocess.run(
                [
                    *(sys.executable, str(GENERATOR), "--home", str(home), "--quiet"),
                    *("--years", "10", "--seed", "1", "--end", END.isoformat()),
                ],
                capture_output=True,
                text=True,
                env={"AIJ_HOME": str(home), "PATH": str(Path(sys.executable).parent)},
                timeout=1800,
            )
            assert done.returncode == 0, done.stderr
            (home / "generated").touch()
    return home


def aij(home: Path, *args: str, today: date) -> Result:
    """aij on the generated file itself (whatever engine the suite runs on)."""
    return run_subprocess(
        *args,
        home=home,
        env={
            "AIJ_TODAY": today.isoformat(),
            "AIJ_DATABASE_URL": f"sqlite:///{home / 'journal.db'}",
        },
    )


def json_of(home: Path, *args: str, today: date) -> dict:  # type: ignore[type-arg]
    result = aij(home, *args, "--json", today=today)
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def raw(home: Path, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(home / "journal.db") as conn:
        return conn.execute(sql, params).fetchall()


def test_the_timeline_is_the_one_generate_py_describes(history: Path) -> None:
    events = json_of(history, "med", "history", today=END)["events"]
    shown = [
        (e["date"], e["event"], e["medication"], e["to_medication"], e["ends_on"], e["reason"])
        for e in events
    ]
    assert shown == [
        (START.isoformat(), "start", "anastrozole", None, None, None),
        (START.isoformat(), "schedule", "zoledronic-acid", None, None, None),
        (SWITCH.isoformat(), "switch", "anastrozole", "exemestane", None, "joint pain"),
        (HOLIDAY.isoformat(), "holiday", "exemestane", None, HOLIDAY_END.isoformat(), None),
    ]


def test_the_infusions_are_every_six_months_and_the_next_one_is_overdue(history: Path) -> None:
    given = raw(
        history,
        "SELECT e.day FROM medication_dose d JOIN entry e ON e.id = d.entry_id"
        " WHERE d.medication = 'zoledronic-acid' ORDER BY e.day",
    )
    assert [date.fromisoformat(d) for (d,) in given] == sorted(INFUSIONS)
    assert len(INFUSIONS) == 20

    # Due on 23 November 2026: on that day it is due, not overdue; 8 days later, 8 overdue.
    [due] = json_of(history, "today", today=NEXT_DUE)["scheduled"]
    assert (due["due"], due["days_overdue"]) == (NEXT_DUE.isoformat(), 0)
    later = NEXT_DUE + timedelta(days=8)
    for command in (("today",), ("week", "2026-W49"), ("bone",)):
        [due] = json_of(history, *command, today=later)["scheduled"]
        assert (due["medication"], due["due"], due["days_overdue"]) == (
            "zoledronic-acid",
            NEXT_DUE.isoformat(),
            8,
        )
    # `aij bone` counts the same 20 doses over its periods.
    periods = json_of(history, "bone", today=END)["periods"]
    doses = sum(d["taken"] for p in periods for d in p["bone_agent_doses"])
    assert doses == 20


@pytest.mark.parametrize(
    ("week", "expected"),
    [
        # 2020-W52 is Mon 21 - Sun 27 December: the 27th is the holiday's first day.
        ("2020-W52", 6),
        # 2020-W53 is 28 December - 3 January: every day on holiday.
        ("2020-W53", 0),
        # 2021-W01 is 4 - 10 January: on holiday until the 9th, so only the 10th.
        ("2021-W01", 1),
    ],
)
def test_holiday_days_are_not_doses_due(history: Path, week: str, expected: int) -> None:
    [med] = json_of(history, "week", week, today=END)["medications"]
    assert (med["name"], med["expected"]) == ("exemestane", expected)
    monday = date.fromisocalendar(int(week[:4]), int(week[-2:]), 1)
    sunday = monday + timedelta(days=6)
    rows = raw(
        history,
        "SELECT d.taken, e.day FROM medication_dose d JOIN entry e ON e.id = d.entry_id"
        " WHERE d.medication = 'exemestane' AND e.day BETWEEN ? AND ?",
        monday.isoformat(),
        sunday.isoformat(),
    )
    on_holiday = [d for _, d in rows if HOLIDAY.isoformat() <= d <= HOLIDAY_END.isoformat()]
    assert on_holiday == []  # no dose asked, none recorded
    assert med["taken"] == sum(1 for taken, _ in rows if taken)
    assert len(med["skipped"]) == sum(1 for taken, _ in rows if not taken)
    assert med["taken"] + len(med["skipped"]) + med["not_logged"] == expected


def test_before_and_after_the_switch_are_the_raw_means(history: Path) -> None:
    """The 8 weeks (56 days) before the switch, and the switch day with the 55 after."""
    changes = json_of(history, "bone", today=END)["medication_changes"]
    [pain] = [
        c
        for c in changes
        if c["outcome"] == "worst joint pain" and f"on {SWITCH.isoformat()}" in c["question"]
    ]

    def side(first: date, last: date) -> list[float]:
        rows = raw(
            history,
            "SELECT r.value FROM symptom_rating r JOIN entry e ON e.id = r.entry_id"
            " WHERE r.name = 'joint-pain' AND e.day BETWEEN ? AND ?",
            first.isoformat(),
            last.isoformat(),
        )
        return [float(v) for (v,) in rows]

    before = side(SWITCH - timedelta(days=56), SWITCH - timedelta(days=1))
    after = side(SWITCH, SWITCH + timedelta(days=55))
    assert (pain["n_without"], pain["n_with"]) == (len(before), len(after))
    assert len(before) >= 14 and len(after) >= 14
    assert pain["mean_without"] == pytest.approx(sum(before) / len(before), abs=0.05)
    assert pain["mean_with"] == pytest.approx(sum(after) / len(after), abs=0.05)
