"""Fixtures of the unit tests: the shipped food catalog, loaded once per module."""

import os

import pytest
from hypothesis import settings

from aijournal.catalog.foods import FoodCatalog, load_food_catalog

# mutmut (which sets MUTANT_UNDER_TEST) traces every call while it learns which tests reach
# which function, and runs on a shared machine: a property test can then pass its checks but
# overrun Hypothesis's 200 ms deadline, and mutmut stops. Under mutmut only, no deadline; the
# checks are the same.
if "MUTANT_UNDER_TEST" in os.environ:
    settings.register_profile("mutmut", deadline=None)
    settings.load_profile("mutmut")


@pytest.fixture(scope="module")
def catalog() -> FoodCatalog:
    return load_food_catalog(None)
