"""Lab results: the tests aij knows (DEXA, 25-OH vitamin D, serum calcium) and any other
named result; their units and conversions, the plausible range of each value, and the WHO
category of a T-score.

Sources (DOMAIN.md, "Bone health"):

- WHO categories of a T-score (WHO Technical Report Series 843, 1994): normal at -1.0 or
  above; osteopenia (low bone mass) below -1.0 and above -2.5; osteoporosis at -2.5 or
  below. aij shows it as the scan report's own category, never as a diagnosis.
- 25-hydroxyvitamin D: 1 ng/mL = 2.496 nmol/L (molar mass of 25-OH D3, 400.6 g/mol).
  Thresholds: IOM 2011, 20 ng/mL (50 nmol/L); Endocrine Society 2011, 30 ng/mL (75 nmol/L).
- Serum calcium: 1 mmol/L = 4.008 mg/dL (molar mass of calcium, 40.08 g/mol).

Values are compared as exact decimals of what was typed (a float's shortest repr is the
text it was parsed from), so -1.0 is normal and -2.5 osteoporosis whatever binary floats do.
"""

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from aijournal.domain.suggest import did_you_mean
from aijournal.errors import BadInput

DEXA, VITAMIN_D, CALCIUM = "dexa", "vitamin-d", "calcium"
KNOWN_TESTS = (DEXA, VITAMIN_D, CALCIUM)
TEST_ALIASES = {
    "dxa": DEXA,
    "bone-density": DEXA,
    "vitd": VITAMIN_D,
    "vit-d": VITAMIN_D,
    "25-oh-d": VITAMIN_D,
    "25ohd": VITAMIN_D,
    "serum-calcium": CALCIUM,
}
DEXA_SITES = ("lumbar-spine", "total-hip", "femoral-neck", "forearm")
SITE_ALIASES = {
    "spine": "lumbar-spine",
    "l1-l4": "lumbar-spine",
    "hip": "total-hip",
    "neck": "femoral-neck",
    "radius": "forearm",
    "one-third-radius": "forearm",
}

T_SCORE = "T-score"
NMOL_L, NG_ML = "nmol/L", "ng/mL"
MMOL_L, MG_DL = "mmol/L", "mg/dL"
G_CM2 = "g/cm2"
PERCENT = "%"
NG_ML_TO_NMOL_L = Decimal("2.496")
MMOL_L_TO_MG_DL = Decimal("4.008")

# Serum 25-OH vitamin D thresholds, with their sources (DOMAIN.md), in ng/mL.
VITAMIN_D_THRESHOLDS = (
    (Decimal("20"), "IOM 2011: covers the needs of nearly everyone"),
    (Decimal("30"), "Endocrine Society 2011: its aim"),
)

# Plausible ranges: outside them a value is a typing slip, refused with the range.
# T-scores below -5 are rare even in severe osteoporosis, and above +4 usually reflect
# artefact (degenerative change); -7..+7 leaves room for any printed report, refuses -9.
T_SCORE_RANGE = (Decimal("-7"), Decimal("7"))
# Adult areal BMD at these sites is about 0.4-1.6 g/cm2 (Hologic and GE Lunar reference
# data); 0.2-2.5 takes in every scanner's calibration.
BMD_RANGE = (Decimal("0.2"), Decimal("2.5"))
# A scanner's least significant change is typically 2-5% of BMD (ISCD), about
# 0.02-0.06 g/cm2; these windows are wide around that.
LSC_RANGES = {G_CM2: (Decimal("0.001"), Decimal("0.2")), PERCENT: (Decimal("0.1"), Decimal("20"))}
# 25-OH vitamin D: assays report about 4-150 ng/mL and intoxication has been reported
# above 150 ng/mL (Holick, NEJM 2007); 1-250 ng/mL (2.496-624 nmol/L) refuses 900 ng/mL.
VITAMIN_D_NG_ML_RANGE = (Decimal("1"), Decimal("250"))
# Serum total calcium: the reference range is 2.15-2.55 mmol/L; values below 1.0 or above
# 5.0 mmol/L (4.0-20.0 mg/dL) are not compatible with a measured living patient.
CALCIUM_MMOL_L_RANGE = (Decimal("1.0"), Decimal("5.0"))
# Any other named result: finite, and no larger than a million in its own unit.
OTHER_RANGE = (Decimal("-1000000"), Decimal("1000000"))
MAX_UNIT = 20
MAX_TEST = 60
MAX_DECIMALS = 4

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
_UNIT = re.compile(r"[A-Za-z%µ/][A-Za-z0-9%µ/^.*·²³-]*\Z")
_AMOUNT = re.compile(r"(?P<number>[+-]?\d+(?:\.\d+)?)\s*(?P<unit>\S.*)?\Z")

CATEGORY_NORMAL, CATEGORY_OSTEOPENIA, CATEGORY_OSTEOPOROSIS = (
    "normal",
    "osteopenia",
    "osteoporosis",
)


@dataclass(frozen=True)
class LabValue:
    """One value of a result: a DEXA site's T-score (with BMD and LSC if given), or an
    amount in its stored unit (site None)."""

    value: float
    unit: str
    site: str | None = None
    bmd_g_cm2: float | None = None
    lsc: float | None = None
    lsc_unit: str | None = None


def exact(value: float) -> Decimal:
    """The decimal that was typed: a float's shortest repr reads back as that text."""
    return Decimal(repr(value))


def who_category(t_score: float) -> str:
    """The WHO 1994 category of a T-score: normal >= -1.0 > osteopenia > -2.5 >= osteoporosis."""
    t = exact(t_score)
    if t >= Decimal("-1.0"):
        return CATEGORY_NORMAL
    if t > Decimal("-2.5"):
        return CATEGORY_OSTEOPENIA
    return CATEGORY_OSTEOPOROSIS


def ng_ml_to_nmol_l(ng_ml: Decimal) -> Decimal:
    return ng_ml * NG_ML_TO_NMOL_L


def nmol_l_to_ng_ml(nmol_l: float) -> float:
    """A stored vitamin D (nmol/L) in ng/mL."""
    return float(exact(nmol_l) / NG_ML_TO_NMOL_L)


def mmol_l_to_mg_dl(mmol_l: float) -> float:
    return float(exact(mmol_l) * MMOL_L_TO_MG_DL)


def lab_test_name(word: str, *, other: bool = False) -> str:
    """The test a typed name means: a known test (or its alias), or another named result.

    A new name close to a known one is refused with "did you mean" unless ``other`` is set,
    so `vitamn-d` is not kept as a test of its own."""
    name = word.strip().lower().replace("_", "-")
    name = TEST_ALIASES.get(name, name)
    if name in KNOWN_TESTS:
        return name
    if not _NAME.match(name) or len(name) > MAX_TEST:
        raise BadInput(
            f"'{word}' is not a test name; use words joined by '-', up to {MAX_TEST} letters,"
            f" e.g. {', '.join(KNOWN_TESTS)} or ferritin"
        )
    if not other and _looks_known(name):
        raise BadInput(
            f"unknown test '{word}'{did_you_mean(name, KNOWN_TESTS)}; to log a test of"
            " another name that looks like it, add --other"
        )
    return name


def _looks_known(name: str) -> bool:
    """Close enough to a known test to be a typo of it (vitamn-d), not another test
    (vitamin-b12 stays its own)."""
    return bool(difflib.get_close_matches(name, KNOWN_TESTS, n=1, cutoff=0.85))


def site_name(word: str) -> str:
    """A DEXA site from what was typed, or BadInput with "did you mean"."""
    name = word.strip().lower().replace("_", "-")
    name = SITE_ALIASES.get(name, name)
    if name not in DEXA_SITES:
        hint = did_you_mean(name, [*DEXA_SITES, *SITE_ALIASES])
        raise BadInput(f"unknown DEXA site '{word}'{hint}; sites: {', '.join(DEXA_SITES)}")
    return name


def _decimal(what: str, text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace("−", "-"))
    except InvalidOperation:
        raise BadInput(f"{what}={text} is not a number") from None
    if not value.is_finite():
        raise BadInput(f"{what}={text} is not a number")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise BadInput(f"{what}={text} has too many decimals; up to {MAX_DECIMALS}")
    return value


def _in_range(what: str, value: Decimal, bounds: tuple[Decimal, Decimal], unit: str) -> None:
    low, high = bounds
    if not low <= value <= high:
        shown = f" {unit}" if unit else ""
        raise BadInput(
            f"{what} {value}{shown} is not plausible; aij keeps {low} to {high}{shown}"
            " (a typing slip?)"
        )


def parse_dexa(pairs: list[str], lsc_pairs: list[str]) -> list[LabValue]:
    """`lumbar-spine=-2.1 lumbar-spine-bmd=0.912` and `--lsc lumbar-spine=0.03` (g/cm2)
    or `=3%`: one value per site, in the order of DEXA_SITES."""
    scores: dict[str, Decimal] = {}
    bmds: dict[str, Decimal] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep:
            raise BadInput(
                f"'{pair}' is not SITE=T-SCORE; e.g. lumbar-spine=-2.1 total-hip-bmd=0.912;"
                f" sites: {', '.join(DEXA_SITES)}"
            )
        key = key.strip().lower()
        if key.endswith("-bmd"):
            site = site_name(key.removesuffix("-bmd"))
            value = _decimal(key, text.removesuffix("g/cm2").removesuffix("g/cm²"))
            _in_range(f"BMD at {site}", value, BMD_RANGE, "g/cm2")
            _once(bmds, site, value, "BMD")
        else:
            site = site_name(key)
            value = _decimal(key, text)
            _in_range(f"T-score at {site}", value, T_SCORE_RANGE, "")
            _once(scores, site, value, "T-score")
    lscs = _parse_lsc(lsc_pairs)
    if not scores:
        raise BadInput(
            "a DEXA result needs at least one T-score, e.g. aij log lab dexa lumbar-spine=-2.1"
        )
    for site in [*bmds, *lscs]:
        if site not in scores:
            raise BadInput(f"give the T-score at {site} too, e.g. {site}=-1.5")
    return [
        LabValue(
            value=float(scores[site]),
            unit=T_SCORE,
            site=site,
            bmd_g_cm2=float(bmds[site]) if site in bmds else None,
            lsc=float(lscs[site][0]) if site in lscs else None,
            lsc_unit=lscs[site][1] if site in lscs else None,
        )
        for site in DEXA_SITES
        if site in scores
    ]


def _once(found: dict[str, Decimal], site: str, value: Decimal, what: str) -> None:
    if site in found:
        raise BadInput(f"the {what} at {site} is given twice; give it once")
    found[site] = value


def _parse_lsc(pairs: list[str]) -> dict[str, tuple[Decimal, str]]:
    """--lsc SITE=0.03 (g/cm2) or SITE=3% (of BMD), as the scan report states it."""
    found: dict[str, tuple[Decimal, str]] = {}
    for pair in (p for text in pairs for p in text.split(",") if p.strip()):
        key, sep, text = pair.partition("=")
        if not sep:
            raise BadInput(f"--lsc {pair} is not SITE=VALUE; e.g. --lsc lumbar-spine=0.03")
        site = site_name(key)
        text = text.strip().lower().removesuffix("g/cm2").removesuffix("g/cm²")
        unit = PERCENT if text.endswith("%") else G_CM2
        value = _decimal(f"--lsc {site}", text.removesuffix("%"))
        _in_range(f"the least significant change at {site}", value, LSC_RANGES[unit], unit)
        if site in found:
            raise BadInput(f"the least significant change at {site} is given twice")
        found[site] = (value, unit)
    return found


def _unit_of(text: str, allowed: dict[str, str], test: str) -> str:
    key = text.strip().lower().replace("µ", "u")
    if key not in allowed:
        names = sorted(set(allowed.values()))
        raise BadInput(f"{test} in '{text}' is not allowed; give it in {' or '.join(names)}")
    return allowed[key]


def parse_amount(test: str, words: list[str]) -> LabValue:
    """`62 nmol/L`, `25ng/mL`, `2.4 mmol/L`, `45 ug/L`: the value in its stored unit
    (vitamin D in nmol/L, calcium in mmol/L, any other as given)."""
    text = " ".join(w.strip() for w in words).strip()
    found = _AMOUNT.match(text.replace("−", "-"))
    example = {VITAMIN_D: "62 nmol/L or 25 ng/mL", CALCIUM: "2.4 mmol/L or 9.6 mg/dL"}
    if not found or found["unit"] is None:
        shown = example.get(test, "45 ug/L")
        raise BadInput(f"give the value and its unit, e.g. aij log lab {test} {shown}")
    value = _decimal(test, found["number"])
    unit = found["unit"].strip()
    if test == VITAMIN_D:
        stored = _unit_of(unit, {"nmol/l": NMOL_L, "ng/ml": NG_ML}, "vitamin D")
        ng_ml = value if stored == NG_ML else value / NG_ML_TO_NMOL_L
        if not VITAMIN_D_NG_ML_RANGE[0] <= ng_ml <= VITAMIN_D_NG_ML_RANGE[1]:
            raise BadInput(
                f"vitamin D {value} {stored} is not plausible; aij keeps 1 to 250 ng/mL"
                " (2.496 to 624 nmol/L) (a typing slip?)"
            )
        nmol = ng_ml_to_nmol_l(value) if stored == NG_ML else value
        return LabValue(value=float(nmol), unit=NMOL_L)
    if test == CALCIUM:
        stored = _unit_of(unit, {"mmol/l": MMOL_L, "mg/dl": MG_DL}, "calcium")
        mmol = value if stored == MMOL_L else value / MMOL_L_TO_MG_DL
        if not CALCIUM_MMOL_L_RANGE[0] <= mmol <= CALCIUM_MMOL_L_RANGE[1]:
            raise BadInput(
                f"calcium {value} {stored} is not plausible; aij keeps 1.0 to 5.0 mmol/L"
                " (4.008 to 20.04 mg/dL) (a typing slip?)"
            )
        return LabValue(value=float(round(mmol, 4)), unit=MMOL_L)
    if test == DEXA:
        raise BadInput("a DEXA result is SITE=T-SCORE pairs, e.g. lumbar-spine=-2.1")
    if not _UNIT.match(unit) or len(unit) > MAX_UNIT:
        raise BadInput(
            f"unit '{unit}' is not allowed; a unit is up to {MAX_UNIT} letters, digits"
            " and / % ^ . such as ug/L, mmol/L, %"
        )
    _in_range(test, value, OTHER_RANGE, unit)
    return LabValue(value=float(value), unit=unit.replace("µ", "u"))


@dataclass(frozen=True)
class SiteChange:
    """The change at one site from the scan before: T-score points, BMD g/cm2 and % (None
    where either scan has no BMD), and whether the BMD change is larger than the least
    significant change the user entered (None: no LSC entered, or no BMD to compare)."""

    t_score: float
    bmd_g_cm2: float | None
    bmd_percent: float | None
    beyond_lsc: bool | None


def site_change(
    before: LabValue, after: LabValue, lsc: float | None, lsc_unit: str | None
) -> SiteChange:
    """From ``before`` to ``after`` (same site), in exact decimals of the stored values."""
    t_change = exact(after.value) - exact(before.value)
    if before.bmd_g_cm2 is None or after.bmd_g_cm2 is None:
        return SiteChange(float(t_change), None, None, None)
    old, new = exact(before.bmd_g_cm2), exact(after.bmd_g_cm2)
    change = new - old
    percent = change / old * 100
    beyond: bool | None = None
    if lsc is not None:
        size = abs(percent) if lsc_unit == PERCENT else abs(change)
        beyond = size > exact(lsc)
    return SiteChange(float(t_change), float(change), float(round(percent, 2)), beyond)


def _shown(value: float, digits: int = 2) -> str:
    """A number as a person reads it: no trailing zeros, at most ``digits`` decimals."""
    text = f"{round(exact(value), digits):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def show_t_score(t_score: float) -> str:
    """A T-score at the precision it was typed: -1.0 stays -1.0."""
    return f"{exact(t_score):f}"


def show_value(test: str, value: LabValue) -> str:
    """One value in words: 'lumbar-spine T -2.1 (WHO: osteopenia) BMD 0.912 g/cm2',
    '62 nmol/L (24.8 ng/mL)'. The category is the scan report's, never a diagnosis."""
    if value.unit == T_SCORE:
        text = f"{value.site} T {show_t_score(value.value)} (WHO: {who_category(value.value)})"
        if value.bmd_g_cm2 is not None:
            text += f" BMD {_shown(value.bmd_g_cm2, 3)} g/cm2"
        if value.lsc is not None:
            text += f" LSC {_shown(value.lsc, 3)}{'%' if value.lsc_unit == PERCENT else ' g/cm2'}"
        return text
    if test == VITAMIN_D:
        return (
            f"{_shown(value.value, 1)} {NMOL_L} ({_shown(nmol_l_to_ng_ml(value.value), 1)} {NG_ML})"
        )
    if test == CALCIUM:
        return f"{_shown(value.value)} {MMOL_L} ({_shown(mmol_l_to_mg_dl(value.value), 1)} {MG_DL})"
    return f"{_shown(value.value, MAX_DECIMALS)} {value.unit}"


def describe(test: str, values: list[LabValue]) -> str:
    """A lab result on one line, for `aij entries` and what `aij log lab` saved."""
    return f"{test} " + ", ".join(show_value(test, v) for v in values)


def check_stored(test: str, value: LabValue) -> None:
    """A stored value (an import) as `aij log lab` would have kept it, or BadInput."""
    if test == DEXA:
        if value.unit != T_SCORE or value.site is None:
            raise BadInput(f"a DEXA value has a site and the unit {T_SCORE}")
        _in_range(f"T-score at {value.site}", exact(value.value), T_SCORE_RANGE, "")
        return
    if value.site is not None or value.bmd_g_cm2 is not None or value.lsc is not None:
        raise BadInput(f"a {test} result has no site, BMD or least significant change")
    if test == VITAMIN_D:
        if value.unit != NMOL_L:
            raise BadInput(f"vitamin D is kept in {NMOL_L}")
        low, high = (bound * NG_ML_TO_NMOL_L for bound in VITAMIN_D_NG_ML_RANGE)
        _in_range("vitamin D", exact(value.value), (low, high), NMOL_L)
    elif test == CALCIUM:
        if value.unit != MMOL_L:
            raise BadInput(f"calcium is kept in {MMOL_L}")
        _in_range("calcium", exact(value.value), CALCIUM_MMOL_L_RANGE, MMOL_L)
    elif value.unit == T_SCORE or not _UNIT.match(value.unit):
        raise BadInput(f"unit '{value.unit}' is not allowed for {test}")
