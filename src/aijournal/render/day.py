"""`aij day` and `aij foods show`: the day's records and nutrient totals."""

from typing import Any

from rich.text import Text

from aijournal.domain.nutrients import NUTRIENTS
from aijournal.domain.precision import passes
from aijournal.domain.precision import share as share_of
from aijournal.domain.units import Units, show_waist, show_weight
from aijournal.render.console import (
    fmt,
    hint,
    key_values,
    new_table,
    nutrient_digits,
    out,
    rows_table,
    target_bar,
)


def day_report(report: Any, scales: dict[str, Any], units: Units = "metric") -> None:
    """`aij day`: the day's records as tables; ``scales`` maps a symptom to its Symptom;
    weight and waist in the user's ``units``."""
    out().print(Text(f"{report.date:%A %d %B %Y}", style="bold"))
    if report.is_empty() and not report.medications:
        hint("Nothing logged this day. Try: aij log joint-pain=3 sleep=7")
        return
    if report.symptoms or report.sites:
        rows = []
        for name, value in report.symptoms.items():
            scale = scales.get(name)
            word = scale.word(value) if scale is not None else ""
            rows.append((name, f"{fmt(value)} {word}".rstrip()))
        if report.sites:
            rows.append(("where it hurts", ", ".join(report.sites)))
        rows_table("Symptoms", ("symptom", "rating"), rows)
        hint("Scales: aij symptoms")
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
        habits.append(("weight", show_weight(report.body.weight_kg, units)))
    if report.body.waist_cm is not None:
        habits.append(("waist", show_waist(report.body.waist_cm, units)))
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


# The labels and units of domain/nutrients.py, never the internal keys (calcium_mg).
NUTRIENT_LABELS = {key: (info.label, info.unit) for key, info in NUTRIENTS.items()}


def day_nutrients(nutrients: dict[str, Any], profile: dict[str, str] | None) -> None:
    """The day's totals against the profile: amount, target, a bar, food and supplements."""
    title = "Nutrients" + (f" (targets: {profile['name']})" if profile else "")
    table = new_table(title, ("nutrient", "total", "target", "", "food / supp."))
    unknown = no_food = False
    for key, line in nutrients.items():
        label, unit = NUTRIENT_LABELS.get(key, (key, ""))
        digits = nutrient_digits(unit)
        target = line["target"]
        # Food unknown (supplements only): what is known is the supplements, a lower bound.
        known = line["total"] if line["total"] is not None else line["supplements"]
        no_food = no_food or (line["total"] is None and line["supplements"] is not None)
        share = share_of(known or 0, target, unit) if target else 0
        mark = "*" if line["unknown_items"] else ""
        unknown = unknown or bool(mark)
        counted = line["supplements"] if line["upper_counts"] == "supplements" else line["total"]
        over = line["upper_limit"] is not None and passes(counted or 0, line["upper_limit"], unit)
        shown = fmt(line["total"], digits)
        if line["total"] is None and line["supplements"] is not None:
            shown = "≥ " + fmt(line["supplements"], digits)
        style = "red" if over else "green" if share >= 1 else "yellow"
        table.add_row(
            label,
            f"{shown} {unit}{mark}",
            f"{fmt(target)} {unit}" if target is not None else "",
            Text(target_bar(share), style=style) if target else "",
            f"{fmt(line['food'], digits)} / {fmt(line['supplements'], digits)}",
        )
    out().print(table)
    if unknown:
        hint("* includes items with no value for it in USDA SR28: the total is a lower bound")
    if no_food:
        hint("≥: no food logged with a value for it, so only the supplements are known")
    hint("Vitamin K is K1 + MK-4, against the adequate intake set from K1; MK-7 is apart.")


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
        (
            NUTRIENT_LABELS.get(key, (key, ""))[0],
            f"{fmt(value, 2)} {view['units'][key]}" if value is not None else "unknown",
        )
        for key, value in view["per_100g"].items()
    ]
    key_values("Per 100 g", pairs)
    if view["measures"]:
        rows_table(
            "Measures",
            ("unit", "grams", "calcium, mg", "USDA row"),
            (
                (m["unit"], fmt(m["grams"]), fmt(m["calcium_mg"]), m["sr28"] or "")
                for m in view["measures"]
            ),
        )
    hint(f"Source: {view['source']}; tags: {', '.join(view['tags']) or 'none'}")
