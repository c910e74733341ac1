"""The command line: the root app, its command groups, and the one error boundary."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from aijournal import __version__
from aijournal.cli import common, daily, db, export, foods, log, plan, settings, visit, week
from aijournal.cli.common import use_word_placeholders
from aijournal.errors import AijError

use_word_placeholders()

app = typer.Typer(
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
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    from aijournal.paths import set_home_override

    set_home_override(home)


app.add_typer(log.app, name="log")
daily.register(app)
plan.register(app)
week.register(app)
foods.register(app)
settings.register(app)
export.register(app)
visit.register(app)
db.register(app)


def main(argv: list[str] | None = None) -> None:
    """Run aij; an error is one line on stderr and an exit code: 0 done, 1 failed, 2 bad input."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("AIJ_DEBUG") == "1"
    try:
        try:
            app(args=args, prog_name="aij")
        finally:
            common.print_notices()  # after the command's own output
    except AijError as exc:
        if debug:
            raise
        _fail(str(exc), exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        # The traceback and the exception text may hold health data: name only the type.
        _fail(f"internal error ({type(exc).__name__}); run again with --debug to see where", 1)


def _fail(message: str, code: int) -> None:
    from aijournal import render

    render.error(message)
    sys.exit(code)
