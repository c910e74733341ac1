"""The terminal primitives: consoles, messages, tables, number formats, prompts, progress."""

import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any, cast

from rich import box
from rich.console import Console
from rich.prompt import Confirm, Prompt
from rich.table import Table
from rich.text import Text

_consoles: dict[tuple[bool, int, str | None], Console] = {}


class _NoTrailingSpaces:
    """A text stream that drops the spaces Rich pads lines with (for pipes and files)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._spaces = ""

    def write(self, text: str) -> int:
        text = self._spaces + text
        body = text.rstrip(" ")
        self._spaces = text[len(body) :]
        self._stream.write("\n".join(line.rstrip(" ") for line in body.split("\n")))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return int(self._stream.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self._stream, "encoding", "utf-8"))


def _console(stderr: bool) -> Console:
    """One console per stream and width setting (tests swap both between runs)."""
    stream = sys.stderr if stderr else sys.stdout
    key = (stderr, id(stream), os.environ.get("COLUMNS"))
    if key not in _consoles:
        if len(_consoles) > 8:
            _consoles.clear()
        piped = not stderr and not stream.isatty()
        _consoles[key] = Console(
            file=cast(IO[str], _NoTrailingSpaces(stream)) if piped else None,
            stderr=stderr,
            highlight=False,
            soft_wrap=stderr,
        )
    return _consoles[key]


def out() -> Console:
    return _console(False)


def err() -> Console:
    return _console(True)


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


def new_table(title: str | None, columns: Sequence[str], **kwargs: Any) -> Table:
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
    table = new_table(title, columns)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    out().print(table)


def key_values(title: str, pairs: Iterable[tuple[str, str]]) -> None:
    table = new_table(title, ("", ""), show_header=False)
    for key, value in pairs:
        table.add_row(Text(key, style="bold"), Text(value))
    out().print(table)


BLOCKS = "▁▂▃▄▅▆▇█"


def bar(fraction: float, width: int = 10) -> str:
    """A bar of ``width`` cells filled to ``fraction`` (capped at 1)."""
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "·" * (width - filled)


def signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}"


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
