"""The weekly check-in: 7-day questions on NCI's PRO-CTCAE scales for AI-relevant symptoms.

PRO-CTCAE is the National Cancer Institute's and free to use; its recall period is the last
7 days, and each symptom is asked about on some of three 0-4 scales: frequency, severity and
interference with usual or daily activities (DOMAIN.md "Symptoms").
"""

from dataclasses import dataclass

from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput

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

# NCI's item wording (PRO-CTCAE item library, version 1.0, English), verbatim: NCI asks that
# it not be altered. Capitals are NCI's.
_JOINTS = "ACHING JOINTS (SUCH AS ELBOWS, KNEES, SHOULDERS)"
_INSOMNIA = "INSOMNIA (INCLUDING DIFFICULTY FALLING ASLEEP, STAYING ASLEEP, OR WAKING UP EARLY)"
_FATIGUE = "FATIGUE, TIREDNESS, OR LACK OF ENERGY"
_DAILY = "INTERFERE with your usual or daily activities?"
NCI_WORDING: dict[str, str] = {
    "joint-pain.frequency": f"In the last 7 days, how OFTEN did you have {_JOINTS}?",
    "joint-pain.severity": f"In the last 7 days, what was the SEVERITY of your {_JOINTS} at "
    "their WORST?",
    "joint-pain.interference": f"In the last 7 days, how much did {_JOINTS} {_DAILY}",
    "aching-muscles.frequency": "In the last 7 days, how OFTEN did you have ACHING MUSCLES?",
    "aching-muscles.severity": "In the last 7 days, what was the SEVERITY of your ACHING "
    "MUSCLES at their WORST?",
    "aching-muscles.interference": f"In the last 7 days, how much did ACHING MUSCLES {_DAILY}",
    "hot-flashes.frequency": "In the last 7 days, how OFTEN did you have HOT FLASHES?",
    "hot-flashes.severity": "In the last 7 days, what was the SEVERITY of your HOT FLASHES at "
    "their WORST?",
    "insomnia.severity": f"In the last 7 days, what was the SEVERITY of your {_INSOMNIA} at "
    "its WORST?",
    "insomnia.interference": f"In the last 7 days, how much did {_INSOMNIA} {_DAILY}",
    "fatigue.severity": f"In the last 7 days, what was the SEVERITY of your {_FATIGUE} at its "
    "WORST?",
    "fatigue.interference": f"In the last 7 days, how much did {_FATIGUE} {_DAILY}",
    "concentration.severity": "In the last 7 days, what was the SEVERITY of your PROBLEMS "
    "WITH CONCENTRATION at their WORST?",
    "concentration.interference": "In the last 7 days, how much did PROBLEMS WITH "
    f"CONCENTRATION {_DAILY}",
    "memory.severity": "In the last 7 days, what was the SEVERITY of your PROBLEMS WITH "
    "MEMORY at their WORST?",
    "memory.interference": f"In the last 7 days, how much did PROBLEMS WITH MEMORY {_DAILY}",
    "sadness.frequency": "In the last 7 days, how OFTEN did you have SAD OR UNHAPPY FEELINGS?",
    "sadness.severity": "In the last 7 days, what was the SEVERITY of your SAD OR UNHAPPY "
    "FEELINGS at their WORST?",
    "sadness.interference": f"In the last 7 days, how much did SAD OR UNHAPPY FEELINGS {_DAILY}",
    "anxiety.frequency": "In the last 7 days, how OFTEN did you feel ANXIETY?",
    "anxiety.severity": "In the last 7 days, what was the SEVERITY of your ANXIETY at its WORST?",
    "anxiety.interference": f"In the last 7 days, how much did ANXIETY {_DAILY}",
    "vaginal-dryness.severity": "In the last 7 days, what was the SEVERITY of your VAGINAL "
    "DRYNESS at its WORST?",
}


def question_text(key: str) -> str:
    """NCI's 7-day question for ``item.attribute``, verbatim."""
    return NCI_WORDING[key]


def response_labels(key: str) -> tuple[str, ...]:
    """NCI's response labels for the question's scale, 0 to 4 (Never ... Almost constantly)."""
    return tuple(word[0].upper() + word[1:] for word in SCALES[key.split(".")[1]])


def ends_item(key: str, value: int) -> bool:
    """NCI's conditional branching: after "Never" (frequency) or "None" (severity) the
    item's later questions are not asked."""
    return value == 0 and key.split(".")[1] in ("frequency", "severity")


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
    for key, value in answers.items():
        item = QUESTIONS[key]
        for later in item.attributes[item.attributes.index(key.split(".")[1]) + 1 :]:
            later_key = f"{item.item}.{later}"
            if ends_item(key, value) and answers.get(later_key, 0) > 0:
                word = SCALES[key.split(".")[1]][0]
                raise BadInput(
                    f"{key}=0 ({word}) leaves nothing to rate, but {later_key}="
                    f"{answers[later_key]} was given; change one of them"
                )
    return answers
