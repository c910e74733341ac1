"""The weekly check-in: 7-day questions on NCI's PRO-CTCAE scales for AI-relevant symptoms.

PRO-CTCAE is the National Cancer Institute's and free to use; its recall period is the last
7 days, and each symptom is asked about on some of three 0-4 scales: frequency, severity and
interference with usual or daily activities (DOMAIN.md "Symptoms").
"""

from dataclasses import dataclass

from aijournal.errors import BadInput
from aijournal.suggest import did_you_mean

SCALES: dict[str, tuple[str, ...]] = {
    "frequency": ("never", "rarely", "occasionally", "frequently", "almost constantly"),
    "severity": ("none", "mild", "moderate", "severe", "very severe"),
    "interference": ("not at all", "a little bit", "somewhat", "quite a bit", "very much"),
}
SOURCE = "NCI PRO-CTCAE (recall: the last 7 days)"


@dataclass(frozen=True)
class CheckinItem:
    item: str
    label: str
    attributes: tuple[str, ...]


ITEMS: tuple[CheckinItem, ...] = (
    CheckinItem("joint-pain", "aching joints", ("frequency", "severity", "interference")),
    CheckinItem("aching-muscles", "aching muscles", ("frequency", "severity", "interference")),
    CheckinItem("hot-flashes", "hot flashes", ("frequency", "severity")),
    CheckinItem("insomnia", "insomnia", ("severity", "interference")),
    CheckinItem("fatigue", "fatigue, tiredness or lack of energy", ("severity", "interference")),
    CheckinItem("concentration", "problems with concentration", ("severity", "interference")),
    CheckinItem("memory", "problems with memory", ("severity", "interference")),
    CheckinItem("sadness", "sad or unhappy feelings", ("frequency", "severity", "interference")),
    CheckinItem("anxiety", "anxiety", ("frequency", "severity", "interference")),
    CheckinItem("vaginal-dryness", "vaginal dryness", ("severity",)),
)
QUESTIONS: dict[str, CheckinItem] = {
    f"{i.item}.{attribute}": i for i in ITEMS for attribute in i.attributes
}


def question_text(key: str) -> str:
    """The 7-day question for ``item.attribute``."""
    item = QUESTIONS[key]
    attribute = key.split(".")[1]
    if attribute == "frequency":
        return f"In the last 7 days, how often did you have {item.label}?"
    if attribute == "severity":
        return f"In the last 7 days, how severe was your {item.label} at its worst?"
    return (
        f"In the last 7 days, how much did {item.label} interfere with your usual or daily "
        "activities?"
    )


def parse_answers(tokens: list[str]) -> dict[str, int]:
    """``joint-pain.severity=2`` pairs, each on its 0-4 scale; the first bad one is refused."""
    answers: dict[str, int] = {}
    for token in tokens:
        key, sep, text = token.partition("=")
        key = key.strip().lower()
        if not sep:
            raise BadInput(f"'{token}' is not ITEM.SCALE=0-4, like joint-pain.severity=2")
        if key not in QUESTIONS:
            hint = did_you_mean(key, QUESTIONS)
            raise BadInput(
                f"unknown check-in question '{key}'{hint}; 'aij checkin --list' shows them"
            )
        scale = SCALES[key.split(".")[1]]
        if text.strip() not in {str(n) for n in range(5)}:
            allowed = ", ".join(f"{n} {word}" for n, word in enumerate(scale))
            raise BadInput(f"{key}={text} is not allowed; use 0-4: {allowed}")
        answers[key] = int(text)
    if not answers:
        raise BadInput("no answers given; e.g. aij checkin joint-pain.severity=2")
    return answers
