"""`aij med`: the medication timeline (start, switch, dose change, holiday, stop), scheduled
doses of a bone agent, and the history."""

from typing import TYPE_CHECKING, Annotated

import typer

from aijournal import clock
from aijournal.cli.common import (
    DateOption,
    JsonOption,
    SavedJsonOption,
    day_of,
    journal,
    journal_exists,
    show_saved,
)

if TYPE_CHECKING:
    from aijournal.domain.medtimeline import MedEvent

app = typer.Typer(
    no_args_is_help=True,
    help="Your medication timeline: start, switch, dose "
    "change, holiday, stop, scheduled doses, history.",
)

NewNameOption = Annotated[
    bool, typer.Option("--new-name", help="Record a medication aij does not know by name.")
]
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why, in a few words.")]
DoseOption = Annotated[str | None, typer.Option("--dose", help='The dose, e.g. "2.5 mg".')]
# Usual doses (DOMAIN.md "Bone health and the medication timeline"), used when --dose is not given.
USUAL = {
    "anastrozole": "1 mg",
    "letrozole": "2.5 mg",
    "exemestane": "25 mg",
    "tamoxifen": "20 mg",
    "zoledronic-acid": "4 mg",
    "denosumab": "60 mg",
    "alendronate": "70 mg",
    "risedronate": "35 mg",
}


def _name(text: str, new_name: bool) -> str:
    from aijournal.config import load_config
    from aijournal.domain.medtimeline import check_name

    known = [m.name for m in load_config().medications]
    return check_name(text, known=known, new_name=new_name)


def _dose(text: str | None, name: str) -> str:
    from aijournal.domain.medtimeline import MAX_DOSE, check_text

    return check_text("--dose", text, MAX_DOSE) or USUAL.get(name, "")


def _reason(text: str | None) -> str | None:
    from aijournal.domain.medtimeline import MAX_REASON, check_text

    return check_text("--reason", text, MAX_REASON)


def _usual_note(given: str | None, name: str) -> str | None:
    """When --dose was left out and the usual dose was recorded, say so and how to change it."""
    if given is not None or name not in USUAL:
        return None
    return (
        f"{USUAL[name]} is the usual dose of {name}, recorded as --dose was not given; "
        "if yours differs, `aij undo` and give --dose"
    )


def _save(event: "MedEvent", as_json: bool, note: str | None = None) -> None:
    from aijournal.domain.medtimeline import check_ahead
    from aijournal.store.medication import save_event

    today = clock.today()
    for label, day in (
        ("the date", event.day),
        ("--to", event.ends_on),
        ("--next", event.next_due),
    ):
        check_ahead(label, day, today)
    with journal() as opened, opened.write() as session:
        saved = save_event(session=session, event=event)
    show_saved(event.day, [saved], as_json=as_json)
    if note and not as_json:
        from aijournal import render

        render.hint(note)


@app.command("start")
def start(
    name: Annotated[str, typer.Argument(help="The medication, e.g. letrozole.")],
    dose: DoseOption = None,
    reason: ReasonOption = None,
    date: DateOption = "today",
    new_name: NewNameOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record starting a daily medication (its first day is --date).

    Examples:

    \b
      aij med start letrozole --dose "2.5 mg" --date 2024-05-01
    """
    from aijournal.domain.medtimeline import MedEvent

    med = _name(name, new_name)
    event = MedEvent(day_of(date), "start", med, _dose(dose, med), reason=_reason(reason))
    _save(event, as_json, _usual_note(dose, med))


@app.command("switch")
def switch(
    from_name: Annotated[str, typer.Argument(metavar="FROM", help="The medication stopped.")],
    to_name: Annotated[str, typer.Argument(metavar="TO", help="The medication started.")],
    dose: DoseOption = None,
    reason: ReasonOption = None,
    date: DateOption = "today",
    new_name: NewNameOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record a switch from one medication to another (--date is the new one's first day).

    Examples:

    \b
      aij med switch letrozole exemestane --dose "25 mg" --reason "joint pain"
    """
    from aijournal.domain.medtimeline import MedEvent

    old, new = _name(from_name, new_name), _name(to_name, new_name)
    event = MedEvent(
        day_of(date), "switch", old, _dose(dose, new), to_medication=new, reason=_reason(reason)
    )
    _save(event, as_json, _usual_note(dose, new))


@app.command("dose")
def dose_change(
    name: Annotated[str, typer.Argument(help="The medication whose dose changed.")],
    dose: Annotated[str, typer.Option("--dose", help='The new dose, e.g. "1 mg".')],
    reason: ReasonOption = None,
    date: DateOption = "today",
    new_name: NewNameOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record a change of dose (from --date on).

    Examples:

    \b
      aij med dose anastrozole --dose "1 mg" --reason "as prescribed"
    """
    from aijournal.domain.medtimeline import MedEvent
    from aijournal.errors import BadInput

    med = _name(name, new_name)
    given = _dose(dose, "")
    if not given:
        raise BadInput('--dose is empty; give the new dose, e.g. --dose "1 mg"')
    _save(MedEvent(day_of(date), "dose", med, given, reason=_reason(reason)), as_json)


@app.command("holiday")
def holiday(
    name: Annotated[str, typer.Argument(help="The medication paused.")],
    first: Annotated[str, typer.Option("--from", help="The first day without it.")],
    last: Annotated[str, typer.Option("--to", help="The last day without it (included).")],
    reason: ReasonOption = None,
    new_name: NewNameOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record a holiday from a medication: no dose is due (nor missed) from --from to --to.

    Examples:

    \b
      aij med holiday exemestane --from 2026-07-01 --to 2026-07-14
    """
    from aijournal.domain.dates import parse_day
    from aijournal.domain.medtimeline import MedEvent

    med = _name(name, new_name)
    today = clock.today()
    begin = parse_day(first, today=today, ahead=True)
    end = parse_day(last, today=today, ahead=True)
    _save(MedEvent(begin, "holiday", med, ends_on=end, reason=_reason(reason)), as_json)


@app.command("stop")
def stop(
    name: Annotated[str, typer.Argument(help="The medication stopped.")],
    reason: ReasonOption = None,
    date: DateOption = "today",
    new_name: NewNameOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Record stopping a medication (--date is the first day without it).

    Examples:

    \b
      aij med stop exemestane --reason "course completed"
    """
    from aijournal.domain.medtimeline import MedEvent

    med = _name(name, new_name)
    _save(MedEvent(day_of(date), "stop", med, reason=_reason(reason)), as_json)


@app.command("schedule")
def schedule(
    name: Annotated[str, typer.Argument(help="The medication, e.g. zoledronic-acid.")],
    every: Annotated[
        str, typer.Option("--every", help="How often: 6mo, 1w, 12w, 1y or 28d (d, w, mo, y).")
    ],
    next_: Annotated[str, typer.Option("--next", help="When the next dose is due.")],
    dose: DoseOption = None,
    reason: ReasonOption = None,
    date: DateOption = "today",
    new_name: NewNameOption = False,
    as_json: SavedJsonOption = False,
) -> None:
    """Schedule a medication taken every few weeks or months (a bone agent); then
    `aij log med NAME` records each dose and the next one moves on from it.

    Examples:

    \b
      aij med schedule zoledronic-acid --every 6mo --next 2027-01-15
      aij med schedule alendronate --every 1w --next monday
    """
    from aijournal.domain.dates import parse_day
    from aijournal.domain.medtimeline import MedEvent, parse_every

    med = _name(name, new_name)
    interval = parse_every(every)
    due = parse_day(next_, today=clock.today(), ahead=True)
    event = MedEvent(
        day_of(date),
        "schedule",
        med,
        _dose(dose, med),
        every=interval,
        next_due=due,
        reason=_reason(reason),
    )
    _save(event, as_json, _usual_note(dose, med))


@app.command("history")
def history(as_json: JsonOption = False) -> None:
    """Every medication event in order, what you take now, and the scheduled doses.

    Examples:

    \b
      aij med history
      aij med history --json
    """
    from aijournal import render
    from aijournal.reports.medication import MedHistory, med_history

    today = clock.today()
    result = MedHistory(today=today, events=[], current=[], scheduled=[])
    if journal_exists():
        with journal() as opened, opened.read() as session:
            result = med_history(session=session, today=today)
    if as_json:
        render.dump_json(result.model_dump(mode="json"))
    else:
        render.med_history(result)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="med")
