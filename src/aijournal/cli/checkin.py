"""The guided daily check-in: prompts through symptoms, medication, sleep and a note."""

from datetime import date

from aijournal import render
from aijournal.cli.common import journal
from aijournal.config import (
    USUAL_DOSES,
    Config,
    Medication,
    config_exists,
    load_config,
    save_config,
)
from aijournal.domain.daylog import DayLog
from aijournal.domain.symptoms import BODY_SITES, parse_sites
from aijournal.errors import BadInput, Cancelled


def first_run() -> Config:
    """Ask once for the medication and the nutrient targets, and save the settings."""
    from aijournal.catalog.targets import load_targets

    render.info("Welcome to aij. Two questions before the first check-in.")
    choice = render.ask_choice(
        "Which aromatase inhibitor do you take?",
        [*USUAL_DOSES, "other", "none"],
        default="anastrozole",
    )
    config = Config()
    if choice in USUAL_DOSES:
        config.medications = [Medication(name=choice, dose=USUAL_DOSES[choice])]
    elif choice == "other":
        name = render.ask_text("Medication name") or ""
        dose = render.ask_text("Dose, e.g. 1 mg") or ""
        if name:
            config.medications = [Medication(name=name, dose=dose)]
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


def _ask_sites() -> list[str] | None:
    while True:
        answer = render.ask_text("Where does it hurt? (" + ", ".join(BODY_SITES) + ")")
        if answer is None:
            return None
        try:
            return parse_sites(answer)
        except BadInput as exc:
            render.error(str(exc))


def guided_checkin(day: date) -> None:
    """Ask, then save everything in one transaction; Ctrl-C before the end saves nothing."""
    try:
        _checkin(day)
    except (KeyboardInterrupt, EOFError):
        raise Cancelled("stopped; nothing was saved") from None


def _checkin(day: date) -> None:
    from aijournal.store.daily import save_day_log, save_dose

    config = load_config() if config_exists() else first_run()
    render.info(f"Check-in for {day:%A %d %B %Y}. Enter skips a question; Ctrl-C saves nothing.")
    entry = DayLog()
    for symptom in config.symptom_set():
        value = render.ask_number(
            symptom.meaning, symptom.low, symptom.high, integer=symptom.integer
        )
        if value is not None:
            entry.symptoms[symptom.name] = value
            if symptom.name == "joint-pain" and value > 0:
                entry.sites = _ask_sites()
    doses: list[tuple[Medication, bool, str | None]] = []
    for med in config.medications:
        answer = render.ask_choice(f"Did you take {med.label}?", ["yes", "no", "skip"], "yes")
        if answer == "skip":
            continue
        reason = render.ask_text("Why not?") if answer == "no" else None
        doses.append((med, answer == "yes", reason))
    entry.sleep_hours = render.ask_number("Hours of sleep last night", 0, 24, integer=False)
    entry.sleep_quality = render.ask_number("Sleep quality (0 worst, 10 best)", 0, 10, integer=True)
    entry.mind_minutes = render.ask_number("Mind-body minutes", 1, 600, integer=False)
    entry.note = render.ask_text("A note for the day")
    if entry.is_empty() and not doses:
        render.hint("Nothing to save.")
        return
    with journal() as opened, opened.write() as session:
        saved = save_day_log(session=session, day=day, log=entry)
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


def ask_weekly() -> dict[str, int]:
    """The PRO-CTCAE questions one by one; Enter skips one, Ctrl-C saves nothing."""
    from aijournal.domain.checkin import QUESTIONS, SCALES, question_text

    answers: dict[str, int] = {}
    try:
        render.info("Weekly check-in: the last 7 days. Enter skips a question.")
        for key in QUESTIONS:
            scale = SCALES[key.split(".")[1]]
            render.hint("  " + ", ".join(f"{n} {word}" for n, word in enumerate(scale)))
            value = render.ask_number(question_text(key), 0, 4, integer=True)
            if value is not None:
                answers[key] = int(value)
    except (KeyboardInterrupt, EOFError):
        raise Cancelled("stopped; nothing was saved") from None
    if not answers:
        raise Cancelled("no answers; nothing was saved")
    return answers
