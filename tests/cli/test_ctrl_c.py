"""Ctrl-C before the first prompt (aij loading, or reading standard input): one line, exit 130,
no traceback, nothing saved (issue #10, item 19)."""

import os
import re
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import TODAY

if not sys.platform.startswith("linux"):
    pytest.skip("reads /proc to see where aij waits", allow_module_level=True)


def _start(args: list[str], home: Path) -> tuple[int, int, int]:
    """A real aij with SIGINT at its default (even under a pytest that ignores it); its
    standard input and error are pipes. Returns (pid, stdin to write, stderr to read)."""
    in_read, in_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.dup2(in_read, 0)
            os.dup2(err_write, 2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            for fd in (in_read, in_write, err_read, err_write):
                os.close(fd)
            os.environ.update(AIJ_HOME=str(home), AIJ_TODAY=TODAY.isoformat())
            os.execv(sys.executable, [sys.executable, "-m", "aijournal", *args])
        finally:
            os._exit(127)
    os.close(in_read)
    os.close(err_write)
    return pid, in_write, err_read


def _finish(pid: int, err_read: int) -> tuple[int, str]:
    """The exit code and standard error, waiting at most 60 s (then the child is killed)."""
    deadline = time.monotonic() + 60
    waited, status = os.waitpid(pid, os.WNOHANG)
    while waited == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
        waited, status = os.waitpid(pid, os.WNOHANG)
    if waited == 0:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("aij did not stop within 60 s")
    with os.fdopen(err_read, "rb") as err:
        return os.waitstatus_to_exitcode(status), err.read().decode()


def _reading_standard_input(pid: int) -> bool:
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        syscall = Path(f"/proc/{pid}/syscall").read_text()
    except OSError:
        return False
    return "pipe" in wchan or syscall.startswith("0 0x0 ")  # read(0, ...) on x86-64


def test_ctrl_c_while_a_note_is_read_from_standard_input(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pid, in_write, err_read = _start(["log", "note", "-"], home)
    try:
        os.write(in_write, b"half a note")  # typed, not yet ended with Ctrl-D
        deadline = time.monotonic() + 60
        while not _reading_standard_input(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(pid, signal.SIGINT)
        code, err = _finish(pid, err_read)
    finally:
        os.close(in_write)
    assert code == 130
    assert err == "aij: stopped; nothing was saved\n"
    assert not home.exists()


def _has_loaded(pid: int, library: str) -> bool:
    try:
        return library in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


# Moments of loading aij can be seen at: pydantic's compiled core (loaded as the command line
# is read), SQLite's (loaded when the command opens the journal).
@pytest.mark.parametrize("library", ["_pydantic_core", "_sqlite3"])
def test_ctrl_c_while_aij_loads_is_never_a_traceback(tmp_path: Path, library: str) -> None:
    """Ctrl-C once aij is loading gives the one line; a command that finished first exits 0
    (having printed its week)."""
    home = tmp_path / "home"
    pid, in_write, err_read = _start(["week"], home)
    os.close(in_write)
    deadline = time.monotonic() + 60
    while not _has_loaded(pid, library) and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(pid, signal.SIGINT)
    code, err = _finish(pid, err_read)
    assert "Traceback" not in err
    # CPython's own decimal module, interrupted while it loads and loaded again, prints one
    # warning of its C library (libmpdec) and a blank line; that is the interpreter's, not aij's.
    err = re.sub(r"^\S*libmpdec\S*: warning: mpd_setminalloc: [^\n]*\n\n?", "", err)
    # -2: the command had finished and Python was shutting down (signals at their default).
    assert (code, err) in {(130, "aij: stopped; nothing was saved\n"), (0, ""), (-2, "")}
    assert not home.exists()
