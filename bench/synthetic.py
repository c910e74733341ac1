"""The synthetic person behind the benchmark history: what each day holds, with no I/O.

A woman in her fifties on anastrozole 1 mg who follows the musculoskeletal plan, eats 3 to 5
meals a day from real foods in foods/, takes calcium and vitamin D most days and logs her
symptoms. Every day is a pure function of the seed, its date and its offset (days back from
the last day of the history): the same seed and last day give the same days, so a journal of
one week holds exactly the days that week has inside a ten-year one, and a year ending on any
date differs from another only through the weekdays and seasons its days fall on.

Joint pain is a slow drift (a few long sine waves) plus a seasonal wobble (worse in winter)
plus day-to-day noise, and is shifted by ``exercise_effect`` points on the day after an
exercise day. Whether a session is missed never depends on pain, so with an effect of 0 the
exercise days and the next day's pain are independent.
"""

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from aijournal.domain.checkin import QUESTIONS

MEDICATION = ("anastrozole", "1 mg")
PRO_CTCAE_DAILY = {
    "aching-muscles": 1.3,
    "fatigue": 1.6,
    "insomnia": 1.2,
    "concentration": 0.8,
    "memory": 0.9,
    "sadness": 0.6,
    "anxiety": 0.8,
    "vaginal-dryness": 1.5,
}
SITES = ("hands", "knees", "wrists", "feet", "hips", "back", "shoulders", "elbows")
SITE_WEIGHTS = (30, 25, 15, 10, 8, 6, 4, 2)
SKIP_REASONS = (
    "nausea",
    "forgot",
    "left it at home, travelling",
    "stomach bug",
    "ran out, pharmacy closed",
)
NOTES = (
    "after gardening",
    "slept badly, hot night",
    "long drive today",
    "cold and damp, knees sore",
    "good day, lots of energy",
    "visited family",
    "hands stiff in the morning",
    "busy at work",
    "felt low in the afternoon",
    "walked with a friend",
)
MIND_PRACTICES_MINUTES = (10, 10, 15, 15, 20, 30)

# Meals: each template is a list of (food as typed, amounts to pick from); None omits the item.
Template = tuple[tuple[str, tuple[str | None, ...]], ...]
BREAKFASTS: tuple[tuple[int, Template], ...] = (
    (5, (("oats", ("40g", "50g")), ("milk", ("200ml", "250ml")),
         ("blueberries", ("1/2 cup", "1 cup")), ("walnuts", ("15g", None)))),
    (4, (("greek yogurt", ("150g", "170g", "200g")), ("strawberries", ("1 cup", "6")),
         ("flaxseed", ("1 tbsp", None)), ("honey", ("1 tsp", None)))),
    (3, (("eggs", ("2", "1")), ("whole wheat bread", ("1 slice", "2 slice")),
         ("spinach", ("1 cup", None)), ("olive oil", ("1 tsp",)))),
    (2, (("muesli", ("1/2 cup", "60g")), ("soy-milk-fortified", ("200ml", "250ml")),
         ("banana", ("1",)))),
    (2, (("whole wheat bread", ("2 slice",)), ("peanut butter", ("1 tbsp", "2 tbsp")),
         ("banana", ("1", None)))),
    (2, (("oatmeal", ("1 cup",)), ("raspberries", ("1/2 cup",)), ("almonds", ("15g", "20g")),
         ("milk", ("100ml", None)))),
)  # fmt: skip
LUNCHES: tuple[tuple[int, Template], ...] = (
    (3, (("sardines", ("1 can", "80g")), ("whole wheat bread", ("2 slice",)),
         ("tomato", ("1",)), ("romaine", ("1 cup", None)))),
    (3, (("lentil soup", ("1 cup", "1.5 cup")), ("whole wheat bread", ("1 slice",)),
         ("apple", ("1",)))),
    (4, (("spinach", ("2 cup",)), ("chickpeas", ("1/2 cup",)), ("feta", ("30g", None)),
         ("cucumber", ("1/2 cup",)), ("olive oil", ("1 tbsp",)))),
    (2, (("tuna-light-canned-water", ("1 can",)), ("brown rice", ("1 cup",)),
         ("broccoli", ("1 cup",)))),
    (3, (("hummus", ("3 tbsp",)), ("whole wheat pita", ("1",)), ("carrots", ("1",)),
         ("red pepper", ("1/2 cup", None)))),
    (2, (("quinoa", ("1 cup",)), ("black beans", ("1/2 cup",)), ("avocado", ("0.5",)),
         ("salsa", ("2 tbsp",)))),
    (2, (("cheddar", ("30g", "40g")), ("whole wheat bread", ("2 slice",)), ("apple", ("1",)))),
)  # fmt: skip
DINNERS: tuple[tuple[int, Template], ...] = (
    (4, (("salmon", ("120g", "150g")), ("kale", ("1 cup", "2 cup")),
         ("sweet potato", ("1",)), ("olive oil", ("1 tbsp",)))),
    (4, (("chicken breast", ("100g", "130g")), ("brown rice", ("1 cup",)),
         ("broccoli", ("1 cup", "1.5 cup")), ("olive oil", ("1 tsp",)))),
    (3, (("whole wheat pasta", ("1 cup", "1.5 cup")), ("marinara", ("125g",)),
         ("parmesan", ("1 tbsp", "2 tbsp")), ("romaine", ("1 cup", None)))),
    (3, (("tofu-firm-calcium", ("150g",)), ("bok choy", ("1 cup",)), ("brown rice", ("1 cup",)),
         ("sesame oil", ("1 tsp",)))),
    (2, (("mackerel", ("100g",)), ("boiled potatoes", ("150g", "200g")),
         ("green beans", ("1 cup",)), ("butter", ("1 tsp", None)))),
    (3, (("lentils", ("1 cup",)), ("spinach", ("1 cup",)), ("brown rice", ("1/2 cup",)),
         ("turmeric", ("1 tsp",)), ("olive oil", ("1 tsp",)))),
    (1, (("steak", ("120g",)), ("mashed potatoes", ("1 cup",)), ("peas", ("1/2 cup",)))),
    (1, (("pizza slice", ("2",)), ("romaine", ("1 cup", None)))),
)  # fmt: skip
SNACKS: tuple[tuple[int, Template], ...] = (
    (4, (("apple", ("1",)), ("almonds", ("20g", "30g", None)))),
    (3, (("greek yogurt", ("150g",)), ("blueberries", ("1/2 cup",)))),
    (2, (("dark chocolate", ("20g", "30g")),)),
    (3, (("walnuts", ("30g",)),)),
    (2, (("orange", ("1",)),)),
    (2, (("hummus", ("2 tbsp",)), ("carrots", ("1",)))),
    (1, (("cookie", ("1", "2")),)),
    (2, (("banana", ("1",)),)),
    (1, (("cheddar", ("30g",)), ("whole wheat crackers", ("6",)))),
    (2, (("green tea", ("1 cup",)), ("almonds", ("15g", None)))),
)  # fmt: skip
SLOTS: tuple[tuple[str, tuple[tuple[int, Template], ...]], ...] = (
    ("breakfast", BREAKFASTS),
    ("lunch", LUNCHES),
    ("dinner", DINNERS),
)
SUPPLEMENTS = "calcium-carbonate-600 1, vitamin-d3-1000 1"
SUPPLEMENT_CHOICES = (
    (80, SUPPLEMENTS),
    (8, "calcium-carbonate-600 1"),
    (4, "vitamin-d3-1000 1"),
)


@dataclass(frozen=True)
class Workout:
    """One exercise session as `aij log ex` takes it: the log text and the effort."""

    text: str
    rpe: int | None

    @property
    def is_exercise(self) -> bool:
        """What `aij insights` counts as an exercise day: any item that is not rest."""
        return self.text != "rest"


@dataclass
class PlannedDay:
    """Everything one day holds, as the person would type it."""

    day: date
    symptoms: dict[str, float] = field(default_factory=dict)
    sites: list[str] | None = None
    sleep_hours: float | None = None
    sleep_quality: float | None = None
    weight_kg: float | None = None
    waist_cm: float | None = None
    mind_minutes: float | None = None
    note: str | None = None
    dose_taken: bool | None = None
    dose_reason: str | None = None
    exercise: Workout | None = None
    meals: list[tuple[str, str]] = field(default_factory=list)
    supplements: str | None = None
    checkin: dict[str, int] | None = None


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _pick(rng: random.Random, weighted: Sequence[tuple[int, str]]) -> str:
    return rng.choices([v for _, v in weighted], weights=[w for w, _ in weighted])[0]


def _meal_text(rng: random.Random, templates: tuple[tuple[int, Template], ...]) -> str:
    template = rng.choices([t for _, t in templates], weights=[w for w, _ in templates])[0]
    parts = []
    for name, amounts in template:
        amount = rng.choice(amounts)
        if amount is not None:
            parts.append(f"{name} {amount}")
    return ", ".join(parts)


class Timeline:
    """The synthetic person's days, ending on ``end``; offset 0 is ``end`` itself."""

    def __init__(self, *, seed: int, end: date, exercise_effect: float = 0.0) -> None:
        self.seed = seed
        self.end = end
        self.exercise_effect = exercise_effect
        trend = random.Random(f"aij-bench:{seed}:trend")
        # Slow drift: three long waves (periods of months to years) with random phases.
        self._waves = [
            (amplitude, trend.uniform(low, high), trend.uniform(0, 2 * math.pi))
            for amplitude, low, high in ((0.8, 700, 1500), (0.5, 200, 400), (0.3, 60, 120))
        ]
        self._sessions: dict[int, Workout | None] = {}

    def _rng(self, offset: int, part: str) -> random.Random:
        return random.Random(f"aij-bench:{self.seed}:{offset}:{part}")

    def day_of(self, offset: int) -> date:
        return self.end - timedelta(days=offset)

    def drift(self, offset: int) -> float:
        return sum(a * math.sin(2 * math.pi * offset / p + phi) for a, p, phi in self._waves)

    @staticmethod
    def winter(day: date) -> float:
        """1 in mid-January, -1 in mid-July (northern hemisphere)."""
        return math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25)

    def session(self, offset: int) -> Workout | None:
        """The day's exercise, following the musculoskeletal plan, with misses (cached)."""
        if offset not in self._sessions:
            self._sessions[offset] = self._plan_session(offset)
        return self._sessions[offset]

    def _plan_session(self, offset: int) -> Workout | None:
        rng = self._rng(offset, "exercise")
        weekday = self.day_of(offset).weekday()
        years_ago = offset / 365.25
        if weekday == 6:
            roll = rng.random()
            if roll < 0.15:
                return Workout("rest", None)
            if roll < 0.25:
                return Workout(f"gentle-walk {rng.choice((20, 30, 40))}m", rng.choice((2, 3)))
            return None
        if rng.random() < 0.15:
            return None
        rpe = rng.choice((None, 5, 5, 6, 6, 6, 7)) if weekday in (0, 3) else None
        if weekday in (0, 3):
            sets = 3 if rng.random() < 0.8 else 2
            reps = rng.choice((10, 10, 10, 8, 12))
            # Loads grow slowly: a few kg lighter years ago.
            light = max(0.0, 4.0 - years_ago)
            if weekday == 0:
                push = "push-up" if rng.random() < 0.4 else "knee-push-up"
                items = [
                    f"goblet-squat {sets}x{reps}@{8 + 2 * round(light):g}kg",
                    f"{push} {sets}x{reps}",
                    f"dumbbell-row {sets}x{reps}@{6 + 2 * round(light / 2):g}kg",
                    f"overhead-press {sets}x{reps}@{4 + round(light / 2):g}kg",
                    f"plank {sets}x{rng.choice((20, 30, 30, 45))}s",
                ]
            else:
                pull = "lat-pulldown" if rng.random() < 0.5 else "banded-pull-apart"
                items = [
                    f"romanian-deadlift {sets}x{reps}@{10 + 2 * round(light):g}kg",
                    f"{pull} {sets}x{reps}" + ("@20kg" if pull == "lat-pulldown" else ""),
                    f"lunge {sets}x{reps}",
                    f"glute-bridge {sets}x{reps}",
                ]
            if rng.random() < 0.1:
                items = items[: rng.choice((2, 3))]
            return Workout(" ".join(items), rpe)
        minutes = rng.choice
        if weekday == 1:
            what = _pick(rng, ((60, "brisk-walk"), (20, "light-jog"), (20, "aerobics-class")))
            text = f"{what} {minutes((30, 35, 40, 45))}m"
            effort = (4, 5, 5, 6) if what == "brisk-walk" else (6, 7, 7, 8)
        elif weekday == 4:
            text = _pick(
                rng,
                (
                    (50, "jog-interval 30m"),
                    (30, "brisk-walk 30m jumping-jack 50"),
                    (20, "brisk-walk 30m"),
                ),
            )
            effort = (5, 6, 6, 7)
        else:
            what = (
                _pick(rng, ((60, "stretching"), (30, "yoga"), (10, "gentle-walk")))
                if weekday == 2
                else _pick(rng, ((70, "stretching"), (30, "foam-rolling")))
            )
            text = f"{what} {minutes((20, 25, 30))}m"
            effort = (2, 3, 3, 4)
        return Workout(text, rng.choice(effort) if rng.random() < 0.8 else None)

    def joint_pain(self, offset: int) -> float:
        """Worst joint pain 0-10 (whole numbers), before deciding whether it was logged."""
        rng = self._rng(offset, "joint-pain")
        value = 4.2 + self.drift(offset) + 0.4 * self.winter(self.day_of(offset))
        value += rng.gauss(0.0, 1.2)
        before = self.session(offset + 1)
        if before is not None and before.is_exercise:
            value += self.exercise_effect
        return _clamp(round(value), 0, 10)

    def plan(self, offset: int) -> PlannedDay:
        """Everything the day at ``offset`` holds."""
        day = self.day_of(offset)
        rng = self._rng(offset, "day")
        planned = PlannedDay(day=day)
        pain = self.joint_pain(offset)
        self._symptoms(planned, rng, offset, pain)
        if rng.random() < 0.9:
            planned.sleep_hours = _clamp(round(rng.gauss(6.8, 0.9) * 4) / 4, 3, 10)
            planned.sleep_quality = _clamp(round(rng.gauss(6.0, 1.6)), 0, 10)
        if day.weekday() == 5 and rng.random() < 0.9:
            planned.weight_kg = round(70.0 - offset / 1500 + 0.8 * self.drift(offset), 1)
            planned.waist_cm = round(86.0 - offset / 1200 + rng.gauss(0.0, 0.5), 1)
        if rng.random() < 0.25:
            planned.mind_minutes = rng.choice(MIND_PRACTICES_MINUTES)
        if rng.random() < 0.05:
            planned.note = rng.choice(NOTES)
        if rng.random() < 0.985:
            planned.dose_taken = rng.random() >= 0.03
            if not planned.dose_taken:
                planned.dose_reason = rng.choice(SKIP_REASONS)
        planned.exercise = self.session(offset)
        meals = self._rng(offset, "meals")
        planned.meals = [(slot, _meal_text(meals, templates)) for slot, templates in SLOTS]
        for _ in range(meals.choices((0, 1, 2), weights=(30, 45, 25))[0]):
            planned.meals.append(("snack", _meal_text(meals, SNACKS)))
        if meals.random() < 0.92:
            planned.supplements = _pick(meals, SUPPLEMENT_CHOICES)
        if day.weekday() == 6 and rng.random() < 0.35:
            planned.checkin = self._checkin(rng, offset)
        return planned

    def _symptoms(self, planned: PlannedDay, rng: random.Random, offset: int, pain: float) -> None:
        symptoms = planned.symptoms
        if rng.random() < 0.93:
            symptoms["joint-pain"] = pain
            if pain >= 3 and rng.random() < 0.4:
                count = rng.choice((1, 1, 2, 2, 3))
                chosen = set(rng.choices(SITES, weights=SITE_WEIGHTS, k=count))
                planned.sites = [s for s in SITES if s in chosen]
        if rng.random() < 0.85:
            symptoms["stiffness"] = _clamp(5 * round((5 + 4 * pain + rng.gauss(0, 6)) / 5), 0, 240)
        if rng.random() < 0.8:
            summer = -self.winter(planned.day)
            flashes = round(rng.gauss(3.0 + 1.0 * summer + 0.5 * self.drift(offset), 1.6))
            symptoms["hot-flashes"] = _clamp(flashes, 0, 30)
            if flashes > 0 and rng.random() < 0.75:
                severity = round(flashes / 2.5 + rng.gauss(0, 0.6))
                symptoms["hot-flash-severity"] = _clamp(severity, 1, 4)
        if rng.random() < 0.35:
            for name in rng.sample(sorted(PRO_CTCAE_DAILY), k=rng.choice((2, 3, 4))):
                base = PRO_CTCAE_DAILY[name] + (0.1 * (pain - 4) if name == "aching-muscles" else 0)
                symptoms[name] = _clamp(round(base + rng.gauss(0, 0.8)), 0, 4)
        if rng.random() < 0.25:
            symptoms["stress"] = _clamp(round(rng.gauss(4.0, 1.8)), 0, 10)

    def _checkin(self, rng: random.Random, offset: int) -> dict[str, int]:
        """The weekly PRO-CTCAE check-in, its answers following the week's pain."""
        week_pain = sum(self.joint_pain(offset + i) for i in range(7)) / 7
        answers = {}
        for key in QUESTIONS:
            item = key.split(".")[0]
            level = week_pain / 2.5 if item in ("joint-pain", "aching-muscles") else 1.2
            answers[key] = int(_clamp(round(level + rng.gauss(0, 0.7)), 0, 4))
        return answers


def exercise_pain_pairs(timeline: Timeline, days: int) -> tuple[list[float], list[float]]:
    """Next-day pain after exercise days and after other days, over the last ``days`` days,
    counted as `aij insights --days N` counts them (only days with pain logged)."""
    after_exercise: list[float] = []
    after_other: list[float] = []
    logged = {}
    for offset in range(days):
        planned = timeline.plan(offset)
        if "joint-pain" in planned.symptoms:
            logged[offset] = planned.symptoms["joint-pain"]
    for offset in range(1, days):
        if offset - 1 not in logged:
            continue
        session = timeline.session(offset)
        exercised = session is not None and session.is_exercise
        (after_exercise if exercised else after_other).append(logged[offset - 1])
    return after_exercise, after_other
