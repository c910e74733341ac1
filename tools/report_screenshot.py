"""Regenerate docs/visit-summary-90-days.png: the 90-day visit summary as printed (#12).

    AIJ_TODAY=2026-11-26 python tools/report_screenshot.py [--out docs/visit-summary-90-days.png]

Writes the 90-day journal of bench/visit_journal.py into a temporary home, prints its summary
with `aij report --pdf` (the Chromium on PATH), and turns the one page into a PNG with
poppler's pdftoppm (Debian's poppler-utils). Nothing is downloaded.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "visit-summary-90-days.png")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of the PNG (100)")
    args = parser.parse_args()
    env = {**os.environ, "AIJ_TODAY": os.environ.get("AIJ_TODAY", "2026-11-26")}
    with tempfile.TemporaryDirectory(prefix="aij-shot-") as work:
        home, pdf = Path(work) / "home", Path(work) / "visit.pdf"
        env["AIJ_HOME"] = str(home)
        builder = [sys.executable, str(ROOT / "bench" / "visit_journal.py"), "--home", str(home)]
        subprocess.run([*builder, "--days", "90"], check=True, env=env, timeout=600)
        report = [sys.executable, "-m", "aijournal", "report", "--pdf", "--out", str(pdf)]
        subprocess.run(report, check=True, env=env, timeout=300)
        png = [
            *("pdftoppm", "-png", "-r", str(args.dpi), "-singlefile", str(pdf)),
            str(args.out.with_suffix("")),
        ]
        subprocess.run(png, check=True, timeout=120)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
