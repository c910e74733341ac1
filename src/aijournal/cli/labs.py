"""`aij labs` and `aij bone`: lab results, and the years-long view of bone health."""

from typing import Annotated

import typer

from aijournal import clock
from aijournal.cli.common import JsonOption, day_of, journal

SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="From this day on: a date (2024-01-01) or -365d."),
]


def labs(since: SinceOption = None, as_json: JsonOption = False) -> None:
    """Your lab results by test, oldest first: T-scores with the scan's WHO category,
    vitamin D in nmol/L and ng/mL, calcium in mmol/L and mg/dL, and the others as logged.

    Examples:

    \b
      aij labs
      aij labs --since 2024-01-01 --json
    """
    from aijournal import render
    from aijournal.render.labs import labs as show_labs
    from aijournal.reports.labs import labs_report

    start = day_of(since) if since is not None else None
    with journal() as opened, opened.read() as session:
        result = labs_report(session=session, today=clock.today(), since=start)
    if as_json:
        render.dump_json(result.model_dump(mode="json"))
    else:
        show_labs(result)


def bone(since: SinceOption = None, as_json: JsonOption = False) -> None:
    """The years-long view: T-scores by site and their change between scans, vitamin D
    over time, and between scans the impact and resistance sessions a week, the share
    of days meeting your calcium and vitamin D targets, the bone-agent doses taken and
    the medication events; then the next bone-agent dose, and the 8 weeks before and
    after each medication change (as aij insights compares them).

    Examples:

    \b
      aij bone
      aij bone --since 2022-01-01 --json
    """
    from aijournal import render
    from aijournal.catalog.targets import load_targets
    from aijournal.config import load_config
    from aijournal.render.labs import bone as show_bone
    from aijournal.render.labs import bone_data
    from aijournal.reports.bone import bone_report

    start = day_of(since) if since is not None else None
    profile = load_targets().profile(load_config().profile)
    with journal() as opened, opened.read() as session:
        result = bone_report(session=session, profile=profile, today=clock.today(), since=start)
    if as_json:
        render.dump_json(bone_data(result))
    else:
        show_bone(result)


def register(app: typer.Typer) -> None:
    app.command("labs")(labs)
    app.command("bone")(bone)
