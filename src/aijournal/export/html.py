"""The visit summary as one self-contained, print-friendly HTML page (A4).

No network and no other file: CSS and SVG charts are inline, and a Content-Security-Policy
forbids the page any fetch. Every text from the journal or the catalogs is escaped.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from pathlib import Path

from aijournal.export.output import atomic_file
from aijournal.reports.visit_content import SymptomSummary, VisitReport

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
STYLE = """
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
body { font: 8.6pt/1.3 "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111;
  margin: 0 auto; max-width: 186mm; }
h1 { font-size: 13pt; margin: 0 0 2px; }
h2 { font-size: 9.6pt; margin: 7px 0 2px; padding-bottom: 1px; border-bottom: 1px solid #888; }
p { margin: 2px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 1px 3px; text-align: left; vertical-align: top; border-bottom: 1px solid #ddd;
  overflow-wrap: anywhere; }
td.k { white-space: nowrap; }
th { font-weight: 600; background: #f2f2f2; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
th { font-size: 7.8pt; }
.muted { color: #555; }
.small { font-size: 7.6pt; }
.grid { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); column-gap: 5mm; }
.ok { color: #1a6b2a; } .no { color: #9a3412; }
svg { display: block; width: 100%; height: auto; }
ol { margin: 2px 0; padding-left: 16px; }
@media screen { body { padding: 10mm 0; } }
@media print { body { max-width: none; } section, table, svg { break-inside: avoid; } }
"""
WIDTH, LEFT, RIGHT = 720, 34, 8


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:,.0f}"
    return "0" if text == "-0" else text


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = ()) -> str:
    """A table; the first column never wraps, the ``numeric`` ones align right."""
    right = set(numeric)

    def attr(i: int) -> str:
        return " class=n" if i in right else (" class=k" if i == 0 else "")

    cells = "".join(f"<th{attr(i)}>{_e(h)}</th>" for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(f"<td{attr(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _x(day: date, start: date, span: int) -> float:
    return LEFT + (day - start).days / max(1, span) * (WIDTH - LEFT - RIGHT)


def _lines(
    series: SymptomSummary, start: date, span: int, top: float, height: float, y0: float
) -> str:
    """A line through the rated days (broken over gaps of more than a week), and a dot each."""
    parts: list[list[str]] = []
    previous: date | None = None
    dots = []
    for point in series.series:
        x = _x(point.day, start, span)
        y = y0 + height - point.value / top * height
        if previous is None or (point.day - previous).days > 7:
            parts.append([])
        parts[-1].append(f"{x:.1f},{y:.1f}")
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.6"/>')
        previous = point.day
    lines = "".join(
        f'<polyline points="{" ".join(p)}" fill="none" stroke="currentColor" stroke-width="1.3"/>'
        for p in parts
        if len(p) > 1
    )
    return lines + "".join(dots)


def _panel(
    series: SymptomSummary, start: date, span: int, y0: float, height: float, colour: str
) -> str:
    top = series.scale_max
    ticks = (0, top / 2, top)
    grid = "".join(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y0 + height - t / top * height:.1f}" '
        f'y2="{y0 + height - t / top * height:.1f}" stroke="#ddd"/>'
        f'<text x="{LEFT - 4}" y="{y0 + height - t / top * height + 3:.1f}" text-anchor="end">'
        f"{_num(t, 0)}</text>"
        for t in ticks
    )
    label = f'<text x="{LEFT + 2}" y="{y0 - 2:.1f}">{_e(series.label)} ({_e(series.unit)})</text>'
    drawn = _lines(series, start, span, top, height, y0)
    return f'{grid}{label}<g style="color:{colour}" fill="currentColor">{drawn}</g>'


def symptom_chart(report: VisitReport) -> str:
    """Pain (0-10) above, stiffness (minutes) below, exercise days as ticks along the bottom."""
    start, span = report.start, (report.end - report.start).days
    pain_y, pain_h, stiff_y, stiff_h, ex_y = 12, 78, 108, 44, 160
    marks = "".join(
        f'<rect x="{_x(d, start, span) - 1:.1f}" y="{ex_y}" width="2.4" height="7" fill="#2563eb"/>'
        for d in report.exercise_days
    )
    labels = "".join(
        f'<text x="{_x(d, start, span):.1f}" y="{ex_y + 19}" text-anchor="{anchor}">'
        f"{d.isoformat()}</text>"
        for d, anchor in ((report.start, "start"), (report.end, "end"))
    )
    return (
        f'<svg viewBox="0 0 {WIDTH} {ex_y + 22}" role="img" font-size="9" '
        f'aria-label="Worst joint pain and morning stiffness by day, exercise days marked">'
        f"<title>Worst joint pain and morning stiffness by day</title>"
        + _panel(report.pain, start, span, pain_y, pain_h, "#b91c1c")
        + _panel(report.stiffness, start, span, stiff_y, stiff_h, "#7c3aed")
        + f'<text x="{LEFT - 4}" y="{ex_y + 6}" text-anchor="end">ex.</text>'
        + f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ex_y + 7.5}" y2="{ex_y + 7.5}" '
        'stroke="#999"/>' + marks + labels + "</svg>"
    )


def _symptom_line(s: SymptomSummary, unit: str) -> str:
    if not s.days_rated:
        return f"<p>{_e(s.label)}: not rated in this period.</p>"
    high = s.highest
    return (
        f"<p>{_e(s.label)}: rated on {s.days_rated} days; first week mean "
        f"{_num(s.first_week_mean)}, last week mean {_num(s.last_week_mean)}; highest "
        f"{_num(high.value if high else None)}{unit} on {_e(high.day if high else '')}.</p>"
    )


def _plan(report: VisitReport) -> str:
    if not report.weeks:
        return "<p>No weeks in this period.</p>"
    names = [r.name for r in report.weeks[0].requirements]
    rows = []
    for week in report.weeks:
        cells = [_e(week.week), f"{week.days_done}/{week.days_planned}"]
        for req in week.requirements:
            mark = '<span class="ok">✓</span>' if req.met else '<span class="no">✗</span>'
            if req.state in ("in-progress", "not-journaling-yet"):
                mark = f'<span class="muted">{_e(req.state.replace("-", " "))}</span>'
            cells.append(f"{req.actual}/{req.required} {mark}")
        rows.append(cells)
    shown = len(report.weeks)
    totals = "; ".join(
        f"{_e(t.name)} met in {t.weeks_met} of {t.weeks} weeks" for t in report.requirement_totals
    )
    note = (
        f"Last {shown} of {report.weeks_total} weeks shown. " if shown < report.weeks_total else ""
    )
    return (
        _table(["week", "days done", *names], rows, numeric=range(1, 2 + len(names)))
        + f'<p class="small muted">{note}{totals}.</p>'
    )


def _nutrients(report: VisitReport) -> str:
    rows = []
    for n in report.nutrients:
        unit = _e(n.unit)
        limit = "–" if n.upper is None else f"{_num(n.upper, 0)} {unit}"
        if n.upper is not None and n.upper_counts == "supplements":
            limit += " (suppl.)"
        rows.append(
            [
                _e(n.label),
                "none (shown apart)" if n.target is None else f"{_num(n.target, 1)} {unit}",
                "–" if n.target is None else f"{n.days_met}/{n.days_logged}",
                "–" if n.average is None else f"{_num(n.average, 1)} {unit}",
                limit,
                "–" if n.upper is None else str(n.days_over),
            ]
        )
    days = report.nutrients[0].days_logged if report.nutrients else 0
    food_days = report.nutrients[0].days_with_food if report.nutrients else 0
    incomplete = max((n.days_incomplete for n in report.nutrients), default=0)
    note = (
        f"{days} days with intake logged (food or supplements), {food_days} with food. The"
        " average is the food average over days with food logged plus the supplements average"
        " over days with intake logged; a day without food logged counts its supplements only"
        " toward days met and limits."
    )
    if incomplete:
        note += (
            f" On up to {incomplete} days some foods had no value for a nutrient: those totals"
            " are lower bounds."
        )
    if any(n.target is None for n in report.nutrients):
        note += (
            " Vitamin K is K1 + MK-4, compared with the adequate intake set from K1; MK-7"
            " (natto, K2 supplements) is its own line."
        )
    head = ["nutrient", "daily target", "days met", "average", "upper limit", "days over"]
    text = _table(head, rows, numeric=(1, 2, 3, 4, 5)) + f'<p class="small muted">{note}</p>'
    if report.vitamin_k_reminder:
        text += f"<p><strong>{_e(report.vitamin_k_reminder)}</strong></p>"
    return text


def _medications(report: VisitReport) -> str:
    if not report.medications:
        return "<p>No medication recorded or configured.</p>"
    rows = [
        [
            _e(f"{m.name} {m.dose}".strip()),
            str(m.taken),
            str(m.skipped),
            "–" if m.no_record is None else str(m.no_record),
        ]
        for m in report.medications
    ]
    reasons = "; ".join(
        f"{_e(m.name)}: " + ", ".join(f"{_e(r.reason)} ({r.count})" for r in m.reasons)
        for m in report.medications
        if m.reasons
    )
    note = f'<p class="small">Reasons for skipping: {reasons}.</p>' if reasons else ""
    return _table(["medication", "taken", "skipped", "no record"], rows, numeric=(1, 2, 3)) + note


def _sleep_body(report: VisitReport) -> str:
    s = report.sleep
    rows = [
        [
            "Sleep",
            f"{s.nights} nights",
            f"{_num(s.mean_hours)} h a night",
            f"quality {_num(s.mean_quality)}/10",
        ]
    ]
    for m in report.body:
        if m.first is None or m.last is None:
            rows.append([_e(m.label), "not measured", "", ""])
            continue
        change = m.last.value - m.first.value
        rows.append(
            [
                _e(m.label),
                f"{m.count} times",
                f"{_num(m.first.value)} → {_num(m.last.value)} {_e(m.unit)}",
                f"{'+' if change > 0 else ''}{_num(change)} {_e(m.unit)}",
            ]
        )
    return _table(["", "logged", "average; first → last", "change"], rows) + (
        '<p class="small muted">Weight and waist: first and last measure of the period.</p>'
    )


def _checkins(report: VisitReport) -> str:
    """One row per item, a column per scale: the first check-in's answer, then the last's."""
    if not report.checkins:
        return "<p>No weekly check-in in this period.</p>"
    scales = list(dict.fromkeys(c.attribute for c in report.checkins))
    by_item: dict[str, dict[str, str]] = {}
    for c in report.checkins:
        change = (
            str(c.first_value)
            if c.first_week == c.last_week
            else (f"{c.first_value} → {c.last_value}")
        )
        by_item.setdefault(c.item, {})[c.attribute] = change
    rows = [[_e(item), *(values.get(s, "") for s in scales)] for item, values in by_item.items()]
    weeks = f"{report.checkins[0].first_week} → {report.checkins[0].last_week}"
    note = (
        f"{report.checkin_count} check-ins; first → last ({_e(weeks)}); "
        "PRO-CTCAE 0-4, 0 = none or never."
    )
    return _table(["item", *scales], rows, numeric=range(1, 1 + len(scales))) + (
        f'<p class="small muted">{note}</p>'
    )


def _questions(report: VisitReport) -> str:
    if not report.questions:
        return "<p>No open questions.</p>"
    items = "".join(
        f"<li>{_e(q.text)} <span class='muted small'>({q.asked})</span></li>"
        for q in report.questions
    )
    return f"<ol>{items}</ol>"


def render_html(report: VisitReport) -> str:
    """The whole page."""
    period = f"{report.start.isoformat()} to {report.end.isoformat()}"
    visits = []
    if report.last_visit:
        visits.append(f"last visit {report.last_visit.isoformat()}")
    if report.next_visit:
        who = f" with {_e(report.next_visit.clinician)}" if report.next_visit.clinician else ""
        visits.append(f"next visit {report.next_visit.date.isoformat()}{who}")
    pain_unit = ""
    sections = [
        "<section><h2>Worst joint pain and morning stiffness</h2>",
        symptom_chart(report),
        _symptom_line(report.pain, pain_unit),
        _symptom_line(report.stiffness, " min"),
        f'<p class="small muted">Blue ticks: {len(report.exercise_days)} days with exercise '
        "logged.</p></section>",
        '<div class="grid"><div>',
        f"<section><h2>Exercise plan by week: {_e(report.plan_name)}</h2>{_plan(report)}</section>",
        "</div><div>",
        f"<section><h2>Medication</h2>{_medications(report)}</section>",
        f"<section><h2>Sleep, weight and waist</h2>{_sleep_body(report)}</section>",
        "</div></div>",
        f"<section><h2>Nutrients against the daily targets</h2>{_nutrients(report)}</section>",
        '<div class="grid"><div>',
        f"<section><h2>Weekly check-ins</h2>{_checkins(report)}</section>",
        "</div><div>",
        f"<section><h2>Open questions for the visit</h2>{_questions(report)}</section>",
        "</div></div>",
    ]
    header = (
        f"<header><h1>Visit summary, {period}</h1>"
        f"<p>{report.days} days{'; ' + '; '.join(visits) if visits else ''}. "
        f"Made with aij on {report.made_on.isoformat()}.</p>"
        "<p><strong>aij records and reports what was logged; it does not diagnose and does not "
        "advise on medication.</strong></p>"
        f'<p class="small muted">Nutrient targets: {_e(report.profile_name)} '
        f"({_e(report.profile_source)}). "
        f"Exercise plan: {_e(report.plan_name)} ({_e(report.plan_source)}).</p></header>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Visit summary {period}</title><style>{STYLE}</style></head>"
        f"<body>{header}{''.join(sections)}</body></html>\n"
    )


def write_report(report: VisitReport, out: Path, *, force: bool) -> Path:
    """Write the page to ``out`` (never a partial file)."""
    with atomic_file(out, force=force) as handle:
        handle.write(render_html(report).encode("utf-8"))
    return out
