"""Long-lived objects for the HTTP routes next to Streamlit (cards, certificate check),
built once per process and shared by every route. Pages use ui/resources.py instead,
whose st.cache_resource the tests clear between apps."""

from __future__ import annotations

from functools import lru_cache

from catalog.loading import Catalog, load_catalog
from progress.database import Database, connect
from settings import Settings, ensure_secret_key, load_settings


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load_settings()


@lru_cache(maxsize=1)
def secret() -> str:
    return ensure_secret_key(settings())


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    s = settings()
    return load_catalog(s.project_path(s.content.lessons_dir), s.project_path(s.content.quizzes_dir))


@lru_cache(maxsize=1)
def database() -> Database:
    s = settings()
    return connect(s.database_url, s.database.sqlite_busy_timeout_ms)
