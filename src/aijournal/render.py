"""The only module that imports Rich: tables, prompts and messages for the terminal."""

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.prompt import Confirm, Prompt
from rich.table import Table
from rich.text import Text

_out: Console | None = None
_err: Console | None = None


def out() -> Console:
    global _out
    if _out is None:
        _out = Console(highlight=False, soft_wrap=False)
    return _out


def err() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False, soft_wrap=True)
    return _err


def error(message: str) -> None:
    err().print(Text(f"aij: {message}", style="red"))


def info(message: str) -> None:
    out().print(Text(message))


def warn(message: str) -> None:
    err().print(Text(f"aij: warning: {message}", style="yellow"))


def hint(message: str) -> None:
    out().print(Text(message, style="dim"))


def dump_json(data: Any) -> None:
    """JSON on stdout, plain (no colour, no wrapping), for scripts."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def _table(title: str | None, columns: Sequence[str], **kwargs: Any) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", **kwargs)
    for name in columns:
        table.add_column(name)
    return table


def fmt(value: float | None, digits: int = 1) -> str:
    """A number as a person reads it: no trailing zeros; '-' when unknown."""
    if value is None:
        return "-"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def saved(day: str, items: Iterable[Any]) -> None:
    """What a log command saved: one line each, with the id and what was replaced."""
    for item in items:
        line = Text(f"saved {item.entry_id}  {day}  {item.what}")
        if item.replaced:
            line.append(f"  (replaced {item.replaced})", style="yellow")
        out().print(line)


def rows_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = _table(title, columns)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    out().print(table)


def key_values(title: str, pairs: Iterable[tuple[str, str]]) -> None:
    table = _table(title, ("", ""), show_header=False)
    for key, value in pairs:
        table.add_row(Text(key, style="bold"), Text(value))
    out().print(table)


def day_report(report: Any, meanings: dict[str, str]) -> None:
    """`aij day`: the day's records as tables."""
    out().print(Text(f"{report.date:%A %d %B %Y}", style="bold"))
    if report.is_empty() and not report.medications:
        hint("Nothing logged this day. Try: aij log joint-pain=3 sleep=7")
        return
    if report.symptoms or report.sites:
        rows = [
            (name, fmt(value), meanings.get(name, "")) for name, value in report.symptoms.items()
        ]
        if report.sites:
            rows.append(("where it hurts", ", ".join(report.sites), ""))
        rows_table("Symptoms", ("symptom", "value", "scale"), rows)
    if report.medications:
        rows_table(
            "Medication",
            ("medication", "dose", "status"),
            (
                (
                    dose.name,
                    dose.dose,
                    Text("not logged", style="dim")
                    if dose.taken is None
                    else Text("taken", style="green")
                    if dose.taken
                    else Text(
                        "skipped" + (f": {dose.reason}" if dose.reason else ""), style="yellow"
                    ),
                )
                for dose in report.medications
            ),
        )
    habits = []
    if report.sleep.hours is not None or report.sleep.quality is not None:
        habits.append(
            ("sleep", f"{fmt(report.sleep.hours)} h, quality {fmt(report.sleep.quality)}")
        )
    if report.mind_minutes is not None:
        habits.append(("mind-body", f"{fmt(report.mind_minutes)} min"))
    if report.body.weight_kg is not None:
        habits.append(("weight", f"{fmt(report.body.weight_kg)} kg"))
    if report.body.waist_cm is not None:
        habits.append(("waist", f"{fmt(report.body.waist_cm)} cm"))
    if habits:
        key_values("Sleep, mind and body", habits)
    if report.exercise:
        rows_table(
            "Exercise",
            ("id", "what", "RPE"),
            ((s["id"], s["text"], fmt(s["rpe"])) for s in report.exercise),
        )
    for note in report.notes:
        out().print(Text("note: ", style="bold") + Text(note))


# -- prompts (the guided check-in) -------------------------------------------------------


def ask_number(label: str, low: float, high: float, *, integer: bool) -> float | None:
    """A number in [low, high], asked until valid; Enter leaves it empty (None)."""
    while True:
        answer = Prompt.ask(
            f"{label} [dim]({low:g}-{high:g}, Enter to skip)[/dim]",
            default="",
            show_default=False,
            console=out(),
        )
        answer = answer.strip()
        if not answer:
            return None
        try:
            value = float(answer)
        except ValueError:
            error(f"'{answer}' is not a number")
            continue
        if not low <= value <= high or (integer and value != int(value)):
            error(f"{answer} is outside {low:g}-{high:g}" + (" (whole numbers)" if integer else ""))
            continue
        return value


def ask_text(label: str) -> str | None:
    answer = Prompt.ask(
        f"{label} [dim](Enter to skip)[/dim]", default="", show_default=False, console=out()
    )
    return answer.strip() or None


def ask_choice(label: str, choices: Sequence[str], default: str) -> str:
    return Prompt.ask(label, choices=list(choices), default=default, console=out())


def ask_default(label: str, default: str) -> str:
    return Prompt.ask(label, default=default, show_default=bool(default), console=out())


def confirm(question: str, *, default: bool = False) -> bool:
    return Confirm.ask(question, default=default, console=out())


# -- plans ---------------------------------------------------------------------------------

STATUS_STYLE = {
    "done": "green",
    "partial": "yellow",
    "moved": "cyan",
    "missed": "red",
    "rest": "dim",
    "upcoming": "dim",
}


def _range(r: dict[str, int] | None, unit: str) -> str:
    if not r:
        return ""
    span = f"{r['min']}" if r["min"] == r["max"] else f"{r['min']}-{r['max']}"
    return f"{span} {unit}"


def _dose_text(day: dict[str, Any]) -> str:
    if day.get("sets"):
        return f"{_range(day['sets'], 'sets')} of {_range(day.get('reps'), 'reps')}"
    if day.get("minutes"):
        return _range(day["minutes"], "min")
    return "rest"


def _activities(day: dict[str, Any]) -> str:
    """Planned activities as ids one can type: slots by commas, alternatives by slashes."""
    return ", ".join("/".join(slot) for slot in day["activities"])


def plan_week(data: dict[str, Any]) -> None:
    """`aij plan show`: the week as a table, with the plan's source."""
    out().print(Text(f"{data['name']} ({data['id']})", style="bold"))
    out().print(Text(data["description"]))
    table = _table(None, ("day", "focus", "activities", "dose"))
    for key, day in data["days"].items():
        table.add_row(key.title(), day["focus"], _activities(day), _dose_text(day))
    out().print(table)
    weekly = data.get("weekly") or {}
    wanted = [
        f"{label} {weekly[k]}"
        for k, label in (
            ("resistance_sessions_min", "resistance sessions at least"),
            (
                "aerobic_moderate_equivalent_minutes_min",
                "moderate-equivalent aerobic minutes at least",
            ),
            ("impact_sessions_min", "impact sessions at least"),
        )
        if weekly.get(k) is not None
    ]
    if wanted:
        out().print(Text("Each week: " + "; ".join(wanted)))
    hint(f"Source: {data['source']}")


def plan_check(result: Any) -> None:
    """`aij plan check`: each day's status and the weekly requirements."""
    days_table(
        result.days, f"Plan {result.plan}, week {result.week} ({result.start} to {result.end})"
    )
    requirements_table(result.requirements)


def days_table(days: list[dict[str, Any]], title: str) -> None:
    table = _table(title, ("day", "focus", "status", "detail"))
    for day in days:
        detail = []
        if day["slots_planned"]:
            detail.append(f"{day['slots_met']} of {day['slots_planned']} activities")
        if day["minutes_required"]:
            detail.append(f"{day['minutes']} of {day['minutes_required']} min")
        if day["moved_to"]:
            detail.append(f"done on {day['moved_to']}")
        table.add_row(
            f"{day['day'].title()} {day['date'][5:]}",
            day["focus"],
            Text(day["status"], style=STATUS_STYLE.get(day["status"], "")),
            ", ".join(detail),
        )
    out().print(table)


def requirements_table(requirements: list[dict[str, Any]]) -> None:
    table = _table("This week's totals", ("requirement", "done", "needed", ""))
    for req in requirements:
        table.add_row(
            req["name"],
            str(req["actual"]),
            f"{req['required']} {req['unit']}",
            Text("met", style="green") if req["met"] else Text("not yet", style="yellow"),
        )
    out().print(table)


def today_plan(result: Any) -> None:
    """`aij today`: the plan's session for today and what is logged."""
    planned = result.planned
    names = _activities(planned)
    out().print(Text(f"{result.date:%A %d %B}: {result.focus} ({result.plan})", style="bold"))
    out().print(Text(f"Planned: {names}; {_dose_text(planned)}"))
    if result.logged:
        for s in result.logged:
            out().print(Text(f"Logged {s['id']}: {s['text']}"))
    else:
        hint("Nothing logged yet. Log it: aij log ex (guided) or aij log ex NAME AMOUNT ...")
    out().print(Text("Status: ") + Text(result.status, style=STATUS_STYLE.get(result.status, "")))


# -- progress (exports and imports) --------------------------------------------------------


class Progress:
    """A progress bar on stderr that appears only once the work has taken over a second."""

    def __init__(self, description: str, total: int, *, delay_s: float = 1.0) -> None:
        import time

        self._clock = time.monotonic
        self._started = self._clock()
        self._delay = delay_s
        self._description = description
        self._total = total
        self._done = 0
        self._bar: Any = None
        self._task: Any = None

    def advance(self, steps: int = 1) -> None:
        self._done += steps
        if self._bar is None and self._clock() - self._started >= self._delay:
            from rich.progress import BarColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                "{task.description}",
                BarColumn(),
                "{task.completed}/{task.total}",
                TimeRemainingColumn(),
                console=err(),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self._description, total=self._total)
        if self._bar is not None:
            self._bar.update(self._task, completed=self._done)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()
