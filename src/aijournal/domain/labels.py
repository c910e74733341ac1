"""The words a person reads for internal names: body measures, articles, plurals."""


def article(word: str) -> str:
    """'a' or 'an' before ``word`` as written here ('an exercise entry', 'a meal entry')."""
    return "an" if word and word[0].lower() in "aeiou" else "a"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '2 days', '1,200 days', '1 time': the count with its noun agreeing (``many``
    for the irregular ones, 'entries')."""
    noun = word if count == 1 else (many or word + "s")
    return f"{count:,} {noun}"
