"""The one error hierarchy: every message is written for the user, none holds health data."""

from collections.abc import Sequence


class AijError(Exception):
    """An error the CLI reports as one line; exit code 1 (the command failed)."""

    exit_code = 1

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines the CLI prints: the message alone (a newline in it is shown escaped)."""
        return (str(self),)


class BadInput(AijError):
    """The user's input (arguments, a file, a config value) is not allowed; exit code 2."""

    exit_code = 2


class Problems(BadInput):
    """Bad input with several problems: a heading line, then one line each (a plan file)."""

    def __init__(self, heading: str, problems: Sequence[str]) -> None:
        super().__init__("\n".join([heading, *problems]))
        self._lines = (heading, *problems)

    @property
    def lines(self) -> tuple[str, ...]:
        return self._lines


class NotFound(BadInput):
    """An id or name the user typed does not exist."""


class JournalError(AijError):
    """The journal file cannot be opened, read or written."""


class UnusableFile(BadInput):
    """The journal or home folder the user pointed aij at cannot be used (left untouched)."""


class Cancelled(AijError):
    """The user stopped an interactive command; nothing was saved."""

    exit_code = 1


class Interrupted(Cancelled):
    """The user pressed Ctrl-C; nothing was saved. Exit code 130, as shells expect."""

    exit_code = 130
