"""`aij visit add|list`, `aij question list|done`, `aij log question`: appointments."""

from typing import Annotated

import typer

from aijournal import clock
from aijournal.cli.common import (
    DateOption,
    JsonOption,
    SavedJsonOption,
    day_of,
    journal,
    show_saved,
)

visit_app = typer.Typer(help="Appointments: record upcoming and past visits.", no_args_is_help=True)
question_app = typer.Typer(help="Questions kept for your next visit.", no_args_is_help=True)


# A past visit may be typed -10d: keep such a word as the date, not an unknown option.
@visit_app.command("add", context_settings={"ignore_unknown_options": True})
def add(
    when: Annotated[
        str,
        typer.Argument(
            help="The visit's date: an ISO date, today, tomorrow, a weekday name (the next "
            "one), +3d, or -3d for a past visit."
        ),
    ],
    clinician: Annotated[
        str | None, typer.Option("--with", help="Who you see, e.g. 'oncologist'.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note about the visit.")] = None,
    as_json: SavedJsonOption = False,
) -> None:
    """Record an appointment (upcoming or past).

    Examples:

    \b
      aij visit add 2026-12-03 --with oncologist --note "bring the DEXA report"
      aij visit add friday --with "bone clinic"
    """
    from aijournal.domain.dates import parse_day
    from aijournal.store.visits import add_visit

    day = parse_day(when, ahead=True, today=clock.today())
    with journal() as opened, opened.write() as session:
        saved = add_visit(session=session, day=day, clinician=clinician, note=note)
    show_saved(day, [saved], as_json=as_json)


@visit_app.command("list")
def list_visits(as_json: JsonOption = False) -> None:
    """Upcoming and past appointments, with their ids.

    Examples:

    \b
      aij visit list
      aij visit list --json
    """

    from aijournal import render
    from aijournal.store.visits import list_visits as stored_visits

    with journal() as opened, opened.read() as session:
        rows = stored_visits(session=session, today=clock.today())
    if as_json:
        render.dump_json([row.model_dump(mode="json") for row in rows])
        return
    if not rows:
        render.hint("No visits yet. Add one: aij visit add 2026-12-03 --with oncologist")
        return
    for title, upcoming in (("Upcoming visits", True), ("Past visits", False)):
        chosen = [r for r in rows if r.upcoming is upcoming]
        if chosen:
            render.rows_table(
                title,
                ("id", "date", "with", "note"),
                ((r.id, r.date.isoformat(), r.clinician or "", r.note or "") for r in chosen),
            )


def question(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The question, in quotes.")],
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Keep a question for your next visit (shown until marked answered).

    Examples:

    \b
      aij log question "Could the joint pain be from the AI?"
      aij log question "Is my vitamin D dose enough?" --json
    """
    from aijournal.store.visits import add_question

    day = day_of(date)
    with journal() as opened, opened.write() as session:
        saved = add_question(session=session, day=day, text=text)
    show_saved(day, [saved], as_json=as_json)


@question_app.command("list")
def list_questions(
    include_answered: Annotated[
        bool, typer.Option("--all", help="Also the questions marked answered.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """The questions kept for your next visit, with their ids.

    Examples:

    \b
      aij question list
      aij question list --all --json
    """
    from aijournal import render
    from aijournal.store.visits import list_questions as stored_questions

    with journal() as opened, opened.read() as session:
        rows = stored_questions(session=session, include_answered=include_answered)
    if as_json:
        render.dump_json([row.model_dump(mode="json") for row in rows])
        return
    if not rows:
        render.hint('No open questions. Keep one: aij log question "..."')
        return
    render.rows_table(
        "Questions" if include_answered else "Open questions",
        ("id", "asked", "question", "answered"),
        (
            (r.id, r.asked.isoformat(), r.text, r.answered_on.isoformat() if r.answered_on else "")
            for r in rows
        ),
    )


@question_app.command("done")
def done(
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="The question's id, from `aij question list`.")
    ],
    date: DateOption = "today",
) -> None:
    """Mark a question answered.

    Examples:

    \b
      aij question done 7d6ww5
      aij question done 7d6ww5 --date yesterday
    """
    from aijournal import render
    from aijournal.store.visits import answer_question

    day = day_of(date)
    with journal() as opened, opened.write() as session:
        row = answer_question(session=session, entry_id=entry_id, day=day)
    render.info(f"answered {row.id}  {day.isoformat()}  {row.text}")


def register(app: typer.Typer) -> None:
    from aijournal.cli import log

    app.add_typer(visit_app, name="visit")
    app.add_typer(question_app, name="question")
    log.app.command("question")(question)
