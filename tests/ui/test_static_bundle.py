"""Streamlit's scripts and styles: gzipped once per process, cached for a year, with few
headers and no cookie, while pages keep their security headers (ui/static_bundle.py,
access/http_routes.py)."""

from __future__ import annotations

import asyncio
import gzip

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from access import http_routes
from access.browser_binding import BROWSER_COOKIE
from ui import static_bundle
from ui.static_bundle import STREAMLIT_STATIC, PrecompressedStatic, bundle_file

SCRIPTS = sorted((STREAMLIT_STATIC / "static" / "js").glob("index.*.js"))
STYLES = sorted((STREAMLIT_STATIC / "static" / "css").glob("index.*.css"))


def _app() -> Starlette:
    """Our middlewares in ui/web_server.py's order around a page and Streamlit's static folder."""
    return Starlette(
        routes=[Route("/", lambda request: HTMLResponse("<p>a page</p>"), methods=["GET"]),
                Mount("/", StaticFiles(directory=STREAMLIT_STATIC))],
        middleware=[Middleware(http_routes.SecurityHeaders), Middleware(http_routes.BrowserCookie),
                    Middleware(http_routes.CacheContentAddressedForever), Middleware(PrecompressedStatic),
                    Middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)],
    )


@pytest.fixture
def client() -> TestClient:
    return TestClient(_app())


def test_the_installed_streamlit_has_the_files_this_serves():
    assert SCRIPTS and STYLES


def test_a_script_comes_gzipped_cached_for_a_year_without_page_headers_or_cookie(client):
    script = SCRIPTS[0]
    response = client.get(f"/static/js/{script.name}", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.content == script.read_bytes()  # httpx undoes the gzip
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in response.headers and "x-frame-options" not in response.headers
    assert "set-cookie" not in response.headers  # a browser without its id gets none from a script


def test_the_gzip_is_level_9(client):
    script = SCRIPTS[0]
    with client.stream("GET", f"/static/js/{script.name}", headers={"accept-encoding": "gzip"}) as response:
        wire = b"".join(response.iter_raw())
    assert wire == gzip.compress(script.read_bytes(), compresslevel=9, mtime=0)
    assert int(response.headers["content-length"]) == len(wire)


def test_a_style_sheet_too_and_head_sends_no_body(client):
    style = STYLES[0]
    response = client.head(f"/static/css/{style.name}", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"].startswith("text/css")
    assert response.headers["content-encoding"] == "gzip" and "immutable" in response.headers["cache-control"]


def test_a_page_keeps_its_security_headers_and_gives_the_browser_its_id(client):
    page = client.get("/", headers={"accept-encoding": "gzip"})
    assert "frame-ancestors 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "SAMEORIGIN"
    assert BROWSER_COOKIE in page.headers["set-cookie"]


def test_each_file_is_compressed_once_however_many_phones_ask_at_once(monkeypatch):
    calls: list[str] = []
    real = static_bundle.compress

    def counting(file):  # type: ignore[no-untyped-def]
        calls.append(file.name)
        return real(file)

    monkeypatch.setattr(static_bundle, "compress", counting)
    script = SCRIPTS[0]

    async def thirty_phones() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as phones:
            first = await asyncio.gather(*(phones.get(f"/static/js/{script.name}",
                                                      headers={"accept-encoding": "gzip"}) for _ in range(30)))
            later = await phones.get(f"/static/js/{script.name}", headers={"accept-encoding": "gzip"})
            return [*first, later]

    responses = asyncio.run(thirty_phones())
    assert {r.status_code for r in responses} == {200}
    assert all(r.content == script.read_bytes() for r in responses)
    assert calls == [script.name]


def test_a_browser_without_gzip_gets_streamlits_own_answer(client):
    script = SCRIPTS[0]
    response = client.get(f"/static/js/{script.name}", headers={"accept-encoding": "identity"})
    assert response.status_code == 200 and response.content == script.read_bytes()
    assert "content-encoding" not in response.headers


@pytest.mark.parametrize("value, accepted", [("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.8", True),
                                             ("gzip;q=0", False), ("identity", False), ("*", True)])
def test_accept_encoding_is_read(value, accepted):
    assert static_bundle.accepts_gzip({"headers": [(b"accept-encoding", value.encode())]}) is accepted


@pytest.mark.parametrize("path", ["/static/js/../../../config.py", "/static/js/.hidden.js", "/static/js/a/b.js",
                                  "/static/js/missing.js", "/static/media/x.woff2", "/app/static/js/x.js"])
def test_only_plain_names_of_existing_scripts_and_styles_are_served(path):
    assert bundle_file(path) is None


def test_the_web_server_wraps_the_bundle_in_the_security_headers_and_before_gzip():
    from ui.web_server import app

    order = [m.cls for m in app._user_middleware]
    assert order.index(http_routes.SecurityHeaders) < order.index(PrecompressedStatic) < order.index(GZipMiddleware)
    assert order.index(http_routes.BrowserCookie) < order.index(PrecompressedStatic)
