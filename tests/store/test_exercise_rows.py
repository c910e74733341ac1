"""A stored exercise item read as a plain row becomes the same `LoggedItem` as the parsed
entry would (`LoggedItem.from_entry`): `store/exercise.logged_item` builds it in one step for
speed, and must not drop a field the entry gains."""

import dataclasses
from types import SimpleNamespace

from aijournal.domain.activity import LoggedItem
from aijournal.domain.exercise import ExerciseEntry
from aijournal.store.exercise import item_entry, logged_item


def test_a_row_becomes_the_item_from_entry_makes_for_every_field() -> None:
    # A distinct value in every amount field, so a dropped or swapped field shows.
    amounts = {"sets": 3, "reps": 10, "seconds": 45, "minutes": 30, "impacts": 50, "load_kg": 12.5}
    names = [f.name for f in dataclasses.fields(ExerciseEntry) if f.name != "exercise_id"]
    assert sorted(names) == sorted(amounts)  # a new field needs a value here too
    row = SimpleNamespace(
        exercise="goblet-squat", kind="resistance", intensity="vigorous", **amounts
    )
    expected = LoggedItem.from_entry(
        ExerciseEntry("goblet-squat", **amounts), "resistance", "vigorous"
    )
    assert logged_item(row) == expected
    assert item_entry(row) == ExerciseEntry("goblet-squat", **amounts)
