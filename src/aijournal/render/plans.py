"""Plans: a plan's week, a week's adherence, today's session."""

from typing import Any

from rich.text import Text

from aijournal.render.console import hint, keep_whole, new_table, out, plural
from aijournal.render.med import scheduled

STATUS_STYLE = {
    "done": "green",
    "partial": "yellow",
    "moved": "cyan",
    "missed": "red",
    "rest": "dim",
    "upcoming": "dim",
    "in-progress": "cyan",
    "not-journaling-yet": "dim",
}
REQUIREMENT_STYLE = {
    "met": "green",
    "not-met": "red",
    "in-progress": "yellow",
    "not-journaling-yet": "dim",
}


def _words(status: str) -> str:
    """A status as words: ``not-journaling-yet`` -> ``not journaling yet``."""
    return status.replace("-", " ")


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
    """Planned activities as ids one can type: slots by commas, alternatives by slashes
    (with spaces, so a line breaks between ids, never inside one)."""
    return ", ".join(" / ".join(slot) for slot in day["activities"])


def plan_week(data: dict[str, Any]) -> None:
    """`aij plan show`: the week as a table, with the plan's source."""
    out().print(Text(f"{data['name']} ({data['id']})", style="bold"))
    out().print(Text(data["description"]))
    table = new_table(None, ("day", "focus", "activities", "dose"))
    for key, day in data["days"].items():
        table.add_row(key.title(), day["focus"], _activities(day), _dose_text(day))
    keep_whole(table, 2, (_activities(day) for day in data["days"].values()))
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
    table = new_table(title, ("day", "focus", "status", "detail"))
    for day in days:
        detail = []
        if day["slots_planned"] and day["status"] != "rest":
            planned = plural(day["slots_planned"], "activity", "activities")
            detail.append(f"{day['slots_met']} of {planned}")
        if day["minutes_required"]:
            detail.append(f"{day['minutes']} of {day['minutes_required']} min")
        if day["moved_to"]:
            detail.append(f"done on {day['moved_to']}")
        table.add_row(
            f"{day['day'].title()} {day['date'][5:]}",
            day["focus"],
            Text(_words(day["status"]), style=STATUS_STYLE.get(day["status"], "")),
            ", ".join(detail),
        )
    out().print(table)


def requirements_table(requirements: list[dict[str, Any]]) -> None:
    table = new_table("This week's totals", ("requirement", "done", "needed", ""))
    for req in requirements:
        state = req.get("state") or ("met" if req["met"] else "not-met")
        table.add_row(
            req["name"],
            str(req["actual"]),
            _count(req["required"], req["unit"]),
            Text(_words(state), style=REQUIREMENT_STYLE.get(state, "")),
        )
    out().print(table)


def _count(n: float, unit: str) -> str:
    """'1 session', '2 sessions', '150 minutes' (units are given in the plural)."""
    return plural(n, unit[:-1] if unit.endswith("s") else unit, unit)


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
    out().print(
        Text("Status: ") + Text(_words(result.status), style=STATUS_STYLE.get(result.status, ""))
    )
    scheduled(result.scheduled)
