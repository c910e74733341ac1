"""Journal names (several journals in one database: a couple, a study) and the pseudonyms
a study export gives them."""

import re
from collections.abc import Iterable

from aijournal.errors import BadInput

DEFAULT_JOURNAL = "me"
MAX_JOURNAL_NAME = 40
_NAME = re.compile(r"^[a-z0-9-]{1,40}$")
ALLOWED = "1 to 40 lower-case letters, digits or hyphens, like 'me' or 'p-07'"


def check_journal_name(name: str) -> str:
    """``name`` if it is a journal name; BadInput naming the allowed form otherwise.

    Names travel into SQL parameters and file names of study exports, so the form is narrow."""
    if not _NAME.fullmatch(name):
        raise BadInput(f"journal name '{name}' is not allowed: use {ALLOWED}")
    return name


def pseudonyms(names: Iterable[str]) -> dict[str, str]:
    """A pseudonym for each journal of a study, P01, P02, ... in the order given (the order
    of ``--journals``), so the research team's key is that list and nothing else; the names
    themselves never appear in the pseudonyms. Three digits past 99 journals."""
    ordered = list(dict.fromkeys(names))
    width = max(2, len(str(len(ordered))))
    return {name: f"P{index:0{width}d}" for index, name in enumerate(ordered, start=1)}
