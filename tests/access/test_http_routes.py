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


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setattr(http_routes, "_secret", lambda: SECRET)
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
        middleware=[Middleware(http_routes.CacheContentAddressedForever)],
    )
    return TestClient(app)


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
