"""Lab values: WHO categories at their exact boundaries, unit conversions and plausible
ranges, and the change between scans against a least significant change, worked by hand."""

from decimal import Decimal

import pytest

from aijournal.domain.labs import (
    LabValue,
    check_stored,
    lab_test_name,
    mmol_l_to_mg_dl,
    nmol_l_to_ng_ml,
    parse_amount,
    parse_dexa,
    site_change,
    who_category,
)
from aijournal.errors import BadInput


@pytest.mark.parametrize(
    ("t_score", "category"),
    [
        (0.5, "normal"),
        (-0.95, "normal"),
        (-1.0, "normal"),  # WHO: -1.0 or above is normal
        (-1.05, "osteopenia"),
        (-1.1, "osteopenia"),
        (-2.45, "osteopenia"),
        (-2.4, "osteopenia"),
        (-2.5, "osteoporosis"),  # WHO: -2.5 or below is osteoporosis
        (-2.55, "osteoporosis"),
        (-4.0, "osteoporosis"),
    ],
)
def test_who_category_at_its_boundaries(t_score: float, category: str) -> None:
    assert who_category(t_score) == category


def test_a_score_parsed_from_text_falls_where_its_text_says() -> None:
    # -1.0 typed, -2.5 typed: the category of the decimal typed, not of float arithmetic.
    (spine, hip) = parse_dexa(["lumbar-spine=-2.50", "total-hip=-1.00"], [])
    assert (spine.site, who_category(spine.value)) == ("lumbar-spine", "osteoporosis")
    assert (hip.site, who_category(hip.value)) == ("total-hip", "normal")
    # a float that arithmetic puts a hair off -1.0 is not what a person typed
    assert who_category(-0.7 - 0.3) == "normal"  # -0.7 - 0.3 == -1.0 in binary too


def test_vitamin_d_is_kept_in_nmol_per_litre() -> None:
    # 25 ng/mL x 2.496 = 62.4 nmol/L
    assert parse_amount("vitamin-d", ["25", "ng/mL"]) == LabValue(62.4, "nmol/L")
    assert parse_amount("vitamin-d", ["62", "nmol/L"]) == LabValue(62.0, "nmol/L")
    assert parse_amount("vitamin-d", ["62nmol/l"]) == LabValue(62.0, "nmol/L")
    # 62 / 2.496 = 24.8397...
    assert nmol_l_to_ng_ml(62.0) == pytest.approx(24.839743589, abs=1e-9)
    assert nmol_l_to_ng_ml(62.4) == 25.0


def test_calcium_is_kept_in_mmol_per_litre() -> None:
    assert parse_amount("calcium", ["2.4", "mmol/L"]) == LabValue(2.4, "mmol/L")
    # 9.6 mg/dL / 4.008 = 2.39520958..., kept to 4 decimals
    assert parse_amount("calcium", ["9.6", "mg/dL"]) == LabValue(2.3952, "mmol/L")
    # 2.4 x 4.008 = 9.6192
    assert mmol_l_to_mg_dl(2.4) == pytest.approx(9.6192, abs=1e-12)


def test_any_other_result_keeps_its_unit() -> None:
    assert parse_amount("ferritin", ["45", "ug/L"]) == LabValue(45.0, "ug/L")
    assert lab_test_name("vitamin-b12") == "vitamin-b12"  # not taken for vitamin-d


@pytest.mark.parametrize(
    ("test", "words", "says"),
    [
        ("vitamin-d", ["900", "ng/mL"], "1 to 250 ng/mL"),
        ("vitamin-d", ["625", "nmol/L"], "1 to 250 ng/mL"),  # 250 x 2.496 = 624
        ("vitamin-d", ["0.5", "ng/mL"], "1 to 250 ng/mL"),
        ("vitamin-d", ["62"], "its unit"),
        ("vitamin-d", ["62", "mg"], "ng/mL or nmol/L"),
        ("calcium", ["30", "mg/dL"], "1.0 to 5.0 mmol/L"),
        ("calcium", ["0.9", "mmol/L"], "1.0 to 5.0 mmol/L"),
        ("ferritin", ["45", "u g/L"], "unit"),
        ("ferritin", ["lots", "ug/L"], "unit"),
    ],
)
def test_implausible_amounts_are_refused_with_the_range(
    test: str, words: list[str], says: str
) -> None:
    with pytest.raises(BadInput, match=says):
        parse_amount(test, words)


def test_the_edges_of_the_ranges_are_kept() -> None:
    assert parse_amount("vitamin-d", ["250", "ng/mL"]).value == 624.0
    assert parse_amount("vitamin-d", ["624", "nmol/L"]).value == 624.0
    assert parse_amount("calcium", ["5.0", "mmol/L"]).value == 5.0


@pytest.mark.parametrize(
    ("pairs", "lsc", "says"),
    [
        (["lumbar-spine=-9"], [], "-7 to 7"),
        (["lumbar-spine=7.1"], [], "-7 to 7"),
        (["lumbar-spne=-2"], [], "did you mean lumbar-spine"),
        (["lumbar-spine-bmd=0.9"], [], "at least one T-score"),
        (["lumbar-spine=-2", "total-hip-bmd=0.9"], [], "T-score at total-hip too"),
        (["lumbar-spine=-2", "lumbar-spine-bmd=9"], [], "0.2 to 2.5"),
        (["lumbar-spine=-2", "spine=-2.1"], [], "given twice"),
        (["lumbar-spine=-2"], ["lumbar-spine=0.5"], "0.001 to 0.2"),
        (["lumbar-spine=-2"], ["lumbar-spine=30%"], "0.1 to 20"),
        (["lumbar-spine"], [], "SITE=T-SCORE"),
        (["lumbar-spine=-2.12345"], [], "too many decimals"),
    ],
)
def test_bad_dexa_input_is_refused(pairs: list[str], lsc: list[str], says: str) -> None:
    with pytest.raises(BadInput, match=says):
        parse_dexa(pairs, lsc)


def test_a_typo_in_a_test_name_gets_did_you_mean() -> None:
    with pytest.raises(BadInput, match=r"did you mean vitamin-d\?.*--other"):
        lab_test_name("vitamn-d")
    assert lab_test_name("vitamn-d", other=True) == "vitamn-d"
    assert lab_test_name("DXA") == "dexa"


def _scan(t: float, bmd: float | None) -> LabValue:
    return LabValue(t, "T-score", "lumbar-spine", bmd)


def test_the_change_between_scans_against_the_lsc() -> None:
    # 0.912 -> 0.870: -0.042 g/cm2; -0.042 / 0.912 = -4.605...%; LSC 0.03 g/cm2: larger
    change = site_change(_scan(-2.1, 0.912), _scan(-2.5, 0.870), 0.03, "g/cm2")
    assert change.t_score == -0.4
    assert change.bmd_g_cm2 == -0.042
    assert change.bmd_percent == -4.61
    assert change.beyond_lsc is True
    # exactly the LSC is not larger than it: 0.900 -> 0.870 is -0.03
    assert site_change(_scan(-2.2, 0.9), _scan(-2.5, 0.87), 0.03, "g/cm2").beyond_lsc is False
    # as a percentage: -4.605% against 5%: not larger; against 4.6%: larger
    assert site_change(_scan(-2.1, 0.912), _scan(-2.5, 0.87), 5, "%").beyond_lsc is False
    assert site_change(_scan(-2.1, 0.912), _scan(-2.5, 0.87), 4.6, "%").beyond_lsc is True
    # no BMD on one scan: no BMD change and no comparison
    no_bmd = site_change(_scan(-1.0, None), _scan(-1.05, 0.9), 0.03, "g/cm2")
    assert (no_bmd.t_score, no_bmd.bmd_g_cm2, no_bmd.beyond_lsc) == (-0.05, None, None)
    assert Decimal(repr(no_bmd.t_score)) == Decimal("-0.05")


def test_an_imported_value_is_checked_as_logging_would() -> None:
    check_stored("vitamin-d", LabValue(62.4, "nmol/L"))
    with pytest.raises(BadInput, match="nmol/L"):
        check_stored("vitamin-d", LabValue(25.0, "ng/mL"))
    with pytest.raises(BadInput, match="-7 to 7"):
        check_stored("dexa", LabValue(-9.0, "T-score", "total-hip"))
    with pytest.raises(BadInput, match="no site"):
        check_stored("ferritin", LabValue(45.0, "ug/L", "total-hip"))
