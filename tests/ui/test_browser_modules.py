"""Our components' JavaScript is served once from /ui-js/ and cached, not re-sent per rerun."""

import re

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from ui import browser_modules
from ui.browser_modules import (
    MODULES_DIR,
    ROUTE_PREFIX,
    asset_url,
    asset_version,
    browser_module_route,
    loader_js,
    module_url,
)

COMPONENT_MODULES = ("audio_player", "scroll_top", "feedback_sound", "presenter_keys")


@pytest.fixture
def client():
    app = Starlette(routes=[Route(ROUTE_PREFIX + "{name}", browser_module_route, methods=["GET"])])
    return TestClient(app)


@pytest.mark.parametrize("name", COMPONENT_MODULES)
def test_each_component_loads_a_file_that_exists_and_is_a_module(name):
    source = (MODULES_DIR / f"{name}.js").read_text(encoding="utf-8")
    assert "export default function" in source
    loader = loader_js(name)
    assert module_url(name) in loader and "import(" in loader
    assert len(loader) < 400, "the inline part is what every rerun re-sends: keep it a loader"


def test_current_version_is_cached_for_a_year_and_is_javascript(client):
    response = client.get("/" + module_url("audio_player"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "immutable" in response.headers["cache-control"] and "max-age=31536000" in response.headers["cache-control"]
    assert response.content == (MODULES_DIR / "audio_player.js").read_bytes()


def test_an_old_or_missing_version_is_served_but_not_kept(client):
    response = client.get(ROUTE_PREFIX + "audio_player.js?v=000000000000")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
    assert client.get(ROUTE_PREFIX + "audio_player.js").headers["cache-control"] == "no-cache"


def test_the_page_style_is_served_as_css_and_imported_by_url():
    from ui.style import _CSS

    assert f"@import url('{asset_url('page.css')}')" in _CSS and len(_CSS) < 120
    assert ".nghe-play" in (MODULES_DIR / "page.css").read_text(encoding="utf-8")


def test_the_stylesheet_is_css_and_cached(client):
    response = client.get("/" + asset_url("page.css"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
    assert "immutable" in response.headers["cache-control"]


@pytest.mark.parametrize(
    "path", ["nothing.js", "..%2Fbrowser_modules.py", "audio_player.py", "Audio_Player.js", "page.html"])
def test_only_files_of_ui_browser_are_served(client, path):
    assert client.get(ROUTE_PREFIX + path).status_code == 404


def test_a_changed_file_gets_a_new_url(tmp_path, monkeypatch):
    (tmp_path / "demo.js").write_text("export default function() {}")
    monkeypatch.setattr(browser_modules, "MODULES_DIR", tmp_path)
    asset_version.cache_clear()
    first = module_url("demo")
    (tmp_path / "demo.js").write_text("export default function() { return 1; }")
    asset_version.cache_clear()
    assert module_url("demo") != first
    assert re.fullmatch(r"ui-js/demo\.js\?v=[0-9a-f]{12}", first)
    asset_version.cache_clear()
