"""The words a person reads for internal names: body measures, articles."""


def article(word: str) -> str:
    """'a' or 'an' before ``word`` as written here ('an exercise entry', 'a meal entry')."""
    return "an" if word and word[0].lower() in "aeiou" else "a"
