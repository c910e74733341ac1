"""The progress bar of exports, imports and `aij db copy` is for a terminal: in a pipe or a
log (stderr not a terminal) it writes nothing, not even the blank line a stopped bar leaves."""

import pytest

from aijournal.render.console import Progress


def test_a_bar_past_its_delay_writes_nothing_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Progress("exporting", 10, delay_s=0.0) as bar:
        for _ in range(10):
            bar.advance()
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
