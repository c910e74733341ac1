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


def test_domain_imports_only_domain_and_errors() -> None:
    files = sorted(DOMAIN.glob("*.py"))
    assert {"checkin.py", "daylog.py", "suggest.py", "symptoms.py"} <= {p.name for p in files}
    imports = {path.name: _our_imports(path) for path in files}
    wrong = {
        name: sorted(
            module
            for module in modules
            if module != "aijournal.errors" and not module.startswith("aijournal.domain")
        )
        for name, modules in imports.items()
    }
    assert {name: found for name, found in wrong.items() if found} == {}
    # The check reads real imports: the modules that use suggestions are seen to.
    assert "aijournal.domain.suggest" in imports["checkin.py"]


def test_the_plan_shape_lives_in_domain() -> None:
    from aijournal.catalog import protocols
    from aijournal.domain import plan

    assert protocols.Plan is plan.Plan
    assert protocols.DayPlan is plan.DayPlan
    assert "aijournal.catalog.protocols" not in _our_imports(DOMAIN / "adherence.py")
