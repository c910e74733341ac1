"""Writing an export where the user asked: all of it or nothing, never a partial file.

Everything is written to a temporary sibling (owner-only: it is health data), then renamed
into place. An existing output is replaced only with ``force``, and a folder only if it is
an earlier aij export (or empty), so ``--force`` can never wipe an unrelated folder.
"""

import os
import shutil
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from aijournal.errors import BadInput, JournalError

STDOUT = Path("-")


def is_stdout(path: Path) -> bool:
    """``--out -``: standard output."""
    return str(path) == "-"


def check_target(path: Path, *, force: bool, folder: bool, marker: str | None = None) -> None:
    """Refuse an output whose folder is missing, or which exists (unless ``force`` allows)."""
    if is_stdout(path):
        if folder:
            raise BadInput("a folder cannot be written to standard output")
        return
    parent = path.absolute().parent
    if not parent.is_dir():
        raise BadInput(f"the folder {parent} does not exist; create it or choose another --out")
    if not path.exists() and not path.is_symlink():
        return
    if not force:
        raise BadInput(f"{path} already exists; add --force to replace it")
    if folder:
        if not path.is_dir():
            raise BadInput(f"{path} exists and is not a folder; choose another --out")
        names = {child.name for child in path.iterdir()}
        if names and (marker is None or marker not in names):
            raise BadInput(
                f"{path} is a folder that holds other files (not an aij export); "
                "choose another --out"
            )
    elif path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name for --out")
    elif not _is_regular_file(path):
        raise BadInput(
            f"{path} is not a regular file (a device, pipe or socket); --force replaces only "
            "a file: choose another --out"
        )


def _is_regular_file(path: Path) -> bool:
    """``path`` is a regular file (through a symlink, its target; a dangling link is none)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return path.is_symlink()  # a dangling link: renaming over it touches nothing else


def _temp_sibling(path: Path, what: str) -> Path:
    return path.absolute().parent / f".{path.name}.{what}-{os.getpid()}"


@contextmanager
def atomic_file(path: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A binary file to write; it becomes ``path`` only once the block ends without error.

    ``-`` is standard output (written as it goes: a pipe cannot be taken back)."""
    check_target(path, force=force, folder=False)
    if is_stdout(path):
        stream = sys.stdout.buffer
        yield stream
        stream.flush()
        return
    tmp = _temp_sibling(path, "tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_folder(path: Path, *, force: bool, marker: str) -> Iterator[Path]:
    """A new folder to fill; it replaces ``path`` only once the block ends without error."""
    check_target(path, force=force, folder=True, marker=marker)
    tmp = _temp_sibling(path, "tmp")
    old = _temp_sibling(path, "old")
    try:
        tmp.mkdir(mode=0o700)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None
    try:
        yield tmp
        if path.exists():
            path.rename(old)
        tmp.rename(path)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old.exists() and not path.exists():
            old.rename(path)
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def private_file(folder: Path, name: str) -> BinaryIO:
    """A new owner-only file in ``folder`` (opened for binary writing)."""
    fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb")
