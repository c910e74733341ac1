"""Fixtures of the unit tests: the shipped food catalog, loaded once per module."""

import pytest

from aijournal.catalog.foods import FoodCatalog, load_food_catalog


@pytest.fixture(scope="module")
def catalog() -> FoodCatalog:
    return load_food_catalog(None)
