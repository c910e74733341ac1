"""The command line: the root app, its command groups, and the one error boundary."""

import errno
import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from aijournal import __version__
from aijournal.cli import (
    common,
    daily,
    db,
    export,
    foods,
    labs,
    log,
    med,
    plan,
    settings,
    visit,
    week,
)
from aijournal.cli.common import use_word_placeholders
from aijournal.errors import AijError, Interrupted
from aijournal.launch import STOPPED

use_word_placeholders()


class RootGroup(TyperGroup):
    """Ctrl-C while the command line is read (Typer loads pydantic then) or inside a command,
    before it saved anything, becomes the one line of `main`; Typer alone would exit 130
    without a word."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:
            _after_ctrl_c()
            raise Interrupted(STOPPED) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _after_ctrl_c()
            raise Interrupted(STOPPED) from None


app = typer.Typer(
    cls=RootGroup,
    name="aij",
    help="aij: a health journal for people taking an aromatase inhibitor. "
    "It records and reports; it never diagnoses or advises on medication.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aij {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    home: Annotated[
        Path | None,
        typer.Option(help="Use this folder for the journal and settings (else AIJ_HOME)."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Use this database (else AIJ_DATABASE_URL, else the database setting): "
            "sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE.",
            show_default=False,
        ),
    ] = None,
    journal: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Use this journal of several in one database (else AIJ_JOURNAL, else the "
            "journal setting, else 'me').",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    from aijournal.paths import set_database_override, set_home_override, set_journal_override

    set_home_override(home)
    set_database_override(db)
    set_journal_override(journal)


app.add_typer(log.app, name="log")
daily.register(app)
plan.register(app)
week.register(app)
foods.register(app)
settings.register(app)
export.register(app)
visit.register(app)
med.register(app)
db.register(app)
labs.register(app)


@functools.cache
def _command() -> Any:
    """The command line Typer builds from ``app``: every command's options, from their
    signatures. Built once a process, where ``app(...)`` builds it again on every call (80 ms
    each: half of what most commands cost when a test or a script runs many in one process)."""
    return typer.main.get_command(app)


def main(argv: list[str] | None = None) -> None:
    """Run aij; an error is one line on stderr and an exit code: 0 done, 1 failed, 2 bad input."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("AIJ_DEBUG") == "1"
    try:
        try:
            _command()(args=args, prog_name="aij")
        finally:
            common.print_notices()  # after the command's own output
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except KeyboardInterrupt:
        # Ctrl-C while the command line is read, or while notices print.
        if debug:
            raise
        _after_ctrl_c()
        _fail(STOPPED, code=Interrupted.exit_code)
    except AijError as exc:
        if debug:
            raise
        _fail(*exc.lines, code=exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        if isinstance(exc, OSError) and exc.errno in _OUTPUT_ERRNOS:
            _output_lost(exc)
        # The traceback and the exception text may hold health data: name only the type.
        _fail(f"internal error ({type(exc).__name__}); run again with --debug to see where", code=1)


def _after_ctrl_c() -> None:
    """Ctrl-C outside a prompt (while aij loads, or reads standard input): the message goes
    on a line of its own, after the terminal's ^C. A write is one transaction committed at
    its end, so a command stopped before it printed what it saved has saved nothing."""
    sys.stdout.flush()
    if sys.stderr.isatty():
        sys.stderr.write("\n")


# A write that failed for want of room or a reader (``> /dev/full``, ``| head``).
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EFBIG, errno.EDQUOT, errno.EIO})


def _output_lost(exc: OSError) -> None:
    """One line for output that could not be written; what is still buffered is dropped."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    _fail(f"cannot write the output: {exc.strerror or 'write error'}", code=1)


def _fail(message: str, *more: str, code: int) -> None:
    from aijournal import render

    render.error(message, *more)
    sys.exit(code)
