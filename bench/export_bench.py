"""Benchmark `aij export csv` (and optionally json and import) on a long journal.

Measures, in a child process, the wall time and the peak resident memory (ru_maxrss of that
child, from os.wait4) of the command; the acceptance limits are 5 s and 150 MB for a 10-year
journal. Give --home of an existing journal (e.g. one bench/generate.py wrote), or --build
to fill a new one here with a realistic history (about 25 entries a day):

    python bench/export_bench.py --build --days 3650 --home /tmp/aij-10y
    python bench/export_bench.py --home /tmp/aij-10y --json --import
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

LIMIT_SECONDS = 5.0
LIMIT_MB = 150.0
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SYMPTOMS = {
    "joint-pain": (0, 10),
    "stiffness": (0, 90),
    "aching-muscles": (0, 4),
    "fatigue": (0, 4),
    "insomnia": (0, 4),
    "concentration": (0, 4),
    "memory": (0, 4),
    "sadness": (0, 4),
    "anxiety": (0, 4),
    "hot-flashes": (0, 12),
    "hot-flash-severity": (0, 4),
    "stress": (0, 10),
}
FOODS = [
    ("greek-yogurt", "Greek yogurt, plain", 170.0, 190.0, 0.0, 18.7, 0.3, 0.0),
    ("salmon", "Salmon, Atlantic, cooked", 150.0, 22.5, 16.5, 45.0, 0.6, 3300.0),
    ("kale", "Kale, raw", 67.0, 100.5, 0.0, 22.8, 261.0, None),
    ("oats", "Oats, rolled", 40.0, 21.6, 0.0, 55.2, 0.8, 0.0),
    ("almonds", "Almonds", 28.0, 75.0, 0.0, 75.6, 0.0, 0.0),
    ("blueberries", "Blueberries, raw", 74.0, 4.4, 0.0, 4.4, 14.3, 0.0),
    ("lentils", "Lentils, boiled", 198.0, 37.6, 0.0, 71.3, 3.3, 0.0),
    ("bread", "Bread, whole wheat", 32.0, 52.0, None, 24.0, None, None),
]


def _ids(rng: random.Random) -> Any:
    seen: set[str] = set()
    while True:
        candidate = "".join(rng.choice(ALPHABET) for _ in range(6))
        if candidate not in seen:
            seen.add(candidate)
            yield candidate


def build(home: Path, days: int, seed: int = 6) -> int:
    """Fill ``home``'s journal with ``days`` days ending yesterday; return the entry count."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from aijournal.store.db import open_journal

    rng = random.Random(seed)
    ids = _ids(rng)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    journal = open_journal(home / "journal.db")
    tables = SQLModel.metadata.tables
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
    start = date.today() - timedelta(days=days)
    pain = 4.0

    def entry(day: date, kind: str, minute: int) -> str:
        entry_id = next(ids)
        stamp = datetime(day.year, day.month, day.day, 20, 0, tzinfo=UTC) + timedelta(
            minutes=minute, microseconds=rng.randrange(1_000_000)
        )
        rows["entry"].append(
            {"id": entry_id, "day": day, "kind": kind, "created_at": stamp, "updated_at": stamp}
        )
        return entry_id

    for offset in range(days):
        day = start + timedelta(days=offset)
        pain = min(10.0, max(0.0, pain + rng.choice((-1, 0, 0, 1))))
        for minute, (name, (low, high)) in enumerate(SYMPTOMS.items()):
            value = pain if name == "joint-pain" else float(rng.randint(low, high))
            rows["symptom_rating"].append(
                {"entry_id": entry(day, "symptom", minute), "name": name, "value": value}
            )
        rows["pain_sites"].append({"entry_id": entry(day, "sites", 13), "sites": "hands,knees"})
        rows["sleep_record"].append(
            {
                "entry_id": entry(day, "sleep", 14),
                "hours": rng.choice((5.5, 6, 6.5, 7, 7.5)),
                "quality": float(rng.randint(3, 9)),
            }
        )
        taken = rng.random() > 0.05
        rows["medication_dose"].append(
            {
                "entry_id": entry(day, "dose", 15),
                "medication": "anastrozole",
                "dose": "1 mg",
                "taken": taken,
                "reason": None if taken else "nausea",
            }
        )
        rows["mind_session"].append(
            {"entry_id": entry(day, "mind", 16), "minutes": 15.0, "practice": None}
        )
        if offset % 7 == 3:
            rows["body_measure"].append(
                {"entry_id": entry(day, "body", 17), "measure": "waist_cm", "value": 84.5}
            )
        if offset % 7 == 0:
            rows["body_measure"].append(
                {
                    "entry_id": entry(day, "body", 17),
                    "measure": "weight_kg",
                    "value": round(68 + rng.uniform(-1, 1), 1),
                }
            )
        if rng.random() < 0.3:
            rows["note"].append(
                {"entry_id": entry(day, "note", 18), "text": "slept badly, hot night, knees sore"}
            )
        if rng.random() < 0.8:
            session_id = entry(day, "exercise", 19)
            rows["exercise_session"].append({"entry_id": session_id, "rpe": rng.randint(4, 8)})
            for position, (exercise, kind, sets, reps, minutes) in enumerate(
                (
                    ("goblet-squat", "resistance", 3, 10, None),
                    ("push-up", "resistance", 2, 8, None),
                    ("brisk-walk", "aerobic", None, None, 35),
                ),
                start=1,
            ):
                rows["exercise_item"].append(
                    {
                        "entry_id": session_id,
                        "position": position,
                        "exercise": exercise,
                        "kind": kind,
                        "intensity": "moderate" if kind == "aerobic" else None,
                        "sets": sets,
                        "reps": reps,
                        "seconds": None,
                        "minutes": minutes,
                        "impacts": None,
                        "load_kg": 12.0 if exercise == "goblet-squat" else None,
                    }
                )
        slots = ("breakfast", "lunch", "dinner", "snack", "snack")
        for minute, slot in enumerate(slots, start=30):
            meal_id = entry(day, "meal", minute)
            chosen = rng.sample(FOODS, 3)
            rows["meal"].append(
                {"entry_id": meal_id, "slot": slot, "text": ", ".join(f[0] for f in chosen)}
            )
            for position, food in enumerate(chosen, start=1):
                rows["meal_item"].append(_meal_item(meal_id, position, food))
        for minute in (25, 26):
            supplement_id = entry(day, "supplement", minute)
            rows["meal"].append({"entry_id": supplement_id, "slot": None, "text": "calcium-d 1"})
            rows["meal_item"].append(_supplement_item(supplement_id))
        if offset % 7 == 6:
            checkin_id = entry(day, "checkin", 26)
            year, week, _ = day.isocalendar()
            rows["checkin"].append({"entry_id": checkin_id, "week": f"{year}-W{week:02d}"})
            for position, item in enumerate(("joint-pain", "fatigue", "insomnia"), start=1):
                rows["checkin_answer"].append(
                    {
                        "entry_id": checkin_id,
                        "position": position,
                        "item": item,
                        "attribute": "severity",
                        "value": rng.randint(0, 4),
                    }
                )
        if offset % 90 == 0:
            rows["visit"].append(
                {"entry_id": entry(day, "visit", 27), "clinician": "oncologist", "note": None}
            )
            rows["question"].append(
                {
                    "entry_id": entry(day, "question", 28),
                    "text": "Could the joint pain be from the AI?",
                    "answered_on": day + timedelta(days=3) if offset + 3 < days else None,
                }
            )
    with journal.write() as session:
        for name in ("entry", *(n for n in rows if n != "entry")):
            batch = rows[name]
            for begin in range(0, len(batch), 5000):
                session.exec(insert(tables[name]), params=batch[begin : begin + 5000])
    journal.close()
    return len(rows["entry"])


def _meal_item(meal_id: str, position: int, food: tuple[Any, ...]) -> dict[str, Any]:
    food_id, name, grams, calcium, vitamin_d, magnesium, vitamin_k, epa_dha = food
    return {
        "entry_id": meal_id,
        "position": position,
        "food_id": food_id,
        "name": name,
        "source": "food",
        "origin": "USDA SR28 NDB 01256",
        "recipe": None,
        "amount": grams,
        "unit": "g",
        "grams": grams,
        "units": None,
        "tags": "",
        "calcium_mg": calcium,
        "vitamin_d_ug": vitamin_d,
        "magnesium_mg": magnesium,
        "vitamin_k_ug": vitamin_k,
        "fiber_g": 2.5,
        "ala_g": 0.1,
        "epa_dha_mg": epa_dha,
        "energy_kcal": 150.0,
        "protein_g": 8.0,
        "sat_fat_g": 1.0,
        "sugars_g": 4.0,
        "sodium_mg": 80.0,
    }


def _supplement_item(entry_id: str) -> dict[str, Any]:
    item = _meal_item(entry_id, 1, ("calcium-d", "Calcium 600 mg + D", 0, 600, 10, 0, 0, 0))
    item.update(source="supplement", origin="label: typical", unit="tablet", grams=None, units=1.0)
    return item


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def measure(args: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB and exit code of ``python -m aijournal ARGS``."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "aijournal", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0 and child.stderr is not None:
        sys.stderr.write(child.stderr.read().decode())
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="the aij home of the journal to export")
    parser.add_argument("--build", action="store_true", help="fill a new journal in --home")
    parser.add_argument("--days", type=int, default=3650, help="days of history for --build")
    parser.add_argument("--json", action="store_true", help="also time `aij export json`")
    parser.add_argument("--import", dest="do_import", action="store_true", help="also time import")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (median)")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    home = options.home or Path(tempfile.mkdtemp(prefix="aij-bench-")) / "home"
    if options.build_only:
        count = build(home, options.days)
        print(f"built {home}: {count} entries over {options.days} days")
        return 0
    if options.build or options.home is None:
        if (home / "journal.db").exists():
            parser.error(f"{home} already holds a journal; drop --build to use it")
        # Built in a process of its own: a child forked from a parent holding the built rows
        # would count the parent's pages in its peak RSS.
        began = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--build-only",
                "--home",
                str(home),
                "--days",
                str(options.days),
            ],
            check=True,
        )
        print(f"(built in {time.perf_counter() - began:.1f} s)")
    out_dir = Path(tempfile.mkdtemp(prefix="aij-bench-out-"))
    failed = False
    try:
        zipped, folder, document, other = (
            out_dir / "all.zip",
            out_dir / "all",
            out_dir / "all.json",
            out_dir / "h",
        )
        runs = [
            ("export csv (zip)", ["export", "csv", "--out", str(zipped)], zipped),
            ("export csv (folder)", ["export", "csv", "--out", str(folder)], folder),
        ]
        if options.json:
            runs.append(("export json", ["export", "json", "--out", str(document)], document))
        if options.do_import:
            runs.append(
                (
                    "import zip (into empty)",
                    ["--home", str(other), "import", str(zipped)],
                    other,
                )
            )
        for label, args, target in runs:
            full = args if args[0] == "--home" else ["--home", str(home), *args]
            results = []
            for _ in range(options.runs):
                _remove(target)  # each run writes anew (an import into an empty journal)
                results.append(measure(full))
            seconds = statistics.median(r[0] for r in results)
            cpu = statistics.median(r[1] for r in results)
            megabytes = max(r[2] for r in results)
            code = max(r[3] for r in results)
            verdict = ""
            if label.startswith("export csv"):
                ok = code == 0 and seconds < LIMIT_SECONDS and megabytes < LIMIT_MB
                failed |= not ok
                verdict = "  ok" if ok else f"  OVER LIMIT ({LIMIT_SECONDS:g} s, {LIMIT_MB:g} MB)"
            walls = ", ".join(f"{r[0]:.2f}" for r in results)
            print(
                f"{label:24} median {seconds:5.2f} s (CPU {cpu:5.2f} s; runs {walls})"
                f"  peak RSS {megabytes:5.1f} MB  exit {code}{verdict}"
            )
        size = zipped.stat().st_size / 1e6
        print(f"zip size {size:.1f} MB")
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
