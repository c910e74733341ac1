"""The plausibility rule, the vitamin K antagonist reminder and the article, worked by hand.

The limits are issue #9's ("over a kilogram of one solid food, or one activity over 4 hours");
the drugs are DOMAIN.md's list of vitamin K antagonists.
"""

import pytest

from aijournal.domain import vitamin_k
from aijournal.domain.labels import article
from aijournal.domain.plausible import (
    ACTIVITY,
    CONFIRM_FLAG,
    DRINK,
    SOLID_FOOD,
    Implausible,
    Limit,
    check_plausible,
)
from aijournal.domain.vitamin_k import steady_vitamin_k_reminder, vitamin_k_antagonist
from aijournal.errors import BadInput

# plausible.py


def test_the_limits_are_issue_9s() -> None:
    assert Limit(1000.0, "g", "more than a kilogram of one solid food") == SOLID_FOOD
    assert Limit(2000.0, "g", "more than 2 litres of one drink") == DRINK
    assert Limit(4 * 60.0, "min", "more than 4 hours of one activity") == ACTIVITY
    assert CONFIRM_FLAG == "--yes"
    assert issubclass(Implausible, BadInput)


@pytest.mark.parametrize("limit", [SOLID_FOOD, DRINK, ACTIVITY])
def test_the_limit_itself_is_plausible(limit: Limit) -> None:
    check_plausible("x", limit.most, limit, confirmed=False)
    check_plausible("x", 0.0, limit, confirmed=False)
    with pytest.raises(Implausible):
        check_plausible("x", limit.most + 0.001, limit, confirmed=False)


def test_confirmed_takes_any_amount() -> None:
    check_plausible("x", 1e9, SOLID_FOOD, confirmed=True)
    check_plausible("x", 241.0, ACTIVITY, confirmed=True)


def test_the_refusal_says_what_why_and_how_to_confirm() -> None:
    with pytest.raises(Implausible) as caught:
        check_plausible("rice 2000g", 2000.4, SOLID_FOOD, confirmed=False)
    assert str(caught.value) == (
        "rice 2000g is 2,000 g: more than a kilogram of one solid food is unlikely;"
        " check the amount, or if it is right run the same command with --yes"
    )
    with pytest.raises(Implausible) as caught:
        check_plausible("brisk-walk 600m", 600, ACTIVITY, confirmed=False)
    assert str(caught.value) == (
        "brisk-walk 600m is 600 min: more than 4 hours of one activity is unlikely;"
        " check the amount, or if it is right run the same command with --yes"
    )


# vitamin_k.py


def test_the_antagonists_are_domain_mds_list() -> None:
    # DOMAIN.md: "warfarin (Coumadin, Jantoven, Marevan, Waran), acenocoumarol (Sintrom),
    # phenprocoumon (Marcumar)".
    assert vitamin_k.VITAMIN_K_ANTAGONISTS == {
        "warfarin": ("coumadin", "jantoven", "marevan", "waran"),
        "acenocoumarol": ("sintrom",),
        "phenprocoumon": ("marcumar",),
    }
    assert vitamin_k.REMINDER_SOURCE == "Schurgers et al., Blood 2007;109:3279"


def test_a_name_is_found_as_any_word_of_the_medication() -> None:
    assert vitamin_k_antagonist("Coumadin 5 mg") == "warfarin"
    assert vitamin_k_antagonist("5mg coumadin tablets") == "warfarin"
    assert vitamin_k_antagonist("aspirin+sintrom") == "acenocoumarol"
    # Only whole words: a name inside a longer word is another drug.
    assert vitamin_k_antagonist("antiwarfarin") is None
    assert vitamin_k_antagonist("warfarin2") == "warfarin"  # digits end a word


def test_the_first_antagonist_taken_is_named_as_typed() -> None:
    text = steady_vitamin_k_reminder(["letrozole 2.5 mg", "  Marcumar 3 mg ", "warfarin"])
    assert text == (
        "You take Marcumar 3 mg (phenprocoumon), a vitamin K antagonist: keep vitamin K intake"
        " steady from day to day (natto and K2 supplements above all), as your clinician advises"
        " (Schurgers et al., Blood 2007;109:3279)."
    )


def test_the_generic_typed_alone_is_not_named_twice() -> None:
    assert steady_vitamin_k_reminder([" Warfarin "]) == (
        "You take Warfarin, a vitamin K antagonist: keep vitamin K intake steady from day to"
        " day (natto and K2 supplements above all), as your clinician advises"
        " (Schurgers et al., Blood 2007;109:3279)."
    )
    text = steady_vitamin_k_reminder(["warfarin sodium"])
    assert text is not None
    assert text.startswith("You take warfarin sodium (warfarin), a vitamin K antagonist:")


def test_no_medication_no_reminder() -> None:
    assert steady_vitamin_k_reminder([]) is None
    assert steady_vitamin_k_reminder(["letrozole", "calcium"]) is None


# labels.py


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("exercise entry", "an"),
        ("meal entry", "a"),
        ("Intake", "an"),
        ("Upper", "an"),
        ("Oat", "an"),
        ("Egg", "an"),
        ("Apple", "an"),
        ("weight", "a"),
        ("", "a"),
        ("yoga", "a"),
    ],
)
def test_article(word: str, expected: str) -> None:
    assert article(word) == expected
