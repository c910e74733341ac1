"""One place decides where data lives: --home, else AIJ_HOME, else the platform's data folder."""

import os
from dataclasses import dataclass
from pathlib import Path

from aijournal.errors import JournalError, UnusableFile

APP_NAME = "aij"
_home_override: Path | None = None


def set_home_override(path: Path | None) -> None:
    """Set by the CLI's global ``--home`` option."""
    global _home_override
    _home_override = path


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


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700) if needed; refuse a folder that cannot be written."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise UnusableFile(f"cannot create the aij home folder {path}: {exc.strerror}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UnusableFile(f"the aij home folder {path} cannot be written; check its permissions")
    return path


def write_private_text(path: Path, text: str) -> None:
    """Write a file readable by its owner only, atomically (a temporary file, then a rename)."""
    ensure_private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror}") from None


def shipped_dir(name: str) -> Path:
    """The folder of shipped data (``protocols`` or ``foods``), in the wheel or the checkout."""
    here = Path(__file__).resolve().parent
    inside_wheel = here / "data" / name
    if inside_wheel.is_dir():
        return inside_wheel
    return here.parent.parent / name
