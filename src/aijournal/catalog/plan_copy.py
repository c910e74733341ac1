"""`aij plan new`: copy a plan's file into the user's protocols folder under a new id."""

import json
import re
from pathlib import Path

from aijournal.catalog.protocols import PlanSet
from aijournal.domain.exercise import KEBAB
from aijournal.errors import BadInput
from aijournal.paths import ensure_private_dir, write_private_text

_ID_LINE = re.compile(r"^id:.*$", re.MULTILINE)
# The top-level name: its line and any indented continuation lines (a folded ``>-`` value).
_NAME_BLOCK = re.compile(r"^name:[^\n]*\n(?:[ \t]+[^\n]*\n)*", re.MULTILINE)


def copy_plan(
    plans: PlanSet, *, source_id: str, new_id: str, folder: Path, name: str | None = None
) -> Path:
    """Write ``folder/NEW_ID.yaml``, a copy of plan ``source_id`` (comments kept) under its
    own id and display name (``name``, else "NEW_ID, from SOURCE_ID"); never overwrites."""
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
    shown = (name or "").strip() or f"{new_id}, from {plans.get(source_id).id}"
    # A JSON string is a YAML double-quoted scalar: any name is written safely.
    text, count = _NAME_BLOCK.subn(
        lambda _: f"name: {json.dumps(shown, ensure_ascii=False)}\n", text, count=1
    )
    if count != 1:
        raise BadInput(f"{source}: has no top-level 'name:' line to change")
    ensure_private_dir(folder)
    write_private_text(target, f"# Copied from plan '{source_id}' ({source.name}).\n" + text)
    return target
