"""The visit summary's chart: worst joint pain above, morning stiffness below, exercise days
as ticks, and dates along the bottom by month (by week or day in a short period). Inline SVG
with explicit colours, so a browser's forced dark mode cannot hide the labels."""

from datetime import date, timedelta
from html import escape

from aijournal.reports.visit_content import SymptomSummary, VisitReport

WIDTH, LEFT, RIGHT = 720, 34, 8
INK, GRID = "#222222", "#dddddd"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _x(day: date, start: date, span: int) -> float:
    return LEFT + (day - start).days / max(1, span) * (WIDTH - LEFT - RIGHT)


def _num(value: float) -> str:
    return f"{value:.0f}"


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
    grid = "".join(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y0 + height - t / top * height:.1f}" '
        f'y2="{y0 + height - t / top * height:.1f}" stroke="{GRID}"/>'
        f'<text x="{LEFT - 4}" y="{y0 + height - t / top * height + 3:.1f}" text-anchor="end">'
        f"{_num(t)}</text>"
        for t in (0, top / 2, top)
    )
    label = (
        f'<text x="{LEFT + 2}" y="{y0 - 2:.1f}">{escape(series.label)} ({escape(series.unit)})'
        "</text>"
    )
    drawn = _lines(series, start, span, top, height, y0)
    return f'{grid}{label}<g style="color:{colour}" fill="{colour}">{drawn}</g>'


def date_ticks(start: date, end: date) -> list[tuple[date, str]]:
    """Where the bottom axis is labelled: in a period of two months or more, the first of each
    month (its year on the first label and on January); in a shorter one, its first day and
    each Monday; in a week or less, each day."""
    days = (end - start).days
    every = [start + timedelta(days=n) for n in range(days + 1)]
    if days >= 60:
        firsts = [d for d in every if d.day == 1]
        return [
            (d, MONTHS[d.month - 1] + (f" {d.year}" if n == 0 or d.month == 1 else ""))
            for n, d in enumerate(firsts)
        ]
    chosen = every if days <= 7 else [d for d in every if d.weekday() == 0]
    if not chosen or chosen[0] != start:
        chosen.insert(0, start)
    return [
        (d, f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if n == 0 else ""))
        for n, d in enumerate(chosen)
    ]


def _axis(start: date, end: date, span: int, y: float) -> str:
    """Date ticks and labels, each centred on its day (one too near the right edge ends there;
    the left margin holds a half label)."""
    parts = []
    for day, text in date_ticks(start, end):
        x = _x(day, start, span)
        anchor = "end" if x > WIDTH - RIGHT - 24 else "middle"
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 3}" y2="{y + 1}" stroke="{INK}"/>'
            f'<text x="{x:.1f}" y="{y + 10}" text-anchor="{anchor}">{escape(text)}</text>'
        )
    return "".join(parts)


def symptom_chart(report: VisitReport) -> str:
    """Pain (0-10) above, stiffness (minutes) below, exercise days as ticks, then the dates."""
    start, span = report.start, (report.end - report.start).days
    pain_y, pain_h, stiff_y, stiff_h, ex_y = 12, 58, 84, 34, 126
    marks = "".join(
        f'<rect x="{_x(d, start, span) - 1:.1f}" y="{ex_y}" width="2.4" height="7" fill="#2563eb"/>'
        for d in report.exercise_days
    )
    return (
        f'<svg viewBox="0 0 {WIDTH} {ex_y + 22}" role="img" font-size="9" fill="{INK}" '
        f'style="color:{INK}" '
        'aria-label="Worst joint pain and morning stiffness by day, exercise days marked">'
        "<title>Worst joint pain and morning stiffness by day</title>"
        + _panel(report.pain, start, span, pain_y, pain_h, "#b91c1c")
        + _panel(report.stiffness, start, span, stiff_y, stiff_h, "#7c3aed")
        + f'<text x="{LEFT - 4}" y="{ex_y + 6}" text-anchor="end">ex.</text>'
        + f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ex_y + 7.5}" y2="{ex_y + 7.5}" '
        f'stroke="#999999"/>' + marks + _axis(report.start, report.end, span, ex_y + 11) + "</svg>"
    )
