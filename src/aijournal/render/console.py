"""The terminal primitives: consoles, messages, tables, number formats, prompts, progress."""

import json
import math
import os
import re
import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any, cast

from rich import box
from rich.console import Console
from rich.prompt import Confirm, Prompt
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from aijournal.domain.precision import rounded_half_up, unit_decimals

_consoles: dict[tuple[bool, int, str | None], Console] = {}

# Control characters that could drive the terminal (ESC starts OSC 52, titles, clears; C1
# controls do the same on some terminals). Newline and tab are layout, kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with every control character shown as a visible escape (``\\x1b``)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def one_line(text: str) -> str:
    """``text`` on one line: every control character escaped, newline and tab too."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


class _SafeConsole(Console):
    """A console that never lets a control character of the text it prints reach the
    terminal: the one place stored text, arguments and messages are made safe. Rich's own
    codes (colour, cursor moves for the progress bar) are control segments and pass."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            seg
            if seg.control or not _CONTROLS.search(seg.text)
            else seg._replace(text=visible(seg.text))
            for seg in buffer
        )
        return super()._render_buffer(safe)


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
        _consoles[key] = _SafeConsole(
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


def error(message: str, *more: str) -> None:
    """``aij: message`` on one line (an argument echoed in it cannot break the line or drive
    the terminal), then any further lines of their own (a plan file's problems)."""
    lines = [f"aij: {one_line(message)}", *(one_line(line) for line in more)]
    err().print(Text("\n".join(lines), style="red"))


# A command to copy inside a sentence: 'aij' and its words, up to punctuation; a quoted
# argument ("oats 40g, milk 1 cup") is one word.
_COMMAND = re.compile(r'aij(?: (?:"[^"]*"|\'[^\']*\'|[^\s,;:()"\']+))*')


def wrap_keeping_commands(message: str, width: int) -> list[str]:
    """``message`` wrapped at spaces to ``width``, never inside a command to copy (a
    command longer than a line gets a line of its own, whole)."""
    words: list[str] = []
    position = 0
    for found in _COMMAND.finditer(message):
        words += message[position : found.start()].split()
        command = found.group(0)
        if words and not message[found.start() - 1 : found.start()].isspace():
            words[-1] += command  # "(aij log" stays one piece with its bracket
        else:
            words.append(command)
        position = found.end()
        tail = re.match(r"\S*", message[position:])
        if tail and tail.group(0):
            words[-1] += tail.group(0)  # "aij log med," keeps its comma
            position += len(tail.group(0))
    words += message[position:].split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _print_wrapped(message: str, style: str) -> None:
    console = out()
    width = max(20, console.width)
    for paragraph in message.split("\n"):
        if len(paragraph) <= width:
            console.print(Text(paragraph, style=style), soft_wrap=True)
            continue
        indent = paragraph[: len(paragraph) - len(paragraph.lstrip())]
        for line in wrap_keeping_commands(paragraph, width - len(indent)):
            console.print(Text(indent + line, style=style), soft_wrap=True)


def info(message: str) -> None:
    _print_wrapped(message, "")


def warn(message: str) -> None:
    err().print(Text(f"aij: warning: {message}", style="yellow"))


def hint(message: str) -> None:
    _print_wrapped(message, "dim")


def dump_json(data: Any) -> None:
    """JSON on stdout, plain (no colour, no wrapping), for scripts."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def new_table(title: str | None, columns: Sequence[str], **kwargs: Any) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", **kwargs)
    for name in columns:
        table.add_column(name)
    return table


def _rounded(value: float, digits: int) -> Decimal:
    """``value`` to ``digits`` decimals as a person rounds the number they read: half up
    (domain/precision.py, the rounding daily.csv uses too)."""
    return rounded_half_up(value, digits)


def fmt(value: float | None, digits: int = 1) -> str:
    """A number as a person reads it, the one number format of aij.

    At most ``digits`` decimals (halves round away from zero), thousands grouped
    (``1,000``), zeros after the decimal point dropped but never those of the whole number
    (610 stays 610), no ``-0``; ``-`` when unknown.
    """
    if value is None:
        return "-"
    if not math.isfinite(value):
        return "unknown"
    number = _rounded(value, max(0, digits))
    text = f"{number:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if number.is_zero() else text


def signed(value: float | None, digits: int = 1) -> str:
    """A change with its sign and fixed decimals (``+2.0``, ``-0.5``); ``0.0`` when nothing."""
    if value is None or not math.isfinite(value):
        return "-"
    number = _rounded(value, max(0, digits))
    return f"{number.copy_abs():,f}" if number.is_zero() else f"{number:+,f}"


def plural(count: float, word: str, many: str | None = None) -> str:
    """``1 session``, ``2 sessions``, ``1,200 days``: the count with its noun agreeing."""
    noun = word if count == 1 else (many or word + "s")
    return f"{fmt(count, 2)} {noun}"


def saved(day: str, items: Iterable[Any]) -> None:
    """What a log command saved: one line each, with the id and what was replaced."""
    for item in items:
        line = Text(f"saved {item.entry_id}  {day}  {item.what}")
        if item.replaced:
            line.append(f"  (replaced {item.replaced})", style="yellow")
        out().print(line)


def keep_whole(table: Table, index: int, cells: Iterable[Any]) -> None:
    """Column ``index`` holds ids or commands to copy: never cut or folded; the other columns
    wrap first. Its narrowest width is its longest word (a cell wraps only at spaces)."""
    texts = [str(cell) for cell in cells]
    column = table.columns[index]
    column.overflow = "fold"  # past the terminal's own width: fold, never an ellipsis
    if all(len(text.split()) <= 1 for text in texts):
        column.no_wrap = True  # one id a cell: Rich shrinks the wrapping columns first
        return
    longest = max((len(word) for text in texts for word in text.split()), default=0)
    column.min_width = max(column.min_width or 0, longest, len(str(column.header)))


def rows_table(
    title: str | None,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    whole: Sequence[int] = (),
) -> None:
    """A table; the columns in ``whole`` (ids, commands) are never truncated."""
    table = new_table(title, columns)
    listed = [list(row) for row in rows]
    for row in listed:
        table.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    for index in whole:
        keep_whole(table, index, (row[index] for row in listed))
    out().print(table)


def key_values(title: str, pairs: Iterable[tuple[str, str]]) -> None:
    table = new_table(title, ("", ""), show_header=False)
    for key, value in pairs:
        table.add_row(Text(key, style="bold"), Text(value))
    out().print(table)


def _setting(value: Any) -> str:
    """One setting as a person reads it: no Python lists or dicts."""
    if isinstance(value, list):
        joiner = "; " if any(isinstance(v, dict) for v in value) else ", "
        return joiner.join(_setting(v) for v in value) or "none"
    if isinstance(value, dict):
        if "dose" in value:  # a medication
            text = f"{value.get('name', '')} {value.get('dose') or ''}".strip()
            schedule = value.get("schedule")
            return f"{text} ({schedule})" if schedule else text
        return str(value.get("name") or ", ".join(f"{k} {v}" for k, v in value.items()))
    return "not set" if value is None else str(value)


def nutrient_digits(unit: str) -> int:
    """Decimals a nutrient amount is read to (domain/precision.py: mg, µg, kcal whole, g 0.1)."""
    return unit_decimals(unit)


def settings_pairs(data: dict[str, Any]) -> list[tuple[str, str]]:
    """`aij config show`: each setting's key (as typed in `config set`) and its value."""
    # tracked: no list means every question of the guided check-in
    return [
        (key, "all" if key == "tracked" and value is None else _setting(value))
        for key, value in data.items()
    ]


BLOCKS = "▁▂▃▄▅▆▇█"


def bar(fraction: float, width: int = 10) -> str:
    """A bar of ``width`` cells filled to ``fraction``: full only at 1 or more (99% is not)."""
    if not math.isfinite(fraction) or fraction <= 0:
        return "·" * width
    filled = width if fraction >= 1 else min(width - 1, math.floor(fraction * width))
    return "█" * filled + "·" * (width - filled)


def percent(fraction: float) -> str:
    """A share of a target as a whole percentage, floored: never 100% before it is met."""
    if not math.isfinite(fraction) or fraction <= 0:
        return "0%"
    if fraction < 1:
        return f"{min(99, math.floor(fraction * 100))}%"
    return f"{fmt(math.floor(fraction * 100), 0)}%"


def target_bar(fraction: float) -> str:
    """A bar against a target with a word that reads without colour: '█████████· 99%', 'met'."""
    return f"{bar(fraction)} {'met' if fraction >= 1 else percent(fraction)}"


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
    """A progress bar on stderr that appears only once the work has taken over a second, and
    only on a terminal (in a pipe or a log it would leave blank lines behind)."""

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
        if self._bar is None and self._clock() - self._started >= self._delay and err().is_terminal:
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
