"""`aij day`, `aij entries`, `aij edit`, `aij rm`, `aij undo`: reading and correcting what
was logged."""

from typing import Annotated

import typer

from aijournal.cli.common import DashWordsCommand, JsonOption, day_of, is_interactive, journal
from aijournal.errors import BadInput


def day(
    when: Annotated[
        str | None,
        typer.Argument(metavar="DAY", help="The day (default today); or use --date."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", "-d", help="The day, also as -3d: ISO, yesterday, a weekday."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Everything logged on one day.

    Examples:

    \b
      aij day yesterday
      aij day -3d --json
    """
    from aijournal import render
    from aijournal.catalog.targets import load_targets
    from aijournal.config import load_config
    from aijournal.reports.day import day_report

    config = load_config()
    profile = load_targets().profile(config.profile)
    if when is not None and date is not None:
        raise BadInput("give the day once: as an argument or with --date")
    chosen = day_of(when or date or "today")
    with journal() as opened, opened.read() as session:
        report = day_report(session=session, day=chosen, config=config, profile=profile)
    if as_json:
        render.dump_json(report.model_dump(mode="json"))
    else:
        render.day_report(report, {s.name: s for s in config.symptom_set()}, units=config.units)


def entries(
    start: Annotated[
        str | None, typer.Option("--from", help="First day (default 30 days ago).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (default today).")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind: symptom, dose, note, ...")
    ] = None,
    order: Annotated[
        str,
        typer.Option("--order", help="day (default), or written: in the order they were written."),
    ] = "day",
    as_json: JsonOption = False,
) -> None:
    """List entries with their ids (for `aij edit` and `aij rm`).

    Examples:

    \b
      aij entries --from -7d --order written
      aij entries --kind dose --from 2026-11-01 --json
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.reports.entries import check_kind, check_order, entry_rows

    last = day_of(end or "today")
    first = day_of(start or "-30d") if start or not end else last
    if first > last:
        raise BadInput(f"--from {first} is after --to {last}")
    check_kind(kind)
    check_order(order)
    units = load_config().units
    with journal() as opened, opened.read() as session:
        rows = entry_rows(
            session=session, start=first, end=last, kind=kind, order=order, units=units
        )
    if as_json:
        render.dump_json([row.model_dump(mode="json") for row in rows])
        return
    if not rows:
        render.hint(f"No entries from {first} to {last}.")
        return
    if order == "written":
        render.rows_table(
            f"Entries {first} to {last}, in the order written",
            ("id", "written (UTC)", "date", "kind", "what"),
            (
                (r.id, r.written.strftime("%Y-%m-%d %H:%M"), r.date.isoformat(), r.kind, r.summary)
                for r in rows
            ),
        )
        return
    render.rows_table(
        f"Entries {first} to {last}",
        ("id", "date", "kind", "what"),
        ((r.id, r.date.isoformat(), r.kind, r.summary) for r in rows),
    )


def edit(
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="The entry's id, from `aij entries`.")
    ],
    changes: Annotated[
        list[str] | None,
        typer.Argument(
            help="key=value changes: value=5; a meal's or supplement's item: oats=60g, "
            "2=80g, vitamin-d3-1000=2; an exercise's: brisk-walk.minutes=40, "
            "goblet-squat.load=14kg, rpe=6.",
            metavar="KEY=VALUE",
        ),
    ] = None,
    date: Annotated[str | None, typer.Option("--date", "-d", help="Move it to this day.")] = None,
) -> None:
    """Change one entry; prints each change as old → new.

    Examples:

    \b
      aij edit 7d6ww5 value=5
      aij edit w49d35 brisk-walk.minutes=40 --date yesterday
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.store.edit import edit_entry

    new_day = day_of(date) if date is not None else None
    config = load_config()
    with journal() as opened, opened.write() as session:
        edited = edit_entry(
            session=session,
            entry_id=entry_id,
            changes=changes or [],
            symptoms=config.symptom_set(),
            new_day=new_day,
            units=config.units,
        )
    render.info(f"changed {edited.entry_id}  {edited.day.isoformat()}  {edited.kind}")
    for change in edited.changes:
        render.info(f"  {change.field}: {change.old} → {change.new}")


def rm(
    entry_ids: Annotated[
        list[str],
        typer.Argument(help="The ids of the entries, from `aij entries`.", metavar="ID"),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete entries (asks first; every id is checked before any is deleted).

    `aij undo` right after puts them back.

    Examples:

    \b
      aij rm 7d6ww5 k3m9qa
      aij rm 7d6ww5 --yes
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.reports.entries import entry_row
    from aijournal.store.entries import delete_entry, get_entries

    units = load_config().units
    with journal() as opened:
        with opened.read() as session:
            found = get_entries(session=session, entry_ids=entry_ids)
            rows = [entry_row(session=session, entry_id=e.id, units=units) for e in found]
        lines = [f"{r.id}  {r.date.isoformat()}  {r.kind}: {r.summary}" for r in rows if r]
        if not yes:
            if not is_interactive():
                raise BadInput("deleting needs a confirmation; add --yes to delete without asking")
            render.info("\n".join(lines))
            if not render.confirm(f"Delete {'these' if len(lines) > 1 else 'this'}?"):
                render.info("Kept.")
                return
        with opened.write() as session:
            for entry in found:
                delete_entry(session=session, entry_id=entry.id)
    for line in lines:
        render.info(f"deleted {line}")
    render.hint("'aij undo' puts them back." if len(lines) > 1 else "'aij undo' puts it back.")


def undo(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Take back the last command that wrote to the journal (asks first).

    It removes what that command logged and puts back what it changed or deleted (a value it
    replaced, an edit, an `aij rm`). Run it again for the command before; the last 10 are kept.

    Examples:

    \b
      aij undo
      aij undo --yes
    """
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.reports.entries import undo_preview
    from aijournal.store.undo import undo_last

    units = load_config().units
    with journal() as opened:
        with opened.read() as session:
            preview = undo_preview(session=session, units=units)
        if preview is None:
            render.info("Nothing to undo: no command has written to the journal since it was")
            render.info("opened by this version of aij, or the last 10 have been undone.")
            return
        done = [
            f"{line.action} {line.row.id}  {line.row.date.isoformat()}  {line.row.kind}: "
            + line.row.summary
            for line in preview.lines
        ]
        lines = [
            text + (f"  (now: {line.now})" if line.now is not None else "")
            for text, line in zip(done, preview.lines, strict=True)
        ]
        if not yes:
            if not is_interactive():
                raise BadInput("undoing needs a confirmation; add --yes to undo without asking")
            render.info(f"The last command, at {preview.at:%Y-%m-%d %H:%M} UTC:")
            render.info("\n".join(f"  {line}" for line in lines))
            if not render.confirm("Undo it?"):
                render.info("Kept.")
                return
        with opened.write() as session:
            undo_last(session=session, batch=preview.batch)
    for text in done:
        render.info(f"undone: {text}")


def register(app: typer.Typer) -> None:
    app.command("day", cls=DashWordsCommand)(day)
    app.command("entries")(entries)
    app.command("edit")(edit)
    app.command("rm")(rm)
    app.command("undo")(undo)
