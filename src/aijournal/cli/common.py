"""What the commands share: options, opening the journal, terminal checks. No database imports
at module level: `aij --help` must not load the database stack."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from aijournal import clock

if TYPE_CHECKING:
    from aijournal.store.db import Journal

DateOption = Annotated[
    str,
    typer.Option(
        "--date",
        "-d",
        help="The day: an ISO date, today, yesterday, a weekday name, or -3d.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def day_of(text: str) -> date:
    from aijournal.domain.dates import parse_day

    return parse_day(text, today=clock.today())


def week_of(text: str) -> tuple[int, int]:
    """(ISO year, week) of ``2026-W48``, or of any day expression (``today``, ``-7d``, a date)."""
    from aijournal.domain.adherence import iso_week
    from aijournal.errors import BadInput

    if "w" in text.lower() and not text.lower().startswith(("we", "-")):
        return iso_week(text)
    try:
        return iso_week(day_of(text))
    except BadInput:
        raise BadInput(
            f"week '{text}' is not allowed: write 2026-W48, or a day in it (2026-11-25, today, -7d)"
        ) from None


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@contextmanager
def journal() -> Iterator["Journal"]:
    """The open journal of the current aij home (created and migrated if needed)."""
    from aijournal.paths import ensure_private_dir, paths
    from aijournal.store.db import open_journal

    where = paths()
    ensure_private_dir(where.home)
    opened = open_journal(where.journal)
    try:
        yield opened
    finally:
        opened.close()
    _notices.extend(opened.notices)


# Notices of committed writes (likely duplicates), printed on stderr when the command is done.
_notices: list[str] = []


def print_notices() -> None:
    """Print (on stderr) and forget the notices the command's writes left; main() calls it."""
    if _notices:
        from aijournal import render

        for notice in _notices:
            render.warn(notice)
        _notices.clear()
