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


def confirm(question: str, *, default: bool = False) -> bool:
    return Confirm.ask(question, default=default, console=out())
