"""The fault and concurrency runs of tests/store/test_safety.py at the issue's full counts
(#11), with their figures appended to bench/RESULTS.md.

    python bench/safety.py [--kills 200] [--writers 4] [--entries 200]
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "store" / "faultdriver.py"


def drive(mode: str, where: Path, first: int, second: int) -> tuple[list[dict[str, object]], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(DRIVER), mode, str(where), str(first), str(second)],
        capture_output=True,
        text=True,
        timeout=3600,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return rows, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--entries", type=int, default=200)
    args = parser.parse_args()
    lines = ["", "## Never lose a day (#11): bench/safety.py", ""]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        logs, took = drive("crash-log", work / "log", args.kills // 2, 1)
        bad = [r for r in logs if r["integrity"] != "ok" or r["missing"] or r["unexpected"]]
        lines.append(f"- SIGKILL while logging: {len(logs)} runs, {len(bad)} bad, {took:.0f} s")
        imports, took = drive("crash-import", work / "imp", args.kills // 2, 2)
        bad = [
            r
            for r in imports
            if r["integrity"] != "ok"
            or r["entries"] not in r["expected"]
            or not r["backups_whole"]
            or r["stray"]
        ]
        done = sum(1 for r in imports if r["reported"])
        lines.append(
            f"- SIGKILL while importing: {len(imports)} runs ({done} finished first), "
            f"{len(bad)} bad, {took:.0f} s"
        )
        [load], took = drive("load", work / "load", args.writers, args.entries)
        said = str(load["stderr"])
        lines.append(
            f"- {args.writers} writers x {args.entries} entries with a reader and a backup: "
            f"{load['missing']} missing, {load['failures']} failed commands, "
            f"'locked'/'busy' on stderr: {'locked' in said or 'busy' in said}, "
            f"backup exit {load['backup_code']}, {took:.0f} s"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
