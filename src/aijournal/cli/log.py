"""`aij log`: the guided check-in, the one-line log, and the log subcommands."""

import re
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from aijournal.cli.common import (
    DashWordsCommand,
    DateOption,
    SavedJsonOption,
    complete_exercise,
    complete_symptom,
    day_of,
    is_interactive,
    journal,
    journal_exists,
    show_saved,
)
from aijournal.errors import BadInput

RATINGS = "ratings"
ONE_LINE = "aij log joint-pain=6 sleep=7"
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class LogGroup(TyperGroup):
    """Routes `aij log joint-pain=6 ...` (key=value words) to the hidden `ratings` command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Words that are not the value of the group's own --date/-d (aij log -d yesterday ...).
        positions = [
            i
            for i, a in enumerate(args)
            if not a.startswith("-") and not (i > 0 and args[i - 1] in ("--date", "-d"))
        ]
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

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """The subcommands, and the symptom names of the one-line form (`joint-pain=`)."""
        from typer._click.shell_completion import CompletionItem  # typer vendors click

        found: list[Any] = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            found += [CompletionItem(name) for name in complete_symptom(incomplete)]
        return found


app = typer.Typer(
    cls=LogGroup,
    invoke_without_command=True,
)


@app.callback()
def log_root(ctx: typer.Context, date: DateOption = "today") -> None:
    """Log today's check-in: guided with no arguments, or one line of NAME=VALUE pairs
    (see aij symptoms); --json after the pairs prints the ids written.

    Examples:

    \b
      aij log joint-pain=6 stiffness=30 sleep=6.5 --where knees,hands
      aij log fatigue=2 --date yesterday --json
    """
    if ctx.invoked_subcommand is not None:
        return
    if not is_interactive():
        raise BadInput(f"the guided check-in needs a terminal; try: {ONE_LINE}")
    from aijournal.cli.checkin import guided_checkin

    guided_checkin(day_of(date))


def _save_line(
    tokens: list[str], where: str | None, note: str | None, date: str, *, as_json: bool = False
) -> None:
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
    show_saved(day, saved, as_json=as_json)


@app.command(RATINGS, hidden=True)
def ratings(
    pairs: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME=VALUE",
            help="key=value pairs, e.g. joint-pain=6.",
            autocompletion=complete_symptom,
        ),
    ],
    where: Annotated[
        str | None, typer.Option("--where", help="Where it hurts: knees,hands,... ")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the day.")] = None,
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Symptoms and measures as key=value pairs (see `aij symptoms`).

    Examples:

    \b
      aij log joint-pain=6 stiffness=30 --where knees,hands
      aij log hot-flashes=4 sleep=6.5 --json
    """
    _save_line(pairs, where, note, date, as_json=as_json)


@app.command("med")
def med(
    names: Annotated[
        list[str] | None, typer.Argument(help="Which medications (default: all configured).")
    ] = None,
    skipped: Annotated[bool, typer.Option("--skipped", help="The dose was not taken.")] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="Why it was skipped.")] = None,
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record today's doses of your medications as taken (or --skipped): those due that day
    on your medication timeline (aij med), else those set in config.yaml; a scheduled dose
    (aij med schedule) by its name: aij log med zoledronic-acid.

    Examples:

    \b
      aij log med
      aij log med --skipped --reason "nausea" --date yesterday
    """
    from aijournal.config import load_config
    from aijournal.domain.medtimeline import MAX_REASON, check_text
    from aijournal.domain.suggest import did_you_mean
    from aijournal.reports.medication import loggable
    from aijournal.store.daily import save_dose

    day = day_of(date)
    config = load_config()
    if reason is not None and not skipped:
        raise BadInput("--reason goes with --skipped")
    due, by_name = list(config.medications), {m.name: m for m in config.medications}
    if journal_exists():
        with journal() as opened, opened.read() as session:
            due, by_name = loggable(session=session, config=config, day=day)
    if not by_name:
        raise BadInput(
            "no medications are set; record yours once, e.g. aij med start anastrozole "
            "--dose '1 mg' (or: aij config set medications 'anastrozole 1 mg')"
        )
    if not names and not due:
        raise BadInput(f"no daily dose is due on {day}; name one of: {', '.join(by_name)}")
    chosen = []
    for name in names or [m.name for m in due]:
        if name.lower() not in by_name:
            hint = did_you_mean(name.lower(), by_name)
            raise BadInput(
                f"'{name}' is not one of your medications on {day}{hint}; "
                f"yours: {', '.join(by_name)}"
            )
        chosen.append(by_name[name.lower()])
    clean_reason = check_text("--reason", reason, MAX_REASON)
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
    show_saved(day, saved, as_json=as_json)


def _one_value(key: str, value: str, date: str, as_json: bool) -> None:
    _save_line([f"{key}={value}"], None, None, date, as_json=as_json)


@app.command("weight", cls=DashWordsCommand)
def weight(
    value: Annotated[
        str, typer.Argument(help="Weight: 68.2 (kg; lb with units: imperial), 68.2kg or 150lb.")
    ],
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record your weight (kg stored; lb accepted, and read by default with units: imperial).

    Examples:

    \b
      aij log weight 68.2
      aij log weight 150lb --date yesterday
    """
    _one_value("weight", value, date, as_json)


@app.command("waist", cls=DashWordsCommand)
def waist(
    value: Annotated[
        str, typer.Argument(help="Waist: 84 (cm; in with units: imperial), 84cm or 33in.")
    ],
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record your waist (cm stored; in accepted, and read by default with units: imperial).

    Examples:

    \b
      aij log waist 84
      aij log waist 33in
    """
    _one_value("waist", value, date, as_json)


@app.command("mind", cls=DashWordsCommand)
def mind(
    minutes: Annotated[str, typer.Argument(help="Minutes of meditation, breathing or yoga.")],
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record mind-body minutes (meditation, breathing, yoga).

    Examples:

    \b
      aij log mind 15
      aij log mind 20 --date yesterday
    """
    _one_value("mind", minutes, date, as_json)


@app.command("sleep", cls=DashWordsCommand)
def sleep(
    hours: Annotated[str, typer.Argument(help="Hours slept, 0-24: 7, 7.5, 7h30 or 7:30.")],
    quality: Annotated[
        str | None, typer.Option("--quality", "-q", help="Sleep quality, 0-10.")
    ] = None,
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record last night's sleep: hours, and quality 0-10.

    Examples:

    \b
      aij log sleep 7:30 --quality 8
      aij log sleep 6.5 --date yesterday
    """
    pairs = [f"sleep={hours}"] + ([f"sleep-quality={quality}"] if quality is not None else [])
    _save_line(pairs, None, None, date, as_json=as_json)


@app.command("note", cls=DashWordsCommand)
def note(
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="The note, in quotes; - reads standard input.")
    ],
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Add a free note to the day.

    Examples:

    \b
      aij log note "slept badly, hot night"
      cat notes.txt | aij log note - --date yesterday
    """
    if text == "-":
        import sys

        text = sys.stdin.read().strip()
        if not text:
            raise BadInput("standard input held no note; pipe some text into aij log note -")
    _save_line([], None, text, date, as_json=as_json)


@app.command("ex")
def ex(
    items: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="EXERCISE AMOUNT",
            help="exercise amount ...: goblet-squat 3x10@12kg brisk-walk 35m",
            autocompletion=complete_exercise,
        ),
    ] = None,
    rpe: Annotated[
        int | None, typer.Option("--rpe", help="Effort 0-10 (5-6 moderate, 7+ vigorous).")
    ] = None,
    date: DateOption = "today",
    yes: Annotated[
        bool, typer.Option("--yes", help="Accept an activity of more than 4 hours.")
    ] = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record exercise: sets x reps @ load, held seconds, minutes, or impacts; with no
    exercise named, today's planned session is asked for, prefilled.

    Examples:

    \b
      aij log ex goblet-squat 3x10@12kg push-up 2x8 plank 3x30s --rpe 6
      aij log ex brisk-walk 35m --rpe 5 --date yesterday
    """
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
    show_saved(day, [saved], as_json=as_json)


@app.command("lab", cls=DashWordsCommand)
def lab(
    test: Annotated[
        str,
        typer.Argument(
            metavar="TEST", help="The test: dexa, vitamin-d, calcium, or any other name."
        ),
    ],
    values: Annotated[
        list[str],
        typer.Argument(
            metavar="VALUES",
            help="dexa: SITE=T-SCORE and SITE-bmd=G/CM2; others: VALUE UNIT (62 nmol/L).",
        ),
    ],
    lsc: Annotated[
        list[str] | None,
        typer.Option(
            "--lsc",
            help="The least significant change the scan report gives, per site: "
            "lumbar-spine=0.03 (g/cm2) or lumbar-spine=3% (of BMD).",
        ),
    ] = None,
    other: Annotated[
        bool,
        typer.Option("--other", help="A test of its own whose name looks like a known one."),
    ] = False,
    date: DateOption = "today",
    as_json: SavedJsonOption = False,
) -> None:
    """Record a lab result: a DEXA scan's T-scores (and BMD) by site, 25-OH vitamin D
    (nmol/L or ng/mL), serum calcium (mmol/L or mg/dL), or any named result with its unit.

    Sites: lumbar-spine, total-hip, femoral-neck, forearm; add SITE-bmd=0.912 for the BMD
    in g/cm2 and --lsc SITE=0.03 for the report's least significant change. Vitamin D is
    kept in nmol/L (1 ng/mL = 2.496 nmol/L), calcium in mmol/L (1 mmol/L = 4.008 mg/dL):
    "aij log lab calcium 2.4 mmol/L"; any other result with its unit: "ferritin 45 ug/L".

    Examples:

    \b
      aij log lab dexa lumbar-spine=-2.1 total-hip=-1.4 --date 2026-03-10
      aij log lab vitamin-d 62 nmol/L
    """
    from aijournal.domain.labs import DEXA, describe, lab_test_name, parse_amount, parse_dexa
    from aijournal.store.labs import save_lab

    day = day_of(date)
    name = lab_test_name(test, other=other)
    if name == DEXA:
        found = parse_dexa(values, lsc or [])
    else:
        if lsc:
            raise BadInput("--lsc goes with a DEXA result (aij log lab dexa ...)")
        found = [parse_amount(name, values)]
    with journal() as opened, opened.write() as session:
        saved = save_lab(
            session=session, day=day, test=name, values=found, what=describe(name, found)
        )
    show_saved(day, [saved], as_json=as_json)
