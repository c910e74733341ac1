"""Every journal aij can write, it can restore (#11): journals at the edge of every limit
(the longest texts, the lowest and highest numbers, the first and last days allowed) go
through export and import, CSV and JSON, and come back the same; mutated exports are
refused cleanly or imported, never a crash, and a refusal writes nothing."""

import copy
import json
import random
import tempfile
from decimal import ROUND_HALF_EVEN, Context
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aijournal.domain.dates import earliest_day, latest_day
from aijournal.export.tables import TABLES, Column
from tests.cli.test_export_csv import fill_journal
from tests.conftest import Run
from tests.helpers import TODAY, snapshot

pytestmark = pytest.mark.dates

Doc = dict[str, Any]
CHECKED_ELSEWHERE = {
    ("symptom_rating", "value"),
    ("body_measure", "value"),
    ("pain_sites", "sites"),
}
FUZZ = settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def base(aij: Run, tmp_path: Path) -> Doc:
    fill_journal(tmp_path / "source")
    out = tmp_path / "base.json"
    assert aij("--home", str(tmp_path / "source"), "export", "json", "--out", str(out)).code == 0
    doc: Doc = json.loads(out.read_text(encoding="utf-8"))
    return doc


def free_columns(table_name: str, columns: tuple[Column, ...]) -> list[Column]:
    """Columns a journal may hold any value of within the column's own limits."""
    return [
        c
        for c in columns
        if (table_name, c.name) not in CHECKED_ELSEWHERE
        and not c.choices
        and c.pattern is None
        and c.type in ("text", "int", "float")
    ]


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
)


@st.composite
def at_the_edges(draw: st.DrawFn, base: Doc) -> Doc:
    doc = copy.deepcopy(base)
    for table in TABLES:
        for row in doc["tables"][table.name]:
            for column in free_columns(table.name, table.columns):
                if column.type == "text":
                    piece = draw(TEXT)
                    longest = column.max_length or 100
                    row[column.name] = (piece * (longest // len(piece) + 1))[:longest]
                elif row[column.name] is not None or column.nullable:
                    low, high = column.low, column.high
                    assert low is not None and high is not None, column.name  # a declared range
                    value = draw(st.sampled_from([low, high, (low + high) / 3]))
                    row[column.name] = int(value) if column.type == "int" else float(value)
    entries = doc["tables"]["entry"]
    notes = [r for r in entries if r["kind"] == "note"]
    notes[0]["day"] = earliest_day(TODAY).isoformat()
    for row in entries:
        if row["kind"] == "visit":
            row["day"] = latest_day(TODAY).isoformat()
    return doc


TWELVE_DIGITS = Context(prec=12, rounding=ROUND_HALF_EVEN)


def twelve_digits(value: Any) -> Any:
    """A float as an export writes it (#12: 12 significant digits, no float noise), worked
    out from its decimal text; (low + high) / 3 = 1666.6666666666667 is 1666.66666667."""
    if isinstance(value, float):
        return float(TWELVE_DIGITS.create_decimal(repr(value)))
    return value


def same_rows(tables: dict[str, list[Any]]) -> dict[str, list[str]]:
    """Each table's rows, in a fixed order (an export lists entries by day)."""
    return {
        name: sorted(json.dumps(r, sort_keys=True) for r in rows) for name, rows in tables.items()
    }


def as_exported(tables: dict[str, list[Any]]) -> dict[str, list[str]]:
    """The rows of a document as an export of it writes them: floats to 12 digits."""
    return same_rows(
        {
            name: [{k: twelve_digits(v) for k, v in row.items()} for row in rows]
            for name, rows in tables.items()
        }
    )


def tables_of(path: Path) -> dict[str, list[str]]:
    return same_rows(json.loads(path.read_text(encoding="utf-8"))["tables"])


def test_every_numeric_column_declares_a_finite_range() -> None:
    for table in TABLES:
        for column in table.columns:
            if column.type in ("int", "float"):
                assert column.low is not None and column.high is not None, column.name


@given(data=st.data())
@FUZZ
def test_a_journal_at_every_limit_round_trips_through_csv_and_json(
    aij: Run, base: Doc, data: st.DataObject
) -> None:
    doc = data.draw(at_the_edges(base))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        given_doc = tmp / "edges.json"
        given_doc.write_text(json.dumps(doc), encoding="utf-8")
        first, second = tmp / "a", tmp / "b"
        imported = aij("--home", str(first), "import", str(given_doc))
        assert imported.code == 0, imported.err
        assert aij("--home", str(first), "export", "json", "--out", str(tmp / "a.json")).code == 0
        assert aij("--home", str(first), "export", "csv", "--out", str(tmp / "a.zip")).code == 0
        again = aij("--home", str(second), "import", str(tmp / "a.zip"))
        assert again.code == 0, again.err
        assert aij("--home", str(second), "export", "json", "--out", str(tmp / "b.json")).code == 0
        assert tables_of(tmp / "a.json") == as_exported(doc["tables"])
        assert tables_of(tmp / "b.json") == as_exported(doc["tables"])
        assert (tmp / "a.json").read_bytes() == (tmp / "b.json").read_bytes()


@given(seed=st.integers(0, 2**32 - 1), kind=st.sampled_from(["flip", "cut", "zero", "json"]))
@settings(FUZZ, max_examples=40)
def test_a_mutated_export_is_refused_cleanly_or_imported(
    aij: Run, aij_home: Path, base: Doc, tmp_path: Path, seed: int, kind: str
) -> None:
    rng = random.Random(seed)
    assert aij("log", "stress=2").code == 0
    zipped = tmp_path / "e.zip"  # made once, by the first example
    if not zipped.exists():
        source = tmp_path / "source-home"
        doc_path = tmp_path / "base.json"
        doc_path.write_text(json.dumps(base), encoding="utf-8")
        assert aij("--home", str(source), "import", str(doc_path)).code == 0
        assert aij("--home", str(source), "export", "csv", "--out", str(zipped)).code == 0
    if kind == "json":
        doc = copy.deepcopy(base)
        rows = doc["tables"][rng.choice([t.name for t in TABLES])]
        if rows:
            row = rng.choice(rows)
            name = rng.choice(list(row))
            row[name] = rng.choice([None, "", -1, 10**30, 1e308, "x" * 5000, [], {}, True, "\x00"])
        raw = json.dumps(doc).encode()
    else:
        raw = bytearray(zipped.read_bytes())
        at = rng.randrange(len(raw))
        if kind == "flip":
            raw[at] ^= 1 << rng.randrange(8)
        elif kind == "cut":
            del raw[at:]
        else:
            raw[at : at + 64] = bytes(min(64, len(raw) - at))
        raw = bytes(raw)
    mutated = tmp_path / ("m.json" if kind == "json" else "m.zip")
    mutated.write_bytes(raw)
    before = snapshot(aij_home)
    result = aij("import", str(mutated))
    assert result.code in (0, 2), result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    if result.code == 2:
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert snapshot(aij_home) == before
