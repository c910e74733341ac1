"""Schema 6 splits MK-7 out of vitamin K in rows that schema 5 wrote with it folded in (#9)."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from aijournal.catalog.foods import load_food_catalog
from aijournal.store import migrations
from aijournal.store.db import open_journal

# About the SQLite journal file itself: skipped under AIJ_TEST_ENGINE=postgres.
pytestmark = pytest.mark.sqlite_only

FIXTURES = Path(__file__).parents[1] / "fixtures"
SR28 = Path("/work/shared/data/usda-sr28")


def _sr28_value(ndb: str, nutr_no: str) -> float | None:
    """A per-100 g value read straight from SR28's NUT_DATA.txt (None when absent)."""
    path = SR28 / "NUT_DATA.txt"
    if not path.exists():
        pytest.skip("the raw SR28 tables are not on this machine")
    with path.open(encoding="latin-1") as handle:
        for line in handle:
            fields = line.strip().split("^")
            if fields[0] == f"~{ndb}~" and fields[1] == f"~{nutr_no}~":
                return float(fields[2])
    return None


def _schema_5_journal(tmp_path: Path) -> Path:
    """The v1 fixture brought to schema 5 by the DDL that aij shipped, as that release did."""
    path = tmp_path / "journal.db"
    shutil.copy(FIXTURES / "journal-v1.db", path)
    conn = sqlite3.connect(path)
    for version in range(2, 6):
        for statement in migrations.MIGRATIONS[version]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, '2026-11-01 00:00:00')", (version,))
    conn.commit()
    conn.close()
    return path


def _insert_item(
    conn: sqlite3.Connection,
    position: int,
    food_id: str,
    source: str,
    *,
    grams: float | None,
    units: float | None,
    vitamin_k: float | None,
) -> None:
    conn.execute(
        "INSERT INTO meal_item (entry_id, position, food_id, name, source, origin, amount,"
        " grams, units, tags, vitamin_k_ug) VALUES ('m1', ?, ?, ?, ?, 'test', 1, ?, ?, '', ?)",
        (position, food_id, food_id, source, grams, units, vitamin_k),
    )


def test_schema_6_splits_mk7_out_of_vitamin_k_in_old_rows(tmp_path: Path) -> None:
    k1_natto = _sr28_value("16113", "430")  # K1 per 100 g of natto
    assert k1_natto is not None
    mk4_natto = _sr28_value("16113", "428") or 0.0
    path = _schema_5_journal(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO entry VALUES ('m1', '2026-11-04', 'meal', '2026-11-04 08:00:00',"
        " '2026-11-04 08:00:00')"
    )
    conn.execute("INSERT INTO meal (entry_id, slot, text) VALUES ('m1', NULL, 'old')")
    # What schema 5's code stored: K1 + MK-4 + MK-7 in vitamin_k_ug.
    _insert_item(
        conn, 1, "natto", "food", grams=50, units=None,
        vitamin_k=(k1_natto + mk4_natto + 775.0) * 0.5,
    )  # fmt: skip
    _insert_item(conn, 2, "vitamin-k2-mk7-100", "supplement", grams=None, units=2, vitamin_k=200)
    _insert_item(conn, 3, "calcium-d3-k2", "supplement", grams=None, units=1, vitamin_k=90)
    _insert_item(conn, 4, "vitamin-d3-k2", "supplement", grams=None, units=1, vitamin_k=100)
    _insert_item(conn, 5, "kale-raw", "food", grams=100, units=None, vitamin_k=389.6)
    _insert_item(conn, 6, "multivitamin", "supplement", grams=None, units=1, vitamin_k=30)
    _insert_item(conn, 7, "tofu-firm-calcium", "food", grams=100, units=None, vitamin_k=None)
    conn.commit()
    conn.close()

    journal = open_journal(path)
    assert journal.schema_version() == migrations.LATEST
    journal.close()
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT food_id, vitamin_k_ug, vitamin_k2_mk7_ug FROM meal_item ORDER BY position"
    ).fetchall()
    conn.close()
    got = {food: (k, mk7) for food, k, mk7 in rows}
    assert got["natto"][0] == pytest.approx((k1_natto + mk4_natto) * 0.5)
    assert got["natto"][1] == pytest.approx(775.0 * 0.5)
    assert got["vitamin-k2-mk7-100"] == (0.0, 200.0)
    assert got["calcium-d3-k2"] == (0.0, 90.0)
    assert got["vitamin-d3-k2"] == (0.0, 100.0)
    assert got["kale-raw"] == (389.6, 0.0)
    assert got["multivitamin"] == (30.0, 0.0)
    assert got["tofu-firm-calcium"] == (None, 0.0)
    assert len(list(tmp_path.glob("journal.db.v5-*.bak"))) == 1


def test_schema_6_uses_the_label_amounts_that_the_catalog_ships() -> None:
    """The split's constants are the shipped entries' own MK-7 amounts, not copies that drift."""
    catalog = load_food_catalog(None)
    assert {f.id: f.mk7_ug_per_100g for f in catalog.foods if f.mk7_ug_per_100g} == {"natto": 775.0}
    with_mk7 = {s.id: s.per_unit.mk7_ug for s in catalog.supplements if s.per_unit.mk7_ug}
    assert with_mk7 == {"vitamin-k2-mk7-100": 100, "calcium-d3-k2": 90, "vitamin-d3-k2": 100}
