"""Which database holds the journal: the home's SQLite file (the default) or a PostgreSQL
server named by a URL (``--db``, ``AIJ_DATABASE_URL`` or the ``database`` setting).

A URL may carry a password; it is never shown: ``shown`` masks it, and every message names
the database by ``shown`` alone.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from aijournal.errors import BadInput

ALLOWED = "sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DATABASE"
# Spellings of the PostgreSQL scheme a libpq user may type; all mean psycopg 3.
_POSTGRES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True)
class Location:
    """The journal's database: a SQLite file (``path``) or a server (``path`` is None)."""

    url: URL
    path: Path | None

    @property
    def server(self) -> bool:
        return self.path is None

    @property
    def shown(self) -> str:
        """How messages and ``aij where`` name it: the file's path, or the URL with the
        password masked."""
        return str(self.path) if self.path is not None else masked(self.url)


def masked(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _mask_text(text: str) -> str:
    """A URL the user typed, for an error message: with its password masked if it has one."""
    try:
        return masked(make_url(text))
    except (ArgumentError, ValueError):
        return "the database URL" if "@" in text else text


def locate(text: str | None, default: Path) -> Location:
    """The journal's database from a URL (None: the SQLite file ``default``)."""
    if text is None or not text.strip():
        return Location(make_url("sqlite://").set(database=str(default)), default)
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise BadInput(f"database URL '{_mask_text(text)}' is not allowed; use {ALLOWED}") from None
    if url.drivername == "sqlite":
        if not url.database or url.database == ":memory:":
            raise BadInput(f"database URL '{text}' names no file; use sqlite:///PATH")
        path = Path(url.database).expanduser()
        return Location(url.set(database=str(path)), path)
    if url.drivername in _POSTGRES:
        if not url.database:
            raise BadInput(
                f"database URL '{masked(url)}' names no database; use {ALLOWED.split(' or ')[1]}"
            )
        return Location(url.set(drivername="postgresql+psycopg"), None)
    raise BadInput(f"database URL '{masked(url)}' is not allowed; use {ALLOWED}")
