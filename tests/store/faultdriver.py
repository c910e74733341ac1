"""Fault and concurrency runs against real aij processes: run by the tests (and bench/) as a
subprocess with a timeout, it prints one JSON line per run.

It imports aij once, then forks: each child is a real process running aij's own ``main``
(the whole command: parse, open, write, commit), killed with a real SIGKILL or started
with others at the same instant behind a pipe. Its parent checks the journal afterwards
with plain sqlite3, never through aij.

    python faultdriver.py crash-log HOME RUNS SEED
    python faultdriver.py crash-import WORK RUNS SEED
    python faultdriver.py crowd HOME PROCESSES ENTRIES     (all start at once)
    python faultdriver.py load HOME WRITERS ENTRIES        (writers and a reader, then a backup)
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("AIJ_TODAY", "2026-11-26")

from aijournal.cli import main

# The JSON lines go to the real standard output; aij's own output (parent and children) is
# sent to /dev/null, so the two never mix.
_OUT = os.fdopen(os.dup(1), "w")
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)


def _emit(**data: Any) -> None:
    print(json.dumps(data), file=_OUT, flush=True)


def _run_aij(args: list[str]) -> int:
    """Run one aij command in this process; its exit code."""
    try:
        main(args)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def _child(body: Any) -> int:
    """Fork a child that runs ``body()`` then exits without returning here."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = body()
        finally:
            os._exit(code)
    return pid


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return ";".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def _notes(db: Path) -> set[str]:
    if not db.exists():
        return set()
    conn = sqlite3.connect(db)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "note" not in tables:  # killed while creating the journal: rolled back
            return set()
        return {row[0] for row in conn.execute("SELECT text FROM note")}
    finally:
        conn.close()


def _orphans(db: Path) -> int:
    """Entries without their note: a log written in two transactions, cut between them."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "note" not in tables:
            return 0
        sql = "SELECT count(*) FROM entry WHERE id NOT IN (SELECT entry_id FROM note)"
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _stray(home: Path) -> list[str]:
    """Our temporary files left in the home (after a command has run, there must be none)."""
    return sorted(p.name for p in home.rglob("*") if ".tmp-" in p.name)


def _sweep(home: Path) -> None:
    """Run a command that opens the journal, as the next run of aij would."""
    os.environ["AIJ_HOME"] = str(home)
    pid = _child(lambda: _run_aij(["entries", "--from", "-1d"]))
    os.waitpid(pid, 0)


def crash_log(home: Path, runs: int, seed: int) -> None:
    """A child logs notes in a loop, reporting each one whose command succeeded; SIGKILL at a
    random moment. The journal must pass integrity_check and hold every reported note, and
    nothing else but (perhaps) the one in flight."""
    rng = random.Random(seed)
    os.environ["AIJ_HOME"] = str(home)
    reported: set[str] = set()
    # A command killed between its commit and its report: its note may be there or not.
    in_flight: set[str] = set()
    for run in range(runs):
        read, write = os.pipe()

        def loop(run: int = run, write: int = write, read: int = read) -> int:
            os.close(read)
            for i in range(10_000):
                text = f"r{run}-{i}"
                if _run_aij(["log", "note", text]) != 0:
                    return 1
                os.write(write, f"{text}\n".encode())
            return 0

        pid = _child(loop)
        os.close(write)
        time.sleep(rng.uniform(0.02, 0.5))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read) as pipe:
            said = [line.strip() for line in pipe if line.strip()]
        reported.update(said)
        in_flight.add(f"r{run}-{len(said)}")
        present = _notes(home / "journal.db")
        _emit(
            run=run,
            integrity=_integrity(home / "journal.db") if present or said else "ok",
            reported=len(said),
            missing=sorted(reported - present),
            unexpected=sorted(present - reported - in_flight),
            orphans=_orphans(home / "journal.db"),
        )


def _make_export(work: Path) -> tuple[Path, Path, int]:
    """A JSON export of 60 days of logs, and a template home holding one other entry."""
    source, base = work / "source", work / "base"
    os.environ["AIJ_HOME"] = str(source)
    for day in range(1, 61):
        _run_aij(
            [
                "log",
                "joint-pain=3",
                "stiffness=10",
                "sleep=7",
                "--note",
                f"d{day}",
                "-d",
                f"-{day}d",
            ]
        )
    export = work / "export.json"
    _run_aij(["export", "json", "--out", str(export)])
    os.environ["AIJ_HOME"] = str(base)
    _run_aij(["log", "note", "already here"])
    return export, base, _entries(source / "journal.db")


def _entries(db: Path) -> int:
    """Rows of every journal table (entries and their details): a half import shows."""
    conn = sqlite3.connect(db)
    try:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if row[0] not in ("schema_version", "undo_log")
        ]
        return sum(int(conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]) for n in names)
    finally:
        conn.close()


def _wait_for_write(wal: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if wal.stat().st_size > 0:
                return
        except FileNotFoundError:
            pass
        time.sleep(0.0002)


def crash_import(work: Path, runs: int, seed: int) -> None:
    """A child imports an export into a journal that holds one entry; SIGKILL at a random
    moment. The journal gains no row or all N of the export's rows (entries and details:
    all or nothing), all N if the import said so;
    every backup left is whole, and the next command leaves no temporary file of ours."""
    rng = random.Random(seed)
    export, base, count = _make_export(work)
    base_rows = _entries(base / "journal.db")
    start = time.monotonic()
    probe = work / "probe"
    shutil.copytree(base, probe)
    os.environ["AIJ_HOME"] = str(probe)
    pid = _child(lambda: _run_aij(["import", str(export)]))
    os.waitpid(pid, 0)
    took = time.monotonic() - start
    for run in range(runs):
        home = work / f"run{run}"
        shutil.copytree(base, home)
        os.environ["AIJ_HOME"] = str(home)
        read, write = os.pipe()

        def body(write: int = write, read: int = read) -> int:
            os.close(read)
            code = _run_aij(["import", str(export)])
            if code == 0:
                os.write(write, b"ok\n")
            return code

        pid = _child(body)
        os.close(write)
        if run % 2:
            time.sleep(rng.uniform(0, 1.2 * took))
        else:
            # Most of an import is reading and checking: every other kill waits for its
            # write to begin (the WAL grows), then comes within the next 3 ms (the write
            # itself: an import split into a transaction per table is caught in it).
            _wait_for_write(home / "journal.db-wal", deadline=time.monotonic() + 3 * took)
            time.sleep(rng.uniform(0, 0.003))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read) as pipe:
            said = pipe.read().strip() == "ok"
        found = _entries(home / "journal.db") - base_rows
        backups = sorted((home / "backups").glob("*.db")) if (home / "backups").exists() else []
        whole = all(_integrity(b) == "ok" and _entries(b) == base_rows for b in backups)
        _sweep(home)
        _emit(
            run=run,
            integrity=_integrity(home / "journal.db"),
            reported=said,
            entries=found,
            expected=[count] if said else [0, count],
            backups_whole=whole,
            stray=_stray(home),
        )
        shutil.rmtree(home)


def crowd(home: Path, processes: int, entries: int) -> None:
    """``processes`` children start at the same instant (released together by one pipe) on
    the home, each logging ``entries`` notes; every note must be there."""
    os.environ["AIJ_HOME"] = str(home)
    gate_read, gate_write = os.pipe()
    errors_read, errors_write = os.pipe()
    pids = []
    for proc in range(processes):

        def body(proc: int = proc) -> int:
            os.close(gate_write)
            os.read(gate_read, 1)  # blocks until the parent closes the gate
            failures = 0
            for i in range(entries):
                if _run_aij(["log", "note", f"p{proc}-{i}"]) != 0:
                    failures += 1
            os.write(errors_write, f"{failures}\n".encode())
            return 0

        pids.append(_child(body))
    os.close(gate_read)
    os.close(errors_write)
    os.close(gate_write)  # every child's read returns at once
    for pid in pids:
        os.waitpid(pid, 0)
    with os.fdopen(errors_read) as pipe:
        failures = sum(int(line) for line in pipe if line.strip())
    wanted = {f"p{p}-{i}" for p in range(processes) for i in range(entries)}
    present = _notes(home / "journal.db")
    _emit(
        integrity=_integrity(home / "journal.db"),
        failures=failures,
        missing=len(wanted - present),
        stray=_stray(home),
    )


def load(home: Path, writers: int, entries: int) -> None:
    """``writers`` children log ``entries`` notes each while a reader runs `aij entries`;
    meanwhile `aij db backup` copies the journal. Reports failures and what reached stderr."""
    os.environ["AIJ_HOME"] = str(home)
    _run_aij(["log", "note", "start"])
    log_read, log_write = os.pipe()

    def writer(w: int) -> int:
        fd = os.open(home / f"err-{w}.txt", os.O_WRONLY | os.O_CREAT, 0o600)
        os.dup2(fd, 2)
        failures = sum(_run_aij(["log", "note", f"w{w}-{i}"]) != 0 for i in range(entries))
        os.write(log_write, f"{failures}\n".encode())
        return 0

    def reader() -> int:
        fd = os.open(home / "err-reader.txt", os.O_WRONLY | os.O_CREAT, 0o600)
        os.dup2(fd, 2)
        failures = 0
        while not (home / "stop").exists():
            failures += _run_aij(["entries", "--from", "-1d"]) != 0
        os.write(log_write, f"{failures}\n".encode())
        return 0

    pids = [_child(lambda w=w: writer(w)) for w in range(writers)]
    reader_pid = _child(reader)
    backup = home.parent / "during-load.db"
    # What was committed before the backup began must be in it: wait until the writers
    # have saved some (read-only connections: their close never checkpoints the WAL into
    # the file, where a plain copy of it would find them).
    before: set[str] = set()
    deadline = time.monotonic() + 60
    while len(before) < 1 + writers * 3 and time.monotonic() < deadline:
        time.sleep(0.05)
        conn = sqlite3.connect(f"file:{home / 'journal.db'}?mode=ro", uri=True, timeout=30)
        try:
            before = {row[0] for row in conn.execute("SELECT text FROM note")}
        finally:
            conn.close()
    backup_code = _run_aij(["db", "backup", str(backup)])
    for pid in pids:
        os.waitpid(pid, 0)
    (home / "stop").touch()
    os.waitpid(reader_pid, 0)
    os.close(log_write)
    with os.fdopen(log_read) as pipe:
        failures = sum(int(line) for line in pipe if line.strip())
    stderr = "".join(p.read_text() for p in sorted(home.glob("err-*.txt")))
    for p in [*home.glob("err-*.txt"), home / "stop"]:
        p.unlink()
    wanted = {f"w{w}-{i}" for w in range(writers) for i in range(entries)}
    _emit(
        integrity=_integrity(home / "journal.db"),
        failures=failures,
        missing=len(wanted - _notes(home / "journal.db")),
        stderr=stderr,
        backup_code=backup_code,
        backup=str(backup),
        committed_before_backup=len(before),
        not_in_backup=len(before - _notes(backup)),
    )


def _warm_up() -> None:
    """Load every module a command needs once, before forking: children start warm."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        os.environ["AIJ_HOME"] = folder
        _run_aij(["log", "note", "warm"])
        _run_aij(["entries", "--from", "-1d"])
        _run_aij(["db", "backup"])
        _run_aij(["export", "json", "--out", f"{folder}/x.json"])
        _run_aij(["import", f"{folder}/x.json"])


if __name__ == "__main__":
    _warm_up()
    mode, where = sys.argv[1], Path(sys.argv[2])
    first, second = int(sys.argv[3]), int(sys.argv[4])
    {"crash-log": crash_log, "crash-import": crash_import, "crowd": crowd, "load": load}[mode](
        where, first, second
    )
