"""`aij week`, `aij trends`, `aij insights`, `aij checkin`: how the protocol is working."""

from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from aijournal import clock
from aijournal.cli.common import (
    DateOption,
    JsonOption,
    day_of,
    is_interactive,
    journal,
    show_saved,
    week_of,
)
from aijournal.errors import BadInput

if TYPE_CHECKING:
    from aijournal.catalog.protocols import PlanSet
    from aijournal.catalog.targets import TargetProfile
    from aijournal.config import Config


def _context() -> tuple["Config", "PlanSet", "TargetProfile"]:
    from aijournal.catalog.protocols import load_plans
    from aijournal.catalog.targets import load_targets
    from aijournal.config import load_config
    from aijournal.paths import paths

    config = load_config()
    return config, load_plans(paths().protocols), load_targets().profile(config.profile)


def week(
    when: Annotated[
        str, typer.Argument(help="An ISO week (2026-W48) or any day in it; default this week.")
    ] = "today",
    last: Annotated[bool, typer.Option("--last", help="The week before.")] = False,
    as_json: JsonOption = False,
) -> None:
    """The week: plan, nutrients, eating pattern, symptoms, medication, habits.

    Examples:

    \b
      aij week --last
      aij week 2026-W45 --json
    """
    from aijournal import render
    from aijournal.reports.week import week_report

    chosen = week_of(when)
    if last:
        monday = date.fromisocalendar(chosen[0], chosen[1], 1) - timedelta(days=7)
        chosen = (monday.isocalendar()[0], monday.isocalendar()[1])
    config, plans, profile = _context()
    plan = plans.get(config.plan)
    with journal() as opened, opened.read() as session:
        report = week_report(
            session=session,
            week=chosen,
            config=config,
            plan=plan,
            catalog=plans.catalog,
            profile=profile,
            today=clock.today(),
        )
    if as_json:
        render.dump_json(report.model_dump(mode="json"))
    else:
        render.week_report(report, units=config.units)


def trends(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Series: symptom names, exercise-minutes, resistance-sessions, "
            "calcium, vitamin-d, medication, sleep, weight, waist (default: a useful set)."
        ),
    ] = None,
    weeks: Annotated[
        int,
        typer.Option(
            "--weeks", help="How many weeks, this one last (never before your first entry)."
        ),
    ] = 12,
    as_json: JsonOption = False,
) -> None:
    """Weekly series as terminal charts with the numbers beside them.

    Examples:

    \b
      aij trends --weeks 12
      aij trends joint-pain calcium sleep weight
    """
    from aijournal import render
    from aijournal.reports.trends import trends as weekly_trends

    config, _, profile = _context()
    with journal() as opened, opened.read() as session:
        result = weekly_trends(
            session=session,
            weeks=weeks,
            names=names or [],
            config=config,
            profile=profile,
            today=clock.today(),
        )
    if as_json:
        render.dump_json(result.model_dump(mode="json"))
    else:
        render.trends(result)


def insights(
    days: Annotated[int, typer.Option("--days", help="How many days back to look.")] = 365,
    as_json: JsonOption = False,
) -> None:
    """Associations worth a look (exercise, sleep, plan weeks against pain), with their
    uncertainty. An association is not proof of cause.

    Examples:

    \b
      aij insights
      aij insights --days 180 --json
    """
    from aijournal import render
    from aijournal.reports.insights import insights as find_insights

    if not 28 <= days <= 3660:
        raise BadInput(f"--days {days} is not allowed; use 28 to 3660")
    config, plans, _ = _context()
    end = clock.today()
    with journal() as opened, opened.read() as session:
        result = find_insights(
            session=session,
            start=end - timedelta(days=days - 1),
            end=end,
            plan=plans.get(config.plan),
            catalog=plans.catalog,
        )
    if as_json:
        render.dump_json(render.insights_data(result))
    else:
        render.insights(result)


def checkin(
    answers: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ITEM.SCALE=ANSWER",
            help="ITEM.SCALE=0-4 answers, e.g. joint-pain.severity=2 (or guided).",
        ),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the questions and scales.")] = False,
    date_: DateOption = "today",
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print JSON: the ids written and what was saved, or with --list the questions.",
        ),
    ] = False,
) -> None:
    """The optional weekly check-in: 7-day questions on NCI's PRO-CTCAE scales.

    Examples:

    \b
      aij checkin joint-pain.severity=2 hot-flashes.frequency=3
      aij checkin --list --json
    """
    from aijournal import render
    from aijournal.domain.checkin import (
        QUESTIONS,
        SOURCE,
        parse_answers,
        question_text,
        response_labels,
    )
    from aijournal.store.checkins import save_checkin

    if list_:
        if as_json:
            questions = [
                {
                    "key": key,
                    "question": question_text(key),
                    "answers": [
                        {"value": n, "label": label} for n, label in enumerate(response_labels(key))
                    ],
                }
                for key in QUESTIONS
            ]
            render.dump_json({"source": SOURCE, "questions": questions})
            return
        render.rows_table(
            f"Weekly check-in ({SOURCE})",
            ("answer as", "question", "0-4"),
            ((key, question_text(key), " / ".join(response_labels(key))) for key in QUESTIONS),
            whole=(0,),
        )
        return
    day = day_of(date_)
    if not answers:
        if not is_interactive():
            raise BadInput(
                "give answers like joint-pain.severity=2, or run on a terminal; "
                "aij checkin --list shows the questions"
            )
        from aijournal.cli.checkin import ask_weekly

        parsed = ask_weekly()
        if not parsed:  # Enter on every question, as the daily check-in: nothing, and exit 0
            render.hint("Nothing new to save.")
            return
    else:
        parsed = parse_answers(answers)
    with journal() as opened, opened.write() as session:
        saved = save_checkin(session=session, day=day, answers=parsed)
    show_saved(day, [saved], as_json=as_json)


def register(app: typer.Typer) -> None:
    app.command("week")(week)
    app.command("trends")(trends)
    app.command("insights")(insights)
    app.command("checkin")(checkin)
