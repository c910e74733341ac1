"""`aij week`, `aij trends`, `aij insights`."""

from typing import Any

from rich.text import Text

from aijournal.domain.precision import share as share_of
from aijournal.domain.units import (
    Units,
    show_waist,
    show_waist_change,
    show_weight,
    show_weight_change,
)
from aijournal.render.console import (
    bar,
    fmt,
    hint,
    info,
    key_values,
    new_table,
    nutrient_digits,
    out,
    plural,
    rows_table,
    signed,
    target_bar,
)
from aijournal.render.med import scheduled
from aijournal.render.plans import days_table, requirements_table


def week_report(report: Any, units: Units = "metric") -> None:
    """`aij week`: every section as a table that fits 80 columns (weight, waist in ``units``)."""
    out().print(Text(f"Week {report.week} ({report.start} to {report.end})", style="bold"))
    scheduled(report.scheduled)
    if report.empty:
        hint(report.hint)
        return
    plan = report.plan
    days_table(plan["days"], f"Plan: {plan['plan']}")
    requirements_table(plan["requirements"])
    if report.nutrients and any(n.days_logged for n in report.nutrients):
        table = new_table(
            f"Nutrients, daily average over "
            f"{plural(report.nutrients[0].days_logged, 'day')} with intake logged "
            f"({report.profile['name']})",
            ("nutrient", "average", "target", "", "days", "food / supp."),
        )
        for n in report.nutrients:
            share = share_of(n.average or 0, n.target, n.unit) if n.target else 0
            style = "green" if share >= 1 else "yellow"
            unknown = "*" if n.unknown_items else ""
            digits = nutrient_digits(n.unit)
            table.add_row(
                n.label,
                f"{fmt(n.average, digits)} {n.unit}{unknown}",
                f"{fmt(n.target)}",
                Text(target_bar(share), style=style, no_wrap=True),
                f"{n.days_met}/{n.days_logged}",
                f"{fmt(n.food_average, digits)} / {fmt(n.supplements_average, digits)}",
            )
        mk7 = report.vitamin_k2_mk7
        if mk7 and mk7["average"]:
            table.add_row(
                mk7["label"],
                f"{fmt(mk7['average'])} {mk7['unit']}",
                "none",
                "",
                "",
                f"{fmt(mk7['food_average'])} / {fmt(mk7['supplements_average'])}",
            )
        out().print(table)
        hint(
            "days: days that met the target, of the days with intake logged. Food averages "
            "over the days with food logged, supplements over the days with intake logged; "
            "the average adds the two."
        )
        if mk7 and mk7["average"]:
            hint("MK-7 (vitamin K2) has " + mk7["note"] + ".")
        if any(n.unknown_items for n in report.nutrients):
            hint("* some items have no value for this nutrient in USDA SR28: a lower bound")
    if report.days_without_food:
        hint(
            "No food logged on "
            + ", ".join(f"{d:%a %d}" for d in report.days_without_food)
            + " (food not counted as zero; supplements logged those days still count)."
        )
    if report.pattern:
        p = report.pattern
        table = new_table(
            f"Eating pattern: {p['score']} of {p['items_checked']} (MEDAS-based, "
            f"{plural(p['days_logged'], 'day')} logged)",
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
                fmt(item["servings"], 2),
                fmt(item["per_day"], 2) if item["rule"] != "most_days" else "",
                aims[item["rule"]].format(t=item["threshold"]),
                Text("met", style="green") if item["met"] else Text("not met", style="yellow"),
            )
        out().print(table)
        hint(f"Polyphenol-rich servings: {p['polyphenol_servings']}")
    if report.symptoms:
        table = new_table(
            "Symptoms", ("symptom", "mean", "worst", "days", "vs last week", "vs 4 weeks")
        )
        for s in report.symptoms:
            table.add_row(
                s.name,
                fmt(s.mean),
                fmt(s.worst),
                str(s.days_rated),
                signed(s.change_vs_previous),
                signed(s.change_vs_baseline),
            )
        out().print(table)
        for s in report.symptoms:
            if s.flag:
                out().print(
                    Text(
                        f"Worst joint pain: {s.flag}. {s.flag_rule or ''}".rstrip(),
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
            change = show_weight_change(h.weight_change_kg, units)
            pairs.append(("weight", f"{show_weight(h.weight_kg, units)} ({change})"))
        if h.waist_cm is not None:
            change = show_waist_change(h.waist_change_cm, units)
            pairs.append(("waist", f"{show_waist(h.waist_cm, units)} ({change})"))
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
        if s.scale_note:
            hint(f"  ({s.scale_note})")
        unit = "" if not s.unit else s.unit if s.unit == "%" else f" {s.unit}"
        for week, value in zip(result.weeks, s.values, strict=True):
            if value is None:
                out().print(Text(f"  {week}  ", style="dim") + Text("not logged", style="dim"))
            elif s.full_scale is None:
                out().print(Text(f"  {week}  {fmt(value)}{unit}"))
            else:
                share = value / s.full_scale if s.full_scale else 0.0
                out().print(Text(f"  {week}  {bar(share, 30)}  {fmt(value)}{unit}"))


def _change(value: float, unit: str) -> str:
    """A difference in words, never a bare minus sign: '0.7 points lower', 'no difference'."""
    shown = fmt(abs(value))
    if shown == "0":
        return "no difference"
    return f"{shown} {unit} {'lower' if value < 0 else 'higher'}"


def _counted(n: int, label: str) -> str:
    """'20 days after exercise', '1 day after exercise' (labels start with a plural noun)."""
    noun, _, rest = label.partition(" ")
    if n == 1 and noun.endswith("s"):
        noun = noun[:-1]
    return f"{fmt(n)} {noun} {rest}".rstrip()


def insight_finding(item: Any) -> str:
    """One plain sentence: both means with n on each side, the difference, what it means."""
    with_side = _counted(item.n_with, item.with_label)
    without_side = _counted(item.n_without, item.without_label)
    if item.verdict == "not enough data":
        return (
            f"Not enough data yet: {with_side} and {without_side}; each side needs at least "
            f"{item.min_each_side}."
        )
    unit = item.difference_unit
    low, high = sorted((item.ci_low, item.ci_high))
    where = ("in the " if item.with_label.startswith("week") else "on the ") + item.with_label
    said = (
        f"{item.outcome[0].upper()}{item.outcome[1:]} averaged {fmt(item.mean_with)} on "
        f"{with_side} and {fmt(item.mean_without)} on {without_side}"
    )
    difference = _change(item.difference, unit)
    if item.verdict == "association":
        direction = "lower" if high < 0 else "higher"
        span = f"{fmt(min(abs(low), abs(high)))} to {fmt(max(abs(low), abs(high)))}"
        return (
            f"{said}: {difference} {where}, more than chance alone would easily give "
            f"(95% confidence interval: {span} {unit} {direction})."
        )
    interval = f"from {_change(low, unit)} to {_change(high, unit)}"
    if difference == "no difference":
        return f"{said}: about the same (95% confidence interval: {interval})."
    return (
        f"{said}: {difference} {where}, but chance alone could explain it "
        f"(95% confidence interval: {interval})."
    )


def insights_data(result: Any) -> dict[str, Any]:
    """`aij insights --json`: the result with each finding's sentence."""
    data: dict[str, Any] = result.model_dump(mode="json")
    for item, dumped in zip(result.insights, data["insights"], strict=True):
        dumped["finding"] = insight_finding(item)
    for item, dumped in zip(result.medication_changes, data["medication_changes"], strict=True):
        dumped["finding"] = insight_finding(item)
    return data


def insights(result: Any) -> None:
    out().print(Text(f"Insights, {result.start} to {result.end}", style="bold"))
    for item in [*result.insights, *result.medication_changes]:
        out().print(Text(item.question, style="bold"))
        info("  " + insight_finding(item))
    out().print(Text(result.caution, style="italic"))
