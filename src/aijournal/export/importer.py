"""`aij import FILE`: add an export's entries that the journal lacks, all or nothing.

Order: read and check every row of the file (reading.py); check the rules a row cannot
check alone (a symptom's own range, future days, one rating a day); compare with the
journal (an id it already holds must hold the same content, else the import is refused;
one with the same content is skipped); then insert what is new in one transaction.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from aijournal.domain.dates import check_day_range
from aijournal.domain.labels import article
from aijournal.domain.labs import LabValue, check_stored
from aijournal.domain.medtimeline import MedEvent, check_ahead, parse_every, replay
from aijournal.domain.symptoms import BODY_SITES, SymptomSet
from aijournal.domain.units import WAIST_CM_RANGE, WEIGHT_KG_RANGE
from aijournal.errors import BadInput
from aijournal.export import userfiles
from aijournal.export.incoming import Incoming, Values
from aijournal.export.progress import ProgressFactory
from aijournal.export.reading import read_export
from aijournal.export.rows import (
    details_by_id,
    entries_by_id,
    insert_rows,
    one_per_day_keys,
)
from aijournal.export.tables import (
    ENTRY_COLUMNS,
    FUTURE_KINDS,
    KIND_ITEMS,
    KIND_TABLE,
    TABLES,
    Table,
)
from aijournal.export.userfiles import Restored
from aijournal.store import backup
from aijournal.store.db import Journal
from aijournal.store.edit import ONE_PER_DAY
from aijournal.store.entries import ids_in_this_journal
from aijournal.store.medication import stored_events
from aijournal.store.undo import remember_created

BODY_RANGES = {"weight_kg": WEIGHT_KG_RANGE, "waist_cm": WAIST_CM_RANGE}
COMPARE_CHUNK = 2000


@dataclass(frozen=True)
class ImportSummary:
    source: str
    in_file: int
    added: int
    already_there: int
    files: Restored | None = None
    # Entries given a new id because another journal of the database held theirs.
    renamed: int = 0


def _check_rules(incoming: Incoming, symptoms: SymptomSet, today: date) -> None:
    """What one column cannot check: future days, a symptom's scale, sites, body ranges."""
    for entry_id, (day, kind, _, _) in incoming.entries.items():
        where = incoming.where[entry_id]
        detail = incoming.details[entry_id]
        if day > today and kind not in FUTURE_KINDS:
            raise incoming.fail(where, f"date {day} is in the future (only visits may be)")
        try:
            check_day_range(day, today=today)
            if kind == "med_event":
                check_ahead("date", day, today)
            _check_detail(kind, detail, symptoms, today)
            if kind == "lab":
                _check_lab(detail, incoming.items.get(entry_id, {}))
        except BadInput as exc:
            raise incoming.fail(where, str(exc)) from None


def _check_lab(detail: Values, items: dict[int, Values]) -> None:
    """Each value of a lab result within its test's range, in its test's unit."""
    if not items:
        raise BadInput("a lab result has no lab_result rows")
    for site, value, unit, bmd, lsc, lsc_unit in items.values():
        if (lsc is None) != (lsc_unit is None):
            raise BadInput("lsc and lsc_unit go together")
        check_stored(detail[0], LabValue(value, unit, site, bmd, lsc, lsc_unit))


def _check_detail(kind: str, detail: Values, symptoms: SymptomSet, today: date) -> None:
    if kind == "symptom":
        name, value = detail
        if name in symptoms.symptoms:
            symptoms.get(name).check(value)
    elif kind == "sites":
        unknown = [s for s in detail[0].split(",") if s not in BODY_SITES]
        if unknown:
            raise BadInput(f"unknown body site '{unknown[0]}'; allowed: {', '.join(BODY_SITES)}")
    elif kind == "body":
        measure, value = detail
        low, high = BODY_RANGES[measure]
        if not low <= value <= high:
            raise BadInput(f"{measure} {value:g} is outside {low:g}-{high:g}")
    elif kind == "question":
        answered = detail[1]
        if answered is not None and answered > today:
            raise BadInput(f"answered_on {answered} is in the future")
        if answered is not None:
            check_day_range(answered, today=today)
    elif kind == "med_event":
        _check_med_event(detail, today)


def _check_med_event(detail: Values, today: date) -> None:
    """An event's interval and dates as `aij med` allows them (how far ahead, in order)."""
    event, _, _, to_medication, ends_on, every, next_due, _ = detail
    if every is not None:
        parse_every(every)
    check_ahead("ends_on", ends_on, today)
    check_ahead("next_due", next_due, today)
    if event == "switch" and to_medication is None:
        raise BadInput("a switch needs to_medication")
    if event == "holiday" and ends_on is None:
        raise BadInput("a holiday needs ends_on")
    if event == "schedule" and (every is None or next_due is None):
        raise BadInput("a schedule needs every and next_due")


def _check_timeline(session: Session, incoming: Incoming, new: list[str]) -> None:
    """The journal's medication events with the imported ones must still replay, as each
    `aij med` event must (``domain/medtimeline.replay``, strict). The first imported event,
    by day then time written, with which they do not is named with its file and row. On the
    same day the journal's events come first."""
    events = sorted(
        (i for i in new if incoming.entries[i][1] == "med_event"),
        key=lambda i: (incoming.entries[i][0], incoming.entries[i][2]),  # day, time written
    )
    if not events:
        return
    held = [event for _, event in stored_events(session=session)]
    added = []
    for entry_id in events:
        event, medication, dose, to_medication, ends_on, every, next_due, reason = incoming.details[
            entry_id
        ]
        added.append(
            MedEvent(incoming.entries[entry_id][0], event, medication, dose, to_medication,
                     ends_on, every, next_due, reason)
        )  # fmt: skip
        try:
            replay([*held, *added], strict=True)
        except BadInput as exc:
            raise incoming.fail(incoming.where[entry_id], str(exc)) from None


def _normal(table: Table, values: Values) -> Values:
    """Values as compared: an empty optional text is no text; numbers as floats or ints."""
    out: list[Any] = []
    for column, value in zip(table.columns, values, strict=True):
        if value is None or (column.nullable and column.type == "text" and value == ""):
            out.append(None)
        elif column.type == "float":
            out.append(float(value))
        elif column.type in ("int", "bool"):
            out.append(int(value))
        else:
            out.append(value)
    return tuple(out)


def _utc(value: datetime) -> datetime:
    """A stored time in UTC, aware (a time without a zone is UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _same_as_journal(session: Session, incoming: Incoming) -> set[str]:
    """Ids the journal already holds with the same content; a difference refuses the import.

    Compared a chunk of ids at a time, so memory follows the chunk, not the journal."""
    ids = list(incoming.entries)
    present: set[str] = set()
    for begin in range(0, len(ids), COMPARE_CHUNK):
        present |= _same_in_chunk(session, incoming, ids[begin : begin + COMPARE_CHUNK])
    return present


def _same_in_chunk(session: Session, incoming: Incoming, ids: list[str]) -> set[str]:
    held = entries_by_id(session=session, ids=ids)
    by_table: dict[str, list[str]] = {}
    for entry_id, (_, kind, _, _) in held.items():
        by_table.setdefault(KIND_TABLE[kind].name, []).append(entry_id)
        items = KIND_ITEMS.get(kind)
        if items is not None:
            by_table.setdefault(items.name, []).append(entry_id)
    stored: dict[str, dict[str, list[Values]]] = {
        table.name: details_by_id(session=session, table=table, ids=by_table[table.name])
        for table in TABLES
        if table.name in by_table
    }
    for entry_id, (day, kind, created, updated) in held.items():
        theirs = incoming.entries[entry_id]
        table = KIND_TABLE[kind]
        same = (
            (day, kind, _utc(created), _utc(updated)) == theirs
            and [_normal(table, r) for r in stored[table.name].get(entry_id, [])]
            == [_normal(table, incoming.details[entry_id])]
            and _items_same(kind, entry_id, stored, incoming)
        )
        if not same:
            raise incoming.fail(
                incoming.where[entry_id],
                f"entry {entry_id} is already in the journal with different content "
                "(a duplicate id)",
            )
    return set(held)


def _items_same(
    kind: str, entry_id: str, stored: dict[str, dict[str, list[Values]]], incoming: Incoming
) -> bool:
    table = KIND_ITEMS.get(kind)
    if table is None:
        return True
    ours = {row[0]: _normal(table, row[1:]) for row in stored[table.name].get(entry_id, [])}
    theirs = {p: _normal(table, v) for p, v in incoming.items.get(entry_id, {}).items()}
    return ours == theirs


def _one_a_day(session: Session, incoming: Incoming, new: list[str]) -> None:
    """Refuse a second symptom (sites, dose, measure, sleep) of a kind for the same day."""
    seen: dict[tuple[str, date, Any], str] = {}
    days: dict[str, list[date]] = {}
    for entry_id in new:
        day, kind, _, _ = incoming.entries[entry_id]
        if kind not in ONE_PER_DAY:
            continue
        field = ONE_PER_DAY[kind]
        table = KIND_TABLE[kind]
        value = incoming.details[entry_id][table.column_names.index(field)] if field else None
        key = (kind, day, value)
        if key in seen:
            raise incoming.fail(
                incoming.where[entry_id],
                f"{day} has two {kind} entries"
                + (f" for {value}" if value else "")
                + f" ({seen[key]} and {entry_id})",
            )
        seen[key] = entry_id
        days.setdefault(kind, []).append(day)
    for kind, kind_days in days.items():
        rows = one_per_day_keys(
            session=session,
            table=KIND_TABLE[kind],
            kind=kind,
            field=ONE_PER_DAY[kind],
            start=min(kind_days),
            end=max(kind_days),
        )
        for held_id, day, value in rows:
            clash = seen.get((kind, day, value))
            if clash is not None and held_id != clash and held_id not in incoming.entries:
                raise incoming.fail(
                    incoming.where[clash],
                    f"the journal already has {article(kind)} {kind} entry"
                    + (f" for {value}" if value else "")
                    + f" on {day} ({held_id})",
                )


def _rows_to_insert(
    incoming: Incoming, new: list[str], journal: str
) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    names = [c.name for c in ENTRY_COLUMNS]
    yield (
        "entry",
        (
            {**dict(zip(names, (i, *incoming.entries[i]), strict=True)), "journal": journal}
            for i in new
        ),
    )
    for table in TABLES:
        columns = table.column_names
        if table.items:
            yield (
                table.name,
                (
                    {"entry_id": i, "position": p, **dict(zip(columns, v, strict=True))}
                    for i in new
                    if KIND_ITEMS.get(incoming.entries[i][1]) is table
                    for p, v in sorted(incoming.items.get(i, {}).items())
                ),
            )
        else:
            yield (
                table.name,
                (
                    {"entry_id": i, **dict(zip(columns, incoming.details[i], strict=True))}
                    for i in new
                    if KIND_TABLE[incoming.entries[i][1]] is table
                ),
            )


def import_export(
    *,
    journal: Journal,
    path: Path,
    symptoms: SymptomSet,
    today: date,
    progress: ProgressFactory,
    home: Path | None = None,
    backups_kept: int = 10,
) -> ImportSummary:
    """Import the export at ``path`` into ``journal``: check everything, then write once.

    With ``home``, the user's own files the export carries are restored there too (after
    the rows are committed; see userfiles.py)."""
    incoming = read_export(path, progress)
    _check_rules(incoming, symptoms, today)
    userfiles.check(incoming.source, incoming.files)
    files = incoming.files if home is not None else {}
    # A backup first when the journal file holds entries (#11); dropped if the import is
    # refused. A journal on a server is backed up there (pg_dump), not by aij.
    before = (
        backup.before_import(journal.path, kept=backups_kept)
        if journal.path is not None and not journal.pending
        else None
    )
    try:
        summary = _import(journal, incoming, files, home, progress)
    except BaseException:
        if before is not None:
            before.unlink(missing_ok=True)
        raise
    if before is not None and not summary.added and not (summary.files and summary.files.written):
        before.unlink(missing_ok=True)  # nothing changed: the journal is its own backup
    return summary


def _home_of(journal: Journal) -> Path:
    """Where the user's own files go without ``home``: beside the journal file (on a server,
    ``files`` is empty without ``home``, so nothing is written)."""
    return journal.path.parent if journal.path is not None else Path.cwd()


def _import(
    journal: Journal,
    incoming: Incoming,
    files: dict[str, bytes],
    home: Path | None,
    progress: ProgressFactory,
) -> ImportSummary:
    with (
        userfiles.staged(home or _home_of(journal), files) as restored,
        journal.write(duplicates=False) as session,
    ):
        # Into this journal: an id another journal of the database holds takes a new one.
        ids = ids_in_this_journal(session=session, entry_ids=list(incoming.entries))
        renamed = sum(1 for old, new in ids.items() if old != new)
        if renamed:
            incoming = incoming.renamed(ids)
        present = _same_as_journal(session, incoming)
        new = [i for i in incoming.entries if i not in present]
        _one_a_day(session, incoming, new)
        _check_timeline(session, incoming, new)
        total = len(new) * 2 + sum(len(incoming.items.get(i, {})) for i in new)
        with progress("importing", total) as bar:
            for name, rows in _rows_to_insert(incoming, new, journal.name):
                for written in insert_rows(session=session, table_name=name, rows=rows):
                    bar.advance(written)
        remember_created(session=session, entry_ids=new)  # one batch: `aij undo` takes it back
    return ImportSummary(
        incoming.source, len(incoming.entries), len(new), len(present), restored, renamed
    )
