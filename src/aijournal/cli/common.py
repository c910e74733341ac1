"""What the commands share: options, opening the journal, terminal checks. No database imports
at module level: `aij --help` must not load the database stack."""

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from aijournal import clock

if TYPE_CHECKING:
    from aijournal.store.daily import Saved
    from aijournal.store.db import Journal
    from aijournal.store.location import Location


def use_word_placeholders() -> None:
    """Help shows placeholders as words (``--date DATE``, ``FOOD``), never Typer's ``<str>``.

    An option's word is its metavar, else its name in capitals; an argument shows its name
    (or metavar) alone."""
    from typer.core import TyperArgument, TyperOption

    def option_word(self: TyperOption, ctx: typer.Context) -> str | None:
        if self.metavar is not None:
            return self.metavar
        longest = max(self.opts, key=len) if self.opts else (self.name or "value")
        word = longest.lstrip("-").replace("-", "_").upper()
        return f"{word}..." if self.nargs != 1 or self.multiple else word

    def argument_word(self: TyperArgument, ctx: typer.Context) -> str | None:
        return None

    def argument_name(self: TyperArgument) -> str:
        """An argument without a metavar is its name in capitals (``WHEN``, ``NAME``), as
        the ones with one are (``FOOD``, ``DATE``)."""
        return self.metavar if self.metavar is not None else (self.name or "value").upper()

    TyperOption.display_type_rich = option_word  # type: ignore[method-assign,assignment]
    TyperArgument.display_type_rich = argument_word  # type: ignore[method-assign,assignment]
    TyperArgument.display_name_raw = property(argument_name)  # type: ignore[method-assign,assignment]


DateOption = Annotated[
    str,
    typer.Option(
        "--date",
        "-d",
        metavar="DATE",
        help="The day: an ISO date, today, yesterday, a weekday name, or -3d.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
SavedJsonOption = Annotated[
    bool, typer.Option("--json", help="Print the ids written and what was saved, as JSON.")
]


def show_saved(day: date, saved: "list[Saved]", *, as_json: bool = False) -> None:
    """What a command that writes saved: a line each, or (``--json``) one JSON object,
    ``{"date", "saved": [{"id", "what", "replaced"}]}``, for scripts."""
    from aijournal import render

    if not as_json:
        render.saved(day.isoformat(), saved)
        return
    render.dump_json(
        {
            "date": day.isoformat(),
            "saved": [
                {"id": item.entry_id, "what": item.what, "replaced": item.replaced}
                for item in saved
            ],
        }
    )


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
    from aijournal.domain.dates import DayOutOfRange, check_day_range
    from aijournal.errors import BadInput

    if "w" in text.lower() and not text.lower().startswith(("we", "-")):
        year, week = iso_week(text)
        for weekday in (1, 7):
            check_day_range(date.fromisocalendar(year, week, weekday), today=clock.today())
        return year, week
    try:
        return iso_week(day_of(text))
    except DayOutOfRange:
        raise
    except BadInput:
        raise BadInput(
            f"week '{text}' is not allowed: write 2026-W48, or a day in it (2026-11-25, today, -7d)"
        ) from None


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@contextmanager
def journal() -> Iterator["Journal"]:
    """The open journal of the current aij home (migrated if needed), kept to the journal
    (of several in one database) that --journal, AIJ_JOURNAL or the setting names.

    A missing journal is not created until something is written: reading commands
    (`aij day`) leave no folder and no file behind."""
    from aijournal.config import current_journal
    from aijournal.store.db import open_journal_for_reading

    name = current_journal()
    opened = open_journal_for_reading(location())
    opened.name = name
    try:
        yield opened
    finally:
        opened.close()
    _notices.extend(opened.notices)


def journal_exists() -> bool:
    """Whether there is a journal to read: on a server always (an empty database reads as
    an empty journal), else when the home's journal.db exists."""
    found = location()
    return found.path is None or found.path.exists()


def location() -> "Location":
    """The journal's database: --db, AIJ_DATABASE_URL or the database setting, else the
    home's journal.db."""
    from aijournal.config import database_url
    from aijournal.paths import paths
    from aijournal.store.location import locate

    return locate(database_url(), paths().journal)


def file_journal(doing: str, instead: str) -> Path:
    """The journal's SQLite file, for what only a file has (backups, restore, check); on a
    server, one line saying what to use there instead."""
    from aijournal.errors import BadInput

    found = location()
    if found.path is None:
        raise BadInput(
            f"{doing} works on a journal file, and this journal is on the server "
            f"{found.shown}: {instead}"
        )
    return found.path


# Notices of committed writes (likely duplicates), printed on stderr when the command is done.
_notices: list[str] = []


def print_notices() -> None:
    """Print (on stderr) and forget the notices the command's writes left; main() calls it."""
    if _notices:
        from aijournal import render

        for notice in _notices:
            render.warn(notice)
        _notices.clear()


# -- shell completion of ids: read from the YAML catalogs, never from the database ----------


def _matching(ids: Iterator[str] | list[str], incomplete: str) -> list[str]:
    return sorted({i for i in ids if i.startswith(incomplete.lower())})


def _quietly(read: Callable[[], list[str]]) -> list[str]:
    """A completion never fails loudly: a broken file offers nothing."""
    try:
        return read()
    except Exception:
        return []


def complete_plan(incomplete: str) -> list[str]:
    """Plan ids (shipped and your own), for `autocompletion=`."""
    from aijournal.catalog.protocols import load_plans
    from aijournal.paths import paths

    return _quietly(
        lambda: _matching([p.id for p in load_plans(paths().protocols).all()], incomplete)
    )


def complete_exercise(incomplete: str) -> list[str]:
    from aijournal.catalog.exercises import load_exercise_catalog
    from aijournal.paths import paths

    return _quietly(
        lambda: _matching(list(load_exercise_catalog(paths().protocols).ids), incomplete)
    )


def complete_food(incomplete: str) -> list[str]:
    """Food ids, your own foods and your recipes."""
    from aijournal.catalog.foods import load_food_catalog
    from aijournal.catalog.recipes import load_recipes
    from aijournal.paths import paths

    def read() -> list[str]:
        where = paths()
        foods = [f.id for f in load_food_catalog(where.foods).foods]
        return _matching([*foods, *load_recipes(where.home)], incomplete)

    return _quietly(read)


def complete_supplement(incomplete: str) -> list[str]:
    from aijournal.catalog.foods import load_food_catalog
    from aijournal.paths import paths

    return _quietly(
        lambda: _matching([s.id for s in load_food_catalog(paths().foods).supplements], incomplete)
    )


def complete_symptom(incomplete: str) -> list[str]:
    """Symptom names (the default set and your own), with '=' to go on typing the value."""
    from aijournal.config import load_config

    return _quietly(
        lambda: [f"{s.name}=" for s in load_config().symptom_set() if s.name.startswith(incomplete)]
    )
