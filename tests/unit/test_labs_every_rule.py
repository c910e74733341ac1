"""domain/labs.py, every rule at its edges and every message in full (issue #14). Expected
values come from DOMAIN.md "Bone health" and the module's cited sources, worked by hand:
1 ng/mL = 2.496 nmol/L, 1 mmol/L = 4.008 mg/dL, WHO 1994 T-score bands, the plausible ranges
(T -7..7, BMD 0.2-2.5 g/cm2, LSC 0.001-0.2 g/cm2 or 0.1-20 %, vitamin D 1-250 ng/mL,
calcium 1.0-5.0 mmol/L, any other result within a million), 4 decimals at most."""

from decimal import Decimal

import pytest

from aijournal.domain import labs
from aijournal.domain.labs import (
    LabValue,
    check_stored,
    describe,
    lab_test_name,
    ng_ml_to_nmol_l,
    parse_amount,
    parse_dexa,
    show_t_score,
    show_value,
    site_change,
    site_name,
)
from aijournal.errors import BadInput

SITES = "lumbar-spine, total-hip, femoral-neck, forearm"


def _refused(call: object, *args: object, **kwargs: object) -> str:
    assert callable(call)
    with pytest.raises(BadInput) as refused:
        call(*args, **kwargs)
    return str(refused.value)


# --- the constants, against their sources ------------------------------------------------


def test_conversion_factors_are_the_molar_masses() -> None:
    # 25-OH D3 is 400.6 g/mol: 1 ng/mL = 1 / 400.6 µmol/L x 1000 = 2.496 nmol/L (3 decimals)
    assert Decimal("2.496") == labs.NG_ML_TO_NMOL_L
    assert round(Decimal(1000) / Decimal("400.6"), 3) == Decimal("2.496")
    # calcium is 40.08 g/mol: 1 mmol/L = 40.08 mg/L = 4.008 mg/dL
    assert Decimal("4.008") == labs.MMOL_L_TO_MG_DL
    assert Decimal("40.08") / 10 == Decimal("4.008")


def test_thresholds_ranges_and_limits_are_the_documented_ones() -> None:
    assert (
        (Decimal("20"), "IOM 2011: covers the needs of nearly everyone"),
        (Decimal("30"), "Endocrine Society 2011: its aim"),
    ) == labs.VITAMIN_D_THRESHOLDS
    # DOMAIN.md: 20 ng/mL is 50 nmol/L and 30 ng/mL 75 nmol/L (rounded there to whole units)
    assert [round(t * Decimal("2.496")) for t, _ in labs.VITAMIN_D_THRESHOLDS] == [50, 75]
    assert (Decimal("-7"), Decimal("7")) == labs.T_SCORE_RANGE
    assert (Decimal("0.2"), Decimal("2.5")) == labs.BMD_RANGE
    assert {
        "g/cm2": (Decimal("0.001"), Decimal("0.2")),
        "%": (Decimal("0.1"), Decimal("20")),
    } == labs.LSC_RANGES
    assert (Decimal("1"), Decimal("250")) == labs.VITAMIN_D_NG_ML_RANGE
    assert (Decimal("1.0"), Decimal("5.0")) == labs.CALCIUM_MMOL_L_RANGE
    assert (Decimal("-1000000"), Decimal("1000000")) == labs.OTHER_RANGE
    assert (labs.MAX_UNIT, labs.MAX_TEST, labs.MAX_DECIMALS) == (20, 60, 4)


def test_names_units_and_categories() -> None:
    assert labs.KNOWN_TESTS == ("dexa", "vitamin-d", "calcium")
    assert (labs.DEXA, labs.VITAMIN_D, labs.CALCIUM) == labs.KNOWN_TESTS
    assert labs.TEST_ALIASES == {
        "dxa": "dexa",
        "bone-density": "dexa",
        "vitd": "vitamin-d",
        "vit-d": "vitamin-d",
        "25-oh-d": "vitamin-d",
        "25ohd": "vitamin-d",
        "serum-calcium": "calcium",
    }
    # DOMAIN.md's sites: lumbar spine, total hip, femoral neck, one-third radius
    assert labs.DEXA_SITES == ("lumbar-spine", "total-hip", "femoral-neck", "forearm")
    assert labs.SITE_ALIASES == {
        "spine": "lumbar-spine",
        "l1-l4": "lumbar-spine",
        "hip": "total-hip",
        "neck": "femoral-neck",
        "radius": "forearm",
        "one-third-radius": "forearm",
    }
    assert (labs.T_SCORE, labs.NMOL_L, labs.NG_ML, labs.MMOL_L, labs.MG_DL) == (
        "T-score", "nmol/L", "ng/mL", "mmol/L", "mg/dL",
    )  # fmt: skip
    assert (labs.G_CM2, labs.PERCENT) == ("g/cm2", "%")
    assert (labs.CATEGORY_NORMAL, labs.CATEGORY_OSTEOPENIA, labs.CATEGORY_OSTEOPOROSIS) == (
        "normal", "osteopenia", "osteoporosis",
    )  # fmt: skip


def test_ng_ml_to_nmol_l_multiplies_exactly() -> None:
    assert ng_ml_to_nmol_l(Decimal("20")) == Decimal("49.920")  # 20 x 2.496
    assert ng_ml_to_nmol_l(Decimal("1")) == Decimal("2.496")


# --- test names and sites ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("dexa", "dexa"), ("DXA", "dexa"), (" bone_density ", "dexa"), ("Bone-Density", "dexa"),
        ("vitamin-d", "vitamin-d"), ("VITAMIN_D", "vitamin-d"), ("vitd", "vitamin-d"),
        ("vit-d", "vitamin-d"), ("25-OH-D", "vitamin-d"), ("25ohd", "vitamin-d"),
        ("calcium", "calcium"), ("serum_calcium", "calcium"),
        ("ferritin", "ferritin"), ("Vitamin-B12", "vitamin-b12"), ("a" * 60, "a" * 60),
    ],
)  # fmt: skip
def test_lab_test_names(typed: str, name: str) -> None:
    assert lab_test_name(typed) == name


@pytest.mark.parametrize("typed", ["1abc", "a" * 61, "-a", "a--b", "a b", "vitamin-d!", ""])
def test_a_word_that_is_not_a_test_name_is_refused(typed: str) -> None:
    assert _refused(lab_test_name, typed) == (
        f"'{typed}' is not a test name; use words joined by '-', up to 60 letters, "
        "e.g. dexa, vitamin-d, calcium or ferritin"
    )
    # --other does not make it a name
    with pytest.raises(BadInput, match="is not a test name"):
        lab_test_name(typed, other=True)


@pytest.mark.parametrize(("typed", "known"), [("vitamn-d", "vitamin-d"), ("calcum", "calcium")])
def test_a_name_close_to_a_known_test_needs_other(typed: str, known: str) -> None:
    assert _refused(lab_test_name, typed) == (
        f"unknown test '{typed}' (did you mean {known}?); to log a test of another name "
        "that looks like it, add --other"
    )
    assert lab_test_name(typed, other=True) == typed


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("lumbar-spine", "lumbar-spine"), ("spine", "lumbar-spine"), ("L1-L4", "lumbar-spine"),
        ("total_hip", "total-hip"), (" hip ", "total-hip"), ("femoral-neck", "femoral-neck"),
        ("Neck", "femoral-neck"), ("forearm", "forearm"), ("radius", "forearm"),
        ("one-third-radius", "forearm"),
    ],
)  # fmt: skip
def test_site_names_and_aliases(typed: str, site: str) -> None:
    assert site_name(typed) == site


def test_an_unknown_site_is_refused_with_the_sites() -> None:
    assert _refused(site_name, "lumbar-spne") == (
        f"unknown DEXA site 'lumbar-spne' (did you mean lumbar-spine?); sites: {SITES}"
    )
    assert _refused(site_name, "kneee") == f"unknown DEXA site 'kneee'; sites: {SITES}"


# --- DEXA ------------------------------------------------------------------------------------


def test_a_scan_gives_one_value_per_site_in_the_order_of_the_sites() -> None:
    values = parse_dexa(
        [" Total-Hip =-1.5", "lumbar-spine=−2.1", "lumbar-spine-bmd=0.912g/cm2",
         "hip-bmd=0.85 g/cm²", "radius=0"],
        ["lumbar-spine=0.03, total-hip=3%", "", "forearm=0.5 %"],
    )  # fmt: skip
    assert values == [
        LabValue(-2.1, "T-score", "lumbar-spine", 0.912, 0.03, "g/cm2"),
        LabValue(-1.5, "T-score", "total-hip", 0.85, 3.0, "%"),
        LabValue(0.0, "T-score", "forearm", None, 0.5, "%"),
    ]


def test_lsc_units_are_read_in_any_case() -> None:
    (value,) = parse_dexa(["neck=-1"], ["NECK=0.02G/CM2"])
    assert (value.site, value.lsc, value.lsc_unit) == ("femoral-neck", 0.02, "g/cm2")
    (value,) = parse_dexa(["neck=-1"], ["neck=0.02g/cm²"])
    assert (value.lsc, value.lsc_unit) == (0.02, "g/cm2")


@pytest.mark.parametrize(
    ("pairs", "lsc"),
    [
        (["lumbar-spine=-7"], []), (["lumbar-spine=7"], []), (["lumbar-spine=-6.9999"], []),
        (["spine=1", "spine-bmd=0.2"], []), (["spine=1", "spine-bmd=2.5"], []),
        (["spine=1"], ["spine=0.001"]), (["spine=1"], ["spine=0.2"]),
        (["spine=1"], ["spine=0.1%"]), (["spine=1"], ["spine=20%"]),
    ],
)  # fmt: skip
def test_the_edges_of_the_dexa_ranges_are_kept(pairs: list[str], lsc: list[str]) -> None:
    assert len(parse_dexa(pairs, lsc)) == 1


@pytest.mark.parametrize(
    ("pairs", "lsc", "message"),
    [
        (["lumbar-spine=-7.0001"], [],
         "T-score at lumbar-spine -7.0001 is not plausible; aij keeps -7 to 7 (a typing slip?)"),
        (["hip=7.0001"], [],
         "T-score at total-hip 7.0001 is not plausible; aij keeps -7 to 7 (a typing slip?)"),
        (["spine=1", "spine-bmd=0.1999"], [],
         "BMD at lumbar-spine 0.1999 g/cm2 is not plausible; aij keeps 0.2 to 2.5 g/cm2"
         " (a typing slip?)"),
        (["spine=1", "spine-bmd=2.5001"], [],
         "BMD at lumbar-spine 2.5001 g/cm2 is not plausible; aij keeps 0.2 to 2.5 g/cm2"
         " (a typing slip?)"),
        (["spine=1"], ["spine=0.0009"],
         "the least significant change at lumbar-spine 0.0009 g/cm2 is not plausible;"
         " aij keeps 0.001 to 0.2 g/cm2 (a typing slip?)"),
        (["spine=1"], ["spine=0.2001"],
         "the least significant change at lumbar-spine 0.2001 g/cm2 is not plausible;"
         " aij keeps 0.001 to 0.2 g/cm2 (a typing slip?)"),
        (["spine=1"], ["spine=0.0999%"],
         "the least significant change at lumbar-spine 0.0999 % is not plausible;"
         " aij keeps 0.1 to 20 % (a typing slip?)"),
        (["spine=1"], ["spine=20.0001%"],
         "the least significant change at lumbar-spine 20.0001 % is not plausible;"
         " aij keeps 0.1 to 20 % (a typing slip?)"),
        (["lumbar-spine"], [],
         "'lumbar-spine' is not SITE=T-SCORE; e.g. lumbar-spine=-2.1 total-hip-bmd=0.912;"
         f" sites: {SITES}"),
        (["spine=1"], ["spine"], "--lsc spine is not SITE=VALUE; e.g. --lsc lumbar-spine=0.03"),
        (["Lumbar-Spine=abc"], [], "lumbar-spine=abc is not a number"),
        (["spine=inf"], [], "spine=inf is not a number"),
        (["spine=NaN"], [], "spine=NaN is not a number"),
        (["spine=1", "spine-bmd=x"], [], "spine-bmd=x is not a number"),
        (["spine=1"], ["spine=x"], "--lsc lumbar-spine=x is not a number"),
        # a second '=' belongs to the value, not to the site
        (["spine=1=2"], [], "spine=1=2 is not a number"),
        (["spine=1"], ["spine=0.03=1"], "--lsc lumbar-spine=0.03=1 is not a number"),
        (["spine=-2.12345"], [], "spine=-2.12345 has too many decimals; up to 4"),
        (["spine=1e-5"], [], "spine=1e-5 has too many decimals; up to 4"),
        (["spine-bmd=0.9"], [],
         "a DEXA result needs at least one T-score, e.g. aij log lab dexa lumbar-spine=-2.1"),
        ([], [], "a DEXA result needs at least one T-score, e.g. aij log lab dexa"
         " lumbar-spine=-2.1"),
        (["spine=1", "hip-bmd=0.9"], [], "give the T-score at total-hip too, e.g. total-hip=-1.5"),
        (["spine=1"], ["neck=0.03"],
         "give the T-score at femoral-neck too, e.g. femoral-neck=-1.5"),
        (["spine=1", "lumbar-spine=2"], [],
         "the T-score at lumbar-spine is given twice; give it once"),
        (["spine=1", "spine-bmd=0.9", "l1-l4-bmd=0.8"], [],
         "the BMD at lumbar-spine is given twice; give it once"),
        (["spine=1"], ["spine=0.03", "lumbar-spine=2%"],
         "the least significant change at lumbar-spine is given twice"),
    ],
)  # fmt: skip
def test_bad_dexa_input_is_refused_in_one_line(
    pairs: list[str], lsc: list[str], message: str
) -> None:
    assert _refused(parse_dexa, pairs, lsc) == message


def test_four_decimals_are_kept() -> None:
    (value,) = parse_dexa(["spine=-2.1234", "spine-bmd=0.9126"], ["spine=0.0305"])
    assert (value.value, value.bmd_g_cm2, value.lsc) == (-2.1234, 0.9126, 0.0305)


# --- amounts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "words", "value"),
    [
        # vitamin D kept in nmol/L: x 2.496 from ng/mL
        ("vitamin-d", ["25", "NG/ML"], LabValue(62.4, "nmol/L")),  # 25 x 2.496 = 62.4
        ("vitamin-d", ["1", "ng/mL"], LabValue(2.496, "nmol/L")),  # the lowest kept
        ("vitamin-d", ["250", "ng/mL"], LabValue(624.0, "nmol/L")),  # the highest: 250 x 2.496
        ("vitamin-d", ["2.496", "nmol/L"], LabValue(2.496, "nmol/L")),  # 1 ng/mL
        ("vitamin-d", ["624", "nmol/l"], LabValue(624.0, "nmol/L")),  # 250 ng/mL
        ("vitamin-d", [" 50 ", " nmol/L "], LabValue(50.0, "nmol/L")),
        # calcium kept in mmol/L: / 4.008 from mg/dL, to 4 decimals
        ("calcium", ["9.6", "mg/dl"], LabValue(2.3952, "mmol/L")),  # 9.6 / 4.008 = 2.395209...
        ("calcium", ["10.2", "MG/DL"], LabValue(2.5449, "mmol/L")),  # 10.2 / 4.008 = 2.544910...
        ("calcium", ["4.008", "mg/dL"], LabValue(1.0, "mmol/L")),
        ("calcium", ["20.04", "mg/dL"], LabValue(5.0, "mmol/L")),
        ("calcium", ["1.0", "mmol/L"], LabValue(1.0, "mmol/L")),
        ("calcium", ["5", "mmol/l"], LabValue(5.0, "mmol/L")),
        # any other result in its own unit, within a million
        ("ferritin", ["45", "µg/L"], LabValue(45.0, "ug/L")),
        ("ferritin", ["45ug/L"], LabValue(45.0, "ug/L")),
        ("ferritin", ["−5", "%"], LabValue(-5.0, "%")),
        ("ferritin", ["1000000", "U/L"], LabValue(1000000.0, "U/L")),
        ("ferritin", ["-1000000", "U/L"], LabValue(-1000000.0, "U/L")),
        ("ferritin", ["+2.5", "x10^9/L"], LabValue(2.5, "x10^9/L")),
        ("ferritin", ["7", "a" * 20], LabValue(7.0, "a" * 20)),
    ],
)
def test_amounts_are_kept_in_their_stored_unit(
    test: str, words: list[str], value: LabValue
) -> None:
    assert parse_amount(test, words) == value


@pytest.mark.parametrize(
    ("test", "words", "message"),
    [
        ("vitamin-d", ["62"],
         "give the value and its unit, e.g. aij log lab vitamin-d 62 nmol/L or 25 ng/mL"),
        ("calcium", ["ten", "mg/dL"],
         "give the value and its unit, e.g. aij log lab calcium 2.4 mmol/L or 9.6 mg/dL"),
        ("ferritin", [], "give the value and its unit, e.g. aij log lab ferritin 45 ug/L"),
        ("dexa", ["-2"], "give the value and its unit, e.g. aij log lab dexa 45 ug/L"),
        ("vitamin-d", ["62", "mg"], "vitamin D in 'mg' is not allowed; give it in ng/mL or nmol/L"),
        ("calcium", ["2.4", "mmol"],
         "calcium in 'mmol' is not allowed; give it in mg/dL or mmol/L"),
        ("vitamin-d", ["0.9999", "ng/mL"],
         "vitamin D 0.9999 ng/mL is not plausible; aij keeps 1 to 250 ng/mL (2.496 to 624"
         " nmol/L) (a typing slip?)"),
        ("vitamin-d", ["250.0001", "ng/mL"],
         "vitamin D 250.0001 ng/mL is not plausible; aij keeps 1 to 250 ng/mL (2.496 to 624"
         " nmol/L) (a typing slip?)"),
        ("vitamin-d", ["2.4959", "nmol/L"],
         "vitamin D 2.4959 nmol/L is not plausible; aij keeps 1 to 250 ng/mL (2.496 to 624"
         " nmol/L) (a typing slip?)"),
        ("vitamin-d", ["624.0001", "nmol/L"],
         "vitamin D 624.0001 nmol/L is not plausible; aij keeps 1 to 250 ng/mL (2.496 to 624"
         " nmol/L) (a typing slip?)"),
        ("calcium", ["0.9999", "mmol/L"],
         "calcium 0.9999 mmol/L is not plausible; aij keeps 1.0 to 5.0 mmol/L (4.008 to 20.04"
         " mg/dL) (a typing slip?)"),
        ("calcium", ["5.0001", "mmol/L"],
         "calcium 5.0001 mmol/L is not plausible; aij keeps 1.0 to 5.0 mmol/L (4.008 to 20.04"
         " mg/dL) (a typing slip?)"),
        ("calcium", ["4.0079", "mg/dL"],
         "calcium 4.0079 mg/dL is not plausible; aij keeps 1.0 to 5.0 mmol/L (4.008 to 20.04"
         " mg/dL) (a typing slip?)"),
        ("calcium", ["20.0401", "mg/dL"],
         "calcium 20.0401 mg/dL is not plausible; aij keeps 1.0 to 5.0 mmol/L (4.008 to 20.04"
         " mg/dL) (a typing slip?)"),
        ("dexa", ["-2", "T"], "a DEXA result is SITE=T-SCORE pairs, e.g. lumbar-spine=-2.1"),
        ("ferritin", ["45", "u g/L"],
         "unit 'u g/L' is not allowed; a unit is up to 20 letters, digits and / % ^ . such as"
         " ug/L, mmol/L, %"),
        ("ferritin", ["45", "a" * 21],
         f"unit '{'a' * 21}' is not allowed; a unit is up to 20 letters, digits and / % ^ ."
         " such as ug/L, mmol/L, %"),
        ("ferritin", ["45", "1/L"],
         "unit '1/L' is not allowed; a unit is up to 20 letters, digits and / % ^ . such as"
         " ug/L, mmol/L, %"),
        ("ferritin", ["1000000.0001", "U/L"],
         "ferritin 1000000.0001 U/L is not plausible; aij keeps -1000000 to 1000000 U/L"
         " (a typing slip?)"),
        ("ferritin", ["-1000000.0001", "U/L"],
         "ferritin -1000000.0001 U/L is not plausible; aij keeps -1000000 to 1000000 U/L"
         " (a typing slip?)"),
        ("ferritin", ["1.23456", "U/L"], "ferritin=1.23456 has too many decimals; up to 4"),
    ],
)  # fmt: skip
def test_bad_amounts_are_refused_in_one_line(test: str, words: list[str], message: str) -> None:
    assert _refused(parse_amount, test, words) == message


# --- the change between scans ------------------------------------------------------------------


def _scan(t: float, bmd: float | None) -> LabValue:
    return LabValue(t, "T-score", "total-hip", bmd)


def test_a_gain_is_beyond_the_lsc_by_its_size() -> None:
    # 0.800 -> 0.850: +0.05 g/cm2, +0.05 / 0.8 = +6.25 %; T -2.0 -> -1.6 is +0.4
    gain = site_change(_scan(-2.0, 0.8), _scan(-1.6, 0.85), 0.03, "g/cm2")
    assert gain == labs.SiteChange(t_score=0.4, bmd_g_cm2=0.05, bmd_percent=6.25, beyond_lsc=True)
    assert site_change(_scan(-2.0, 0.8), _scan(-1.6, 0.85), 6.25, "%").beyond_lsc is False
    assert site_change(_scan(-2.0, 0.8), _scan(-1.6, 0.85), 6.24, "%").beyond_lsc is True
    # 0.05 g/cm2 against an LSC of 0.05 in g/cm2: not larger; read as 0.05 % it would be
    assert site_change(_scan(-2.0, 0.8), _scan(-1.6, 0.85), 0.05, "g/cm2").beyond_lsc is False


def test_a_change_without_a_bmd_on_either_scan_or_without_an_lsc() -> None:
    # the earlier scan has a BMD, the later one none: no BMD change
    assert site_change(_scan(-2.0, 0.8), _scan(-2.5, None), 0.03, "g/cm2") == labs.SiteChange(
        -0.5, None, None, None
    )
    # both have a BMD but no LSC was entered: the change, no comparison
    # 0.9 -> 0.873: -0.027 g/cm2, -0.027 / 0.9 = -3 %
    no_lsc = site_change(_scan(-1.0, 0.9), _scan(-1.25, 0.873), None, None)
    assert no_lsc == labs.SiteChange(-0.25, -0.027, -3.0, None)
    # percent to two decimals: 0.9 -> 0.8 is -0.1 / 0.9 = -11.111...%
    assert site_change(_scan(-1.0, 0.9), _scan(-1.0, 0.8), None, None).bmd_percent == -11.11


# --- shown values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t_score", "shown"), [(-1.0, "-1.0"), (-2.5, "-2.5"), (0.0, "0.0"), (1.25, "1.25")]
)
def test_a_t_score_is_shown_as_typed(t_score: float, shown: str) -> None:
    assert show_t_score(t_score) == shown


@pytest.mark.parametrize(
    ("test", "value", "shown"),
    [
        ("dexa", LabValue(-2.1, "T-score", "lumbar-spine", 0.912, 0.03, "g/cm2"),
         "lumbar-spine T -2.1 (WHO: osteopenia) BMD 0.912 g/cm2 LSC 0.03 g/cm2"),
        ("dexa", LabValue(-1.0, "T-score", "total-hip", 0.9126, 3.0, "%"),
         "total-hip T -1.0 (WHO: normal) BMD 0.913 g/cm2 LSC 3%"),
        ("dexa", LabValue(-2.5, "T-score", "forearm", None, 0.0306, "g/cm2"),
         "forearm T -2.5 (WHO: osteoporosis) LSC 0.031 g/cm2"),
        ("dexa", LabValue(0.0, "T-score", "femoral-neck", 1.0, None, None),
         "femoral-neck T 0.0 (WHO: normal) BMD 1 g/cm2"),
        ("dexa", LabValue(-3.0, "T-score", "femoral-neck"),
         "femoral-neck T -3.0 (WHO: osteoporosis)"),
        # vitamin D: nmol/L to 1 decimal, ng/mL = nmol/L / 2.496 to 1 decimal
        ("vitamin-d", LabValue(62.4, "nmol/L"), "62.4 nmol/L (25 ng/mL)"),  # 62.4 / 2.496 = 25
        ("vitamin-d", LabValue(62.0, "nmol/L"), "62 nmol/L (24.8 ng/mL)"),  # 24.8397...
        ("vitamin-d", LabValue(62.47, "nmol/L"), "62.5 nmol/L (25 ng/mL)"),  # 25.0280...
        ("vitamin-d", LabValue(100.0, "nmol/L"), "100 nmol/L (40.1 ng/mL)"),  # 40.0641...
        # calcium: mmol/L to 2 decimals, mg/dL = mmol/L x 4.008 to 1 decimal
        ("calcium", LabValue(2.41, "mmol/L"), "2.41 mmol/L (9.7 mg/dL)"),  # 9.65928
        ("calcium", LabValue(2.3952, "mmol/L"), "2.4 mmol/L (9.6 mg/dL)"),  # 9.5999616
        ("calcium", LabValue(2.5, "mmol/L"), "2.5 mmol/L (10 mg/dL)"),  # 10.02
        # any other result: up to 4 decimals, its own unit
        ("ferritin", LabValue(45.0, "ug/L"), "45 ug/L"),
        ("ferritin", LabValue(1.23456, "U/L"), "1.2346 U/L"),
        ("ferritin", LabValue(-0.5, "%"), "-0.5 %"),
        ("ferritin", LabValue(120.0, "U/L"), "120 U/L"),  # the zero of 120 is kept
    ],
)  # fmt: skip
def test_values_are_shown_in_words(test: str, value: LabValue, shown: str) -> None:
    assert show_value(test, value) == shown


def test_describe_puts_a_result_on_one_line() -> None:
    values = parse_dexa(["hip=-1.2", "spine=-2.6"], [])
    assert describe("dexa", values) == (
        "dexa lumbar-spine T -2.6 (WHO: osteoporosis), total-hip T -1.2 (WHO: osteopenia)"
    )
    assert describe("vitamin-d", [LabValue(75.0, "nmol/L")]) == "vitamin-d 75 nmol/L (30 ng/mL)"
    # 75 / 2.496 = 30.048..., shown 30


# --- imported values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "value"),
    [
        ("dexa", LabValue(-7.0, "T-score", "total-hip")),
        ("dexa", LabValue(7.0, "T-score", "forearm", 0.9, 3.0, "%")),
        ("vitamin-d", LabValue(2.496, "nmol/L")),  # 1 ng/mL
        ("vitamin-d", LabValue(624.0, "nmol/L")),  # 250 ng/mL
        ("calcium", LabValue(1.0, "mmol/L")),
        ("calcium", LabValue(5.0, "mmol/L")),
        ("ferritin", LabValue(45.0, "ug/L")),
        ("ferritin", LabValue(-3.0, "%")),
    ],
)
def test_stored_values_as_logging_keeps_them_pass(test: str, value: LabValue) -> None:
    assert check_stored(test, value) is None


@pytest.mark.parametrize(
    ("test", "value", "message"),
    [
        ("dexa", LabValue(-2.0, "nmol/L", "total-hip"),
         "a DEXA value has a site and the unit T-score"),
        ("dexa", LabValue(-2.0, "T-score"), "a DEXA value has a site and the unit T-score"),
        ("dexa", LabValue(-7.01, "T-score", "total-hip"),
         "T-score at total-hip -7.01 is not plausible; aij keeps -7 to 7 (a typing slip?)"),
        ("dexa", LabValue(7.01, "T-score", "forearm"),
         "T-score at forearm 7.01 is not plausible; aij keeps -7 to 7 (a typing slip?)"),
        ("ferritin", LabValue(45.0, "ug/L", "total-hip"),
         "a ferritin result has no site, BMD or least significant change"),
        ("calcium", LabValue(2.4, "mmol/L", None, 0.9),
         "a calcium result has no site, BMD or least significant change"),
        ("vitamin-d", LabValue(62.0, "nmol/L", None, None, 0.03),
         "a vitamin-d result has no site, BMD or least significant change"),
        ("vitamin-d", LabValue(25.0, "ng/mL"), "vitamin D is kept in nmol/L"),
        ("vitamin-d", LabValue(2.495, "nmol/L"),
         "vitamin D 2.495 nmol/L is not plausible; aij keeps 2.496 to 624.000 nmol/L"
         " (a typing slip?)"),
        ("vitamin-d", LabValue(624.001, "nmol/L"),
         "vitamin D 624.001 nmol/L is not plausible; aij keeps 2.496 to 624.000 nmol/L"
         " (a typing slip?)"),
        ("calcium", LabValue(9.6, "mg/dL"), "calcium is kept in mmol/L"),
        ("calcium", LabValue(0.99, "mmol/L"),
         "calcium 0.99 mmol/L is not plausible; aij keeps 1.0 to 5.0 mmol/L (a typing slip?)"),
        ("calcium", LabValue(5.01, "mmol/L"),
         "calcium 5.01 mmol/L is not plausible; aij keeps 1.0 to 5.0 mmol/L (a typing slip?)"),
        ("ferritin", LabValue(1.0, "T-score"), "unit 'T-score' is not allowed for ferritin"),
        ("ferritin", LabValue(1.0, "u g/L"), "unit 'u g/L' is not allowed for ferritin"),
    ],
)  # fmt: skip
def test_stored_values_that_logging_would_refuse_are_refused(
    test: str, value: LabValue, message: str
) -> None:
    assert _refused(check_stored, test, value) == message
