"""Check that LibreOffice Calc reads aij's exports as the journal's numbers, in any locale.

    python tools/check_csv_libreoffice.py [--csv] [--xlsx] [--home DIR] [--self-test]

Builds a one-year journal (bench/generate.py, a fixed seed and end day) plus a few notes with
accents and a formula, exports it with `aij export csv` and `aij export xlsx`, and converts the
files with headless LibreOffice Calc (Debian: libreoffice-calc-nogui) under en-US, de-DE and
fr-FR. The locale is set in a private profile (org.openoffice.Setup/L10N ooSetupSystemLocale),
and a probe shows it took: de-DE must read "1,5" as 1.5 when the language is left to the
locale. Every conversion is read back from an xlsx LibreOffice wrote, with openpyxl, and every
cell is compared with what the file itself holds:

- CSV, as the README tells a person to open it (Text Import: Character set Unicode (UTF-8),
  Language English (USA), separated by comma), with "evaluate formulas" on, the riskiest way;
- CSV with the language named but no character set: LibreOffice takes the system's charset,
  UTF-8 here as on Linux and macOS (it skips the byte-order mark whenever a charset is set or
  defaulted, so under Windows-1252 no byte of the file can make it UTF-8: name it);
- CSV with no filter options at all: LibreOffice then reads Windows-1252 and the locale's
  decimal comma whatever the file holds; reported, not failed (the README says to name them);
- xlsx, opened as it is: nothing in it is parsed from text, so every locale reads the values.

The CSV's expected values are parsed from its own text by Python (a plain decimal is that
number, an ISO date that date, an id or any other text that very text), the xlsx's from the
workbook as written, so the check follows the exporter's formats instead of hard-coding them.
A failure names the file, the cell, what was expected and what LibreOffice read. --self-test
feeds deliberately wrong readings (the language left to de-DE, a tampered workbook) and passes
only if the check fails on them. Exit: 0 all equal, 1 a failure, 2 LibreOffice missing.
"""

import argparse
import csv
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("en-US", "de-DE", "fr-FR")
END = date(2026, 11, 20)  # the generated history's last day; fixed, so every run is the same
TODAY = date(2026, 11, 26)
SEED = 1
# CSV filter options, in LibreOffice's order: separator (44 ","), text delimiter (34 '"'),
# character set (76 UTF-8; empty: not named), first line 1, no column formats, language
# (1033 English (USA)), quoted fields not forced to text, detect special numbers on, -, -,
# no trimming, -, evaluate formulas on.
README_FILTER = "CSV:44,34,76,1,,1033,false,true,false,false,false,false,true"
NO_CHARSET_FILTER = "CSV:44,34,,1,,1033,false,true,false,false,false,false,true"
LOCALE_LANGUAGE_FILTER = "CSV:44,34,76,1"  # language left to the locale: the failure
NO_OPTIONS = ""
HYPERLINK = '=HYPERLINK("http://x","y")'
NOTES = ("Café au lait, then crème fraîche with berries", HYPERLINK, "-5 is how low I felt")
MOOD = "  - {name: mood, kind: nrs, min: -5, max: 5, meaning: mood -5 to 5}\n"
ID = re.compile(r"(id|.+_id)\Z")
DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9:]+)?\Z")
BOOLEANS = {"=TRUE()": True, "=FALSE()": False}
DIGITS = 15  # the significant digits a spreadsheet keeps: Calc saves and shows no more
SHOWN_FAILURES = 8
TIMEOUT_S = 600


@dataclass(frozen=True)
class Cell:
    """One cell as read back: its value and whether it holds a formula."""

    value: Any
    formula: bool = False


Sheet = list[list[Cell]]


# ---- LibreOffice: a private profile per locale, conversions ----------------------------------


def profile(work: Path, locale: str) -> Path:
    """A fresh user profile whose locale setting is ``locale`` (LibreOffice's own setting)."""
    folder = work / f"profile-{locale}"
    (folder / "user").mkdir(parents=True, exist_ok=True)
    (folder / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/L10N">'
        f'<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop>'
        "</item>\n</oor:items>\n",
        encoding="utf-8",
    )
    return folder


def convert(soffice: str, prof: Path, files: Sequence[Path], out: Path, infilter: str) -> None:
    """Open ``files`` in LibreOffice Calc with ``infilter`` and save each as xlsx into ``out``."""
    command = [soffice, f"-env:UserInstallation={prof.as_uri()}", "--headless"]
    command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += [str(f) for f in files]
    # "No charset named" means the system's charset: make it UTF-8 here, as on Linux and macOS
    # (under a C or Windows-1252 system charset LibreOffice 7.4 reads Windows-1252 and skips
    # the byte-order mark; no byte of the file can change that).
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
    missing = [f.name for f in files if not (out / (f.stem + ".xlsx")).exists()]
    if done.returncode or missing:
        raise SystemExit(f"LibreOffice did not convert {missing or files}: {done.stderr.strip()}")


def read_back(path: Path) -> dict[str, Sheet]:
    """Every sheet of an xlsx LibreOffice wrote: its cells, trailing empty ones dropped."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [_row(row) for row in ws.iter_rows()] for ws in book.worksheets}
    finally:
        book.close()


def _cell(cell: Any) -> Cell:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", "") != "f":
        return Cell(value)
    # LibreOffice saves a boolean cell to xlsx as the formula TRUE() or FALSE().
    return Cell(BOOLEANS[value]) if value in BOOLEANS else Cell(value, formula=True)


def _row(row: Sequence[Any]) -> list[Cell]:
    cells = [_cell(c) for c in row]
    while cells and cells[-1].value is None:
        cells.pop()
    return cells


# ---- what each cell must hold ---------------------------------------------------------------


def check_csv_cell(text: str, column: str, got: Cell) -> str | None:
    """What is wrong with LibreOffice's reading ``got`` of the CSV cell ``text``, or None.

    Judged from the file's own text: empty stays empty; an id stays that very text; a plain
    decimal is that number exactly; an ISO date is that date; a timestamp is that instant (to
    the millisecond) or its text; true/false a boolean or its text; anything else its text,
    never a formula (a leading apostrophe that protects a formula may be dropped)."""
    value = got.value
    if got.formula:
        return f"a formula {value!r}, expected the text {text!r}"
    if text == "":
        return None if value in (None, "") else f"{value!r}, expected an empty cell"
    if ID.match(column) or not (DECIMAL.match(text) or ISO_DATE.match(text)):
        return _check_text(text, value)
    if DECIMAL.match(text):
        ok = same_number(value, float(text))
        return None if ok else f"{value!r}, expected the number {text}"
    wanted_day = date.fromisoformat(text)
    ok = isinstance(value, datetime) and value == datetime.combine(wanted_day, datetime.min.time())
    return None if ok else f"{value!r}, expected the date {text}"


def same_number(value: Any, wanted: float) -> bool:
    """Whether ``value`` is a number equal to ``wanted`` to the 15 significant digits a
    spreadsheet keeps: at most one unit of the 15th digit apart, as Calc rounds when it saves
    (21.599999999999998 is saved as 21.6); 1133934 is not 1133.934, nor "1133.934"."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return math.isclose(value, wanted, rel_tol=10.0 ** (1 - DIGITS), abs_tol=0.0)


def _check_text(text: str, value: Any) -> str | None:
    if value == text or (text.startswith("'") and value == text[1:]):
        return None
    if ISO_DATETIME.match(text) and isinstance(value, datetime):
        wanted = datetime.fromisoformat(text.removesuffix("Z")).replace(tzinfo=None)
        return None if abs(value - wanted) <= timedelta(milliseconds=1) else _wrong(value, text)
    if text in ("true", "false") and isinstance(value, bool):
        return None if value == (text == "true") else _wrong(value, text)
    return _wrong(value, text)


def _wrong(value: Any, text: str) -> str:
    return f"{value!r}, expected the text {text!r}"


def check_xlsx_cell(wanted: Any, got: Cell) -> str | None:
    """What is wrong with LibreOffice's reading ``got`` of a cell openpyxl read as ``wanted``."""
    value = got.value
    if got.formula:
        return f"a formula {value!r}, expected {wanted!r}"
    if wanted is None or wanted == "":
        return None if value in (None, "") else f"{value!r}, expected an empty cell"
    if isinstance(wanted, bool | str):
        return None if value == wanted and type(value) is type(wanted) else _vs(value, wanted)
    if isinstance(wanted, int | float):
        return None if same_number(value, wanted) else _vs(value, wanted)
    if isinstance(wanted, datetime):
        ok = isinstance(value, datetime) and abs(value - wanted) <= timedelta(milliseconds=1)
        return None if ok else _vs(value, wanted)
    return _vs(value, wanted)


def _vs(value: Any, wanted: Any) -> str:
    return f"{value!r} ({type(value).__name__}), expected {wanted!r} ({type(wanted).__name__})"


def cell_name(row: int, column: int) -> str:
    return f"{openpyxl.utils.get_column_letter(column + 1)}{row + 1}"


def compare_csv(source: Path, read: Sheet) -> Iterator[str]:
    """Every cell of the CSV file ``source`` against LibreOffice's reading of it."""
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    if len(read) != len(rows):
        yield f"{source.name}: {len(read)} rows read, the file has {len(rows)}"
    header = rows[0] if rows else []
    for r, row in enumerate(rows):
        got = read[r] if r < len(read) else []
        if len(got) > len(row):
            extra = got[len(row)].value
            yield f"{source.name} {cell_name(r, len(row))}: {extra!r}, expected no cell"
        for c, text in enumerate(row):
            cell = got[c] if c < len(got) else Cell(None)
            column = header[c] if r and c < len(header) else ""
            problem = (
                _check_text(text, cell.value) if r == 0 else check_csv_cell(text, column, cell)
            )
            if problem:
                yield f"{source.name} {cell_name(r, c)} ({column or 'header'}): {problem}"


def compare_xlsx(source: Path, read: dict[str, Sheet]) -> Iterator[str]:
    """Every cell of every sheet of the workbook ``source`` against LibreOffice's reading."""
    written = read_back(source)
    if list(read) != list(written):
        yield f"{source.name}: sheets {list(read)} read, the file has {list(written)}"
    for title, rows in written.items():
        got_rows = read.get(title, [])
        if len(got_rows) != len(rows):
            yield f"{source.name} {title}: {len(got_rows)} rows read, the file has {len(rows)}"
        for r, row in enumerate(rows):
            got = got_rows[r] if r < len(got_rows) else []
            for c, cell in enumerate(row):
                problem = check_xlsx_cell(cell.value, got[c] if c < len(got) else Cell(None))
                if problem:
                    yield f"{source.name} {title}!{cell_name(r, c)}: {problem}"


def counted(*sheets: Sheet) -> int:
    return sum(len(row) for sheet in sheets for row in sheet)


# ---- the journal ----------------------------------------------------------------------------


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "AIJ_HOME": str(home), "AIJ_TODAY": TODAY.isoformat()}


def aij(home: Path, *args: str) -> None:
    command = [sys.executable, "-m", "aijournal", "--home", str(home), *args]
    done = subprocess.run(
        command, capture_output=True, text=True, env=environment(home), timeout=TIMEOUT_S
    )
    if done.returncode:
        raise SystemExit(f"aij {' '.join(args[:2])} failed: {done.stderr.strip()}")


def build_journal(home: Path) -> None:
    """A one-year history (bench/generate.py) plus notes with accents, a formula, a minus."""
    command = [sys.executable, str(ROOT / "bench" / "generate.py"), "--home", str(home)]
    command += ["--years", "1", "--end", END.isoformat(), "--seed", str(SEED), "--quiet"]
    subprocess.run(command, check=True, env=environment(home), timeout=TIMEOUT_S)
    config = home / "config.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("symptoms: []\n", "symptoms:\n" + MOOD),
        encoding="utf-8",
    )
    aij(home, "log", "joint-pain=6", "mood=-3", "sleep=6.5", "--date", END.isoformat())
    for back, note in enumerate(NOTES):
        day = (END - timedelta(days=back + 1)).isoformat()
        aij(home, "log", "note", "--date", day, "--", note)


def export(home: Path, work: Path) -> tuple[list[Path], Path]:
    """The CSV files and the workbook of the whole journal."""
    aij(home, "export", "csv", "--out", str(work / "csv"))
    aij(home, "export", "xlsx", "--out", str(work / "journal.xlsx"))
    return sorted((work / "csv").glob("*.csv")), work / "journal.xlsx"


# ---- the checks -----------------------------------------------------------------------------


@dataclass
class Report:
    failures: int = 0
    cells: int = 0

    def judge(self, label: str, problems: list[str], cells: int, *, strict: bool = True) -> None:
        self.cells += cells
        verdict = "OK" if not problems else ("FAIL" if strict else "known limit")
        print(f"  {label}: {cells} cells, {len(problems)} differ: {verdict}")
        for problem in problems[:SHOWN_FAILURES]:
            print(f"    {problem}")
        if len(problems) > SHOWN_FAILURES:
            print(f"    ... and {len(problems) - SHOWN_FAILURES} more")
        if strict and problems:
            self.failures += 1

    def fail(self, message: str) -> None:
        print(f"  FAIL: {message}")
        self.failures += 1


def csv_problems(files: Sequence[Path], out: Path) -> tuple[list[str], int]:
    """Every cell of ``files`` against LibreOffice's readings of them saved in ``out``."""
    problems: list[str] = []
    cells = 0
    for source in files:
        read = next(iter(read_back(out / (source.stem + ".xlsx")).values()))
        problems += compare_csv(source, read)
        cells += counted(read)
    return problems, cells


def check_csv(soffice: str, work: Path, locale: str, files: list[Path], report: Report) -> None:
    """The CSV as the README says to open it, and with no character set named."""
    for name, infilter in (("README settings", README_FILTER), ("no charset", NO_CHARSET_FILTER)):
        out = work / f"csv-{locale}-{name.replace(' ', '-')}"
        convert(soffice, profile(work, locale), files, out, infilter)
        problems, cells = csv_problems(files, out)
        report.judge(f"CSV, {name}", problems, cells)


def check_no_options(soffice: str, work: Path, locale: str, files: list[Path], rep: Report) -> None:
    """daily.csv and notes.csv converted with no filter options, and a probe in the same run.

    The probe proves the locale took ("1,5" is 1.5 in de-DE and fr-FR, not in en-US). The
    files show LibreOffice's fixed defaults (Windows-1252, the locale's decimal comma), which
    the check must catch: if it saw nothing wrong, it would prove nothing."""
    probe = work / "probe.csv"
    probe.write_text('probe\r\n"1,5"\r\n', encoding="ascii")
    chosen = [f for f in files if f.name in ("daily.csv", "notes.csv")]
    out = work / f"csv-{locale}-no-options"
    convert(soffice, profile(work, locale), [*chosen, probe], out, NO_OPTIONS)
    read = next(iter(read_back(out / "probe.xlsx").values()))[1][0].value
    if (read == 1.5) != (locale != "en-US"):
        rep.fail(f'LibreOffice did not take the locale {locale} (read "1,5" as {read!r})')
    else:
        print(f'  the locale took: "1,5" read as {read!r}')
    problems, cells = csv_problems(chosen, out)
    rep.judge("CSV, no filter options", problems, cells, strict=False)
    caught = (
        ["ï»¿", "Ã©"] if locale == "en-US" else ["expected the number"]
    )  # Windows-1252 everywhere; the decimal comma where the locale has one
    for sign in caught:
        if not any(sign in p for p in problems):
            rep.fail(f"self-test: no cell read without options shows {sign!r}: not caught")


def check_xlsx(soffice: str, work: Path, locale: str, book: Path, report: Report) -> None:
    out = work / f"xlsx-{locale}"
    convert(soffice, profile(work, locale), [book], out, NO_OPTIONS)
    read = read_back(out / book.name)
    report.judge("xlsx", list(compare_xlsx(book, read)), counted(*read.values()))


def tampered(book: Path, work: Path) -> tuple[Path, str]:
    """A copy of ``book`` with its first decimal in Daily turned into the text a German
    reading of the CSV gives (1133.934 -> "1133934"); returns it and the cell changed."""
    copy = openpyxl.load_workbook(book)
    sheet = copy.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, float) and not cell.value.is_integer():
                cell.value = str(cell.value).replace(".", "")
                path = work / "tampered" / book.name
                path.parent.mkdir()
                copy.save(path)
                return path, f"{sheet.title}!{cell.coordinate}"
    raise SystemExit("self-test: the workbook's Daily sheet holds no decimal to tamper with")


def check_tampered(soffice: str, work: Path, book: Path, report: Report) -> None:
    """The xlsx check must name the one cell of a tampered copy that differs."""
    bad, where = tampered(book, work)
    out = work / "xlsx-tampered"
    convert(soffice, profile(work, "de-DE"), [bad], out, NO_OPTIONS)
    problems = list(compare_xlsx(book, read_back(out / book.name)))
    print(f"self-test: {book.name} with {where} tampered, read in de-DE")
    report.judge("xlsx, tampered", problems, 0, strict=False)
    if [p.split(": ")[0] for p in problems] != [f"{book.name} {where}"]:
        report.fail(f"self-test: the tampered cell {where} was not the one difference found")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", action="store_true", help="check the CSV export only")
    parser.add_argument("--xlsx", action="store_true", help="check the xlsx export only")
    parser.add_argument("--home", type=Path, help="a journal to use (a new one is built if empty)")
    args = parser.parse_args(argv)
    if not args.csv and not args.xlsx:
        args.csv = args.xlsx = True
    return args


def run(soffice: str, work: Path, args: argparse.Namespace, report: Report) -> None:
    home = args.home or work / "home"
    if not (home / "config.yaml").exists():
        began = time.monotonic()
        build_journal(home)
        print(f"built a one-year journal in {time.monotonic() - began:.0f} s")
    files, book = export(home, work)
    for locale in LOCALES:
        print(f"{locale}:")
        check_no_options(soffice, work, locale, files, report)
        if args.csv:
            check_csv(soffice, work, locale, files, report)
        if args.xlsx:
            check_xlsx(soffice, work, locale, book, report)
    if args.xlsx:
        check_tampered(soffice, work, book, report)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
        return 2
    began = time.monotonic()
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60)
    print(f"using {version.stdout.strip()}")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="aij-lo-") as tmp:
        run(soffice, Path(tmp), args, report)
    verdict = "OK" if not report.failures else f"{report.failures} failure(s)"
    print(f"{report.cells} cells compared in {time.monotonic() - began:.0f} s: {verdict}")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
