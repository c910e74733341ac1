"""What the commands share: options, opening the journal, terminal checks. No database imports
at module level: `aij --help` must not load the database stack."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

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

    return parse_day(text)


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
