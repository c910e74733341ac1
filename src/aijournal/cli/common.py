"""What the commands share: options, opening the journal, terminal checks. No database imports
at module level: `aij --help` must not load the database stack."""

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

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


# An argument that starts with '-' but is no option: a day (-3d), a number (-5), or words
# ("-5 pain today").
_DASH_WORD = re.compile(r"^-(\d|.*\s)")


def keep_dash_words(command: Any, args: list[str]) -> list[str]:
    """``args`` with each dash word that is not the value of an option moved after ``--``,
    so Click reads it as an argument; real options (and unknown ones) are left to Click."""
    if "--" in args:
        return args
    takes_value: set[str] = set()
    for param in command.params:
        if param.param_type_name == "option" and not (param.is_flag or param.count):
            takes_value.update(param.opts)
    kept: list[str] = []
    moved: list[str] = []
    for index, token in enumerate(args):
        after_option = index > 0 and args[index - 1] in takes_value
        if _DASH_WORD.match(token) and not after_option:
            moved.append(token)
        else:
            kept.append(token)
    return [*kept, "--", *moved] if moved else args


class DashWordsCommand(TyperCommand):
    """A command whose argument may start with '-': `aij day -3d`, `aij log note "-5 ..."`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, keep_dash_words(self, args))


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
