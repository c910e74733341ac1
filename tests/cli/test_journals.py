"""Several journals in one database (#13): choosing one, its undo, and `aij export study`."""

import json
import zipfile
from pathlib import Path

import pytest

from aijournal.domain.journals import check_journal_name, pseudonyms
from aijournal.errors import BadInput
from tests.conftest import Run
from tests.helpers import query, snapshot

pytestmark = pytest.mark.dates


@pytest.mark.parametrize("name", ["me", "p-07", "a", "x" * 40, "anna2"])
def test_a_journal_name_is_lower_case_letters_digits_and_hyphens(name: str) -> None:
    assert check_journal_name(name) == name


@pytest.mark.parametrize("name", ["", "Anna", "anna smith", "x" * 41, "anna_b", "é", "a;drop"])
def test_any_other_journal_name_is_refused_with_the_allowed_form(name: str) -> None:
    with pytest.raises(BadInput, match="1 to 40 lower-case letters, digits or hyphens"):
        check_journal_name(name)


def test_pseudonyms_follow_the_order_given_and_widen_past_99() -> None:
    assert pseudonyms(["zoe", "anna", "zoe"]) == {"zoe": "P01", "anna": "P02"}
    many = pseudonyms([f"p-{n}" for n in range(120)])
    assert many["p-0"] == "P001" and many["p-119"] == "P120"


def _ids(aij: Run, *journal: str) -> list[str]:
    listed = aij(*journal, "entries", "--from", "-30d", "--json")
    assert listed.code == 0, listed.err
    return [row["id"] for row in json.loads(listed.out)]


def test_journal_comes_from_the_option_else_the_env_else_the_setting(
    aij: Run, aij_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert aij("--journal", "anna", "log", "joint-pain=7", "-d", "-1d").code == 0
    assert aij("log", "joint-pain=2", "-d", "-1d").code == 0  # journal 'me'
    assert query(
        aij_home, "SELECT journal, count(*) FROM entry GROUP BY journal ORDER BY journal"
    ) == [
        ("anna", 1),
        ("me", 1),
    ]
    assert aij("config", "set", "journal", "anna").code == 0
    anna = _ids(aij)
    monkeypatch.setenv("AIJ_JOURNAL", "me")
    me = _ids(aij)
    assert _ids(aij, "--journal", "anna") == anna
    assert len(anna) == len(me) == 1 and anna != me
    # `aij where` names the journal each way chose.
    assert aij("where", "journal-name").out == "me\n"
    assert aij("--journal", "anna", "where", "journal-name").out == "anna\n"
    monkeypatch.delenv("AIJ_JOURNAL")
    assert aij("where", "journal-name").out == "anna\n"


def test_a_bad_journal_name_changes_nothing_and_exits_2(aij: Run, aij_home: Path) -> None:
    assert aij("log", "joint-pain=2").code == 0
    before = snapshot(aij_home)
    result = aij("--journal", "Anna B", "log", "joint-pain=5")
    assert result.code == 2
    assert "journal name 'Anna B' is not allowed" in result.err
    assert snapshot(aij_home) == before
    assert aij("config", "set", "journal", "ANNA").code == 2


def test_undo_takes_back_the_last_command_of_this_journal_only(aij: Run) -> None:
    assert aij("--journal", "a", "log", "joint-pain=4").code == 0
    assert aij("--journal", "b", "log", "joint-pain=6").code == 0
    (b_id,) = _ids(aij, "--journal", "b")
    undone = aij("--journal", "a", "undo", "--yes")
    assert undone.code == 0, undone.err
    assert _ids(aij, "--journal", "a") == []
    assert _ids(aij, "--journal", "b") == [b_id]


def _study(aij: Run, aij_home: Path) -> None:
    logs = {
        "anna-smith": ["joint-pain=6", "sleep=7", "--note", "anna-smith saw Dr Quokka"],
        "bob": ["joint-pain=3", "--note", "bob's knee after the wedding"],
        "carol": ["fatigue=2"],
    }
    for name, words in logs.items():
        assert aij("--journal", name, "log", *words, "-d", "-2d").code == 0
    assert aij("--journal", "bob", "log", "question", "Ask about bob's zygoma?").code == 0
    assert aij("--journal", "carol", "log", "meal", "salmon 150g", "-d", "-1d").code == 0


FREE_TEXT = ("quokka", "wedding", "zygoma", "salmon 150g")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_study_export_holds_pseudonyms_and_no_name_nor_free_text(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    _study(aij, aij_home)
    out = tmp_path / "study.zip"
    result = aij("export", "study", "--journals", "bob,anna-smith,carol", "--out", str(out))
    assert result.code == 0, result.err
    assert out.stat().st_mode & 0o777 == 0o600
    members = _members(out)
    assert sorted(members) == [
        "P01/daily.csv",
        "P02/daily.csv",
        "P03/daily.csv",
        "codebook.csv",
        "manifest.csv",
    ]
    for name, data in members.items():
        for secret in ("anna", "smith", "bob", "carol", *FREE_TEXT):
            assert secret.encode() not in data.lower(), (name, secret)
    manifest = members["manifest.csv"].decode("utf-8-sig").splitlines()
    # bob (P01): two entries on -2d (rating, note) and a question today: days -2d to today.
    assert manifest[0] == "pseudonym,first_day,last_day,daily_rows,entries"
    assert manifest[1].startswith("P01,") and manifest[1].endswith(",3,3")
    # anna-smith (P02): rating, sleep and note on one day; carol (P03): -2d and a meal -1d.
    assert manifest[2].endswith(",1,3")
    assert manifest[3].endswith(",2,2")
    # P02's daily.csv is anna-smith's: joint pain 6 and 7 h of sleep, as logged.
    daily = members["P02/daily.csv"].decode("utf-8-sig").splitlines()
    header, row = daily[0].split(","), daily[1].split(",")
    assert row[header.index("joint_pain_0_10")] == "6"
    assert row[header.index("sleep_hours")] == "7"


def test_with_text_the_study_export_holds_the_notes(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    _study(aij, aij_home)
    out = tmp_path / "study.zip"
    assert (
        aij(
            "export",
            "study",
            "--journals",
            "bob,anna-smith,carol",
            "--out",
            str(out),
            "--with-text",
        ).code
        == 0
    )
    members = _members(out)
    assert "bob's knee after the wedding" in members["P01/text.csv"].decode("utf-8-sig")
    assert "Ask about bob's zygoma?" in members["P01/text.csv"].decode("utf-8-sig")
    assert "anna-smith saw Dr Quokka" in members["P02/text.csv"].decode("utf-8-sig")
    assert "salmon 150g" in members["P03/text.csv"].decode("utf-8-sig")


def test_an_unknown_journal_gets_did_you_mean_and_no_file(
    aij: Run, aij_home: Path, tmp_path: Path
) -> None:
    _study(aij, aij_home)
    out = tmp_path / "study.zip"
    result = aij("export", "study", "--journals", "bob,carl", "--out", str(out))
    assert result.code == 2
    assert "no journal is named 'carl' (did you mean carol?)" in result.err
    assert not out.exists()
