from collections.abc import Iterator
from pathlib import Path

import pytest

from progress.database import Database, connect, upgrade_to_head


def _sqlite(path: Path) -> Iterator[Database]:
    url = f"sqlite:///{path}"
    upgrade_to_head(url)
    factory = connect(url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    """A village laptop: always SQLite, as in the field."""
    yield from _sqlite(tmp_path / "laptop.db")


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[Database]:
    yield from _sqlite(tmp_path / "other-laptop.db")


@pytest.fixture
def server(db: Database) -> Database:
    """The commune server: SQLite, and PostgreSQL when TEST_DATABASE_URL is set."""
    return db
