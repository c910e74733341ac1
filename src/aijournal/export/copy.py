"""`aij db copy`: one journal from this database to another (SQLite -> PostgreSQL to move onto
a server, and back for a local copy), verified.

The copy is the journal's JSON export (jsonout.py) imported into the target (importer.py):
the same checks, the same one transaction, the same "add only what is missing" as
`aij import`, so there is one way rows travel between journals. It is then verified: the
target journal is exported again, and every table's row count and the SHA-256 of the whole
document must equal the source's. Your own files (settings, recipes, own foods and plans)
live in the aij home, not in the database, and are not copied.

A target journal that already holds entries is refused unless ``merge``: then only the
entries it lacks are added, and the check is that it holds every entry of the source
(the counts add up) rather than the same document.
"""

import hashlib
import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from aijournal.domain.labels import plural
from aijournal.domain.symptoms import SymptomSet
from aijournal.errors import AijError, BadInput
from aijournal.export.importer import import_export
from aijournal.export.jsonout import export_json
from aijournal.export.progress import ProgressFactory
from aijournal.export.rows import count_entries
from aijournal.store.db import Journal

_TABLE_LINE = re.compile(r'^"([a-z_]+)": \[$')


class CopyNotVerified(AijError):
    """The target does not read back as the source: said plainly, exit 1."""


@dataclass(frozen=True)
class Document:
    """What the JSON export of a journal holds: rows per table, and its SHA-256."""

    counts: dict[str, int]
    sha256: str


@dataclass
class CopySummary:
    source: Document
    target: Document
    target_before: int  # entries the target journal held before
    added: int
    already_there: int
    renamed: int = 0  # entries given a new id: another journal of the target held theirs
    tables: list[str] = field(default_factory=list)


def read_document(path: Path) -> Document:
    """Rows per table and the SHA-256 of an export written by jsonout.py (one row a line)."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    table: str | None = None
    with path.open("rb") as handle:
        for raw in handle:
            digest.update(raw)
            line = raw.decode("utf-8").rstrip("\n")
            named = _TABLE_LINE.match(line)
            if named:
                table = named.group(1)
                counts[table] = 0
            elif line.startswith("]"):
                table = None
            elif table is not None and line.startswith("{"):
                counts[table] += 1
    return Document(counts, digest.hexdigest())


@contextmanager
def _private_folder() -> Iterator[Path]:
    """A folder only the owner can read, for the health data in transit; always removed."""
    with tempfile.TemporaryDirectory(prefix="aij-copy-") as folder:
        yield Path(folder)


def _entries(journal: Journal) -> int:
    with journal.read() as session:
        return count_entries(session=session, start=None, end=None)


def copy_journal(
    *,
    source: Journal,
    target: Journal,
    merge: bool,
    symptoms: SymptomSet,
    today: date,
    progress: ProgressFactory,
) -> CopySummary:
    """Copy ``source`` into ``target`` (both kept to their journal name), then verify."""
    before = _entries(target)
    if before and not merge:
        held = plural(before, "entry", "entries")
        raise BadInput(
            f"journal '{target.name}' at {target.shown} already holds {held}; "
            "add --merge to add only the entries it lacks"
        )
    with _private_folder() as folder:
        sent = folder / "source.json"
        export_json(journal=source, out=sent, force=False, progress=progress)
        source_doc = read_document(sent)
        imported = import_export(
            journal=target, path=sent, symptoms=symptoms, today=today, progress=progress
        )
        back = folder / "target.json"
        export_json(journal=target, out=back, force=False, progress=progress)
        target_doc = read_document(back)
    summary = CopySummary(
        source_doc,
        target_doc,
        before,
        imported.added,
        imported.already_there,
        imported.renamed,
        list(source_doc.counts),
    )
    _verify(summary, target)
    return summary


def _verify(summary: CopySummary, target: Journal) -> None:
    source, copied = summary.source, summary.target
    entries = source.counts.get("entry", 0)
    if summary.added + summary.already_there != entries:
        raise CopyNotVerified(
            f"copy not verified: the source has {entries} entries, the target took "
            f"{summary.added} and had {summary.already_there}"
        )
    if summary.target_before == 0:
        for name, count in source.counts.items():
            if copied.counts.get(name) != count:
                raise CopyNotVerified(
                    f"copy not verified: table {name} has {count} rows in the source and "
                    f"{copied.counts.get(name, 0)} in journal '{target.name}' at {target.shown}"
                )
        # With renamed ids (another journal of the target database held them; importer.py)
        # the document differs by those ids, and the counts are the verification.
        if copied.sha256 != source.sha256 and not summary.renamed:
            raise CopyNotVerified(
                f"copy not verified: journal '{target.name}' at {target.shown} does not "
                "export the same document as the source"
            )
    else:
        expected = summary.target_before + summary.added
        if copied.counts.get("entry", 0) != expected:
            raise CopyNotVerified(
                f"copy not verified: journal '{target.name}' at {target.shown} holds "
                f"{copied.counts.get('entry', 0)} entries, not {summary.target_before} + "
                f"{summary.added}"
            )


def as_json(summary: CopySummary, *, journal: str, source: str, target: str) -> str:
    """The summary for scripts (`aij db copy --json`)."""
    data = {
        "journal": journal,
        "from": source,
        "to": target,
        "added": summary.added,
        "already_there": summary.already_there,
        "renamed": summary.renamed,
        "tables": {
            name: {
                "source": summary.source.counts.get(name, 0),
                "target": summary.target.counts.get(name, 0),
            }
            for name in summary.tables
        },
        "sha256": {"source": summary.source.sha256, "target": summary.target.sha256},
        "same_document": summary.source.sha256 == summary.target.sha256,
    }
    return json.dumps(data, indent=2)
