"""The routes ui/web_server.py mounts next to Streamlit, on a bare Starlette app."""

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from access import http_routes
from access.browser_binding import BROWSER_COOKIE, PROOF_HEADER, sign_in_proof, sign_out_proof
from access.tokens import COOKIE_NAME, issue_token

SECRET = "route-secret"
BROWSER = "this-browser-0123456789abcdef"
# what a browser sends with our page's fetch (TestClient's host is "testserver"),
# including the random id our pages gave this browser
SAME_ORIGIN = {"origin": "http://testserver", "sec-fetch-site": "same-origin", "cookie": f"{BROWSER_COOKIE}={BROWSER}"}


def proven(token: str, browser: str = BROWSER) -> dict[str, str]:
    """The proof the page sends with a token it issued in this browser."""
    return {PROOF_HEADER: sign_in_proof(SECRET, browser, token)}


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
    (tmp_path / "app.js").write_text("export default 1")
    app = Starlette(
        routes=[
            Route("/auth/session", http_routes.sign_in_route, methods=["POST"]),
            Route("/auth/signout", http_routes.sign_out_route, methods=["POST"]),
            Route("/", lambda request: HTMLResponse("<p>a page</p>"), methods=["GET"]),
            Mount("/app/static", StaticFiles(directory=tmp_path)),
        ],
        middleware=[Middleware(http_routes.SecurityHeaders), Middleware(http_routes.BrowserCookie),
                    Middleware(http_routes.CacheContentAddressedForever)],
    )
    return TestClient(app, headers=SAME_ORIGIN)


def test_valid_token_becomes_an_httponly_cookie(client):
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    response = client.post("/auth/session", content=token, headers=proven(token))
    assert response.status_code == 200 and response.json() == {"ok": True, "role": "learner"}
    header = response.headers["set-cookie"]
    assert header.startswith(f"{COOKIE_NAME}={token}")
    assert "HttpOnly" in header and "SameSite=lax" in header and "Max-Age=" in header


def test_forged_token_sets_no_cookie(client):
    forged = issue_token("not-our-secret", "trainer", 1, 3600, version=1)
    response = client.post("/auth/session", content=forged, headers=proven(forged))
    assert response.status_code == 400 and "set-cookie" not in response.headers


def test_sign_out_clears_the_cookie(client):
    response = client.post("/auth/signout", headers={PROOF_HEADER: sign_out_proof(SECRET, BROWSER)})
    assert response.status_code == 200
    assert f'{COOKIE_NAME}=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]


ATTACKER = "attacker-browser-0123456789"


@pytest.mark.parametrize("cookie, proof", [
    (None, BROWSER),  # no browser id sent: a browser that never loaded our page
    (BROWSER, None),  # no proof: a form or fetch that did not come from our page
    (ATTACKER, BROWSER),  # the proof of another browser (the attacker's own session)
    (BROWSER, ATTACKER),
    (BROWSER, "other-token"),  # the proof of another token
    ("short", "short"),  # not an id we give out
], ids=["no-browser-cookie", "no-proof", "other-browser-cookie", "other-browser-proof", "other-token", "bad-id"])
def test_a_token_not_bound_to_this_browser_sets_no_cookie(client, cookie, proof, caplog):
    """Login CSRF with the Origin checks bypassed (an old browser, a proxy stripping
    headers): a valid token of the attacker's account still signs nobody in."""
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    headers = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}
    if cookie:
        headers["cookie"] = f"{BROWSER_COOKIE}={cookie}"
    if proof == "other-token":
        headers[PROOF_HEADER] = sign_in_proof(SECRET, BROWSER, issue_token(SECRET, "learner", 6, 3600, version=1))
    elif proof:
        headers[PROOF_HEADER] = sign_in_proof(SECRET, proof, token) or "x"
    with TestClient(client.app) as bare:
        response = bare.post("/auth/session", content=token, headers=headers)
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert "without this browser's proof" in caplog.text


def test_sign_out_needs_this_browsers_proof(client):
    """Logout CSRF: another site cannot sign this browser out either."""
    with TestClient(client.app) as bare:
        for proof in (None, sign_out_proof(SECRET, ATTACKER), sign_in_proof(SECRET, BROWSER, "")):
            headers = {k: v for k, v in SAME_ORIGIN.items()}
            if proof:
                headers[PROOF_HEADER] = proof
            response = bare.post("/auth/signout", headers=headers)
            assert response.status_code == 403 and "set-cookie" not in response.headers


def test_clearing_a_refused_cookie_leaves_a_newer_sign_in(client):
    """A page that refused the cookie it connected with clears only that one: another tab
    may have signed in since."""
    old, new = (issue_token(SECRET, "learner", 5, 3600, version=v) for v in (1, 2))
    proof = {PROOF_HEADER: sign_out_proof(SECRET, BROWSER)}
    with_new = {**SAME_ORIGIN, "cookie": f"{SAME_ORIGIN['cookie']}; {COOKIE_NAME}={new}"}
    kept = client.post("/auth/signout", content=old, headers={**with_new, **proof})
    assert kept.status_code == 200 and "set-cookie" not in kept.headers
    with_old = {**SAME_ORIGIN, "cookie": f"{SAME_ORIGIN['cookie']}; {COOKIE_NAME}={old}"}
    cleared = client.post("/auth/signout", content=old, headers={**with_old, **proof})
    assert f'{COOKIE_NAME}=""' in cleared.headers["set-cookie"]


def test_a_page_gives_a_new_browser_its_id_once(client):
    with TestClient(client.app) as fresh:
        first = fresh.get("/")
        header = first.headers["set-cookie"]
        assert header.startswith(f"{BROWSER_COOKIE}=")
        assert "HttpOnly" in header and "SameSite=lax" in header and "Path=/" in header
        assert "secure" not in header.lower()
        assert "set-cookie" not in fresh.get("/").headers  # it keeps the one it has
        assert "set-cookie" not in fresh.get("/app/static/images/p.svg").headers
    with TestClient(client.app) as fresh:  # pictures and scripts never race to give one
        assert "set-cookie" not in fresh.get("/app/static/images/p.svg").headers
        assert "set-cookie" not in fresh.get("/app/static/app.js").headers
        assert "set-cookie" not in fresh.post("/", content="").headers
    with TestClient(client.app, base_url="https://testserver") as tls:
        assert "; secure" in tls.get("/").headers["set-cookie"].lower()


def test_a_browser_id_from_a_page_then_signs_in(client):
    """The whole path: the page's id, the proof made from it, the sign-in cookie."""
    with TestClient(client.app, headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"}) as fresh:
        fresh.get("/")
        browser = fresh.cookies[BROWSER_COOKIE]
        token = issue_token(SECRET, "trainer", 2, 3600, version=1)
        response = fresh.post("/auth/session", content=token, headers=proven(token, browser))
        assert response.status_code == 200 and response.headers["set-cookie"].startswith(f"{COOKIE_NAME}=")


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
        response = bare.post("/auth/session", content=token, headers={
            "origin": "http://testserver", "cookie": SAME_ORIGIN["cookie"], **proven(token)})
    assert response.status_code == 200 and "set-cookie" in response.headers


def test_the_cookie_is_not_secure_over_plain_http(client):
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    response = client.post("/auth/session", content=token, headers=proven(token))
    assert "secure" not in response.headers["set-cookie"].lower()


def test_the_cookie_is_secure_over_https(client):
    https_page = {**SAME_ORIGIN, "origin": "https://testserver"}
    with TestClient(client.app, base_url="https://testserver", headers=https_page) as tls:
        token = issue_token(SECRET, "learner", 5, 3600, version=1)
        response = tls.post("/auth/session", content=token, headers=proven(token))
    assert response.status_code == 200 and "; secure" in response.headers["set-cookie"].lower()


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(client, monkeypatch):
    """TestClient's peer is "testclient", not an address: use a stand-in Starlette app with a
    fixed client address to play the proxy."""
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    forwarded = {**SAME_ORIGIN, "x-forwarded-proto": "https", **proven(token)}

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
    token = issue_token(SECRET, "learner", 5, 3600, version=1)
    headers = {"origin": "https://hocvu.example", "sec-fetch-site": "same-origin", "x-forwarded-host": "hocvu.example",
               "cookie": SAME_ORIGIN["cookie"], **proven(token)}

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


@pytest.mark.parametrize("path", ["/app/static/audio/abc.mp3", "/app/static/app.js"])
def test_a_script_or_sound_gets_nosniff_but_not_the_page_headers(client, path):
    """CSP and X-Frame-Options only mean something for a page; a script carries nosniff."""
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "content-security-policy" not in response.headers and "x-frame-options" not in response.headers


@pytest.mark.parametrize("content_type, inert", [
    ("text/javascript; charset=utf-8", True), ("application/javascript", True), ("text/css", True),
    ("font/woff2", True), ("audio/mpeg", True), ("image/png", True),
    ("text/html; charset=utf-8", False), ("image/svg+xml", False), ("application/json", False), ("", False),
    ("text/plain", False), ("application/pdf", False)])
def test_only_scripts_styles_fonts_sounds_and_raster_pictures_go_without_page_headers(content_type, inert):
    assert http_routes.is_inert(content_type.encode()) is inert


def test_a_strange_host_is_not_written_into_the_policy():
    assert "evil" not in http_routes.content_security_policy("x; script-src https://evil")
    assert "ws://192.168.1.4:8501 " in http_routes.content_security_policy("192.168.1.4:8501")
