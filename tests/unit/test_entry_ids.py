"""#12: an entry id can never be read as a number (`454e95` was read as 4.54E+97).

A new id begins with a letter. Checked over many generated ids against Python's float() and
int() and against the number forms a spreadsheet recognises when it opens a CSV (written out
here, not taken from aij): digits with grouping, a decimal point, an exponent (e/E), a
percent, a sign, parentheses or a currency; C and Java's d/f suffixes; inf, nan, infinity.
"""

import random
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aijournal.export.tables import ENTRY_ID
from aijournal.store.entries import ID_ALPHABET, ID_FIRST, ID_LENGTH, make_id

# What LibreOffice (and Excel) read as a number from a CSV cell of letters and digits: an
# optional sign, parenthesis or currency, digits (with , . or space grouping) and a point,
# an exponent, then %, ) or a d/f suffix; or one of the words of a non-finite number.
SPREADSHEET_NUMBER = re.compile(
    r"[-+(]?[$€£¥]?(?:\d[\d,. ]*|\.\d+)(?:[eE][-+]?\d+)?[%)]?[dDfF]?"
    r"|[-+]?(?:inf|infinity|nan)",
    re.IGNORECASE,
)
NUMBER_LIKE = [
    "234567",  # all digits
    "454e95",  # 4.54E+97: the id #12 found
    "2e5",
    "2E5",
    "23e-4",
    "45d",  # a double in C or Java
    "5f",
    "5F",
    "7D",
    "+3",
    "-2",
    ".5",
    "1,234",
    "12.5%",
    "(5)",
    "inf",
    "nan",
    "NaN",
    "Infinity",
    "-inf",
]


def reads_as_number(text: str) -> bool:
    """True if Python or a spreadsheet would take ``text`` as a number."""
    for read in (float, int):
        try:
            read(text)
        except ValueError:
            continue
        return True
    return SPREADSHEET_NUMBER.fullmatch(text) is not None


@pytest.mark.parametrize("text", NUMBER_LIKE)
def test_the_number_forms_are_caught(text: str) -> None:
    """The check below can fail: each of these boundary forms reads as a number."""
    assert reads_as_number(text)


@pytest.mark.parametrize("text", ["a54e95", "e12345", "nanaaa", "d23456", "f5f5f5", "b22222"])
def test_a_letter_first_is_text(text: str) -> None:
    assert not reads_as_number(text)


@given(st.randoms(use_true_random=False))
def test_no_new_id_reads_as_a_number(rng: random.Random) -> None:
    for _ in range(200):
        new = make_id(rng.choice)
        assert len(new) == ID_LENGTH and set(new) <= set(ID_ALPHABET)
        assert new[0].isalpha(), new
        assert not reads_as_number(new), new
        assert not reads_as_number(new.upper()), new  # a spreadsheet may show it upper-case
        assert ENTRY_ID.match(new), new  # an export of it imports


def test_every_first_letter_with_the_most_number_like_tails() -> None:
    """Each possible first character, followed by the tails closest to a number: digits,
    an exponent, a d or f suffix."""
    tails = ["22222", "99999", "4e952", "2e222", "2222d", "2222f", "e2222", "an222"]
    assert len(ID_FIRST) == 23 and not set(ID_FIRST) & set("0123456789+-.")
    for first in ID_FIRST:
        for tail in tails:
            made = make_id(_picker(first + tail))
            assert made == first + tail
            assert not reads_as_number(made), made


def _picker(wanted: str) -> Callable[[str], str]:
    """A ``pick`` for make_id that chooses the characters of ``wanted`` in turn (each must be
    one of the choices offered)."""
    letters = iter(wanted)

    def pick(choices: str) -> str:
        letter = next(letters)
        assert letter in choices
        return letter

    return pick


def test_the_old_form_stays_importable() -> None:
    """Journals written before keep their ids: digits-first ones still match the export's
    id pattern, so an export of them imports."""
    for old in ("454e95", "234567", "7d6ww5", "w49d35"):
        assert ENTRY_ID.match(old), old
