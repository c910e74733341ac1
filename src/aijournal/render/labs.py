"""`aij labs` and `aij bone`: lab results by test, and the years-long bone view as charts.

A T-score's category is always worded as the scan report's own ("WHO category on this
scan"), never as something aij says about the person.
"""

from typing import Any

from rich.text import Text

from aijournal.domain.labs import exact, show_t_score
from aijournal.render.console import bar, fmt, hint, info, out, plural, rows_table, signed
from aijournal.render.med import scheduled_line
from aijournal.render.week import insight_finding

# The T-score bar: empty at -4, full at +1 (the WHO cut-offs -2.5 and -1.0 fall inside).
T_SCORE_LOW, T_SCORE_HIGH = -4.0, 1.0
WHO_WORDS = "WHO category on this scan"


def labs(result: Any) -> None:
    """Each test's results, oldest first: a DEXA scan a row per site."""
    if not result.groups:
        hint("No lab results logged yet: aij log lab vitamin-d 62 nmol/L (see aij log lab --help)")
        return
    for group in result.groups:
        if group.test == "dexa":
            rows_table(
                "DEXA (T-scores)",
                ("date", "site", "T-score", WHO_WORDS, "BMD g/cm2", "id"),
                (
                    (
                        r.date,
                        r.site,
                        show_t_score(r.value),
                        r.who_category,
                        fmt(r.bmd_g_cm2, 3),
                        r.id,
                    )
                    for r in group.results
                ),
                whole=(5,),
            )
        else:
            rows_table(
                group.test,
                ("date", "result", "id"),
                ((r.date, r.shown, r.id) for r in group.results),
                whole=(2,),
            )


def _t_bar(t_score: float) -> str:
    return bar((t_score - T_SCORE_LOW) / (T_SCORE_HIGH - T_SCORE_LOW))


def _change_words(scan: Any) -> list[str]:
    """'change -0.2 since the scan before; BMD -0.025 g/cm2 (-2.7%)', then 'larger than the
    least significant change you entered' (never a judgement of the person)."""
    words = f"change {exact(scan.t_score_change):+f} since the scan before"
    if scan.bmd_change_g_cm2 is not None:
        words += (
            f"; BMD {signed(scan.bmd_change_g_cm2, 3)} g/cm2 ({signed(scan.bmd_change_percent)}%)"
        )
    lines = [words]
    if scan.larger_than_lsc is True:
        lines.append("larger than the least significant change you entered")
    elif scan.larger_than_lsc is False:
        lines.append("not larger than the least significant change you entered")
    return lines


def _sites(result: Any) -> None:
    out().print(Text("T-scores by site", style="bold"))
    hint(f"  (bar from {fmt(T_SCORE_LOW)} empty to +{fmt(T_SCORE_HIGH)} full)")
    for series in result.sites:
        out().print(Text(f"  {series.site}"))
        for scan in series.scans:
            t_score = f"T {show_t_score(scan.t_score)}"
            out().print(
                Text(
                    f"    {scan.date}  {_t_bar(scan.t_score)}  {t_score:<7} "
                    f"{WHO_WORDS}: {scan.who_category}"
                )
            )
            if scan.t_score_change is not None:
                for line in _change_words(scan):
                    out().print(Text(f"                {line}", style="dim"))


def _vitamin_d(result: Any) -> None:
    out().print(Text("Vitamin D (25-OH)", style="bold"))
    top = max(r.nmol_l for r in result.vitamin_d)
    hint(f"  (bar full at the highest result shown, {fmt(top)} nmol/L)")
    for r in result.vitamin_d:
        both = f"{fmt(r.nmol_l)} nmol/L ({fmt(r.ng_ml)} ng/mL)"
        out().print(Text(f"    {r.date}  {bar(r.nmol_l / top)}  {both}"))
    for t in result.vitamin_d_thresholds:
        hint(f"  {fmt(t.nmol_l, 0)} nmol/L ({fmt(t.ng_ml)} ng/mL): {t.source}")


def _share_line(label: str, share: Any) -> str:
    if share.percent is None:
        return f"    {label:<22}{'·' * 10}  no intake logged"
    return (
        f"    {label:<22}{bar(share.percent / 100)}  {fmt(share.percent, 0)}% of"
        f" {plural(share.days_logged, 'day')} with intake logged"
    )


def _periods(result: Any) -> None:
    out().print(Text("Between scans: sessions a week, days meeting your targets", style="bold"))
    hint("  (sessions: days with an impact or resistance exercise; bar full at 7 a week)")
    for p in result.periods:
        out().print(Text(f"  {p.label}: {p.start} to {p.end} ({fmt(p.weeks)} weeks)"))
        for label, per_week, count in (
            ("impact sessions", p.impact_per_week, p.impact_sessions),
            ("resistance sessions", p.resistance_per_week, p.resistance_sessions),
        ):
            value = per_week or 0.0
            line = f"{bar(value / 7)}  {fmt(value)} a week ({plural(count, 'day')} in all)"
            out().print(Text(f"    {label:<22}{line}"))
        out().print(Text(_share_line("calcium target met", p.calcium)))
        out().print(Text(_share_line("vitamin D target met", p.vitamin_d)))
        _therapy(p)


def _therapy(period: Any) -> None:
    """A period's bone-agent doses and medication events, as `aij med history` words them."""
    for agent in period.bone_agent_doses:
        taken = f"{agent.name}: {plural(agent.taken, 'dose')} taken"
        out().print(Text(f"    {'bone-agent doses':<22}{taken}"))
    for event in period.medication_events:
        out().print(Text(f"    {event.date}  {event.text}"))


def _scheduled(result: Any) -> None:
    out().print(Text("Bone-agent doses", style="bold"))
    for item in result.scheduled:
        style = "bold yellow" if item.days_overdue > 0 else ""
        out().print(Text(f"  {scheduled_line(item)}", style=style))


def _changes(result: Any) -> None:
    """Each change with the outcomes that have 14 days a side; the others are not compared."""
    out().print(Text("Before and after each medication change", style="bold"))
    by_change: dict[str, list[Any]] = {}
    for item in result.medication_changes:
        change = item.question.split(" 8 weeks before and after ", 1)[-1]
        by_change.setdefault(change, []).append(item)
    for change, items in by_change.items():
        out().print(Text(f"  {change[:1].upper()}{change[1:]}"))
        compared = [i for i in items if i.verdict != "not enough data"]
        for item in compared:
            info("    " + insight_finding(item))
        if not compared:
            hint(f"    Not compared: under {items[0].min_each_side} days with a value on a side.")
    out().print(Text(result.caution, style="italic"))


def bone_data(result: Any) -> dict[str, Any]:
    """`aij bone --json`: the result with each before-and-after finding's sentence."""
    data: dict[str, Any] = result.model_dump(mode="json")
    for item, dumped in zip(result.medication_changes, data["medication_changes"], strict=True):
        dumped["finding"] = insight_finding(item)
    return data


def bone(result: Any) -> None:
    """`aij bone`: T-scores by site, vitamin D, the periods between scans, the next
    bone-agent dose, and the weeks before and after each medication change."""
    for text in result.missing:
        hint(text)
    shown = [
        draw
        for draw, present in (
            (_sites, result.sites),
            (_vitamin_d, result.vitamin_d),
            (_periods, result.periods),
            (_scheduled, result.scheduled),
            (_changes, result.medication_changes),
        )
        if present
    ]
    for index, draw in enumerate(shown):
        if index or result.missing:
            out().print()
        draw(result)
