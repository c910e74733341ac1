"""Startup is a budget: --help, --version and completion never import the database stack."""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from aijournal.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlmodel', 'sqlalchemy'})
sys.stderr.write('HEAVY=' + json.dumps(heavy) + '\\n')
"""


def loaded_heavy_modules(*args: str, env: dict[str, str] | None = None) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
    return list(json.loads(line.removeprefix("HEAVY=")))


@pytest.mark.parametrize(
    "args", [("--help",), ("--version",), ("log", "--help"), ("day", "--help")]
)
def test_help_does_not_import_the_database_stack(args: tuple[str, ...]) -> None:
    assert loaded_heavy_modules(*args) == []


def test_a_command_that_reads_the_journal_does_import_it(tmp_path: object) -> None:
    # The probe itself must be able to see the modules, or the test above proves nothing.
    assert loaded_heavy_modules("day", env={"AIJ_HOME": str(tmp_path)}) == [
        "sqlalchemy",
        "sqlmodel",
    ]


def test_completion_does_not_import_the_database_stack() -> None:
    env = {"_AIJ_COMPLETE": "complete_bash", "COMP_WORDS": "aij lo", "COMP_CWORD": "1"}
    assert loaded_heavy_modules(env=env) == []


def test_completion_answers() -> None:
    env = {
        **os.environ,
        "_AIJ_COMPLETE": "complete_bash",
        "COMP_WORDS": "aij lo",
        "COMP_CWORD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "aijournal"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.split() == ["log"]
