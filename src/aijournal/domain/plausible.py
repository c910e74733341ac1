"""Amounts too large to be likely: one rule for refusing them unless the user confirms.

A typo ("600m" meant as metres, "2000g" for 200 g) must not go into the journal silently,
but a real large amount must still be loggable. The rule works the same on a terminal and
in scripts: refuse with the reason, and let the user say "yes, that is right" with a flag.
"""

from dataclasses import dataclass

from aijournal.errors import BadInput

CONFIRM_FLAG = "--yes"


class Implausible(BadInput):
    """An amount above what is plausible; the same command with --yes accepts it."""


@dataclass(frozen=True)
class Limit:
    """The most that is plausible for one item, with the unit and the reason shown."""

    most: float
    unit: str
    reason: str


# One item of one solid food; a drink (a food SR28 measures in fluid ounces) may be more.
SOLID_FOOD = Limit(1000.0, "g", "more than a kilogram of one solid food")
DRINK = Limit(2000.0, "g", "more than 2 litres of one drink")
# One activity in one log line: more than 4 hours is more likely a typo (600m for 60m).
ACTIVITY = Limit(240.0, "min", "more than 4 hours of one activity")


def check_plausible(what: str, value: float, limit: Limit, *, confirmed: bool) -> None:
    """Refuse ``value`` above ``limit`` unless ``confirmed``; the message names the flag."""
    if value > limit.most and not confirmed:
        raise Implausible(
            f"{what} is {value:,.0f} {limit.unit}: {limit.reason} is unlikely;"
            f" check the amount, or if it is right run the same command with {CONFIRM_FLAG}"
        )
