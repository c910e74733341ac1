"""Close-match suggestions for names the user typed ("did you mean ...?")."""

import difflib
from collections.abc import Iterable


def close_matches(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices that look most like ``word``, best first."""
    pool = sorted(set(choices))
    found = difflib.get_close_matches(word, pool, n=n, cutoff=0.6)
    if not found:
        found = [c for c in pool if c.startswith(word[:3])][:n] if len(word) >= 3 else []
    return found


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """A sentence fragment naming the close matches, or the empty string."""
    found = close_matches(word, choices, n)
    if not found:
        return ""
    return " (did you mean " + " or ".join(found) + "?)"
