"""A day with intake logged, and its nutrient amounts: the one definition every output uses.

`aij day`, `aij week`, `aij trends`, daily.csv and the visit report all read days through
this module, so they agree to the digit.

- A day with intake logged is a day with food OR supplements logged.
- Supplements are known on every such day: what was logged (0 when none was).
- Food is known only on a day with food logged, and only for a nutrient at least one of
  the day's foods has a value for; otherwise it is unknown, never zero. A day with
  supplements but no food has food unknown, so its total is unknown too; what is known is
  a lower bound: the supplements alone.
- A day meets a target when what is known of its total (the total, else the supplements
  alone) reaches it; it passes an upper limit when what is known passes it. Both compare
  the amount as shown (domain/precision.py: mg, µg whole, g to one decimal).
- Over several days: the supplements average is over the days with intake logged, the food
  average over the days whose food is known, and the average is the two added (equal to
  the mean of the daily totals when every day has food logged).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from aijournal.domain.nutrients import NUTRIENT_KEYS, NUTRIENTS, TargetLike
from aijournal.domain.precision import passes, reaches

SOURCES = ("food", "supplement")


@dataclass(frozen=True)
class SourceSums:
    """One source's items of a day: how many, the sum of the known values, how many knew."""

    items: int
    sums: Mapping[str, float]
    known: Mapping[str, int]


@dataclass(frozen=True)
class DayIntake:
    """What was logged on one day, food and supplements apart."""

    day: date
    food: SourceSums | None
    supplements: SourceSums | None

    @property
    def food_logged(self) -> bool:
        return self.food is not None and self.food.items > 0

    @property
    def supplements_logged(self) -> bool:
        return self.supplements is not None and self.supplements.items > 0

    @property
    def logged(self) -> bool:
        """A day with intake logged: food or supplements."""
        return self.food_logged or self.supplements_logged

    def food_amount(self, key: str) -> float | None:
        """The day's food amount; None when no food was logged or none of it has a value."""
        if self.food is None or not self.food_logged or not self.food.known.get(key):
            return None
        return self.food.sums.get(key, 0.0)

    def supplement_amount(self, key: str) -> float:
        """What the day's supplements hold (a label that omits a nutrient holds none)."""
        if self.supplements is None:
            return 0.0
        return self.supplements.sums.get(key, 0.0)

    def total(self, key: str) -> float | None:
        """Food plus supplements; None while the food is unknown (a lower bound if incomplete)."""
        food = self.food_amount(key)
        return None if food is None else food + self.supplement_amount(key)

    def known_amount(self, key: str) -> float:
        """What is known of the day's total: the total, else the supplements alone."""
        total = self.total(key)
        return self.supplement_amount(key) if total is None else total

    def unknown_items(self, key: str) -> int:
        """Items logged this day that have no value for ``key``."""
        return sum(
            part.items - part.known.get(key, 0)
            for part in (self.food, self.supplements)
            if part is not None
        )


def meets_target(day: DayIntake, key: str, minimum: float) -> bool:
    """True when what is known of the day's total, as shown, reaches ``minimum``."""
    return day.logged and reaches(day.known_amount(key), minimum, NUTRIENTS[key].unit)


def counted_for_upper(
    day: DayIntake, key: str, upper_counts: Literal["all", "supplements"]
) -> float:
    """The amount an upper limit is checked against: supplements only, or all that is known."""
    if upper_counts == "supplements":
        return day.supplement_amount(key)
    return day.known_amount(key)


def over_upper(day: DayIntake, key: str, target: TargetLike) -> bool:
    upper = target.upper
    if upper is None:
        return False
    return passes(counted_for_upper(day, key, target.upper_counts), upper, NUTRIENTS[key].unit)


def day_intakes(
    records: Iterable[Mapping[str, Any]], keys: tuple[str, ...] = NUTRIENT_KEYS
) -> dict[date, DayIntake]:
    """Days from per-day, per-source sums (``day``, ``source``, ``items``, each nutrient key
    and ``key__known``): only days with something logged, in date order.

    ``keys``: the nutrients the records hold (all, unless a view read only some); the days
    answer only for those (any other reads as known by no item)."""
    parts: dict[date, dict[str, SourceSums]] = {}
    for record in records:
        if not record["items"]:
            continue
        sums = {key: float(record[key] or 0.0) for key in keys}
        known = {key: int(record[key + "__known"] or 0) for key in keys}
        source = "supplement" if record["source"] == "supplement" else "food"
        day_parts = parts.setdefault(record["day"], {})
        previous = day_parts.get(source)
        if previous is not None:  # never from one query; kept correct all the same
            sums = {k: sums[k] + previous.sums[k] for k in keys}
            known = {k: known[k] + previous.known[k] for k in keys}
        items = int(record["items"]) + (previous.items if previous else 0)
        day_parts[source] = SourceSums(items, sums, known)
    return {
        day: DayIntake(day, by.get("food"), by.get("supplement"))
        for day, by in sorted(parts.items())
    }


@dataclass(frozen=True)
class NutrientSummary:
    """One nutrient over a run of days, by the definitions of this module."""

    key: str
    days_logged: int  # days with intake logged
    days_with_food: int  # of those, days whose food amount is known
    days_met: int
    days_over_upper: tuple[date, ...]
    food_average: float | None
    supplements_average: float | None
    average: float | None
    unknown_items: int
    days_incomplete: int  # days with intake where some item had no value


@dataclass(frozen=True)
class TargetDays:
    """Of a run of days, the days with intake logged and how many met a target."""

    days_logged: int
    days_met: int


def target_days(days: Iterable[DayIntake], key: str, target: TargetLike | None) -> TargetDays:
    """The days with intake logged among ``days`` and how many met ``target`` for ``key``
    (none without a target): the counts of ``summarize``, without its averages."""
    logged = [d for d in days if d.logged]
    return TargetDays(len(logged), _days_met(logged, key, target))


def _days_met(logged: list[DayIntake], key: str, target: TargetLike | None) -> int:
    return 0 if target is None else sum(meets_target(d, key, target.min) for d in logged)


def summarize(days: Iterable[DayIntake], key: str, target: TargetLike | None) -> NutrientSummary:
    """``key`` over ``days`` (days without intake are skipped, never counted as zero)."""
    logged = [d for d in days if d.logged]
    foods = [f for f in (d.food_amount(key) for d in logged) if f is not None]
    supplements = [d.supplement_amount(key) for d in logged]
    food_average = sum(foods) / len(foods) if foods else None
    supplements_average = sum(supplements) / len(supplements) if supplements else None
    average = (
        None
        if food_average is None or supplements_average is None
        else food_average + supplements_average
    )
    return NutrientSummary(
        key=key,
        days_logged=len(logged),
        days_with_food=len(foods),
        days_met=_days_met(logged, key, target),
        days_over_upper=tuple(
            d.day for d in logged if target is not None and over_upper(d, key, target)
        ),
        food_average=food_average,
        supplements_average=supplements_average,
        average=average,
        unknown_items=sum(d.unknown_items(key) for d in logged),
        days_incomplete=sum(d.unknown_items(key) > 0 for d in logged),
    )
