"""`aij db backup|restore|check|copy|rls-sql`: copies of the journal, putting one back, a
health check, a journal copied to another database, row-level security on a server."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aijournal.domain.labels import plural
from aijournal.errors import BadInput

if TYPE_CHECKING:
    from aijournal.export.copy import CopySummary
    from aijournal.store.location import Location

db_app = typer.Typer(help="Back up, restore, check or copy the journal.", no_args_is_help=True)


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


def _target_location(text: str) -> "Location":
    """--to: a database URL, or a plain path meaning a SQLite file there."""
    from aijournal.store.location import locate

    if "://" not in text:
        if not text.strip():
            raise BadInput("--to is empty; give sqlite:///PATH, a file path, or a server URL")
        path = Path(text).expanduser().absolute()
        if not path.parent.is_dir():
            raise BadInput(f"--to {path}: the folder {path.parent} does not exist")
        return locate(f"sqlite:///{path}", path)
    return locate(text, Path())


@db_app.command("copy")
def copy(
    to: Annotated[
        str,
        typer.Option(
            "--to",
            metavar="URL",
            help="The database to copy into: postgresql+psycopg://USER@HOST/DB, "
            "sqlite:///PATH or a file path.",
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--journal",
            metavar="NAME",
            help="The journal to copy (default: the current one); it keeps its name.",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Into a journal that holds entries: add only those it lacks."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The summary as JSON.")] = False,
) -> None:
    """Copy a journal to another database, every row, then verify it: each table's count
    and the SHA-256 of the exported journal must be the same on both sides.

    Moves a journal onto a server (SQLite to PostgreSQL) or makes a local copy of a server
    journal. A target journal that already holds entries is refused unless --merge, which
    adds only the missing entries (as aij import does). Your settings, recipes, own foods
    and plans stay in the aij home and are not copied.

    Examples:

    \b
      aij db copy --to postgresql+psycopg://anna@server/aij
      aij --db postgresql+psycopg://anna@server/aij db copy --to copy.db
    """
    from aijournal import clock, render
    from aijournal.cli.common import location
    from aijournal.config import current_journal, load_config
    from aijournal.domain.journals import check_journal_name
    from aijournal.export.copy import as_json as summary_json
    from aijournal.export.copy import copy_journal
    from aijournal.store.db import open_journal_for_reading

    journal_name = check_journal_name(name) if name is not None else current_journal()
    here, there = location(), _target_location(to)
    if here.url == there.url:
        raise BadInput(f"--to {there.shown} is the database the journal is in; name another one")
    if here.path is not None and not here.path.exists():
        raise BadInput(f"there is no journal at {here.shown} to copy")
    symptoms = load_config().symptom_set()
    source = open_journal_for_reading(here)
    try:
        source.name = journal_name
        target = open_journal_for_reading(there)
        try:
            target.name = journal_name
            summary = copy_journal(
                source=source,
                target=target,
                merge=merge,
                symptoms=symptoms,
                today=clock.today(),
                progress=render.Progress,
            )
        finally:
            target.close()
    finally:
        source.close()
    if as_json:
        typer.echo(
            summary_json(summary, journal=journal_name, source=here.shown, target=there.shown)
        )
        return
    _show_copy(summary, journal_name, here.shown, there.shown)


def _show_copy(summary: "CopySummary", journal_name: str, source: str, target: str) -> None:
    from aijournal import render

    render.info(
        f"copied journal '{journal_name}' to {target}: "
        f"{plural(summary.added, 'entry', 'entries')} added"
        + (f", {summary.already_there} already there" if summary.already_there else "")
    )
    rows = [
        (name, str(summary.source.counts.get(name, 0)), str(summary.target.counts.get(name, 0)))
        for name in summary.tables
    ]
    render.rows_table("Rows per table", ("table", "source", "target"), rows)
    if summary.source.sha256 == summary.target.sha256:
        render.info(
            f"verified: the same counts, and the same SHA-256 {summary.source.sha256[:16]}…"
        )
    elif summary.renamed:
        render.info(
            f"verified by the counts: {plural(summary.renamed, 'entry', 'entries')} took a new id "
            "(another journal of that database held it), so the documents differ by those ids"
        )
    else:
        render.info("verified: every entry of the source is in the target (merged)")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
