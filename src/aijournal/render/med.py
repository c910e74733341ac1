"""`aij med history`, and the scheduled-dose lines of `aij today` and `aij week`."""

from typing import Any

from rich.text import Text

from aijournal.domain.medtimeline import dose_due_words, long_date
from aijournal.render.console import hint, out, rows_table


def scheduled_line(item: Any) -> str:
    """'Zoledronic acid: next dose due 15 Jan 2027', or how many days overdue it is."""
    return dose_due_words(item.name, item.due, item.days_overdue, item.as_of)


def scheduled(items: Any) -> None:
    """One line per scheduled medication, the overdue ones in bold."""
    for item in items:
        style = "bold yellow" if item.days_overdue > 0 else ""
        out().print(Text(scheduled_line(item), style=style))


def med_history(result: Any) -> None:
    """`aij med history`: the events as a table, then what is current and what is due."""
    if not result.events:
        hint("No medication event yet. Record one: aij med start anastrozole --dose '1 mg'")
        return
    rows_table(
        "Medication timeline",
        ("id", "date", "event"),
        ((e.id, e.date.isoformat(), e.text) for e in result.events),
    )
    for c in result.current:
        holiday = " (on a holiday today)" if c.on_holiday else ""
        out().print(Text(f"Current: {c.medication} {c.dose} since {long_date(c.since)}{holiday}"))
    if not result.current:
        out().print(Text("No daily medication is current on the timeline today."))
    scheduled(result.scheduled)
