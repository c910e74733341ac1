"""`aij db backup|restore|check`: copies of the journal, putting one back, a health check."""

from pathlib import Path
from typing import Annotated, Any

import typer

from aijournal.domain.labels import plural

db_app = typer.Typer(
    help="Back up, restore and check the journal (journal.db).", no_args_is_help=True
)


def _ranges() -> list[tuple[str, str, float | None, float | None, int | None]]:
    from aijournal.export.tables import KIND_ITEMS, KIND_TABLE

    tables = {t.name: t for t in [*KIND_TABLE.values(), *KIND_ITEMS.values()]}
    return [
        (name, c.name, c.low, c.high, c.max_length)
        for name, table in sorted(tables.items())
        for c in table.columns
        if c.low is not None or c.high is not None or c.max_length is not None
    ]


def _kinds() -> dict[str, str]:
    from aijournal.export.tables import KIND_TABLE

    return {kind: table.name for kind, table in KIND_TABLE.items()}


@db_app.command("backup")
def backup(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE",
            help="Where to write the copy (a new file); default: a dated file in backups/.",
        ),
    ] = None,
) -> None:
    """Copy the journal, consistently even while another aij writes (owner-only file).

    Without FILE the copy goes to the home's backups/ folder, which keeps the last
    backups_kept copies (aij config set backups_kept 20).

    Examples:

    \b
      aij db backup
      aij db backup ~/safe/journal-2026-11-26.db
    """
    from aijournal import render
    from aijournal.cli.common import file_journal
    from aijournal.config import load_config
    from aijournal.store.backup import take_backup

    journal = file_journal("aij db backup", "back it up with pg_dump")
    written = take_backup(journal, file, kept=load_config().backups_kept)
    render.info(f"backed up the journal to {written}")
    render.hint(f"check it with: aij db check {written}")


@db_app.command("restore")
def restore(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A journal backup (from aij db backup).")
    ],
) -> None:
    """Put back a backup: checked first, migrated if older; the current journal is kept
    in backups/ before it is replaced, so a restore can itself be undone.

    Examples:

    \b
      aij db restore ~/.local/share/aij/backups/journal-20261126-081500.db
    """
    from aijournal import render
    from aijournal.cli.common import file_journal
    from aijournal.config import load_config
    from aijournal.store.backup import restore as restore_file

    journal = file_journal("aij db restore", "restore a pg_dump with pg_restore")
    done = restore_file(file, journal, kept=load_config().backups_kept)
    render.info(
        f"restored {plural(done.entries, 'entry', 'entries')} from {done.source} "
        f"(schema {done.version})"
    )
    if done.previous is not None:
        render.hint(f"the journal before is kept as {done.previous}")


@db_app.command("check")
def check(
    file: Annotated[
        Path | None,
        typer.Argument(metavar="FILE", help="A journal file to check; default: your journal."),
    ] = None,
) -> None:
    """Check the journal: SQLite's integrity and foreign keys, the schema version, values out
    of range and entries without their details. Says what is wrong and how to recover.

    Examples:

    \b
      aij db check
      aij db check backups/journal-20261126-081500.db
    """
    from aijournal import render
    from aijournal.cli.common import file_journal
    from aijournal.errors import JournalError
    from aijournal.store.backup import check_journal, list_backups

    journal = (
        file_journal(
            "aij db check", "the server checks its own data; aij db check FILE checks a file"
        )
        if file is None
        else _home_journal()
    )
    target = file if file is not None else journal
    if file is None and not journal.exists():
        render.info(f"no journal yet at {journal}: nothing to check")
        return
    result = check_journal(target, kinds=_kinds(), ranges=_ranges())
    if result.ok:
        render.info(
            f"{target}: sound (integrity and foreign keys ok, schema {result.version}, "
            f"{plural(result.entries, 'entry', 'entries')})"
        )
        return
    for problem in result.problems:
        render.warn(problem)
    found: list[Any] = list_backups(journal)
    recover = (
        f"to recover: aij db restore {found[-1]} (the latest of {len(found)} backups)"
        if found
        else "to recover: aij db restore FILE with a backup, or aij import an export"
    )
    raise JournalError(f"{target} has {len(result.problems)} problem(s); {recover}")


def _home_journal() -> Path:
    """Where backups/ is looked for: beside the journal file, or in the home on a server."""
    from aijournal.cli.common import location
    from aijournal.paths import paths

    return location().path or paths().journal


@db_app.command("rls-sql")
def rls_sql() -> None:
    """Print the SQL that turns on row-level security on a PostgreSQL server (several
    journals, each person connecting as a role named like their journal).

    Examples:

    \b
      aij db rls-sql > rls.sql && psql -d aij -f rls.sql
    """
    from aijournal.store.rls import rls_sql as script

    typer.echo(script(), nl=False)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
