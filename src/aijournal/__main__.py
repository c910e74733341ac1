"""`python -m aijournal` runs aij."""

from aijournal.cli import main

main()
