"""The composition root: one set of long-lived objects per process, shared by the
HTTP routes and the pages."""

import dataclasses

import pytest

from access import route_resources
from app_services import AppServices, app_services
from progress.database import upgrade_to_head
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture
def configured(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_to_head(url)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    monkeypatch.setenv("BDHVS_CONTENT__LESSONS_DIR", str(FIXTURE_CONTENT / "lessons"))
    monkeypatch.setenv("BDHVS_CONTENT__QUIZZES_DIR", str(FIXTURE_CONTENT / "quizzes"))
    monkeypatch.setenv("BDHVS_AUTH__SECRET_KEY", "services-secret")
    app_services.cache_clear()
    yield url
    app_services.cache_clear()


def test_built_once_from_the_settings_and_frozen(configured):
    services = app_services()
    assert isinstance(services, AppServices) and app_services() is services
    assert services.settings.database_url == configured
    assert services.secret_key == "services-secret"
    assert "bai-mau" in services.catalog.lessons
    assert services.review_policy.support_after_failed_attempts == services.settings.quiz.support_after_failed_attempts
    with pytest.raises(dataclasses.FrozenInstanceError):
        services.secret_key = "other"  # type: ignore[misc]


def test_the_routes_use_the_same_objects(configured):
    services = app_services()
    assert route_resources.settings() is services.settings
    assert route_resources.secret() == services.secret_key
    assert route_resources.catalog() is services.catalog
    assert route_resources.database() is services.database


def test_clearing_the_cache_reads_the_settings_again(configured, monkeypatch):
    first = app_services()
    monkeypatch.setenv("BDHVS_AUTH__SECRET_KEY", "another-secret")
    assert app_services().secret_key == first.secret_key
    app_services.cache_clear()
    assert app_services().secret_key == "another-secret"
