"""The daily commands on the two engines (#13), and `aij bone` over ten years (#14).

    python bench/engines.py --postgres postgresql+psycopg://USER@127.0.0.1:PORT/DB \\
        [--runs 9] [--workdir DIR] [--results bench/RESULTS.md]

Generates the ten-year history bench/run.py uses (generate.py, seed 1, ending 2026-11-22;
kept and reused under --workdir), copies it to the PostgreSQL database with `aij db copy`
(timed: moving ten years onto a server), then times as real processes, interleaved, the
median of --runs each:

1. `aij week 2026-W47`, `aij day 2026-11-20` and `aij log joint-pain=5 -d 2026-11-20` on
   the history in the SQLite file and on the server (over loopback: give a 127.0.0.1 URL);
2. `aij bone`, the years-long view, on an empty journal and on the history, on both.

The database named by --postgres must be empty or hold only this history (it is the
copy's target; make a fresh one: `createdb aij_bench`). Appends a section to --results.
"""

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
END = "2026-11-22"
DAY = "2026-11-20"
DAILY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("aij week 2026-W47", ("week", "2026-W47")),
    ("aij day 2026-11-20", ("day", DAY)),
    ("aij log joint-pain=5 -d 2026-11-20", ("log", "joint-pain=5", "-d", DAY)),
    ("aij bone", ("bone",)),
)


def aij() -> list[str]:
    script = Path(sys.executable).parent / "aij"
    return [str(script)] if script.exists() else [sys.executable, "-m", "aijournal"]


def env(home: Path) -> dict[str, str]:
    # The history ends 2026-11-22; "today" is the day after, as in bench/run.py's journals.
    return {**os.environ, "AIJ_HOME": str(home), "AIJ_TODAY": "2026-11-23", "COLUMNS": "100"}


def run(args: list[str], home: Path) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        [*aij(), *args],
        env=env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"aij {' '.join(args[:4])} failed ({done.returncode}): {done.stderr}")
    return seconds


def history(workdir: Path) -> tuple[Path, str]:
    home = workdir / "history"
    if (home / "journal.db").exists():
        return home, "reused"
    done = subprocess.run(
        [
            *(sys.executable, str(HERE / "generate.py"), "--home", str(home), "--quiet"),
            *("--years", "10", "--seed", "1", "--end", END),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    return home, done.stdout.strip()


def medians(
    homes: dict[str, tuple[Path, tuple[str, ...]]], runs: int
) -> dict[tuple[str, str], float]:
    """Median seconds per (command, place); one warm-up round, then rounds interleaved."""
    samples: dict[tuple[str, str], list[float]] = {}
    for round_ in range(runs + 1):
        for label, args in DAILY:
            for place, (home, prefix) in homes.items():
                seconds = run([*prefix, *args], home)
                if round_:
                    samples.setdefault((label, place), []).append(seconds)
    return {key: statistics.median(values) for key, values in samples.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", required=True, help="an empty PostgreSQL database URL")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (9)")
    parser.add_argument("--workdir", type=Path, help="keep the history here (default: temp)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="aij-engines-"))
    home, made = history(workdir)
    empty = workdir / "empty"
    empty.mkdir(exist_ok=True)
    server = ("--db", args.postgres)
    copied = run(["db", "copy", "--to", args.postgres, "--merge"], home)
    timed = medians(
        {
            "sqlite": (home, ()),
            "postgres": (home, server),
            "empty": (empty, ()),
        },
        args.runs,
    )
    shown = args.postgres.split("@")[-1]
    lines = [
        "",
        "## The two engines (#13) and the years-long view (#14): bench/engines.py",
        "",
        f"Produced by `python bench/engines.py --postgres postgresql+psycopg://...@{shown} "
        f"--runs {args.runs}` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; PostgreSQL "
        f"over loopback on the same machine, median of {args.runs} interleaved runs.",
        "",
        f"- the 10-year history: `{made}`",
        f"- `aij db copy --to` the server (every row, then verified): {copied:.1f} s",
        "",
        "| command | empty journal (SQLite) | 10 years, SQLite | 10 years, PostgreSQL "
        "| PostgreSQL / SQLite |",
        "|---|---|---|---|---|",
    ]
    for label, _ in DAILY:
        base, lite, pg = (timed[(label, p)] for p in ("empty", "sqlite", "postgres"))
        lines.append(f"| `{label}` | {ms(base)} | {ms(lite)} | {ms(pg)} | {pg / lite:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with args.results.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
