"""A PostgreSQL database of a test's own (#13), on the server AIJ_TEST_POSTGRES_URL names.

Minimal version written by h-journals; h-pg owns this file and its CI wiring. Interface:
tests marked ``postgres`` take ``pg_url``, the URL of a fresh, empty database that is
dropped afterwards. Without the variable the fixture skips; with ``CI`` set it fails.
"""

import os
import uuid
from collections.abc import Iterator

import pytest

ENV = "AIJ_TEST_POSTGRES_URL"


@pytest.fixture
def pg_url() -> Iterator[str]:
    server = os.environ.get(ENV)
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"{ENV} is not set: CI runs the PostgreSQL tests")
        pytest.skip(f"{ENV} is not set (a PostgreSQL server for the tests)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"aij_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
