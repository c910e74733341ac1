"""domain/ imports nothing of ours but errors and other domain modules (issue #10, item 22)."""

import ast
from pathlib import Path

import aijournal.domain

DOMAIN = Path(aijournal.domain.__file__).parent


def _our_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "aijournal"}


# The exercise side of domain/; checkin.py (another owner's) still imports aijournal.suggest.
MINE = ("exercise.py", "plan.py", "adherence.py", "status.py", "activity.py")


def test_domain_imports_only_domain_and_errors() -> None:
    files = [DOMAIN / name for name in MINE if (DOMAIN / name).exists()]
    assert len(files) >= 3
    for path in files:
        for module in _our_imports(path):
            allowed = module == "aijournal.errors" or module.startswith("aijournal.domain")
            assert allowed, f"{path.name} imports {module}"


def test_the_plan_shape_lives_in_domain() -> None:
    from aijournal.catalog import protocols
    from aijournal.domain import plan

    assert protocols.Plan is plan.Plan
    assert protocols.DayPlan is plan.DayPlan
    assert "aijournal.catalog.protocols" not in _our_imports(DOMAIN / "adherence.py")
