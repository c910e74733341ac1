"""One place decides where data lives: --home, else AIJ_HOME, else the platform's data folder."""

import contextlib
import errno
import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from aijournal.errors import JournalError, UnusableFile

APP_NAME = "aij"
_home_override: Path | None = None
_database_override: str | None = None


def set_home_override(path: Path | None) -> None:
    """Set by the CLI's global ``--home`` option."""
    global _home_override
    _home_override = path


def set_database_override(url: str | None) -> None:
    """Set by the CLI's global ``--db`` option (it comes before AIJ_DATABASE_URL)."""
    global _database_override
    _database_override = url


def database_override() -> str | None:
    return _database_override


# The journal (of several in one database) named by --journal; config.current_journal()
# checks it and falls back to AIJ_JOURNAL and the setting.
journal_override: str | None = None


def set_journal_override(name: str | None) -> None:
    """Set by the CLI's global ``--journal`` option (every run: the shell runs many)."""
    global journal_override
    journal_override = name


def home_dir() -> Path:
    """The aij home folder (not created here)."""
    if _home_override is not None:
        return _home_override.expanduser()
    env = os.environ.get("AIJ_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Paths:
    home: Path
    journal: Path
    config: Path
    protocols: Path
    foods: Path
    recipes: Path


def paths() -> Paths:
    home = home_dir()
    return Paths(
        home=home,
        journal=home / "journal.db",
        config=home / "config.yaml",
        protocols=home / "protocols",
        foods=home / "foods",
        recipes=home / "recipes.yaml",
    )


def _no_space(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def describe_os_error(exc: OSError) -> str:
    """What an OS error really means, in words (no space, no permission, read-only)."""
    if _no_space(exc):
        return "no space left on the disk"
    if exc.errno == errno.EROFS:
        return "the disk is mounted read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parent (mode 0700, whatever the umask); tighten an
    existing folder of ours that others could read; refuse one that cannot be written."""
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for folder in reversed(missing):
            with contextlib.suppress(FileExistsError):
                folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)  # the umask may have taken owner bits away
    except OSError as exc:
        raise UnusableFile(
            f"cannot create the aij home folder {path}: {describe_os_error(exc)}"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            raise JournalError(f"the disk holding {path} is mounted read-only; nothing was saved")
        raise UnusableFile(f"the aij home folder {path} cannot be written; check its permissions")
    tighten(path)
    return path


def tighten(path: Path) -> None:
    """Make a folder 0700 or a file 0600 if others can read it (README: owner only).

    Only a path we own, and never through a symlink; a read-only disk is left as it is."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return
    wanted = 0o700 if stat.S_ISDIR(info.st_mode) else 0o600
    if stat.S_IMODE(info.st_mode) & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IMODE(info.st_mode) & wanted)


# Temporary files of ours: ".NAME.tmp-PID" beside the file they become (the exports' shape
# too), and SQLite's "-journal" of one. A file whose process is gone is stale.
_TEMP = re.compile(r"^\..+\.tmp-(\d+)(?:-journal|-wal|-shm)?$")


def temp_sibling(path: Path) -> Path:
    """The temporary name ``path`` is written under before it is renamed into place."""
    return path.absolute().parent / f".{path.name}.tmp-{os.getpid()}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files of ours in ``folder`` whose process is gone (killed while
    writing): they may hold health data and are never a file the user asked for."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP.match(name)
        if match is None or _alive(int(match.group(1))):
            continue
        target = folder / name
        try:
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            else:
                target.unlink()
        except OSError:
            continue
        removed.append(target)
    return removed


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` as ``path``, owner-only, atomically: a temporary file (never following
    a symlink), fsync, then a rename; on error the temporary file is removed."""
    ensure_private_dir(path.parent)
    tmp = temp_sibling(path)
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            tmp.unlink()  # ours, from a process of the same id that is gone
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise JournalError(f"cannot write {path}: {describe_os_error(exc)}") from None
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_private_text(path: Path, text: str) -> None:
    """Write a file readable by its owner only, atomically (a temporary file, then a rename)."""
    write_private_bytes(path, text.encode("utf-8"))


def keep_previous(path: Path, backup: Path) -> None:
    """Copy ``path`` to ``backup`` (0600, atomically, replacing a symlink there rather than
    writing through it), so a rewrite of ``path`` has a way back."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise JournalError(f"cannot read {path}: {describe_os_error(exc)}") from None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read()
    write_private_bytes(backup, data)


def shipped_dir(name: str) -> Path:
    """The folder of shipped data (``protocols`` or ``foods``), in the wheel or the checkout."""
    here = Path(__file__).resolve().parent
    inside_wheel = here / "data" / name
    if inside_wheel.is_dir():
        return inside_wheel
    return here.parent.parent / name
