"""domain/journals.py: the journal name rule at each edge and the study pseudonyms, with every
expected value written out (issue #13: names of 1 to 40 lower-case letters, digits or hyphens;
pseudonyms P01, P02, ... in the order given, three digits past 99 journals)."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.domain.journals import (
    ALLOWED,
    DEFAULT_JOURNAL,
    MAX_JOURNAL_NAME,
    check_journal_name,
    pseudonyms,
)
from aijournal.errors import BadInput

NAME_CHARACTERS = string.ascii_lowercase + string.digits + "-"


def test_the_constants_say_what_the_rule_is() -> None:
    assert DEFAULT_JOURNAL == "me"
    assert MAX_JOURNAL_NAME == 40
    assert ALLOWED == "1 to 40 lower-case letters, digits or hyphens, like 'me' or 'p-07'"
    # the default and the examples of the message are names themselves
    for name in (DEFAULT_JOURNAL, "p-07"):
        assert check_journal_name(name) == name


@pytest.mark.parametrize(
    "name",
    ["me", "a", "0", "-", "p-07", "partner", "study-2026-p12", "a" * 40, "9" * 40, "-" * 40],
)
def test_a_journal_name_of_the_allowed_form_is_returned_as_given(name: str) -> None:
    assert check_journal_name(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "",  # at least 1 character
        "a" * 41,  # at most 40
        "Me",  # lower case only
        "ME",
        "p_07",  # no underscore
        "p 07",  # no space
        "p.07",
        "p/07",  # names go into file names
        "p'07",  # and into SQL parameters
        "me\n",  # a trailing newline is not a name character
        "\nme",
        "é",  # ASCII letters only
        "me;",
    ],
)
def test_any_other_name_is_refused_with_the_allowed_form(name: str) -> None:
    with pytest.raises(BadInput) as refused:
        check_journal_name(name)
    assert str(refused.value) == (
        f"journal name '{name}' is not allowed: use 1 to 40 lower-case letters, digits or "
        "hyphens, like 'me' or 'p-07'"
    )


@given(st.text(alphabet=NAME_CHARACTERS, min_size=1, max_size=40))
def test_every_name_of_1_to_40_allowed_characters_is_a_name(name: str) -> None:
    assert check_journal_name(name) == name


@given(st.text(min_size=0, max_size=60))
def test_a_name_is_refused_exactly_when_a_character_or_the_length_is_wrong(name: str) -> None:
    allowed = 1 <= len(name) <= 40 and all(c in NAME_CHARACTERS for c in name)
    if allowed:
        assert check_journal_name(name) == name
    else:
        with pytest.raises(BadInput):
            check_journal_name(name)


def test_pseudonyms_number_the_journals_in_the_order_given() -> None:
    assert pseudonyms([]) == {}
    assert pseudonyms(["me"]) == {"me": "P01"}
    assert pseudonyms(["partner", "me"]) == {"partner": "P01", "me": "P02"}
    # a name given twice keeps its first place; the next name is the next number
    assert pseudonyms(["b", "a", "b", "c"]) == {"b": "P01", "a": "P02", "c": "P03"}
    assert list(pseudonyms(["b", "a", "b", "c"])) == ["b", "a", "c"]


def test_pseudonyms_have_two_digits_up_to_99_journals_and_three_from_100() -> None:
    names = [f"p-{n}" for n in range(1, 101)]
    ninety_nine = pseudonyms(names[:99])
    assert (ninety_nine["p-1"], ninety_nine["p-10"], ninety_nine["p-99"]) == ("P01", "P10", "P99")
    assert sorted(ninety_nine.values()) == [f"P{n:02d}" for n in range(1, 100)]
    hundred = pseudonyms(names)
    assert (hundred["p-1"], hundred["p-99"], hundred["p-100"]) == ("P001", "P099", "P100")
    nine = pseudonyms(names[:9])
    assert nine["p-9"] == "P09"  # two digits even for fewer than 10


def test_a_pseudonym_never_holds_the_name() -> None:
    names = ["p01", "p02", "me"]
    for name, pseudonym in pseudonyms(names).items():
        assert name not in pseudonym
    # The pseudonym follows the order, not the name: p02 given first is P01.
    assert pseudonyms(["p02", "p01"]) == {"p02": "P01", "p01": "P02"}
