"""`aij log`: the guided check-in, the one-line log, and the log subcommands."""

import re
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from aijournal.cli.common import (
    DashWordsCommand,
    DateOption,
    day_of,
    is_interactive,
    journal,
)
from aijournal.errors import BadInput

RATINGS = "ratings"
ONE_LINE = "aij log joint-pain=6 sleep=7"
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class LogGroup(TyperGroup):
    """Routes `aij log joint-pain=6 ...` (key=value words) to the hidden `ratings` command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        positions = [i for i, a in enumerate(args) if not a.startswith("-")]
        first = args[positions[0]] if positions else None
        routed = first is not None and first not in self.commands and "=" in first
        if routed or (args and first is None and ({"--where", "--note"} & set(args))):
            args = [RATINGS, *args]
        elif first is not None and first not in self.commands and not ctx.resilient_parsing:
            after = args[positions[0] + 1 : positions[0] + 2]
            if after and _NAME.match(first.lower()) and not after[0].startswith("--"):
                pair = f"{first.lower()}={after[0]}"
                raise BadInput(f"'{first} {after[0]}': a rating is NAME=VALUE: aij log {pair}")
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=LogGroup,
    invoke_without_command=True,
    help="Log today's check-in: guided with no arguments, or one line "
    "(aij log joint-pain=6 stiffness=30 sleep=6.5 --where knees,hands).",
)


@app.callback()
def log_root(ctx: typer.Context, date: DateOption = "today") -> None:
    if ctx.invoked_subcommand is not None:
        return
    if not is_interactive():
        raise BadInput(f"the guided check-in needs a terminal; try: {ONE_LINE}")
    from aijournal.cli.checkin import guided_checkin

    guided_checkin(day_of(date))


def _save_line(tokens: list[str], where: str | None, note: str | None, date: str) -> None:
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.domain.daylog import check_note, parse_log_line
    from aijournal.domain.symptoms import parse_sites
    from aijournal.store.daily import save_day_log

    day = day_of(date)
    config = load_config()
    entry = parse_log_line(tokens, config.symptom_set(), config.units)
    if where is not None:
        entry.sites = parse_sites(where)
    if note is not None:
        entry.note = check_note(note)
    if entry.is_empty():
        raise BadInput("nothing to log; give key=value pairs such as joint-pain=6")
    with journal() as opened, opened.write() as session:
        saved = save_day_log(session=session, day=day, log=entry, units=config.units)
    render.saved(day.isoformat(), saved)


@app.command(RATINGS, hidden=True)
def ratings(
    pairs: Annotated[list[str], typer.Argument(help="key=value pairs, e.g. joint-pain=6.")],
    where: Annotated[
        str | None, typer.Option("--where", help="Where it hurts: knees,hands,... ")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the day.")] = None,
    date: DateOption = "today",
) -> None:
    """Symptoms and measures as key=value pairs (see `aij symptoms`)."""
    _save_line(pairs, where, note, date)


@app.command("med")
def med(
    names: Annotated[
        list[str] | None, typer.Argument(help="Which medications (default: all configured).")
    ] = None,
    skipped: Annotated[bool, typer.Option("--skipped", help="The dose was not taken.")] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="Why it was skipped.")] = None,
    date: DateOption = "today",
) -> None:
    """Record today's doses of your configured medications as taken (or --skipped)."""
    from aijournal import render
    from aijournal.config import load_config
    from aijournal.domain.suggest import did_you_mean
    from aijournal.store.daily import save_dose

    day = day_of(date)
    config = load_config()
    if not config.medications:
        raise BadInput(
            "no medications are set; set yours once, e.g. "
            "aij config set medications 'anastrozole 1 mg'"
        )
    if reason is not None and not skipped:
        raise BadInput("--reason goes with --skipped")
    by_name = {m.name: m for m in config.medications}
    chosen = []
    for name in names or list(by_name):
        if name.lower() not in by_name:
            hint = did_you_mean(name.lower(), by_name)
            raise BadInput(
                f"'{name}' is not one of your medications{hint}; yours: {', '.join(by_name)}"
            )
        chosen.append(by_name[name.lower()])
    clean_reason = reason.strip()[:500] if reason and reason.strip() else None
    with journal() as opened, opened.write() as session:
        saved = [
            save_dose(
                session=session,
                day=day,
                medication=m.name,
                dose=m.dose,
                taken=not skipped,
                reason=clean_reason,
            )
            for m in chosen
        ]
    render.saved(day.isoformat(), saved)


def _one_value(key: str, value: str, date: str) -> None:
    _save_line([f"{key}={value}"], None, None, date)


@app.command("weight", cls=DashWordsCommand)
def weight(
    value: Annotated[
        str, typer.Argument(help="Weight: 68.2 (kg; lb with units: imperial), 68.2kg or 150lb.")
    ],
    date: DateOption = "today",
) -> None:
    """Record your weight (kg stored; lb accepted, and read by default with units: imperial)."""
    _one_value("weight", value, date)


@app.command("waist", cls=DashWordsCommand)
def waist(
    value: Annotated[
        str, typer.Argument(help="Waist: 84 (cm; in with units: imperial), 84cm or 33in.")
    ],
    date: DateOption = "today",
) -> None:
    """Record your waist (cm stored; in accepted, and read by default with units: imperial)."""
    _one_value("waist", value, date)


@app.command("mind", cls=DashWordsCommand)
def mind(
    minutes: Annotated[str, typer.Argument(help="Minutes of meditation, breathing or yoga.")],
    date: DateOption = "today",
) -> None:
    """Record mind-body minutes (meditation, breathing, yoga)."""
    _one_value("mind", minutes, date)


@app.command("sleep", cls=DashWordsCommand)
def sleep(
    hours: Annotated[str, typer.Argument(help="Hours slept, 0-24: 7, 7.5, 7h30 or 7:30.")],
    quality: Annotated[
        str | None, typer.Option("--quality", "-q", help="Sleep quality, 0-10.")
    ] = None,
    date: DateOption = "today",
) -> None:
    """Record last night's sleep: hours, and quality 0-10."""
    pairs = [f"sleep={hours}"] + ([f"sleep-quality={quality}"] if quality is not None else [])
    _save_line(pairs, None, None, date)


@app.command("note", cls=DashWordsCommand)
def note(
    text: Annotated[str, typer.Argument(help="The note, in quotes.")],
    date: DateOption = "today",
) -> None:
    """Add a free note to the day."""
    _save_line([], None, text, date)


@app.command("ex")
def ex(
    items: Annotated[
        list[str] | None,
        typer.Argument(help="exercise amount ...: goblet-squat 3x10@12kg brisk-walk 35m"),
    ] = None,
    rpe: Annotated[
        int | None, typer.Option("--rpe", help="Effort 0-10 (5-6 moderate, 7+ vigorous).")
    ] = None,
    date: DateOption = "today",
    yes: Annotated[
        bool, typer.Option("--yes", help="Accept an activity of more than 4 hours.")
    ] = False,
) -> None:
    """Record exercise: sets x reps @ load, held seconds, minutes, or impacts."""
    from aijournal import render
    from aijournal.catalog.exercises import load_exercise_catalog
    from aijournal.domain.exercise import format_entry, parse_exercise_log, validate_rpe
    from aijournal.paths import paths
    from aijournal.store.exercise import ItemToSave, save_session

    day = day_of(date)
    if rpe is not None:
        validate_rpe(rpe)
    catalog = load_exercise_catalog(paths().protocols)
    if not items:
        if not is_interactive():
            raise BadInput("name what you did, e.g. aij log ex goblet-squat 3x10 brisk-walk 35m")
        from aijournal.cli.exercise_guided import ask_session

        text, rpe = ask_session(day, catalog)
    else:
        text = " ".join(items)
    parsed = parse_exercise_log(text, catalog.resolve, accept_long=yes)
    to_save = [
        ItemToSave(
            entry=entry,
            kind=catalog.get(entry.exercise_id).kind,
            intensity=catalog.get(entry.exercise_id).intensity,
            summary=format_entry(entry, for_reading=True),
        )
        for entry in parsed
    ]
    with journal() as opened, opened.write() as session:
        saved = save_session(session=session, day=day, items=to_save, rpe=rpe)
    render.saved(day.isoformat(), [saved])
