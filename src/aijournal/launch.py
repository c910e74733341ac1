"""The `aij` entry point: Ctrl-C while aij is still loading is one line, never a traceback."""

import sys

STOPPED = "stopped; nothing was saved"


def run() -> None:
    """Load the command line and run it; Ctrl-C during the load exits 130 (as shells expect).

    Once loaded, `aijournal.cli.main` is the error boundary (and catches Ctrl-C itself)."""
    try:
        from aijournal.cli import main
    except KeyboardInterrupt:
        # Nothing of aij has run: no Rich, no colour, just the line.
        newline = "\n" if sys.stderr.isatty() else ""  # after the terminal's ^C
        sys.stderr.write(f"{newline}aij: {STOPPED}\n")
        sys.exit(130)
    main()
