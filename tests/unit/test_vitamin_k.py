"""#9.17: the vitamin K antagonists by generic and brand name, as DOMAIN.md lists them."""

import pytest

from aijournal.domain.vitamin_k import steady_vitamin_k_reminder, vitamin_k_antagonist

# DOMAIN.md: "warfarin (Coumadin, Jantoven, Marevan, Waran), acenocoumarol (Sintrom),
# phenprocoumon (Marcumar)".
DOMAIN_LIST = {
    "warfarin": "warfarin",
    "Coumadin": "warfarin",
    "Jantoven": "warfarin",
    "Marevan": "warfarin",
    "Waran": "warfarin",
    "acenocoumarol": "acenocoumarol",
    "Sintrom": "acenocoumarol",
    "phenprocoumon": "phenprocoumon",
    "Marcumar": "phenprocoumon",
}


@pytest.mark.parametrize(("name", "generic"), DOMAIN_LIST.items())
def test_every_name_in_domain_md_is_recognised_in_any_case(name: str, generic: str) -> None:
    assert vitamin_k_antagonist(name) == generic
    assert vitamin_k_antagonist(name.upper() + " 5 mg") == generic
    assert vitamin_k_antagonist(f"{name.lower()}-sodium") == generic


@pytest.mark.parametrize(
    "name", ["letrozole", "anastrozole", "apixaban", "rivaroxaban", "aspirin", "warfarinx", ""]
)
def test_other_medications_are_not(name: str) -> None:
    assert vitamin_k_antagonist(name) is None
    assert steady_vitamin_k_reminder([name]) is None


def test_the_reminder_names_the_medication_and_its_source() -> None:
    text = steady_vitamin_k_reminder(["letrozole", "Marevan"])
    assert text is not None
    assert text.startswith("You take Marevan (warfarin), a vitamin K antagonist")
    assert "Schurgers et al., Blood 2007;109:3279" in text
    assert steady_vitamin_k_reminder(["warfarin"]) is not None
    assert "You take warfarin, a" in (steady_vitamin_k_reminder(["warfarin"]) or "")
