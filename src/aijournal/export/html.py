"""The visit summary as one self-contained, print-friendly HTML page (A4).

No network and no other file: CSS and SVG charts are inline, and a Content-Security-Policy
forbids the page any fetch. Every text from the journal or the catalogs is escaped.
"""

from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from aijournal.domain.labels import plural
from aijournal.domain.medtimeline import dose_due_words
from aijournal.export.output import atomic_file
from aijournal.export.visit_chart import symptom_chart
from aijournal.reports.visit_content import BoneTherapy, SymptomSummary, VisitReport

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
STYLE = """
:root { color-scheme: only light; }
@page { size: A4; margin: 8mm 10mm; }
* { box-sizing: border-box; }
html { background: #ffffff; color: #111111; }
body { font: 8.2pt/1.2 "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111111;
  background: #ffffff; margin: 0 auto; max-width: 190mm; overflow-wrap: anywhere;
  word-break: normal; }
h1 { font-size: 12.5pt; margin: 0 0 1px; }
h2 { font-size: 9.2pt; margin: 4px 0 1px; padding-bottom: 1px; border-bottom: 1px solid #888888; }
p { margin: 1px 0; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
th, td { padding: 0 3px; text-align: left; vertical-align: top;
  border-bottom: 1px solid #dddddd; overflow-wrap: anywhere; }
td.k, td.n { white-space: nowrap; }
th { font-weight: 600; background: #f2f2f2; color: #111111; font-size: 7.2pt;
  overflow-wrap: normal; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #555555; }
.small { font-size: 7.2pt; }
.grid { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); column-gap: 5mm; }
.grid > div { min-width: 0; }
.ok { color: #1a6b2a; } .no { color: #9a3412; }
svg { display: block; width: 100%; height: auto; }
ol { margin: 1px 0; padding-left: 18px; font-size: 7.8pt; columns: 2; column-gap: 8mm; }
li { overflow-wrap: anywhere; break-inside: avoid; }
footer { margin-top: 3px; font-size: 6.5pt; line-height: 1.2; }
@media screen { body { padding: 10mm 0; } }
@media print { body { max-width: none; } section, table, svg { break-inside: avoid; } }
"""


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


def _symptom_line(s: SymptomSummary, unit: str) -> str:
    if not s.days_rated:
        return f"<p>{_e(s.label)}: not rated in this period.</p>"
    high = s.highest
    return (
        f"<p>{_e(s.label)}: rated on {plural(s.days_rated, 'day')}; first week mean "
        f"{_num(s.first_week_mean)}, last week mean {_num(s.last_week_mean)}; highest "
        f"{_num(high.value if high else None)}{unit} on {_e(high.day if high else '')}.</p>"
    )


def _symptoms(report: VisitReport) -> str:
    """The chart and its two lines; a period with nothing rated says so instead."""
    exercised = f"{plural(len(report.exercise_days), 'day')} with exercise logged"
    if not report.pain.days_rated and not report.stiffness.days_rated:
        return f"<p>No worst joint pain or morning stiffness rated in this period; {exercised}.</p>"
    return (
        symptom_chart(report)
        + _symptom_line(report.pain, "")
        + _symptom_line(report.stiffness, " min")
        + f'<p class="small muted">Blue ticks: {exercised}.</p>'
    )


def _mark(met: bool) -> str:
    return '<span class="ok">✓</span>' if met else '<span class="no">✗</span>'


def _week_rows(report: VisitReport) -> list[list[str]]:
    """A week a row; a week in progress or begun mid-week says so, and its totals so far get
    no ✓ or ✗ (``domain/adherence.py``: not met yet is not missed)."""
    rows = []
    for week in report.weeks:
        label = _e(week.week) + (
            f' <span class="muted">{_e(week.state)}</span>' if week.state else ""
        )
        cells = [label, f"{week.days_done}/{week.days_planned}"]
        for req in week.requirements:
            counted = req.state in ("met", "not-met")
            cells.append(f"{req.actual}/{req.required} {_mark(req.met) if counted else ''}")
        rows.append(cells)
    return rows


def _month_rows(report: VisitReport) -> list[list[str]]:
    """A month a row: days done, then the weeks that met each requirement."""
    rows = []
    for month in report.months:
        label = f"{month.month:%b %Y}"
        if month.in_progress:
            label += ' <span class="muted">in progress</span>'
        cells = [label, f"{month.days_done}/{month.days_planned}"]
        cells += [f"{r.weeks_met} of {r.weeks}" for r in month.requirements]
        rows.append(cells)
    return rows


def _plan(report: VisitReport) -> str:
    if not report.exercise_days:
        return "<p>No exercise logged in this period.</p>"
    if not report.weeks and not report.months:
        return "<p>No plan weeks in this period.</p>"
    totals = "; ".join(
        f"{_e(t.name)} met in {t.weeks_met} of {plural(t.weeks, 'week')}"
        for t in report.requirement_totals
        if t.weeks
    )
    totals = f"Finished weeks: {totals}." if totals else "No week finished yet."
    if report.months:
        names = [r.name for r in report.months[0].requirements]
        head = ["month", "days done", *(f"{n}: weeks met" for n in names)]
        rows = _month_rows(report)
        note = f"{plural(report.weeks_total, 'week')} summed by month. "
    else:
        names = [r.name for r in report.weeks[0].requirements]
        head = ["week", "days done", *names]
        rows = _week_rows(report)
        note = ""
    return (
        _table(head, rows, numeric=range(1, 2 + len(names)))
        + f'<p class="small muted">{note}{totals}</p>'
    )


def _nutrient_rows(report: VisitReport) -> list[list[str]]:
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
    return rows


def _nutrients(report: VisitReport) -> str:
    days = report.nutrients[0].days_logged if report.nutrients else 0
    if not days:
        return "<p>No food or supplements logged in this period.</p>"
    food_days = report.nutrients[0].days_with_food
    incomplete = max((n.days_incomplete for n in report.nutrients), default=0)
    note = (
        f"{plural(days, 'day')} with intake logged (food or supplements), {food_days} with food."
        " The average is the food average over days with food logged plus the supplements"
        " average over days with intake logged; a day without food logged counts its"
        " supplements only toward days met and limits."
    )
    if incomplete:
        note += (
            f" On up to {plural(incomplete, 'day')} some foods had no value for a nutrient:"
            " those totals are lower bounds."
        )
    if any(n.target is None for n in report.nutrients):
        note += (
            " Vitamin K is K1 + MK-4, compared with the adequate intake set from K1; MK-7"
            " (natto, K2 supplements) is its own line."
        )
    head = ["nutrient", "daily target", "days met", "average", "upper limit", "days over"]
    text = _table(head, _nutrient_rows(report), numeric=(1, 2, 3, 4, 5))
    text += f'<p class="small muted">{note}</p>'
    if report.vitamin_k_reminder:
        text += f"<p><strong>{_e(report.vitamin_k_reminder)}</strong></p>"
    return text


def _medications(report: VisitReport) -> str:
    if not report.medications:
        return "<p>No medication recorded or configured.</p>"
    if not any(m.taken or m.skipped or m.no_record for m in report.medications):
        names = ", ".join(_e(f"{m.name} {m.dose}".strip()) for m in report.medications)
        return f"<p>No doses logged in this period ({names}).</p>"
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
    head = ["medication", "taken", "skipped", "no record"]
    return _table(head, rows, numeric=(1, 2, 3)) + note


def _bone(bone: BoneTherapy) -> str:
    """Short lines, the column under the plan has little room: the latest scan's sites in one
    sentence, vitamin D, the next dose of each bone agent, the period's medication events in
    one paragraph (a schedule is said by its next-dose line), and what is not logged."""
    parts = []
    missing = []
    if bone.scan is not None:
        sites = "; ".join(
            f"{_e(s.site)} {_e(s.t_score)} {_e(s.who_category)}" for s in bone.scan.sites
        )
        parts.append(
            f"<p>DEXA {bone.scan.date.isoformat()} (T-score, WHO category on this scan): "
            f"{sites}.</p>"
        )
    else:
        missing.append("a DEXA scan")
    if bone.vitamin_d is not None:
        d = bone.vitamin_d
        parts.append(
            f"<p>Vitamin D (25-OH) {_num(d.nmol_l)} nmol/L ({_num(d.ng_ml)} ng/mL), "
            f"{d.date.isoformat()}.</p>"
        )
    else:
        missing.append("vitamin D")
    for s in bone.scheduled:
        words = _e(dose_due_words(s.name, s.due, s.days_overdue, s.as_of))
        parts.append(f"<p><strong>{words}</strong>.</p>" if s.days_overdue else f"<p>{words}.</p>")
    if not bone.scheduled:
        missing.append("a bone-agent schedule")
    changes = [e for e in bone.events if e.event != "schedule"]
    if changes:
        events = "; ".join(f"{e.date.isoformat()} {_e(e.text)}" for e in changes)
        parts.append(f"<p>Medication events: {events}.</p>")
    elif not bone.events:
        missing.append("a medication change in this period")
    if missing:
        parts.append(f'<p class="small muted">Not logged: {", ".join(missing)}.</p>')
    return "".join(parts)


def _sleep_body(report: VisitReport) -> str:
    s = report.sleep
    if not s.nights and all(m.count == 0 for m in report.body):
        return "<p>No sleep, weight or waist logged in this period.</p>"
    rows = [
        ["Sleep", "not logged", "", ""]
        if not s.nights
        else [
            "Sleep",
            plural(s.nights, "night"),
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
                plural(m.count, "time"),
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
        f"{plural(report.checkin_count, 'check-in')}; first → last ({_e(weeks)}); "
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


def _section(title: str, body: str) -> str:
    return f"<section><h2>{_e(title)}</h2>{body}</section>"


def _beside_the_plan(report: VisitReport) -> list[str]:
    """The short sections in the column beside the plan table. A new short section (labs,
    medication events) goes here, before the check-ins."""
    return [
        _section("Medication", _medications(report)),
        _section("Sleep, weight and waist", _sleep_body(report)),
        _section("Weekly check-ins", _checkins(report)),
    ]


def _under_the_plan(report: VisitReport) -> list[str]:
    """Bone and therapy, under the plan table: that column is the shorter of the two (the
    plan's 14 weeks or 12 months against medication, sleep and the 10 check-in items), so
    the page stays one A4 page."""
    if report.bone is None:
        return []
    return [_section("Bone and therapy", f'<div class="small">{_bone(report.bone)}</div>')]


def _header(report: VisitReport, period: str) -> str:
    visits = []
    if report.last_visit:
        visits.append(f"last visit {report.last_visit.isoformat()}")
    if report.next_visit:
        who = f" with {_e(report.next_visit.clinician)}" if report.next_visit.clinician else ""
        visits.append(f"next visit {report.next_visit.date.isoformat()}{who}")
    return (
        f"<header><h1>Visit summary, {period}</h1>"
        f"<p>{plural(report.days, 'day')}{'; ' + '; '.join(visits) if visits else ''}. "
        f"Made with aij on {report.made_on.isoformat()}.</p>"
        "<p><strong>aij records and reports what was logged; it does not diagnose and does not "
        "advise on medication.</strong></p></header>"
    )


def _footer(report: VisitReport) -> str:
    """The sources, last and small: read when needed, never in the way of the numbers."""
    return (
        f'<footer class="muted"><p>Nutrient targets: {_e(report.profile_name)} '
        f"({_e(report.profile_source)}). "
        f"Exercise plan: {_e(report.plan_name)} ({_e(report.plan_source)}).</p></footer>"
    )


def render_html(report: VisitReport) -> str:
    """The whole page."""
    period = f"{report.start.isoformat()} to {report.end.isoformat()}"
    sections = [
        _section("Worst joint pain and morning stiffness", _symptoms(report)),
        '<div class="grid"><div>',
        _section("Exercise plan", _plan(report)),
        *_under_the_plan(report),
        "</div><div>",
        *_beside_the_plan(report),
        "</div></div>",
        _section("Nutrients against the daily targets", _nutrients(report)),
        _section("Open questions for the visit", _questions(report)),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="color-scheme" content="only light">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Visit summary {period}</title><style>{STYLE}</style></head>"
        f"<body>{_header(report, period)}{''.join(sections)}{_footer(report)}</body></html>\n"
    )


def write_report(report: VisitReport, out: Path, *, force: bool) -> Path:
    """Write the page to ``out`` (never a partial file)."""
    with atomic_file(out, force=force) as handle:
        handle.write(render_html(report).encode("utf-8"))
    return out
