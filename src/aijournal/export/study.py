"""`aij export study`: several journals of one database for a research team, pseudonymised.

One zip (0600): ``P01/daily.csv``, ``P02/daily.csv`` ... (the same daily.csv as `aij export
csv` writes, one per journal), ``codebook.csv`` (the same codebook, for every symptom column
found), and ``manifest.csv`` (pseudonym, first and last day, daily rows, entries). The
pseudonyms follow the order of ``--journals`` (domain/journals.py): the list the team gave is
its key, and no journal name is written anywhere in the zip. Notes, questions, meal text,
reasons and visit notes (free text, which may name people) are left out unless
``with_text``, which adds ``Pnn/text.csv`` (date, kind, text) for each journal.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from aijournal.domain.journals import check_journal_name, pseudonyms
from aijournal.domain.suggest import did_you_mean
from aijournal.domain.symptoms import SymptomSet
from aijournal.errors import BadInput
from aijournal.export import daily
from aijournal.export.cells import format_cell
from aijournal.export.codebook import CODEBOOK_HEADER, csv_codebook
from aijournal.export.csvout import Opener, _write_file, _zip_sink
from aijournal.export.output import atomic_file
from aijournal.export.progress import ProgressFactory
from aijournal.export.rows import count_entries, span
from aijournal.export.tables import CODEBOOK, DAILY
from aijournal.store.db import Journal
from aijournal.store.models import Entry, Meal, MedicationDose, Note, Question, Visit
from aijournal.store.scope import journal_names

STUDY_MANIFEST = "manifest.csv"
STUDY_TEXT = "text.csv"
MANIFEST_HEADER = ("pseudonym", "first_day", "last_day", "daily_rows", "entries")
TEXT_HEADER = ("date", "kind", "text")


@dataclass(frozen=True)
class StudyMember:
    pseudonym: str
    first_day: date | None
    last_day: date | None
    daily_rows: int
    entries: int


@dataclass(frozen=True)
class StudySummary:
    path: Path
    members: list[StudyMember]


def check_journals(wanted: Sequence[str], known: Sequence[str]) -> list[str]:
    """The journals asked for, each a name the database holds; BadInput (with "did you
    mean") for the first that is not."""
    names = [check_journal_name(name) for name in dict.fromkeys(wanted)]
    if not names:
        raise BadInput("give the journals of the study: --journals A,B,...")
    for name in names:
        if name not in known:
            listed = ", ".join(known) if known else "none yet"
            raise BadInput(
                f"no journal is named '{name}'{did_you_mean(name, known)}; "
                f"journals with entries: {listed}"
            )
    return names


def _free_text(session: Session) -> Iterator[tuple[date, str, str]]:
    """Every free text of the journal, by day: notes, questions, meals, dose reasons,
    visit notes."""
    sources: list[tuple[str, Any]] = [
        ("note", Note.text),
        ("question", Question.text),
        ("meal", Meal.text),
        ("dose", MedicationDose.reason),
        ("visit", Visit.note),
    ]
    found: list[tuple[date, str, str]] = []
    for kind, column in sources:
        model = column.class_
        query = select(col(Entry.day), column).join(model, model.entry_id == Entry.id)
        for day, text in session.execute(query.where(column.is_not(None))):
            found.append((day, kind, text))
    yield from sorted(found)


def _write_member(
    open_member: Opener,
    session: Session,
    pseudonym: str,
    names: Sequence[str],
    symptoms: SymptomSet,
    today: date,
    with_text: bool,
) -> StudyMember:
    days = span(session=session)
    rows: list[list[str]] = []
    if days is not None and days[0] <= today:
        pages = daily.daily_pages(
            session=session, start=days[0], end=min(days[1], today), names=names
        )
        rows = [row for page in pages for row in page]
    _write_file(
        open_member, f"{pseudonym}/{DAILY}", daily.header(names, symptoms), [rows], _Quiet()
    )
    if with_text:
        texts = [
            [format_cell("date", day), kind, format_cell("text", text)]
            for day, kind, text in _free_text(session)
        ]
        _write_file(open_member, f"{pseudonym}/{STUDY_TEXT}", TEXT_HEADER, [texts], _Quiet())
    entries = count_entries(session=session, start=None, end=None)
    first, last = days if days else (None, None)
    return StudyMember(pseudonym, first, last, len(rows), entries)


class _Quiet:
    """A tracker that counts nothing: the study export advances once per journal."""

    def advance(self, steps: int = 1) -> None:
        return None


def _symptom_names(
    journal: Journal, names: Sequence[str], symptoms: SymptomSet, today: date
) -> list[str]:
    """Every symptom column of the study: the symptom set, then any other name any of the
    journals holds, so every daily.csv has the same columns."""
    found: list[str] = []
    for name in names:
        with journal.read(name) as session:
            days = span(session=session)
            if days is not None:
                found += daily.symptom_names(
                    session=session, start=days[0], end=max(days[1], today), symptoms=symptoms
                )
    every = [s.name for s in symptoms]
    return list(dict.fromkeys([*every, *found]))


def export_study(
    *,
    journal: Journal,
    journals: Sequence[str],
    out: Path,
    today: date,
    symptoms: SymptomSet,
    with_text: bool,
    force: bool,
    progress: ProgressFactory,
) -> StudySummary:
    """Write the study zip of ``journals`` (names the database holds) to ``out``."""
    if out.suffix.lower() != ".zip":
        raise BadInput(f"{out} does not end in .zip; name the study file STUDY.zip")
    with journal.read() as session:
        names = check_journals(journals, journal_names(session))
    key = pseudonyms(names)
    columns = _symptom_names(journal, names, symptoms, today)
    members = []
    with (
        progress("exporting", len(names) + 2) as bar,
        atomic_file(out, force=force) as handle,
        _zip_sink(handle) as member,
    ):
        for name in names:
            with journal.read(name) as session:
                members.append(
                    _write_member(member, session, key[name], columns, symptoms, today, with_text)
                )
            bar.advance(1)
        book = [[format_cell("text", c) for c in row] for row in csv_codebook(columns, symptoms)]
        _write_file(member, CODEBOOK, CODEBOOK_HEADER, [book], bar)
        listed = [
            [
                m.pseudonym,
                format_cell("date", m.first_day),
                format_cell("date", m.last_day),
                str(m.daily_rows),
                str(m.entries),
            ]
            for m in members
        ]
        _write_file(member, STUDY_MANIFEST, MANIFEST_HEADER, [listed], bar)
    return StudySummary(out, members)
