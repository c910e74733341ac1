"""`python -m aijournal` runs aij."""

from aijournal.launch import run

run()
