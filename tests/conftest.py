"""Shared fixtures: fixture content, and a migrated database on SQLite and, when
TEST_DATABASE_URL is set (CI sets it), on PostgreSQL too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from progress.database import Database, connect, upgrade_to_head

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty, migrated database; each backend in turn."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        if not POSTGRES_URL:
            if IN_CI:
                pytest.fail("CI must set TEST_DATABASE_URL for the PostgreSQL tests")
            pytest.skip("PostgreSQL tests need TEST_DATABASE_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
        url = POSTGRES_URL
        _reset_postgres(url)
    upgrade_to_head(url)
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    factory = connect(database_url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    url = f"sqlite:///{tmp_path / 'test.db'}"
    upgrade_to_head(url)
    factory = connect(url)
    yield factory
    factory.kw["bind"].dispose()
