"""AppTest set-up: the app on a fresh SQLite database with the fixture content."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from progress.database import connect, upgrade_to_head
from progress.demo import seed_demo
from settings import PROJECT_ROOT
from tests.conftest import FIXTURE_CONTENT

APP = str(PROJECT_ROOT / "app.py")


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_to_head(url)
    db = connect(url)
    seed_demo(db)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    monkeypatch.setenv("BDHVS_CONTENT__LESSONS_DIR", str(FIXTURE_CONTENT / "lessons"))
    monkeypatch.setenv("BDHVS_CONTENT__QUIZZES_DIR", str(FIXTURE_CONTENT / "quizzes"))
    monkeypatch.setenv("BDHVS_AUTH__SECRET_KEY", "apptest-secret")
    # the flows sign in with the demo password (a first set-up asks for a new one:
    # tests/ui/test_demo_account_flow.py), on a server only this computer can open
    monkeypatch.setenv("BDHVS_AUTH__DEMO_MUST_CHANGE_PASSWORD", "false")
    monkeypatch.setenv("BDHVS_SERVER__HOST", "127.0.0.1")
    st.cache_resource.clear()
    yield db
    st.cache_resource.clear()
    db.kw["bind"].dispose()


@pytest.fixture
def new_app(app_env):
    def make() -> AppTest:
        return AppTest.from_file(APP, default_timeout=30)

    return make


@pytest.fixture
def downloads(monkeypatch):  # type: ignore[no-untyped-def]
    """The bytes and file name of every download button drawn (the files Streamlit would serve)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: list[tuple[bytes, str]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        if isinstance(path_or_data, bytes):
            files.append((path_or_data, filename or ""))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return files
