"""The only module that imports Rich: tables, prompts and messages for the terminal."""

import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.prompt import Confirm, Prompt
from rich.table import Table
from rich.text import Text

_consoles: dict[tuple[bool, int, str | None], Console] = {}


def _console(stderr: bool) -> Console:
    """One console per stream and width setting (tests swap both between runs)."""
    stream = sys.stderr if stderr else sys.stdout
    key = (stderr, id(stream), os.environ.get("COLUMNS"))
    if key not in _consoles:
        if len(_consoles) > 8:
            _consoles.clear()
        _consoles[key] = Console(stderr=stderr, highlight=False, soft_wrap=stderr)
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
    if report.meals:
        rows_table(
            "Meals and supplements",
            ("id", "meal", "items"),
            ((m["id"], m["slot"] or m["kind"], m["text"]) for m in report.meals),
        )
        day_nutrients(report.nutrients, report.profile)
    for note in report.notes:
        out().print(Text("note: ", style="bold") + Text(note))
    for warning in report.warnings:
        out().print(Text("! " + warning, style="bold red"))


NUTRIENT_LABELS = {
    "calcium_mg": ("Calcium", "mg"),
    "vitamin_d_ug": ("Vitamin D", "µg"),
    "magnesium_mg": ("Magnesium", "mg"),
    "vitamin_k_ug": ("Vitamin K", "µg"),
    "fiber_g": ("Fiber", "g"),
    "ala_g": ("ALA omega-3", "g"),
    "epa_dha_mg": ("EPA + DHA", "mg"),
    "energy_kcal": ("Energy", "kcal"),
    "protein_g": ("Protein", "g"),
}


def day_nutrients(nutrients: dict[str, Any], profile: dict[str, str] | None) -> None:
    """The day's totals against the profile: amount, target, a bar, food and supplements."""
    title = "Nutrients" + (f" (targets: {profile['name']})" if profile else "")
    table = _table(title, ("nutrient", "total", "target", "", "food / supp."))
    unknown = False
    for key, line in nutrients.items():
        label, unit = NUTRIENT_LABELS.get(key, (key, ""))
        target = line["target"]
        share = (line["total"] or 0) / target if target else 0
        mark = "*" if line["unknown_items"] else ""
        unknown = unknown or bool(mark)
        over = (
            line["upper_limit"] is not None
            and (
                (line["supplements"] if line["upper_counts"] == "supplements" else line["total"])
                or 0
            )
            > line["upper_limit"]
        )
        style = "red" if over else "green" if share >= 1 else "yellow"
        table.add_row(
            label,
            f"{fmt(line['total'], 1 if unit != 'kcal' else 0)} {unit}{mark}",
            fmt(target) if target is not None else "",
            Text(_bar(share), style=style) if target else "",
            f"{fmt(line['food'])} / {fmt(line['supplements'])}",
        )
    out().print(table)
    if unknown:
        hint("* includes items with no value for it in USDA SR28: the total is a lower bound")


def food(view: dict[str, Any]) -> None:
    """`aij foods show`."""
    out().print(Text(f"{view['name']} ({view['id']})", style="bold"))
    if view["kind"] == "supplement":
        key_values(
            f"Per {view['unit']}",
            [
                (
                    NUTRIENT_LABELS.get(k, (k, ""))[0],
                    f"{fmt(v, 2)} {NUTRIENT_LABELS.get(k, ('', ''))[1]}",
                )
                for k, v in view["per_unit"].items()
            ],
        )
        hint(f"Source: {view['source']}")
        return
    pairs = [
        (key, f"{fmt(value, 2)} {view['units'][key]}" if value is not None else "unknown")
        for key, value in view["per_100g"].items()
    ]
    key_values("Per 100 g", pairs)
    if view["measures"]:
        rows_table(
            "Measures",
            ("unit", "grams", "calcium", "USDA row"),
            (
                (m["unit"], fmt(m["grams"]), fmt(m["calcium_mg"]), m["sr28"] or "")
                for m in view["measures"]
            ),
        )
    hint(f"Source: {view['source']}; tags: {', '.join(view['tags']) or 'none'}")


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
        if day["slots_planned"] and day["status"] != "rest":
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


# -- the week, trends, insights --------------------------------------------------------------

BLOCKS = "▁▂▃▄▅▆▇█"


def _bar(fraction: float, width: int = 10) -> str:
    """A bar of ``width`` cells filled to ``fraction`` (capped at 1)."""
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "·" * (width - filled)


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}"


def week_report(report: Any) -> None:
    """`aij week`: every section as a table that fits 80 columns."""
    out().print(Text(f"Week {report.week} ({report.start} to {report.end})", style="bold"))
    if report.empty:
        hint(report.hint)
        return
    plan = report.plan
    days_table(plan["days"], f"Plan: {plan['plan']}")
    requirements_table(plan["requirements"])
    if report.nutrients and any(n.days_logged for n in report.nutrients):
        table = _table(
            f"Nutrients, daily average over {report.nutrients[0].days_logged} days with food "
            f"logged ({report.profile['name']})",
            ("nutrient", "average", "target", "", "days met", "food / supp."),
        )
        for n in report.nutrients:
            share = (n.average or 0) / n.target if n.target else 0
            style = "green" if share >= 1 else "yellow"
            unknown = "*" if n.unknown_items else ""
            table.add_row(
                n.label,
                f"{fmt(n.average)} {n.unit}{unknown}",
                f"{fmt(n.target)}",
                Text(_bar(share), style=style),
                f"{n.days_met} of {n.days_logged}",
                f"{fmt(n.food_average)} / {fmt(n.supplements_average)}",
            )
        out().print(table)
        if any(n.unknown_items for n in report.nutrients):
            hint("* some items have no value for this nutrient in USDA SR28: a lower bound")
    if report.days_without_food:
        hint(
            "No food logged on "
            + ", ".join(f"{d:%a %d}" for d in report.days_without_food)
            + " (not counted as zero)."
        )
    if report.pattern:
        p = report.pattern
        table = _table(
            f"Eating pattern: {p['score']} of {p['items_checked']} (MEDAS-based, "
            f"{p['days_logged']} days logged)",
            ("item", "servings", "per day", "aim", ""),
        )
        aims = {
            "at_least_per_day": "≥ {t:g} a day",
            "below_per_day": "< {t:g} a day",
            "at_least_per_week": "≥ {t:g} a week",
            "below_per_week": "< {t:g} a week",
            "most_days": "most days",
        }
        for item in p["items"]:
            table.add_row(
                item["label"],
                fmt(item["servings"]),
                fmt(item["per_day"]) if item["rule"] != "most_days" else "",
                aims[item["rule"]].format(t=item["threshold"]),
                Text("met", style="green") if item["met"] else Text("not met", style="yellow"),
            )
        out().print(table)
        hint(f"Polyphenol-rich servings: {p['polyphenol_servings']}")
    if report.symptoms:
        table = _table(
            "Symptoms", ("symptom", "mean", "worst", "days", "vs last week", "vs 4 weeks")
        )
        for s in report.symptoms:
            table.add_row(
                s.name,
                fmt(s.mean),
                fmt(s.worst),
                str(s.days_rated),
                _signed(s.change_vs_previous),
                _signed(s.change_vs_baseline),
            )
        out().print(table)
        for s in report.symptoms:
            if s.flag:
                out().print(
                    Text(
                        f"Worst joint pain: {s.flag}. A change of 2 points or 30% is "
                        "one worth bringing to your clinician.",
                        style="bold yellow",
                    )
                )
    if report.medications:
        rows = []
        for m in report.medications:
            skipped = "; ".join(
                s["date"][5:] + (f" ({s['reason']})" if s["reason"] else "") for s in m.skipped
            )
            rows.append((f"{m.name} {m.dose}", f"{m.taken} of {m.expected}", skipped or "-"))
        rows_table("Medication", ("medication", "taken", "skipped"), rows)
    h = report.habits
    if h is not None:
        pairs = [
            ("nights of 7 h or more", f"{h.nights_7h_or_more} of {h.nights_logged} logged"),
            ("mind-body minutes", fmt(h.mind_minutes)),
        ]
        if h.weight_kg is not None:
            pairs.append(("weight", f"{fmt(h.weight_kg)} kg ({_signed(h.weight_change_kg)})"))
        if h.waist_cm is not None:
            pairs.append(("waist", f"{fmt(h.waist_cm)} cm ({_signed(h.waist_change_cm)})"))
        key_values("Habits", pairs)
    for c in report.checkins:
        rows_table(
            f"Weekly check-in {c['date']}",
            ("symptom", "scale", "answer"),
            ((a["item"], a["scale"], f"{a['value']} {a['word']}") for a in c["answers"]),
        )
    for warning in report.warnings:
        out().print(Text("! " + warning, style="bold red"))


def trends(result: Any) -> None:
    """`aij trends`: a bar chart per series, one bar a week, the number beside it."""
    if not result.series:
        hint("Nothing to show.")
        return
    for s in result.series:
        out().print(Text(f"{s.name}: {s.meaning}", style="bold"))
        high = max((v for v in s.values if v is not None), default=0) or 1
        for week, value in zip(result.weeks, s.values, strict=True):
            if value is None:
                out().print(Text(f"  {week}  ", style="dim") + Text("not logged", style="dim"))
            else:
                out().print(Text(f"  {week}  {_bar(value / high, 30)}  {fmt(value)}"))


def insights(result: Any) -> None:
    out().print(Text(f"Insights, {result.start} to {result.end}", style="bold"))
    for item in result.insights:
        out().print(Text(item.question, style="bold"))
        out().print(Text("  " + item.finding))
    out().print(Text(result.caution, style="italic"))
