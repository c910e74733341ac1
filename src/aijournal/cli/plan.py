"""`aij plan` (list, show, use, validate, new, check) and `aij today`: the weekly exercise plan."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aijournal import clock
from aijournal.cli.common import (
    DateOption,
    JsonOption,
    complete_plan,
    day_of,
    journal,
    week_of,
)
from aijournal.errors import BadInput

if TYPE_CHECKING:
    from aijournal.catalog.protocols import PlanSet

app = typer.Typer(
    help="Weekly exercise plans: list, show, choose, check a week.", no_args_is_help=True
)


def _plans() -> "PlanSet":
    from aijournal.catalog.protocols import load_plans
    from aijournal.paths import paths

    return load_plans(paths().protocols)


def _active_plan_id(plan_id: str | None) -> str:
    from aijournal.config import load_config

    return plan_id or load_config().plan


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """The plans you can follow (shipped and your own).

    Examples:

    \b
      aij plan list
      aij plan list --json
    """
    from aijournal import render

    plans = _plans()
    active = _active_plan_id(None)
    rows = [
        {"id": p.id, "name": p.name, "active": p.id == active, "file": str(plans.origins[p.id])}
        for p in plans.all()
    ]
    if as_json:
        render.dump_json({"plans": rows, "problems": [m for _, m in plans.problems]})
        return
    render.rows_table(
        "Plans",
        ("", "id", "name"),
        (("*" if r["active"] else "", r["id"], r["name"]) for r in rows),
    )
    for _, message in plans.problems:
        render.warn(message)
    render.hint("* the plan in use; change it with: aij plan use ID")


@app.command("show")
def show(
    plan_id: Annotated[
        str | None,
        typer.Argument(
            metavar="PLAN",
            help="A plan id (default: the one in use).",
            autocompletion=complete_plan,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """A plan's week: each day's focus, activities, sets and reps or minutes.

    Examples:

    \b
      aij plan show
      aij plan show acsm-2019 --json
    """
    from aijournal import render
    from aijournal.reports.plan import plan_json

    plans = _plans()
    plan = plans.get(_active_plan_id(plan_id))
    data = plan_json(plan, plans.catalog)
    if as_json:
        render.dump_json(data)
    else:
        render.plan_week(data)


@app.command("use")
def use(
    plan_id: Annotated[
        str,
        typer.Argument(
            metavar="PLAN", help="The plan to follow from now on.", autocompletion=complete_plan
        ),
    ],
) -> None:
    """Follow this plan (kept in config).

    Examples:

    \b
      aij plan use acsm-2019
      aij plan use my-week
    """
    from aijournal import render
    from aijournal.config import load_config, save_config, set_value

    updated = set_value(load_config(), "plan", plan_id)
    save_config(updated)
    render.info(f"now following plan {updated.plan}")


@app.command("validate")
def validate(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A plan YAML file.")],
) -> None:
    """Check a plan file: errors name the file, line, field and what is allowed.

    Examples:

    \b
      aij plan validate ~/.local/share/aij/protocols/my-week.yaml
      aij plan validate "$(aij where plans)/my-week.yaml"
    """
    from aijournal import render
    from aijournal.catalog.exercises import load_exercise_catalog
    from aijournal.catalog.protocols import validate_plan_file
    from aijournal.paths import paths

    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    plan = validate_plan_file(path, load_exercise_catalog(paths().protocols))
    render.info(f"{path}: plan '{plan.id}' is valid")


@app.command("new")
def new(
    plan_id: Annotated[
        str, typer.Argument(metavar="NEW_ID", help="The new plan's id (kebab-case).")
    ],
    from_: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="PLAN",
            help="The plan to copy (default musculoskeletal).",
            autocompletion=complete_plan,
        ),
    ] = "musculoskeletal",
    name: Annotated[
        str | None,
        typer.Option("--name", help='The new plan\'s display name (default "ID, from PLAN").'),
    ] = None,
) -> None:
    """Copy a plan into your own protocols folder to edit it.

    Examples:

    \b
      aij plan new my-week --from musculoskeletal
      aij plan new easy-week --from acsm-2019 --name "Easy week"
    """
    from aijournal import render
    from aijournal.catalog.plan_copy import copy_plan
    from aijournal.paths import paths

    target = copy_plan(
        _plans(), source_id=from_, new_id=plan_id, folder=paths().protocols, name=name
    )
    render.info(
        f"wrote {target}; edit it, then: aij plan validate {target} && aij plan use {plan_id}"
    )


@app.command("check")
def check(
    week: Annotated[
        str, typer.Argument(help="An ISO week (2026-W48) or any day in it; default this week.")
    ] = "today",
    plan_id: Annotated[
        str | None,
        typer.Option(
            "--plan", metavar="PLAN", help="Another plan than yours.", autocompletion=complete_plan
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """How a week measured up to the plan: each day, and the weekly totals.

    Examples:

    \b
      aij plan check
      aij plan check 2026-W48 --plan acsm-2019
    """

    from aijournal import render
    from aijournal.reports.plan import check_week

    chosen = week_of(week)
    plans = _plans()
    plan = plans.get(_active_plan_id(plan_id))
    with journal() as opened, opened.read() as session:
        result = check_week(
            session=session, plan=plan, catalog=plans.catalog, week=chosen, today=clock.today()
        )
    if as_json:
        render.dump_json(result.model_dump(mode="json"))
    else:
        render.plan_check(result)


def today(as_json: JsonOption = False, date: DateOption = "today") -> None:
    """Today's (or another day's) planned session and what is logged against it.

    Examples:

    \b
      aij today
      aij today --date yesterday --json
    """

    from aijournal import render
    from aijournal.reports.plan import today_view

    day = day_of(date)
    plans = _plans()
    plan = plans.get(_active_plan_id(None))
    with journal() as opened, opened.read() as session:
        result = today_view(
            session=session, plan=plan, catalog=plans.catalog, day=day, today=clock.today()
        )
    if as_json:
        render.dump_json(result.model_dump(mode="json"))
    else:
        render.today_plan(result)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="plan")
    root.command("today")(today)
