"""Shared fixtures: fixture content, and a migrated database on SQLite and, when
TEST_DATABASE_URL is set (CI sets it), on PostgreSQL too.

A test that needs a program a bare machine lacks says so with
``@pytest.mark.needs_commands("zbarimg", apt="zbar-tools")``: on a developer's machine it
skips and says what to install; under CI=true it fails instead, and so does any other
skip, so a green CI run has skipped nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from progress.database import Database, connect, upgrade_to_head

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"


def _own_postgres_database(url: str, suffix: str) -> str:
    """TEST_DATABASE_URL with ``suffix`` added to the database's name, created when
    missing: ``dev.py test`` runs the browser tests beside the others, and each
    PostgreSQL test empties its database, so the two runs must not share one."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    own = make_url(url).set(database=f"{make_url(url).database}{suffix}")
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        if connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database}) is None:
            connection.execute(text(f'CREATE DATABASE "{own.database}"'))
    engine.dispose()
    return own.render_as_string(hide_password=False)


POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")
if POSTGRES_URL and os.environ.get("TEST_DATABASE_SUFFIX"):
    POSTGRES_URL = _own_postgres_database(POSTGRES_URL, os.environ["TEST_DATABASE_SUFFIX"])
IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> NoReturn:
    """Skip on a developer's machine; fail under CI=true, where every test must run."""
    if IN_CI:
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_commands(*commands, apt): programs the test runs; skip without them, fail under CI=true")


# Run in the browser tests' process (dev.py test), to even out the two processes' time:
# the offline-sync tests each build two or three databases and some start servers.
BESIDE_BROWSERS = ("tests/progress/sync/", "tests/access/test_sync_route.py", "tests/test_manage_sync.py",
                   "tests/ui/test_sync_", "tests/ui/test_admin_laptops_flow.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(BESIDE_BROWSERS):
            item.add_marker(pytest.mark.beside_browsers)


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_commands"):
        missing = [command for command in mark.args if shutil.which(command) is None]
        if missing:
            skip_or_fail(f"needs {' and '.join(missing)} (apt-get install {mark.kwargs['apt']})")


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # type: ignore[no-untyped-def]
    """Under CI=true a skip anywhere (skipif, importorskip, pytest.skip) is a failure."""
    report = yield
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"CI=true: nothing may skip, and this test skipped: {_skip_reason(report)}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):  # type: ignore[no-untyped-def]
    """The same for a whole module skipped while collecting (a module-level importorskip)."""
    report = yield
    if IN_CI and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"CI=true: nothing may skip, and this module skipped: {_skip_reason(report)}"
    return report


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
            skip_or_fail("PostgreSQL tests need TEST_DATABASE_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
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
