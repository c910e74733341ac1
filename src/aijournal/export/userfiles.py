"""The user's own files in an export: settings, recipes, own foods and own plans.

An export carries them (``files`` in the JSON document; ``your-files/...`` in the CSV zip or
folder) so that an import on another machine restores a journal that works: `porridge 1`
still logs the recipe. An import writes a file that is missing; one that is already there
with the same bytes is left alone; one that differs is kept beside it as
``NAME.before-import.bak`` and says so. Files are staged next to their place first and
renamed only once the journal rows are committed: all or nothing.
"""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from aijournal.errors import BadInput
from aijournal.paths import Paths, ensure_private_dir

FOLDER = "your-files"
# Names as an export holds them (relative to the aij home); nothing else is accepted.
ALLOWED = re.compile(r"(config\.yaml|recipes\.yaml|(foods|protocols)/[A-Za-z0-9][\w.-]*\.ya?ml)")
MAX_BYTES = 5_000_000


def collect(where: Paths) -> dict[str, bytes]:
    """The user's own files under the aij home, by name relative to it."""
    found: dict[str, bytes] = {}
    for path in (where.config, where.recipes):
        if path.is_file():
            found[path.name] = path.read_bytes()
    for folder in (where.foods, where.protocols):
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            name = f"{folder.name}/{path.name}"
            if path.is_file() and ALLOWED.fullmatch(name):
                found[name] = path.read_bytes()
    return found


def check(source: str, files: dict[str, bytes]) -> None:
    """Refuse a name outside the allowed ones, text that is not UTF-8 YAML, bad settings."""
    from aijournal.config import Config

    for name, data in files.items():
        where = f"{source}: {name}"
        if not ALLOWED.fullmatch(name):
            raise BadInput(f"{where}: not a file aij keeps in its home; nothing was imported")
        if len(data) > MAX_BYTES:
            raise BadInput(f"{where}: larger than 5 MB; nothing was imported")
        try:
            parsed = yaml.safe_load(data.decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError):
            raise BadInput(f"{where}: not UTF-8 YAML; nothing was imported") from None
        if name == "config.yaml":
            try:
                Config.model_validate(parsed or {})
            except ValueError as exc:
                first = str(exc).splitlines()[1:2] or ["invalid"]
                raise BadInput(
                    f"{where}: not valid settings ({first[0].strip()}); nothing was imported"
                ) from None


@dataclass(frozen=True)
class Restored:
    written: list[str]
    backed_up: list[tuple[str, str]]
    same: list[str]


@contextmanager
def staged(home: Path, files: dict[str, bytes]) -> Iterator[Restored]:
    """Stage ``files`` beside their places; put them in place when the block ends cleanly."""
    moves: list[tuple[Path, Path]] = []
    written: list[str] = []
    backed_up: list[tuple[str, str]] = []
    same: list[str] = []
    try:
        for name, data in sorted(files.items()):
            target = home / name
            if target.is_file() and target.read_bytes() == data:
                same.append(name)
                continue
            ensure_private_dir(target.parent)
            tmp = target.with_name(f".{target.name}.import-{os.getpid()}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            moves.append((tmp, target))
        result = Restored(written, backed_up, same)
        yield result
    except BaseException:
        for tmp, _ in moves:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in moves:
        name = str(target.relative_to(home))
        if target.exists():
            backup = _free_backup(target)
            os.replace(target, backup)
            backed_up.append((name, str(backup.relative_to(home))))
        os.replace(tmp, target)
        written.append(name)


def _free_backup(target: Path) -> Path:
    backup = target.with_name(f"{target.name}.before-import.bak")
    number = 2
    while backup.exists():
        backup = target.with_name(f"{target.name}.before-import-{number}.bak")
        number += 1
    return backup
