"""What the export layer needs of a progress bar: the CLI makes it (render.Progress)."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol


class Tracker(Protocol):
    def advance(self, steps: int = 1) -> None: ...


# (description, total) -> a context manager yielding a Tracker; render.Progress is one.
ProgressFactory = Callable[[str, int], AbstractContextManager[Tracker]]
