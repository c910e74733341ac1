"""Benchmarks: the commands people run daily, on an empty journal, one week, and ten years.

    python bench/run.py [--runs 9] [--workdir DIR] [--results bench/RESULTS.md]

Generates (with generate.py, seed 1, ending 2026-11-22 so that 2026-W47 is its last full
week) a ten-year history, a journal of that week alone and one of its last 28 days, then:

1. times `aij --help`, `aij week 2026-W47`, `aij day 2026-11-20` and
   `aij log joint-pain=5 -d 2026-11-20` as real processes (runs interleaved, median);
2. compares the week alone with the same week inside ten years (must be at most 1.2x);
3. times the reports in-process, without process start, and explains their queries;
4. measures startup: `python -X importtime -c "import aijournal.cli"`, and checks that
   `aij --help` does not import sqlmodel or sqlalchemy;
5. times `aij bone` (the years-long view) as real processes. History-flat (#14), as the
   week is: `aij bone --since D` over the last two years, on a two-year journal and on the
   ten years, at most 1.2x (the years before D are not shown, so they must cost nothing).
   And the whole ten-year view, which reads every day it shows, against an empty journal,
   at most 1.5x.

Writes the results as Markdown to --results (and prints them). Exit 1 if a check fails.
`--only bone` generates the journals it needs (or copies `--history DIR`, a ten-year history
generated before) and runs step 5 alone, replacing its section in --results (the rest of the file
stays from its own run).
"""

import argparse
import datetime as dt
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from export_bench import LIMIT_MB, LIMIT_SECONDS, measure
from inprocess import captured_selects, opened, query_plans, report_calls, time_calls

HERE = Path(__file__).resolve().parent
END = "2026-11-22"
WEEK = (2026, 47)
DAY = "2026-11-20"
MAX_RATIO = 1.2
# `aij bone` reads every day it shows: over the last two years, on a journal of those two
# years and inside ten (history-flat, MAX_RATIO); its whole ten-year view against an empty
# journal (BONE_MAX_RATIO).
BONE_COMMAND = ("bone",)
BONE_MAX_RATIO = 1.5
BONE_YEARS = "2"
BONE_TODAY = "2026-11-23"  # the day after the history's last, for both journals
BONE_HEADING = "## `aij bone`"
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("aij --help", ("--help",)),
    ("aij week 2026-W47", ("week", "2026-W47")),
    ("aij day 2026-11-20", ("day", DAY)),
    ("aij log joint-pain=5 -d 2026-11-20", ("log", "joint-pain=5", "-d", DAY)),
)
HEAVY = ("sqlmodel", "sqlalchemy")


@dataclass(frozen=True)
class Home:
    label: str
    path: Path
    generate: tuple[str, ...] | None  # generate.py arguments; None = an empty journal


def aij_command() -> list[str]:
    script = Path(sys.executable).parent / "aij"
    return [str(script)] if script.exists() else [sys.executable, "-m", "aijournal"]


def environment(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "AIJ_HOME": str(home), "COLUMNS": "100", **extra}


def generate(home: Home) -> str:
    """Write the home's history with generate.py; return the line it printed."""
    if home.generate is None:
        home.path.mkdir(parents=True, exist_ok=True)
        return "empty"
    args = [sys.executable, str(HERE / "generate.py"), "--home", str(home.path), "--quiet"]
    done = subprocess.run(
        [*args, *home.generate], capture_output=True, text=True, check=True, timeout=600
    )
    return done.stdout.strip()


def timed(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300
    )
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds


def time_commands(homes: list[Home], runs: int) -> dict[tuple[str, str], float]:
    """Median seconds per (command, home); one warm-up each, then runs interleaved."""
    aij = aij_command()
    samples: dict[tuple[str, str], list[float]] = {}
    for round_ in range(runs + 1):
        for label, args in COMMANDS:
            for home in homes:
                seconds = timed([*aij, *args], environment(home.path))
                if round_:
                    samples.setdefault((label, home.label), []).append(seconds)
    return {key: statistics.median(values) for key, values in samples.items()}


def import_times(code: list[str], env: dict[str, str] | None = None) -> list[tuple[str, int, int]]:
    """(module, self us, cumulative us) for every import ``python -X importtime`` reports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, total, name = line.removeprefix("import time:").split("|")
        rows.append((name.strip(), int(own), int(total)))
    return rows


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: nproc {os.cpu_count()}, {cpu}, {platform.platform()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (9)")
    parser.add_argument("--inprocess-runs", type=int, default=30, help="in-process runs (30)")
    parser.add_argument("--years", type=float, default=10.0, help="years of history (10)")
    parser.add_argument("--workdir", type=Path, help="keep the journals here (default: temp)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--only", choices=("bone",), help="run one part alone: bone (`aij bone`, history-flat)"
    )
    parser.add_argument(
        "--history",
        type=Path,
        help="with --only: a copy of this generated history (an aij home), not a new one",
    )
    args = parser.parse_args(argv)
    command = " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="aij-bench-"))
    common = ("--seed", "1", "--end", END)
    empty = Home("empty journal", workdir / "empty", None)
    week = Home("one week", workdir / "week", ("--years", "0", "--days", "7", *common))
    weeks = Home("five weeks", workdir / "weeks", ("--years", "0", "--days", "35", *common))
    years = f"{args.years:g}-year history"
    history = Home(years, workdir / "history", ("--years", f"{args.years:g}", *common))
    recent = Home(
        f"{BONE_YEARS}-year journal", workdir / "recent", ("--years", BONE_YEARS, *common)
    )
    homes = [empty, week, weeks, recent, history]
    if args.only == "bone":
        return bone_only(args, command, workdir, [empty, recent, history])
    out = ["# Benchmark results", "", f"Produced by `{command}`; every ratio is from this run.", ""]
    out += [*machine(), ""]
    try:
        for home in homes:
            if home.path.exists():
                shutil.rmtree(home.path)
            line = generate(home)
            if home is history:
                out += [f"Generator, {years}: `{line}`", ""]
        ok = True
        medians = time_commands([empty, week, history], args.runs)
        out += [f"## Commands as real processes (median of {args.runs}, interleaved)", ""]
        rows: list[tuple[str, ...]] = []
        for label, _ in COMMANDS:
            base, big = medians[(label, empty.label)], medians[(label, history.label)]
            rows.append((f"`{label}`", ms(base), ms(big), f"{big / base:.2f}"))
        out += table(("command", "empty journal", years, "history / empty"), rows)
        heading = f"## The same week alone and inside the {years} (at most {MAX_RATIO})"
        out += ["", heading, ""]
        rows = []
        for label, _ in COMMANDS[1:]:
            alone, inside = medians[(label, week.label)], medians[(label, history.label)]
            ratio = inside / alone
            passed = ratio <= MAX_RATIO
            ok &= passed or label != COMMANDS[1][0]
            verdict = "yes" if passed else "**no**"
            rows.append((f"`{label}`", ms(alone), ms(inside), f"{ratio:.2f}", verdict))
        out += table(("command", "week alone", f"in the {years}", "ratio", "<= 1.2"), rows)
        ok &= inprocess_section(out, weeks, history, args.inprocess_runs)
        ok &= startup_section(out, history)
        ok &= bone_section(out, empty, recent, history, args.runs)
        ok &= export_section(out, history, workdir, years)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    text = "\n".join(out) + "\n"
    args.results.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


def first_day(home: Home) -> str:
    """The first day with an entry in the home's journal (a generated one: every day has)."""
    with sqlite3.connect(home.path / "journal.db") as conn:
        return str(conn.execute("SELECT min(day) FROM entry").fetchone()[0])


def bone_section(out: list[str], empty: Home, recent: Home, history: Home, runs: int) -> bool:
    """`aij bone` as real processes (median of ``runs``, interleaved, one warm-up each): the
    last two years (``--since`` the two-year journal's first day) on that journal and inside
    the history, at most MAX_RATIO; the whole view on the history against the empty journal,
    at most BONE_MAX_RATIO. True if both hold."""
    aij = aij_command()
    since = first_day(recent)
    recent_view = (*BONE_COMMAND, "--since", since)
    runs_of = ((empty, BONE_COMMAND), (history, BONE_COMMAND), (recent, recent_view))
    runs_of += ((history, recent_view),)
    samples: dict[tuple[str, tuple[str, ...]], list[float]] = {}
    for round_ in range(runs + 1):
        for home, args in runs_of:
            env = environment(home.path, AIJ_TODAY=BONE_TODAY)
            seconds = timed([*aij, *args], env)
            if round_:
                samples.setdefault((home.label, args), []).append(seconds)

    def compared(small: tuple[str, tuple[str, ...]], big: tuple[str, tuple[str, ...]]) -> str:
        pairs = zip(samples[small], samples[big], strict=True)
        ratios = sorted(b / a for a, b in pairs)
        return f"{ratios[0]:.2f} to {ratios[-1]:.2f}"

    def median(home: Home, args: tuple[str, ...]) -> float:
        return statistics.median(samples[(home.label, args)])

    flat = median(history, recent_view) / median(recent, recent_view)
    whole = median(history, BONE_COMMAND) / median(empty, BONE_COMMAND)
    flat_ok, whole_ok = flat <= MAX_RATIO, whole <= BONE_MAX_RATIO
    shown = "`aij " + " ".join(recent_view) + "`"
    out += [
        "",
        f"{BONE_HEADING} on the {history.label} (#14)",
        "",
        f"Real processes, median of {runs}, interleaved, `AIJ_TODAY={BONE_TODAY}`.",
        "",
        f"History-flat, as the week is (at most {MAX_RATIO}): {shown}, the last "
        f"{BONE_YEARS} years, on a journal of those years alone (`generate.py --years "
        f"{BONE_YEARS} --seed 1 --end {END}`) and inside the {history.label}; the ratio run "
        f"by run went from {compared((recent.label, recent_view), (history.label, recent_view))}.",
        "",
    ]
    out += table(
        ("command", recent.label, history.label, "ratio", f"<= {MAX_RATIO}"),
        [
            (
                shown,
                ms(median(recent, recent_view)),
                ms(median(history, recent_view)),
                f"{flat:.2f}",
                "yes" if flat_ok else "**no**",
            )
        ],
    )
    out += [
        "",
        f"The whole view, every day of the {history.label} (it reads each day it shows), "
        f"against an empty journal (at most {BONE_MAX_RATIO}); the ratio run by run went from "
        f"{compared((empty.label, BONE_COMMAND), (history.label, BONE_COMMAND))}.",
        "",
    ]
    out += table(
        ("command", "empty journal", history.label, "history / empty", f"<= {BONE_MAX_RATIO}"),
        [
            (
                "`aij " + " ".join(BONE_COMMAND) + "`",
                ms(median(empty, BONE_COMMAND)),
                ms(median(history, BONE_COMMAND)),
                f"{whole:.2f}",
                "yes" if whole_ok else "**no**",
            )
        ],
    )
    return flat_ok and whole_ok


def bone_only(args: argparse.Namespace, command: str, workdir: Path, homes: list[Home]) -> int:
    """Generate the empty journal, the two years and the history, time `aij bone` alone and
    put its section in --results in place of the one there (or before the in-process
    reports)."""
    empty, recent, history = homes
    produced = (
        f"Produced by `{command}` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
        " (this section alone; the ratio is from this run)."
    )
    try:
        for home in homes:
            if home.path.exists():
                shutil.rmtree(home.path)
            if home is history and args.history is not None:
                shutil.copytree(args.history, home.path)  # never written in place
            else:
                generate(home)
        section: list[str] = []
        ok = bone_section(section, empty, recent, history, args.runs)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    section[3:3] = [produced, ""]  # under the heading
    text = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
    args.results.write_text(replace_section(text, section), encoding="utf-8")
    print("\n".join(section))
    return 0 if ok else 1


def replace_section(text: str, section: list[str]) -> str:
    """``text`` with its BONE_HEADING section (up to the next heading) replaced by
    ``section``, or ``section`` put before the in-process reports (else at the end)."""
    lines = text.rstrip("\n").split("\n") if text else []
    body = section[1:]  # without its leading blank line
    start = next((i for i, line in enumerate(lines) if line.startswith(BONE_HEADING)), None)
    if start is None:
        start = next(
            (i for i, line in enumerate(lines) if line.startswith("## Reports in-process")),
            len(lines),
        )
        end = start
        body = [*body, ""] if start < len(lines) else ["", *body]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        body = [*body, ""] if end < len(lines) else body
    return "\n".join([*lines[:start], *body, *lines[end:]]) + "\n"


def export_section(out: list[str], history: Home, workdir: Path, years: str) -> bool:
    """Export and import of the whole history as real processes: wall time and peak RSS."""
    target = workdir / "export"
    runs = [
        ("aij export csv --out all.zip", ["export", "csv", "--out", str(target / "all.zip")]),
        ("aij export csv --out all/", ["export", "csv", "--out", str(target / "all")]),
        ("aij export json --out all.json", ["export", "json", "--out", str(target / "a.json")]),
    ]
    out += [
        "",
        f"## Export of the {years} (median of 3; limit for CSV: {LIMIT_SECONDS:g} s, "
        f"{LIMIT_MB:g} MB peak)",
        "",
    ]
    rows: list[tuple[str, ...]] = []
    ok = True
    for label, args in runs:
        results = []
        for _ in range(3):
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            results.append(measure(["--home", str(history.path), *args]))
        seconds = statistics.median(r[0] for r in results)
        peak = max(r[2] for r in results)
        within = all(r[3] == 0 for r in results)
        if "csv" in label:
            within &= seconds < LIMIT_SECONDS and peak < LIMIT_MB
            ok &= within
        rows.append(
            (f"`{label}`", f"{seconds:.2f} s", f"{peak:.0f} MB", "yes" if within else "**no**")
        )
    zipped = target / "all.zip"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    measure(["--home", str(history.path), "export", "csv", "--out", str(zipped)])
    fresh = workdir / "imported"
    shutil.rmtree(fresh, ignore_errors=True)
    seconds, _, peak, code = measure(["--home", str(fresh), "import", str(zipped)])
    rows.append(
        (
            "`aij import all.zip` (into an empty journal)",
            f"{seconds:.2f} s",
            f"{peak:.0f} MB",
            "yes" if code == 0 else "**no**",
        )
    )
    out += table(("command", "wall", "peak RSS", "within"), rows)
    out += ["", "Peak RSS is the child process's `ru_maxrss` (`os.wait4`)."]
    return ok


def inprocess_section(out: list[str], small: Home, history: Home, runs: int) -> bool:
    """Reports timed in-process, and the plans of their queries on the history. True if no
    query of the week, day and log commands reads the whole history."""
    end = dt.date.fromisoformat(END)
    day = dt.date.fromisoformat(DAY)
    commands = {"week", "day", "log joint-pain"}
    small_calls = report_calls(small.path, week=WEEK, day=day, last=end)
    history_calls = report_calls(history.path, week=WEEK, day=day, last=end)
    rows: list[tuple[str, ...]] = []
    flagged: dict[str, list[str]] = {}
    commands_ok = True
    with opened(small.path) as alone, opened(history.path) as inside:
        for name, call in history_calls.items():
            seconds = time_calls([(alone, small_calls[name]), (inside, call)], runs)
            plans = query_plans(history.path / "journal.db", captured_selects(inside, call))
            bad = [p for p in plans if p.reads_whole_history]
            commands_ok &= not (bad and name in commands)
            for plan in bad:
                flagged.setdefault(plan.short(), plan.steps)
            rows.append(
                (
                    name,
                    f"{seconds[0] * 1000:.2f} ms",
                    f"{seconds[1] * 1000:.2f} ms",
                    f"{seconds[1] / seconds[0]:.2f}",
                    f"{len(plans)} ({len(bad)} by another index)" if bad else f"{len(plans)} (all)",
                )
            )
    out += ["", f"## Reports in-process, no process start (median of {runs}, interleaved)", ""]
    out += [
        f"The {small.label} journal (`generate.py {' '.join(small.generate or ())}`) holds every "
        "day these reports read (the week report reads the four weeks before its week too).",
        "",
    ]
    out += table(
        ("report", small.label, "inside the history", "ratio", "SELECTs driven by day or key"),
        rows,
    )
    if flagged:
        out += ["", "Queries whose plan on the history is driven by another index:", ""]
        for statement, steps in flagged.items():
            out += [f"- `{statement}`", *(f"  - `{step}`" for step in steps)]
    return commands_ok


def top_level(rows: list[tuple[str, int, int]], count: int) -> str:
    """The biggest top-level packages by cumulative import time, as 'name N ms' text."""
    totals: dict[str, int] = {}
    for name, _, total in rows:
        if "." not in name:
            totals[name] = max(totals.get(name, 0), total)
    biggest = sorted(totals.items(), key=lambda item: -item[1])[:count]
    return ", ".join(f"`{name}` {total / 1000:.0f} ms" for name, total in biggest)


def startup_section(out: list[str], history: Home) -> bool:
    rows = import_times(["-c", "import aijournal.cli"])
    total = next((t for name, _, t in rows if name == "aijournal.cli"), 0)
    by_total = sorted((r for r in rows if r[0] != "aijournal.cli"), key=lambda r: -r[2])[:10]
    by_self = sorted(rows, key=lambda r: -r[1])[:10]
    out += ["", '## Startup: `python -X importtime -c "import aijournal.cli"`', ""]
    out += [f"Importing `aijournal.cli` takes {total / 1000:.0f} ms in all. Top offenders:", ""]
    out += table(
        ("module (cumulative)", "ms", "module (self)", "ms"),
        [
            (f"`{a[0]}`", f"{a[2] / 1000:.1f}", f"`{b[0]}`", f"{b[1] / 1000:.1f}")
            for a, b in zip(by_total, by_self, strict=True)
        ],
    )
    env = environment(Path(tempfile.gettempdir()) / "aij-bench-unused-home")
    help_modules = {name for name, _, _ in import_times(["-m", "aijournal", "--help"], env)}
    heavy = sorted(m for m in help_modules if m.split(".")[0] in HEAVY)
    verdict = "none (as required)" if not heavy else "**" + ", ".join(heavy[:5]) + "**"
    out += [
        "",
        f"`aij --help` imports {len(help_modules)} modules; of sqlmodel and sqlalchemy: {verdict}.",
    ]
    week_rows = import_times(["-m", "aijournal", "week", "2026-W47"], environment(history.path))
    spent = sum(own for _, own, _ in week_rows)
    out += [
        "",
        f"`aij week 2026-W47` spends {spent / 1000:.0f} ms importing; the biggest top-level "
        f"packages: {top_level(week_rows, 6)}.",
    ]
    return not heavy


if __name__ == "__main__":
    sys.exit(main())
