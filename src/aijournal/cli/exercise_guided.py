"""The guided exercise log: today's planned session, prefilled, and what was done."""

from datetime import date

from aijournal import render
from aijournal.catalog.exercises import ExerciseCatalog
from aijournal.errors import Cancelled


def planned_text(day: date, catalog: ExerciseCatalog) -> tuple[str, str]:
    """(focus, a log line of the plan's session for ``day``) from the plan in use."""
    from aijournal.catalog.protocols import load_plans
    from aijournal.config import load_config
    from aijournal.paths import paths

    plan = load_plans(paths().protocols).get(load_config().plan)
    today = plan.days.ordered()[day.weekday()][1]
    if today.is_rest:
        return today.focus, ""
    parts = []
    for slot in today.activities:
        first = catalog.get(slot[0]) if slot[0] in catalog else None
        if first is None:
            continue
        sets = today.sets.min if today.sets is not None else 1
        if first.measure == "sets-reps-load" and today.reps is not None:
            parts.append(f"{first.id} {sets}x{today.reps.min}")
        elif first.measure == "seconds":
            parts.append(f"{first.id} {sets}x30s")  # a starting hold for the user to edit
        elif first.measure == "minutes" and today.minutes is not None:
            parts.append(f"{first.id} {today.minutes.min}m")
    return today.focus, " ".join(parts)


REST_HINT = (
    "{day} is a rest day in your plan: nothing is planned. Did something anyway? Type it, "
    "e.g. gentle-walk 20m or stretching 15m; Enter logs nothing."
)


def ask_session(day: date, catalog: ExerciseCatalog) -> tuple[str, int | None]:
    """Ask what was done (the plan's session offered as the default) and the effort."""
    try:
        focus, offered = planned_text(day, catalog)
        render.info(f"Planned for {day:%A}: {focus}")
        if offered:
            render.hint(f"The plan's session: {offered}")
            question = "What did you do? (Enter takes the plan's session)"
        else:
            render.hint(REST_HINT.format(day=f"{day:%A}"))
            question = "What did you do? (Enter: nothing)"
        answer = render.ask_default(question, offered)
        if not answer.strip():
            if not offered:
                raise Cancelled(
                    f"nothing logged: {day:%A} {day.isoformat()} is a rest day in your plan; "
                    "to log an activity: aij log ex gentle-walk 20m"
                )
            raise Cancelled("nothing logged")
        rpe = render.ask_number("Effort, RPE 0-10 (5-6 moderate, 7+ vigorous)", 0, 10, integer=True)
    except (KeyboardInterrupt, EOFError):
        raise Cancelled("stopped; nothing was saved") from None
    return answer, None if rpe is None else int(rpe)
