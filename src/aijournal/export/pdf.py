"""The visit summary as a PDF, printed by a Chromium already installed (found on PATH).

aij downloads nothing and reaches no network: Chromium runs headless on a fresh profile in a
private temporary folder, with its background networking, updates and sync turned off, reads
the page from that folder and prints it to A4 there; the PDF is then moved into place
(owner-only, never a partial file). Where no Chromium is found, the error says how to print
the HTML page instead.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from aijournal.errors import AijError
from aijournal.export.output import atomic_file

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 120


class NoBrowser(AijError):
    """No Chromium to print with; the page can still be printed from any browser."""


def find_chromium() -> str | None:
    """The first of ``BROWSERS`` on PATH, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    browser = find_chromium()
    if browser is None:
        raise NoBrowser(
            "--pdf needs Chromium (chromium, chromium-browser or google-chrome on PATH) and "
            "none was found; write the page without --pdf, open it in a browser and print it "
            "on A4"
        )
    return browser


def chromium_command(browser: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    """Headless, no network of its own, no header or footer on the printed page."""
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]


def print_pdf(html: str, out: Path, *, force: bool, browser: str) -> Path:
    """Print the page ``html`` to ``out`` (``-``: standard output) with ``browser``."""
    with tempfile.TemporaryDirectory(prefix="aij-pdf-") as work:
        folder = Path(work)  # mkdtemp makes it 0700
        page, printed = folder / "visit.html", folder / "visit.pdf"
        page.write_text(html, encoding="utf-8")
        page.chmod(0o600)
        try:
            subprocess.run(
                chromium_command(browser, page, printed, folder / "profile"),
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise AijError(
                f"{browser} did not finish printing within {TIMEOUT_SECONDS} s; write the page "
                "without --pdf and print it from a browser"
            ) from None
        if not printed.is_file() or printed.read_bytes()[:5] != b"%PDF-":
            raise AijError(
                f"{browser} did not print the page; write it without --pdf and print it from "
                "a browser on A4"
            )
        with atomic_file(out, force=force) as handle:
            handle.write(printed.read_bytes())
    return out
