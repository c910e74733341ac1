"""`aij plan new`: copy a plan's file into the user's protocols folder under a new id."""

import re
from pathlib import Path

from aijournal.catalog.protocols import PlanSet
from aijournal.domain.exercise import KEBAB
from aijournal.errors import BadInput
from aijournal.paths import ensure_private_dir, write_private_text

_ID_LINE = re.compile(r"^id:.*$", re.MULTILINE)


def copy_plan(plans: PlanSet, *, source_id: str, new_id: str, folder: Path) -> Path:
    """Write ``folder/NEW_ID.yaml``, a copy of plan ``source_id`` (comments kept); never
    overwrites a file."""
    if not re.match(KEBAB, new_id):
        raise BadInput(f"plan id '{new_id}' is not kebab-case (like my-week or gentle-2)")
    plans.get(source_id)
    source = plans.origins[plans.get(source_id).id]
    target = folder / f"{new_id}.yaml"
    if target.exists():
        raise BadInput(f"{target} already exists; edit it, or choose another id")
    text = source.read_text(encoding="utf-8")
    text, count = _ID_LINE.subn(f"id: {new_id}", text, count=1)
    if count != 1:
        raise BadInput(f"{source}: has no top-level 'id:' line to change")
    ensure_private_dir(folder)
    write_private_text(target, f"# Copied from plan '{source_id}' ({source.name}).\n" + text)
    return target
