"""`aij week`, `aij trends`, `aij insights`."""

from typing import Any

from rich.text import Text

from aijournal.render.console import bar, fmt, hint, key_values, new_table, out, rows_table, signed
from aijournal.render.plans import days_table, requirements_table


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
        table = new_table(
            f"Nutrients, daily average over {report.nutrients[0].days_logged} days with intake "
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
                Text(bar(share), style=style),
                f"{n.days_met} of {n.days_logged}",
                f"{fmt(n.food_average)} / {fmt(n.supplements_average)}",
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
            "Food averages over the days with food logged, supplements over the days with "
            "intake logged; the average adds the two."
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
            pairs.append(("weight", f"{fmt(h.weight_kg)} kg ({signed(h.weight_change_kg)})"))
        if h.waist_cm is not None:
            pairs.append(("waist", f"{fmt(h.waist_cm)} cm ({signed(h.waist_change_cm)})"))
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
                out().print(Text(f"  {week}  {bar(value / high, 30)}  {fmt(value)}"))


def insights(result: Any) -> None:
    out().print(Text(f"Insights, {result.start} to {result.end}", style="bold"))
    for item in result.insights:
        out().print(Text(item.question, style="bold"))
        out().print(Text("  " + item.finding))
    out().print(Text(result.caution, style="italic"))
