"""`aij day`, `aij entries`, `aij edit`, `aij rm`: reading and changing what was logged."""

from typing import Annotated

import typer

from aijournal.cli.common import DashWordsCommand, JsonOption, day_of, is_interactive, journal
from aijournal.errors import BadInput


def day(
    when: Annotated[
        str | None, typer.Argument(help="The day (default today); or use --date.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", "-d", help="The day, also as -3d: ISO, yesterday, a weekday."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Everything logged on one day."""
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
    as_json: JsonOption = False,
) -> None:
    """List entries with their ids (for `aij edit` and `aij rm`)."""
    from aijournal import render
    from aijournal.reports.entries import check_kind, entry_rows

    last = day_of(end or "today")
    first = day_of(start or "-30d") if start or not end else last
    if first > last:
        raise BadInput(f"--from {first} is after --to {last}")
    check_kind(kind)
    with journal() as opened, opened.read() as session:
        rows = entry_rows(session=session, start=first, end=last, kind=kind)
    if as_json:
        render.dump_json([row.model_dump(mode="json") for row in rows])
        return
    if not rows:
        render.hint(f"No entries from {first} to {last}.")
        return
    render.rows_table(
        f"Entries {first} to {last}",
        ("id", "date", "kind", "what"),
        ((r.id, r.date.isoformat(), r.kind, r.summary) for r in rows),
    )


def edit(
    entry_id: Annotated[str, typer.Argument(help="The entry's id, from `aij entries`.")],
    changes: Annotated[
        list[str] | None, typer.Argument(help="key=value changes, e.g. value=5.")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", "-d", help="Move it to this day.")] = None,
) -> None:
    """Change one entry."""
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.store.edit import edit_entry

    new_day = day_of(date) if date is not None else None
    symptoms = load_config().symptom_set()
    with journal() as opened, opened.write() as session:
        entry = edit_entry(
            session=session,
            entry_id=entry_id,
            changes=changes or [],
            symptoms=symptoms,
            new_day=new_day,
        )
        summary = f"changed {entry.id}  {entry.day.isoformat()}  {entry.kind}"
    render.info(summary)


def rm(
    entry_id: Annotated[str, typer.Argument(help="The entry's id, from `aij entries`.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete one entry (asks first)."""
    from aijournal import render
    from aijournal.reports.entries import entry_rows
    from aijournal.store.entries import delete_entry, get_entry

    with journal() as opened:
        with opened.read() as session:
            entry = get_entry(session=session, entry_id=entry_id)
            rows = entry_rows(session=session, start=entry.day, end=entry.day, kind=entry.kind)
        what = next(r.summary for r in rows if r.id == entry.id)
        if not yes:
            if not is_interactive():
                raise BadInput("deleting needs a confirmation; add --yes to delete without asking")
            if not render.confirm(f"Delete {entry.id} ({entry.day}, {entry.kind}: {what})?"):
                render.info("Kept.")
                return
        with opened.write() as session:
            delete_entry(session=session, entry_id=entry.id)
    render.info(f"deleted {entry.id}  {entry.day.isoformat()}  {entry.kind}: {what}")


def register(app: typer.Typer) -> None:
    app.command("day", cls=DashWordsCommand)(day)
    app.command("entries")(entries)
    app.command("edit")(edit)
    app.command("rm")(rm)
