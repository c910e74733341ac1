"""Check that LibreOffice Calc reads aij's CSV export as meant (a maintainer script, not CI).

Makes a small journal in a temporary home, exports it with `aij export csv`, converts
daily.csv and notes.csv to ODS with LibreOffice Calc headless (Debian: libreoffice-calc-nogui)
and reads each cell's type back from the ODS: dates must be dates, numbers numbers (negative
ones too), and a note holding =HYPERLINK("http://x","y") must stay text, even with the
import's "evaluate formulas" switched on. A control file with an unprotected =1+1 shows that
the switch works. Run: python tools/check_csv_libreoffice.py
"""

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, timedelta
from pathlib import Path

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
# CSV import options: comma, double quote, UTF-8 (76), from line 1, no column formats,
# en-US (1033), quoted fields not forced to text, detect special numbers ON, -, -, no trimming,
# -, evaluate formulas ON (the riskiest way a clinic's spreadsheet could open the file).
FILTER = "CSV:44,34,76,1,,1033,false,true,false,false,false,false,true"
HYPERLINK = '=HYPERLINK("http://x","y")'
CONFIG = "symptoms:\n  - {name: mood, kind: nrs, min: -5, max: 5, meaning: mood -5 to 5}\n"


def aij(home: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "aijournal", "--home", str(home), *args],
        check=True,
        capture_output=True,
    )


def cells(ods: Path) -> list[list[tuple[str, str, str, str]]]:
    """Rows of (value type, value, formula, shown text) of the first sheet."""
    with zipfile.ZipFile(ods) as archive:
        root = ET.fromstring(archive.read("content.xml"))
    sheet = root.find(".//table:table", NS)
    assert sheet is not None
    rows = []
    for row in sheet.findall("table:table-row", NS):
        out = []
        for cell in row.findall("table:table-cell", NS):
            repeat = int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
            kind = cell.get(f"{{{NS['office']}}}value-type", "")
            value = (
                cell.get(f"{{{NS['office']}}}date-value")
                or cell.get(f"{{{NS['office']}}}value")
                or ""
            )
            formula = cell.get(f"{{{NS['table']}}}formula", "")
            shown = "".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
            out.extend([(kind, value, formula, shown)] * min(repeat, 64))
        rows.append(out)
    return rows


def convert(soffice: str, csv_file: Path, out: Path, profile: Path) -> Path:
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "ods",
            f"--infilter={FILTER}",
            "--outdir",
            str(out),
            str(csv_file),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / (csv_file.stem + ".ods")


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
        return 2
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout
    print(f"using {version.strip()}")
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        (home / "config.yaml").write_text(CONFIG, encoding="utf-8")
        day = (date.today() - timedelta(days=2)).isoformat()
        aij(
            home,
            "log",
            "joint-pain=6",
            "stiffness=30",
            "mood=-3",
            "sleep=6.5",
            "--where",
            "knees,hands",
            "--note",
            HYPERLINK,
            "--date",
            day,
        )
        aij(home, "log", "weight", "68.2", "--date", day)
        aij(home, "log", "note", "--date", "yesterday", "--", "-5 is how low I felt")
        aij(home, "export", "csv", "--out", str(work / "export"))
        control = work / "control.csv"
        control.write_text("text,formula\r\nplain,=1+1\r\n", encoding="utf-8")
        daily = cells(convert(soffice, work / "export" / "daily.csv", work / "ods", work / "lo"))
        notes = cells(convert(soffice, work / "export" / "notes.csv", work / "ods", work / "lo"))
        checked = cells(convert(soffice, control, work / "ods", work / "lo"))

    header = [c[3] for c in daily[0]]
    by_name = {name: index for index, name in enumerate(header)}
    row = next(r for r in daily[1:] if r[0][1] == day)
    print(f"daily.csv: {len(daily) - 1} rows, {len(header)} columns")
    dates = [r[0] for r in daily[1:]]
    print(f"  date column: types {sorted({d[0] for d in dates})}, first {dates[0][1]}")
    if any(d[0] != "date" for d in dates):
        failures.append("a date in daily.csv was not read as a date")
    for name, wanted in (
        ("joint_pain_0_10", "6"),
        ("stiffness_minutes", "30"),
        ("mood_minus5_5", "-3"),
        ("sleep_hours", "6.5"),
        ("weight_kg", "68.2"),
        ("resistance_sessions", "0"),
    ):
        kind, value, _, shown = row[by_name[name]]
        print(f"  {name} on {day}: type {kind}, value {value} (shown '{shown}')")
        if kind != "float" or float(value) != float(wanted):
            failures.append(f"daily.csv {name} was not read as the number {wanted}")
    kind, _, _, shown = row[by_name["sites"]]
    print(f"  sites on {day}: type {kind}, shown '{shown}'")
    texts = [r[4] for r in notes[1:]]
    for kind, _, formula, shown in texts:
        print(f"notes.csv text: type {kind}, formula '{formula}', shown '{shown}'")
        if formula or kind not in ("string", ""):
            failures.append(f"note '{shown}' was not kept as text")
    if not any(HYPERLINK in shown for _, _, _, shown in texts):
        failures.append("the =HYPERLINK note is missing")
    kind, value, formula, shown = checked[1][1]
    print(f"control =1+1 (not neutralised): type {kind}, formula '{formula}', shown '{shown}'")
    if not formula:
        failures.append("the control formula was not evaluated: the check proves nothing")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
