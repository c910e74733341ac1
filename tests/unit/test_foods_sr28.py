"""Every shipped food against USDA SR28 itself: per-100 g values, measures, names and provenance."""

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from aijournal.catalog.foods import PER_100G_KEYS, SHIPPED_SPECIAL
from aijournal.paths import shipped_dir

REPO = Path(__file__).parents[2]
SR28 = Path(__file__).parents[3] / "shared/data/usda-sr28"
pytestmark = pytest.mark.skipif(
    not (SR28 / "FOOD_DES.txt").is_file(),
    reason=f"USDA SR28 is not at {SR28}; these tests compare the shipped foods with it",
)
# Written out again here (not imported from the build script) so the test is an independent spec.
NUTR_NO = {
    "energy_kcal": ("208",),
    "protein_g": ("203",),
    "fiber_g": ("291",),
    "calcium_mg": ("301",),
    "magnesium_mg": ("304",),
    "vitamin_d_ug": ("328",),
    "vitamin_k1_ug": ("430",),
    "mk4_ug": ("428",),
    "ala_g": ("851", "619"),
    "epa_g": ("629",),
    "dha_g": ("621",),
    "sat_fat_g": ("606",),
    "sugars_g": ("269",),
    "sodium_mg": ("307",),
}
WEIGHT_UNITS = {"g", "kg", "oz", "lb", "ounce", "pound"}
# Foods whose undifferentiated 18:3 (619) is mostly GLA, not ALA: without 851, ALA unknown (#9).
NOT_ALA_18_3 = {"11667"}  # spirulina, dried


def rows(name: str) -> list[list[str]]:
    text = (SR28 / name).read_bytes().decode("latin-1")
    return [[f.strip("~") for f in line.split("^")] for line in text.split("\r\n") if line]


@pytest.fixture(scope="module")
def sr28() -> dict[str, Any]:
    groups = {r[0]: r[1] for r in rows("FD_GROUP.txt")}
    foods = {r[0]: (r[2], groups[r[1]]) for r in rows("FOOD_DES.txt")}
    values: dict[str, dict[str, float | None]] = {}
    for r in rows("NUT_DATA.txt"):
        values.setdefault(r[0], {})[r[1]] = float(r[2]) if r[2] else None
    weights = {(r[0], r[1]): r for r in rows("WEIGHT.txt")}
    return {"foods": foods, "values": values, "weights": weights}


@pytest.fixture(scope="module")
def shipped() -> list[dict[str, Any]]:
    """The raw YAML of every generated food (so a missing key is seen, not defaulted)."""
    found = []
    for path in sorted(shipped_dir("foods").glob("*.yaml")):
        if path.name not in SHIPPED_SPECIAL:
            found += yaml.safe_load(path.read_text(encoding="utf-8"))["foods"]
    return found


def expected_value(values: dict[str, float | None], key: str, ndb: str = "") -> float | None:
    if key == "ala_g" and ndb in NOT_ALA_18_3:
        return values.get("851")
    return next((values[n] for n in NUTR_NO[key] if values.get(n) is not None), None)


def test_every_per_100g_value_is_exactly_sr28(
    sr28: dict[str, Any], shipped: list[dict[str, Any]]
) -> None:
    assert tuple(NUTR_NO) == PER_100G_KEYS
    differences = []
    for food in shipped:
        assert list(food["per_100g"]) == list(NUTR_NO), f"{food['id']}: keys missing or moved"
        values = sr28["values"].get(food["ndb"], {})
        for key in NUTR_NO:
            want, got = expected_value(values, key, food["ndb"]), food["per_100g"][key]
            if got != want or (got is None) != (want is None):
                differences.append(f"{food['id']} {key}: shipped {got!r}, SR28 {want!r}")
    assert differences == []


def test_names_groups_and_ndb_numbers_are_sr28s(
    sr28: dict[str, Any], shipped: list[dict[str, Any]]
) -> None:
    for food in shipped:
        assert food["ndb"] in sr28["foods"], food["id"]
        assert (food["sr28_name"], food["group"]) == sr28["foods"][food["ndb"]], food["id"]


def test_every_measure_is_grams_per_one_unit_from_its_weight_row(
    sr28: dict[str, Any], shipped: list[dict[str, Any]]
) -> None:
    checked = 0
    for food in shipped:
        units = [m["unit"] for m in food["measures"]]
        assert len(units) == len(set(units)), food["id"]
        for measure in food["measures"]:
            seq = re.search(r"\(Seq (\d+)", measure["sr28"])
            assert seq, measure
            _, _, amount, description, grams, *_ = sr28["weights"][(food["ndb"], seq[1])]
            assert measure["sr28"].startswith(f"{amount} {description} = {grams} g (Seq ")
            counted = re.search(r"\((?:about |approx\.? )?(\d+) (?:whole )?[a-z]+\)", description)
            if measure["unit"] == "portion":  # SR28's 3 oz row: one portion is the whole row
                assert (float(amount), description) == (3.0, "oz")
                assert measure["grams"] == float(grams)
            elif "; one " in measure["sr28"]:  # '1 oz (14 halves)': one half
                assert counted, measure
                assert measure["grams"] == float(grams) / (float(amount) * float(counted[1]))
            else:
                assert measure["grams"] == float(grams) / float(amount)
                assert measure["unit"] not in WEIGHT_UNITS
            checked += 1
    assert checked > 600


def test_worked_examples_by_hand(shipped: list[dict[str, Any]]) -> None:
    by_id = {f["id"]: f for f in shipped}
    sardines = by_id["sardines-canned-oil"]
    # NUT_DATA: ~15088~^~301~^382^...  ~15088~^~328~^4.8^...  ~15088~^~619~^0.498^... (no 851 row)
    #           ~15088~^~629~^0.473^...  ~15088~^~621~^0.509^...  (no 428 row: MK-4 unknown)
    assert sardines["per_100g"]["calcium_mg"] == 382.0
    assert sardines["per_100g"]["vitamin_d_ug"] == 4.8
    assert sardines["per_100g"]["ala_g"] == 0.498
    assert (sardines["per_100g"]["epa_g"], sardines["per_100g"]["dha_g"]) == (0.473, 0.509)
    assert sardines["per_100g"]["mk4_ug"] is None
    # WEIGHT: ~15088~^4^1^~can (3.75 oz)~^92  and  ~15088~^6^2^~sardines~^24 (12 g a sardine);
    # ~15088~^2^1^~oz~^28.35 is a weight and ~15088~^3^1^~cubic inch~^16 is not a household measure.
    measures = {m["unit"]: m["grams"] for m in sardines["measures"]}
    assert measures == {"cup": 149.0, "can": 92.0, "small": 12.0, "sardine": 12.0}
    # WEIGHT: ~15237~^2^.5^~fillet~^178  ->  356 g in one fillet of farmed Atlantic salmon, cooked
    # (half a fish); ~15237~^1^3^~oz~^85  ->  one 3 oz portion is 85 g.
    salmon = {m["unit"]: m["grams"] for m in by_id["salmon-farmed-cooked"]["measures"]}
    assert salmon == {"fillet": 356.0, "portion": 85.0}
    # ~12155~^3^1^~cup, in shell, edible yield (7 nuts)~^28  ->  one walnut is 4 g of kernel.
    walnuts = {m["unit"]: m["grams"] for m in by_id["walnuts"]["measures"]}
    assert (walnuts["nut"], walnuts["half"]) == (4.0, 2.0)
    # WEIGHT: ~11233~^1^1^~cup 1" pieces, loosely packed~^16  ->  a cup of raw kale is 16 g.
    assert by_id["kale-raw"]["measures"][0]["grams"] == 16.0
    # Milk has no 851 row; ALA comes from ~01077~^~619~^0.075.
    assert by_id["milk-whole"]["per_100g"]["ala_g"] == 0.075


def test_only_natto_carries_mk7_with_its_source(shipped: list[dict[str, Any]]) -> None:
    with_mk7 = [f for f in shipped if "mk7_ug_per_100g" in f]
    assert [f["ndb"] for f in with_mk7] == ["16113"]
    assert with_mk7[0]["mk7_ug_per_100g"] == 775.0
    assert with_mk7[0]["mk7_source"] == "Tsukamoto et al., J Bone Miner Metab 2000;18:216"


def test_files_cite_sr28_and_say_they_are_generated() -> None:
    for path in sorted(shipped_dir("foods").glob("*.yaml")):
        if path.name in SHIPPED_SPECIAL:
            continue
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Generated by tools/build_foods.py"), path
        assert "Standard Reference, Release 28 (2016)" in text.split("foods:")[0], path


def test_build_is_deterministic_and_the_shipped_files_are_current(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        out = tmp_path / run
        command = [sys.executable, str(REPO / "tools/build_foods.py"), str(SR28), "--out", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    shipped_files = {name: (shipped_dir("foods") / name).read_bytes() for name in outputs[0]}
    assert outputs[0] == shipped_files


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('{ndb: "99999", id: no-such-food, name: X}', "NDB number '99999' is not in FOOD_DES.txt"),
        ('{ndb: "11233", id: kale-raw-2, name: X, tags: [green]}', "unknown tag(s) ['green']"),
        (
            '{ndb: "11233", id: kale-raw-2, name: X, aliases: [kale]}',
            "name 'kale' of kale-raw is already the id or an alias of kale-raw-2",
        ),
        ('{ndb: "11233", id: kale-raw-2, name: X, count_unit: slice}', "count_unit 'slice' not in"),
    ],
)
def test_build_fails_loudly_on_a_bad_list(tmp_path: Path, entry: str, message: str) -> None:
    listing = (REPO / "tools/food_list.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "food_list.yaml"
    bad.write_text(listing.replace("vegetables:\n", f"vegetables:\n  - {entry}\n", 1))
    script = str(REPO / "tools/build_foods.py")
    command = [
        sys.executable,
        script,
        str(SR28),
        "--out",
        str(tmp_path / "out"),
        "--list",
        str(bad),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 1
    assert message in done.stderr
    assert not (tmp_path / "out").exists()
