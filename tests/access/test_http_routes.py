"""The routes ui/web_server.py mounts next to Streamlit, on a bare Starlette app."""

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from access import http_routes
from access.tokens import COOKIE_NAME, issue_token

SECRET = "route-secret"
# what a browser sends with our page's fetch (TestClient's host is "testserver")
SAME_ORIGIN = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setattr(http_routes, "_secret", lambda: SECRET)
    monkeypatch.setattr(http_routes, "_trusted_proxies", lambda: ())
    audio = tmp_path / "audio"
    audio.mkdir()
    (audio / "abc.mp3").write_bytes(b"mp3-bytes")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "p.svg").write_text("<svg/>")
    (tmp_path / "other.txt").write_text("x")
    app = Starlette(
        routes=[
            Route("/auth/session", http_routes.sign_in_route, methods=["POST"]),
            Route("/auth/signout", http_routes.sign_out_route, methods=["POST"]),
            Mount("/app/static", StaticFiles(directory=tmp_path)),
        ],
        middleware=[Middleware(http_routes.SecurityHeaders), Middleware(http_routes.CacheContentAddressedForever)],
    )
    return TestClient(app, headers=SAME_ORIGIN)


def test_valid_token_becomes_an_httponly_cookie(client):
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    response = client.post("/auth/session", content=token)
    assert response.status_code == 200 and response.json() == {"ok": True, "role": "learner"}
    header = response.headers["set-cookie"]
    assert header.startswith(f"{COOKIE_NAME}={token}")
    assert "HttpOnly" in header and "SameSite=lax" in header and "Max-Age=" in header


def test_forged_token_sets_no_cookie(client):
    response = client.post("/auth/session", content=issue_token("not-our-secret", "trainer", 1, 3600, version=1))
    assert response.status_code == 400 and "set-cookie" not in response.headers


def test_sign_out_clears_the_cookie(client):
    response = client.post("/auth/signout")
    assert response.status_code == 200
    assert f'{COOKIE_NAME}=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]


def test_pictures_are_cached_forever(client):
    picture = client.get("/app/static/images/p.svg")
    assert picture.status_code == 200
    assert picture.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_audio_is_cached_forever_and_other_files_are_not(client):
    audio = client.get("/app/static/audio/abc.mp3")
    assert audio.status_code == 200 and audio.content == b"mp3-bytes"
    assert audio.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "immutable" not in client.get("/app/static/other.txt").headers.get("cache-control", "")
    assert "cache-control" not in client.get("/app/static/audio/missing.mp3").headers or \
        "immutable" not in client.get("/app/static/audio/missing.mp3").headers["cache-control"]


@pytest.mark.parametrize("headers", [
    {"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
    {"origin": "https://evil.example"},  # a browser without Sec-Fetch-Site
    {"origin": "http://testserver", "sec-fetch-site": "cross-site"},
    {"origin": "null"},
    {"sec-fetch-site": "same-site"},
    {"origin": "", "sec-fetch-site": ""},  # neither: no browser's fetch looks like this
], ids=["cross-site", "other-origin", "cross-site-fetch", "null-origin", "sibling-site", "neither"])
def test_a_cross_site_post_sets_no_cookie(client, headers):
    """Login CSRF: another site posting a token of its own account must not sign this phone in."""
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    sent = {k: v for k, v in headers.items() if v}
    with TestClient(client.app) as bare:
        response = bare.post("/auth/session", content=token, headers=sent)
        signed_out = bare.post("/auth/signout", headers=sent)
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert signed_out.status_code == 403 and "set-cookie" not in signed_out.headers


def test_a_same_origin_post_without_sec_fetch_site_is_accepted(client):
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    with TestClient(client.app) as bare:
        response = bare.post("/auth/session", content=token, headers={"origin": "http://testserver"})
    assert response.status_code == 200 and "set-cookie" in response.headers


def test_the_cookie_is_not_secure_over_plain_http(client):
    response = client.post("/auth/session", content=issue_token(SECRET, "learner", 5, 3600, version=1))
    assert "secure" not in response.headers["set-cookie"].lower()


def test_the_cookie_is_secure_over_https(client):
    https_page = {**SAME_ORIGIN, "origin": "https://testserver"}
    with TestClient(client.app, base_url="https://testserver", headers=https_page) as tls:
        response = tls.post("/auth/session", content=issue_token(SECRET, "learner", 5, 3600, version=1))
    assert response.status_code == 200 and "; secure" in response.headers["set-cookie"].lower()


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(client, monkeypatch):
    """TestClient's peer is "testclient", not an address: use a stand-in Starlette app with a
    fixed client address to play the proxy."""
    forwarded = {**SAME_ORIGIN, "x-forwarded-proto": "https"}
    token = issue_token(SECRET, "learner", 5, 3600, version=1)

    def post_from(peer: str) -> str:
        async def as_peer(scope, receive, send):  # type: ignore[no-untyped-def]
            await client.app({**scope, "client": (peer, 40000)}, receive, send)
        with TestClient(as_peer) as proxied:
            response = proxied.post("/auth/session", content=token, headers=forwarded)
        assert response.status_code == 200
        return response.headers["set-cookie"].lower()

    assert "; secure" not in post_from("10.0.0.5")  # nobody is trusted by default
    monkeypatch.setattr(http_routes, "_trusted_proxies", lambda: ("10.0.0.0/8",))
    assert "; secure" in post_from("10.0.0.5")
    assert "; secure" not in post_from("192.168.1.20")  # a phone on the network pretending


def test_x_forwarded_host_counts_only_from_a_trusted_proxy(client, monkeypatch):
    """Behind a proxy that rewrites Host, the page's Origin is the proxy's public name."""
    headers = {"origin": "https://hocvu.example", "sec-fetch-site": "same-origin", "x-forwarded-host": "hocvu.example"}
    token = issue_token(SECRET, "learner", 5, 3600, version=1)

    async def as_proxy(scope, receive, send):  # type: ignore[no-untyped-def]
        await client.app({**scope, "client": ("127.0.0.1", 40000)}, receive, send)

    with TestClient(as_proxy) as proxied:
        assert proxied.post("/auth/session", content=token, headers=headers).status_code == 403
        monkeypatch.setattr(http_routes, "_trusted_proxies", lambda: ("127.0.0.1",))
        assert proxied.post("/auth/session", content=token, headers=headers).status_code == 200


@pytest.mark.parametrize("path", ["/app/static/images/p.svg", "/app/static/other.txt", "/nowhere"])
def test_every_response_has_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp and "default-src 'self'" in csp
    assert "connect-src 'self' ws://testserver wss://testserver" in csp


def test_a_strange_host_is_not_written_into_the_policy():
    assert "evil" not in http_routes.content_security_policy("x; script-src https://evil")
    assert "ws://192.168.1.4:8501 " in http_routes.content_security_policy("192.168.1.4:8501")
