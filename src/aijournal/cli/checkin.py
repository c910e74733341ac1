"""The guided check-ins: the daily one (the questions you track, what is logged shown and
kept on Enter) and the weekly PRO-CTCAE one. Enter never records anything."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from aijournal import render
from aijournal.cli.common import journal, journal_exists
from aijournal.config import (
    USUAL_DOSES,
    Config,
    Medication,
    config_exists,
    load_config,
    save_config,
)
from aijournal.domain.daylog import DayLog
from aijournal.domain.symptoms import BODY_SITES, Symptom, parse_sites
from aijournal.domain.units import (
    SLEEP_ALLOWED,
    parse_sleep_hours,
    parse_waist_cm,
    parse_weight_kg,
    show_waist,
    show_weight,
    waist_unit,
    weight_unit,
)
from aijournal.errors import BadInput, Cancelled, Interrupted

if TYPE_CHECKING:
    from aijournal.reports.day import DayReport

T = TypeVar("T")
FEWER = "aij config set tracked joint-pain,stiffness,medication,sleep"
OTHER_WEIGHT = {"kg": "150lb", "lb": "68kg"}
OTHER_WAIST = {"cm": "33in", "in": "84cm"}


def _ask(label: str, allowed: str, logged: str | None, *, adds: bool = False) -> str:
    """One prompt; what Enter does is said on it: skip, keep what is logged, or add nothing."""
    if logged is None:
        enter = "Enter skips"
    elif adds:
        enter = f"{logged} logged; Enter adds nothing"
    else:
        enter = f"logged: {logged}; Enter keeps it"
    return render.ask_default(f"{label} ({allowed}; {enter})", "").strip()


def _ask_until(
    label: str, allowed: str, logged: str | None, parse: Callable[[str], T], *, adds: bool = False
) -> T | None:
    """Ask until the answer parses; Enter gives None (nothing recorded)."""
    while True:
        text = _ask(label, allowed, logged, adds=adds)
        if not text:
            return None
        try:
            return parse(text)
        except BadInput as exc:
            render.error(str(exc))


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ".") if text.count(",") == 1 else text)
    except ValueError:
        raise BadInput(f"'{text}' is not a number") from None


def _in_range(low: float, high: float, *, integer: bool) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = _number(text)
        if value != value or not low <= value <= high or (integer and value != int(value)):
            whole = " (whole numbers)" if integer else ""
            raise BadInput(f"{text} is outside {low:g}-{high:g}{whole}")
        return value

    return parse


def _ask_word(label: str, choices: list[str]) -> str:
    """One of ``choices`` (no default: Enter asks again)."""
    while True:
        text = render.ask_default(f"{label} ({', '.join(choices)})", "").strip().lower()
        if text in choices:
            return text
        render.error(f"choose one of: {', '.join(choices)}")


def _timeline_due(day: date) -> list[Medication] | None:
    """What the journal's medication timeline says is due on ``day``; None without one."""
    from aijournal.reports.medication import timeline_due

    if not journal_exists():
        return None
    with journal() as opened, opened.read() as session:
        return timeline_due(session=session, day=day)


def first_run(day: date) -> Config:
    """Ask once for the medication and the nutrient targets, and save the settings. A journal
    with a medication timeline already says what is taken: then the medication is not asked
    (config.yaml's would be ignored beside it), and the check-in asks about what is due."""
    due = _timeline_due(day)
    if due is not None:
        render.info("Welcome to aij. One question before the first check-in.")
        taken = ", ".join(f"{m.name} {m.dose}".strip() for m in due) or "none due that day"
        render.info(f"Your medication timeline says: {taken} (aij med history).")
        return _ask_targets(Config())
    render.info("Welcome to aij. Two questions before the first check-in.")
    choice = _ask_word("Which aromatase inhibitor do you take?", [*USUAL_DOSES, "other", "none"])
    config = Config()
    if choice in USUAL_DOSES:
        config.medications = [Medication(name=choice, dose=USUAL_DOSES[choice])]
    elif choice == "other":
        name = render.ask_text("Medication name") or ""
        dose = render.ask_text("Dose, e.g. 1 mg") or ""
        if name:
            config.medications = [Medication(name=name, dose=dose)]
    return _ask_targets(config)


def _ask_targets(config: Config) -> Config:
    """Ask for the nutrient target profile, and save the settings."""
    from aijournal.catalog.targets import load_targets

    targets = load_targets()
    for number, profile_id in enumerate(targets.ids, start=1):
        render.info(f"  {number}. {targets.profile(profile_id).name}")
    default = str(targets.ids.index(targets.default_id) + 1)
    picked = render.ask_choice(
        "Which nutrient targets fit you?",
        [str(n) for n in range(1, len(targets.ids) + 1)],
        default=default,
    )
    config.profile = targets.ids[int(picked) - 1]
    path = save_config(config)
    render.hint(f"Saved to {path}; change it with: aij config set medications '...'")
    return config


def guided_checkin(day: date) -> None:
    """Ask, then save everything in one transaction; Ctrl-C before the end saves nothing."""
    try:
        _checkin(day)
    except KeyboardInterrupt:
        render.info("")
        raise Interrupted("stopped; nothing was saved") from None
    except EOFError:
        render.info("")
        raise Cancelled("stopped; nothing was saved") from None


def _logged(day: date, config: Config) -> "DayReport | None":
    """What is already logged for ``day`` (None when there is no journal yet)."""
    from aijournal.reports.day import day_report

    with journal() as opened:
        if opened.pending:
            return None
        with opened.read() as session:
            return day_report(session=session, day=day, config=config)


def _due(day: date, config: Config) -> list[Medication]:
    """The medications due on ``day`` (the timeline's, else config.yaml's)."""
    from aijournal.reports.medication import due_medications

    if not journal_exists():
        return list(config.medications)
    with journal() as opened, opened.read() as session:
        return due_medications(session=session, config=config, day=day)


def _dose_text(taken: bool, reason: str | None) -> str:
    return "taken" if taken else "skipped" + (f" ({reason})" if reason else "")


def _ask_doses(
    due: list[Medication], logged: "DayReport | None"
) -> list[tuple[Medication, bool, str | None]]:
    doses: list[tuple[Medication, bool, str | None]] = []
    before = {d.name: d for d in logged.medications} if logged else {}
    for med in due:
        old = before.get(med.name)
        known = old is not None and old.taken is not None
        shown = _dose_text(bool(old.taken), old.reason) if old and known else None

        def answer(text: str) -> bool:
            word = text.lower()
            if word in ("y", "yes"):
                return True
            if word in ("n", "no"):
                return False
            raise BadInput(f"'{text}' is not yes or no")

        taken = _ask_until(f"Did you take {med.label} today?", "yes/no", shown, answer)
        if taken is None:
            continue
        reason = None
        if not taken:
            kept = old.reason if old is not None and old.taken is False else None
            reason = _ask_until("Why not?", "a few words", kept, lambda t: t[:500]) or kept
        doses.append((med, taken, reason))
    return doses


def _ask_symptom(symptom: Symptom, logged: float | None) -> float | None:
    def parse(text: str) -> float:
        return symptom.check(_number(text))

    shown = None if logged is None else f"{logged:g}"
    label, _, scale = symptom.meaning.partition("; ")
    allowed = scale.removeprefix("0-4 severity: ") if scale else symptom.range_text
    return _ask_until(label, allowed, shown, parse)


def _ask_sites(logged: list[str]) -> list[str] | None:
    shown = ", ".join(logged) if logged else None
    return _ask_until("Where does it hurt?", ", ".join(BODY_SITES), shown, parse_sites)


def _checkin(day: date) -> None:
    from aijournal.store.daily import save_day_log, save_dose

    config = load_config() if config_exists() else first_run(day)
    logged = _logged(day, config)
    before = logged.symptoms if logged else {}
    render.info(
        f"Check-in for {day:%A %d %B %Y}. Enter skips a question, or keeps what is logged; "
        "Ctrl-C saves nothing."
    )
    if config.tracked is None:
        render.hint(f"Fewer questions: {FEWER}")
    symptoms = {s.name: s for s in config.symptom_set()}
    units = config.units
    entry = DayLog()
    doses: list[tuple[Medication, bool, str | None]] = []
    for key in config.tracked_keys():
        if key in symptoms:
            if key == "hot-flash-severity":
                count = entry.symptoms.get("hot-flashes", before.get("hot-flashes"))
                if count == 0:
                    continue  # no hot flashes: nothing to rate
            value = _ask_symptom(symptoms[key], before.get(key))
            if value is not None:
                entry.symptoms[key] = value
            pain = value if value is not None else before.get(key)
            if key == "joint-pain" and pain is not None and pain > 0:
                entry.sites = _ask_sites(logged.sites if logged else [])
        elif key == "medication":
            doses = _ask_doses(_due(day, config), logged)
        elif key == "sleep":
            hours = logged.sleep.hours if logged else None
            entry.sleep_hours = _ask_until(
                "Hours of sleep last night",
                SLEEP_ALLOWED.removeprefix("hours "),
                None if hours is None else f"{hours:g} h",
                parse_sleep_hours,
            )
        elif key == "sleep-quality":
            quality = logged.sleep.quality if logged else None
            entry.sleep_quality = _ask_until(
                "Sleep quality",
                "0 worst to 10 best",
                None if quality is None else f"{quality:g}",
                _in_range(0, 10, integer=True),
            )
        elif key == "mind":
            minutes = logged.mind_minutes if logged else None
            entry.mind_minutes = _ask_until(
                "Mind-body minutes (meditation, breathing, yoga)",
                "1-600",
                None if minutes is None else f"{minutes:g} min",
                _in_range(1, 600, integer=False),
                adds=True,
            )
        elif key == "weight":
            kg = logged.body.weight_kg if logged else None
            entry.weight_kg = _ask_until(
                "Weight",
                f"{weight_unit(units)}; {OTHER_WEIGHT[weight_unit(units)]} works too",
                None if kg is None else show_weight(kg, units),
                lambda text: parse_weight_kg(text, units),
            )
        elif key == "waist":
            cm = logged.body.waist_cm if logged else None
            entry.waist_cm = _ask_until(
                "Waist",
                f"{waist_unit(units)}; {OTHER_WAIST[waist_unit(units)]} works too",
                None if cm is None else show_waist(cm, units),
                lambda text: parse_waist_cm(text, units),
            )
        elif key == "note":
            notes = len(logged.notes) if logged else 0
            entry.note = _ask_until(
                "A note for the day",
                "any text",
                None if not notes else f"{notes} note" + ("s" if notes > 1 else ""),
                lambda text: text,
                adds=True,
            )
    if entry.is_empty() and not doses:
        render.hint("Nothing new to save.")
    else:
        with journal() as opened, opened.write() as session:
            saved = save_day_log(session=session, day=day, log=entry, units=units)
            saved += [
                save_dose(
                    session=session,
                    day=day,
                    medication=med.name,
                    dose=med.dose,
                    taken=taken,
                    reason=reason,
                )
                for med, taken, reason in doses
            ]
        render.saved(day.isoformat(), saved)
    _mention_the_rest(logged)


def _mention_the_rest(logged: "DayReport | None") -> None:
    """Exercise and meals have their own guided logs: say what is logged and how to add."""
    sessions = len(logged.exercise) if logged else 0
    meals = len([m for m in logged.meals if m["kind"] == "meal"]) if logged else 0
    done = (
        f"{sessions} exercise session{'s' if sessions != 1 else ''}, "
        f"{meals} meal{'s' if meals != 1 else ''}"
    )
    render.hint(f"Also this day: {done} (aij log ex, aij log meal)")


def ask_weekly() -> dict[str, int]:
    """The PRO-CTCAE questions one by one, in NCI's words, with NCI's branching: after
    "Never" or "None" an item's later questions are not asked. Enter skips one; Enter on
    every question answers nothing (an empty dict)."""
    from aijournal.domain.checkin import ITEMS, ends_item, question_text, response_labels

    answers: dict[str, int] = {}
    try:
        render.info("Weekly check-in: the last 7 days. Enter skips a question.")
        for item in ITEMS:
            for attribute in item.attributes:
                key = f"{item.item}.{attribute}"
                render.info(question_text(key))
                labels = response_labels(key)
                render.hint("  " + ", ".join(f"{n} {word}" for n, word in enumerate(labels)))
                value = _ask_until("Answer", "0-4", None, _in_range(0, 4, integer=True))
                if value is None:
                    continue
                answers[key] = int(value)
                if ends_item(key, int(value)):
                    break
    except KeyboardInterrupt:
        render.info("")
        raise Interrupted("stopped; nothing was saved") from None
    except EOFError:
        render.info("")
        raise Cancelled("stopped; nothing was saved") from None
    return answers
