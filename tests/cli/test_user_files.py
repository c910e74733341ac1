"""Exports carry your own files (settings, recipes, own foods and plans); import restores them."""

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import query, snapshot


@pytest.fixture
def own_files(aij: Run, aij_home: Path) -> Path:
    def ok(*args: str) -> None:
        result = aij(*args)
        assert result.code == 0, (args, result.err)

    ok("foods", "recipe", "add", "porridge", "oats 40g, milk 1 cup, blueberries 1/2 cup")
    ok(
        "foods",
        "add",
        "my-granola",
        "--name",
        "Granola",
        "calcium_mg=60",
        "--per",
        "serving",
        "--serving-g",
        "50",
    )
    ok("plan", "new", "my-week", "--from", "musculoskeletal")
    ok("config", "set", "medications", "letrozole 2.5 mg")
    ok("log", "meal", "porridge 1")
    return aij_home


@pytest.mark.parametrize("name", ["move.zip", "move.json", "move-folder"])
def test_a_move_to_another_machine_keeps_recipes_foods_plans_and_settings(
    aij: Run, own_files: Path, tmp_path: Path, name: str
) -> None:
    out, other = tmp_path / name, tmp_path / "new-machine"
    assert aij("export", "json" if name.endswith(".json") else "csv", "--out", str(out)).code == 0
    imported = aij("--home", str(other), "import", str(out))
    assert imported.code == 0, imported.err
    assert imported.out.splitlines()[:4] == [
        "restored config.yaml",
        "restored foods/my-foods.yaml",
        "restored protocols/my-week.yaml",
        "restored recipes.yaml",
    ]
    for kept in ("config.yaml", "recipes.yaml", "foods/my-foods.yaml", "protocols/my-week.yaml"):
        assert (other / kept).read_bytes() == (own_files / kept).read_bytes(), kept
        assert (other / kept).stat().st_mode & 0o777 == 0o600
    logged = aij("--home", str(other), "log", "meal", "porridge 1, my-granola 1")
    assert logged.code == 0, logged.err
    plans = json.loads(aij("--home", str(other), "plan", "list", "--json").out)
    assert "my-week" in json.dumps(plans)
    assert query(other, "SELECT count(*) FROM meal") == [(2,)]


def test_a_different_file_already_there_is_kept_as_a_backup(
    aij: Run, own_files: Path, tmp_path: Path
) -> None:
    out, other = tmp_path / "move.json", tmp_path / "other"
    assert aij("export", "json", "--out", str(out)).code == 0
    assert aij("--home", str(other), "config", "set", "medications", "anastrozole 1 mg").code == 0
    mine = (other / "config.yaml").read_bytes()
    imported = aij("--home", str(other), "import", str(out))
    assert imported.code == 0, imported.err
    assert (
        "restored config.yaml (the one that was here is kept as config.yaml.before-import.bak)"
        in imported.out
    )
    assert (other / "config.yaml.before-import.bak").read_bytes() == mine
    assert (other / "config.yaml").read_bytes() == (own_files / "config.yaml").read_bytes()
    # Importing again changes nothing: the files are the same now.
    before = snapshot(other)
    again = aij("--home", str(other), "import", str(out))
    assert "restored" not in again.out
    assert snapshot(other) == before


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("../outside.yaml", "a: 1\n", "not a file aij keeps in its home"),
        ("protocols/x.sh", "echo\n", "not a file aij keeps in its home"),
        ("config.yaml", "colour: blue\n", "not valid settings"),
        ("recipes.yaml", "recipes: [\n", "not UTF-8 YAML"),
    ],
)
def test_a_bad_own_file_refuses_the_whole_import(
    aij: Run, own_files: Path, tmp_path: Path, name: str, text: str, reason: str
) -> None:
    out, other = tmp_path / "move.json", tmp_path / "other"
    assert aij("export", "json", "--out", str(out)).code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["files"][name] = text
    out.write_text(json.dumps(data), encoding="utf-8")
    result = aij("--home", str(other), "import", str(out))
    assert result.code == 2
    assert result.err.startswith(f"aij: move.json: {name}: {reason}")
    assert result.err.rstrip().endswith("nothing was imported")
    assert not other.exists()


def test_a_refused_row_writes_no_file(aij: Run, own_files: Path, tmp_path: Path) -> None:
    out, other = tmp_path / "move.zip", tmp_path / "other"
    assert aij("export", "csv", "--out", str(out)).code == 0
    with zipfile.ZipFile(out) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["notes.csv"] += b"zzzzzz,2999-01-01,2026-01-01T00:00:00,2026-01-01T00:00:00,x\r\n"
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    result = aij("--home", str(other), "import", str(out))
    assert result.code == 2, result.out
    assert "in the future" in result.err
    assert not other.exists()
