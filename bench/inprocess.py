"""In-process measurements: the reports alone (no process start), and their query plans.

A subprocess timing is mostly Python starting up; timing the report functions themselves
shows how their queries scale with the history. EXPLAIN QUERY PLAN on every SELECT they run
shows which index drives each query: one driven by the entry day index (or a primary key)
reads the range shown; one driven by another index reads every matching row of the history.
"""

import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from aijournal.catalog.protocols import load_plans
from aijournal.catalog.targets import load_targets
from aijournal.config import load_config
from aijournal.domain.daylog import DayLog
from aijournal.paths import paths, set_home_override
from aijournal.reports.day import day_report
from aijournal.reports.insights import insights
from aijournal.reports.trends import trends
from aijournal.reports.week import week_report
from aijournal.store.daily import save_day_log
from aijournal.store.db import Journal, open_journal

Call = Callable[[Session], object]
# The plan's outer loop may use these and still read only the range asked for.
RANGE_INDEXES = ("ix_entry_day", "ix_entry_kind_day", "sqlite_autoindex_entry_1")


def report_calls(home: Path, *, week: tuple[int, int], day: date, last: date) -> dict[str, Call]:
    """The work behind the benchmarked commands, called directly (``last``: the range's end)."""
    set_home_override(home)
    config = load_config()
    plans = load_plans(paths().protocols)
    plan = plans.get(config.plan)
    profile = load_targets().profile(config.profile)
    first = last - timedelta(days=27)

    def log_pain(session: Session) -> object:
        # What `aij log joint-pain=5` does; the read session rolls it back.
        return save_day_log(session=session, day=day, log=DayLog(symptoms={"joint-pain": 5.0}))

    return {
        "week": lambda s: week_report(
            session=s,
            week=week,
            config=config,
            plan=plan,
            catalog=plans.catalog,
            profile=profile,
            today=last + timedelta(days=5),
        ),
        "day": lambda s: day_report(session=s, day=day, config=config, profile=profile),
        "log joint-pain": log_pain,
        "insights, 28 days": lambda s: insights(
            session=s, start=first, end=last, plan=plan, catalog=plans.catalog
        ),
        "trends, 4 weeks": lambda s: trends(
            session=s, weeks=4, names=[], config=config, profile=profile, today=last
        ),
    }


@contextmanager
def opened(home: Path) -> Iterator[Journal]:
    journal = open_journal(home / "journal.db")
    try:
        yield journal
    finally:
        journal.close()


def time_calls(pairs: list[tuple[Journal, Call]], runs: int) -> list[float]:
    """Median seconds of each (journal, call), run in turn (so load on the machine hits all
    alike), each in a fresh read session that is rolled back; one warm-up round first."""
    times: list[list[float]] = [[] for _ in pairs]
    for _ in range(runs + 1):
        for index, (journal, call) in enumerate(pairs):
            with journal.read() as session:
                began = time.perf_counter()
                call(session)
                times[index].append(time.perf_counter() - began)
                session.rollback()
    return [statistics.median(samples[1:]) for samples in times]


def captured_selects(journal: Journal, call: Call) -> list[tuple[str, Any]]:
    """The distinct SELECT statements (with their parameters) that ``call`` runs."""
    found: dict[str, Any] = {}

    def record(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            found.setdefault(statement, params)

    event.listen(journal.engine, "before_cursor_execute", record)
    try:
        with journal.read() as session:
            call(session)
            session.rollback()
    finally:
        event.remove(journal.engine, "before_cursor_execute", record)
    return list(found.items())


@dataclass(frozen=True)
class QueryPlan:
    statement: str
    steps: list[str]

    @property
    def outer(self) -> str:
        return self.steps[0] if self.steps else ""

    @property
    def reads_whole_history(self) -> bool:
        """The outer loop scans a table, or searches one by an index that is not the range's."""
        outer = self.outer
        if outer.startswith("SCAN"):
            return True
        return outer.startswith("SEARCH") and not any(i in outer for i in RANGE_INDEXES)

    def short(self, width: int = 160) -> str:
        text = " ".join(self.statement.split())
        return text if len(text) <= width else text[: width - 3] + "..."


def query_plans(db: Path, statements: list[tuple[str, Any]]) -> list[QueryPlan]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [
            QueryPlan(sql, [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)])
            for sql, params in statements
        ]
    finally:
        conn.close()
