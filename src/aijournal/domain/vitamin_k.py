"""Vitamin K and its antagonists: which medication names are one, and the steady-intake reminder.

DOMAIN.md: anyone on a vitamin K antagonist should keep vitamin K intake steady, as their
clinician advises (Schurgers et al., Blood 2007;109:3279). aij reminds; it never advises a
change of medication.
"""

import re
from collections.abc import Iterable

# Generic name -> the brand names DOMAIN.md lists for it.
VITAMIN_K_ANTAGONISTS: dict[str, tuple[str, ...]] = {
    "warfarin": ("coumadin", "jantoven", "marevan", "waran"),
    "acenocoumarol": ("sintrom",),
    "phenprocoumon": ("marcumar",),
}
_NAMES: dict[str, str] = {
    name: generic
    for generic, brands in VITAMIN_K_ANTAGONISTS.items()
    for name in (generic, *brands)
}
REMINDER_SOURCE = "Schurgers et al., Blood 2007;109:3279"


def vitamin_k_antagonist(medication: str) -> str | None:
    """The generic name when ``medication`` names a vitamin K antagonist (any word of it)."""
    for word in re.findall(r"[a-z]+", medication.lower()):
        if word in _NAMES:
            return _NAMES[word]
    return None


def steady_vitamin_k_reminder(medications: Iterable[str]) -> str | None:
    """The reminder for someone taking a vitamin K antagonist, naming the one they take."""
    for medication in medications:
        generic = vitamin_k_antagonist(medication)
        if generic is not None:
            shown = medication.strip()
            named = shown if shown.lower() == generic else f"{shown} ({generic})"
            return (
                f"You take {named}, a vitamin K antagonist: keep vitamin K intake steady "
                "from day to day (natto and K2 supplements above all), as your clinician "
                f"advises ({REMINDER_SOURCE})."
            )
    return None
