"""Printed QR cards: the link signs its learner in; a revoked or forged card does not."""

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from access import http_routes
from access.card_links import CARD_PATH, card_code, card_url, read_card_code
from access.tokens import COOKIE_NAME, read_token
from progress.groups import create_group
from progress.learners import create_learner, revoke_cards

SECRET = "card-secret"


def test_code_round_trip_and_forgeries():
    code = card_code(SECRET, 7, 2)
    assert read_card_code(SECRET, code).learner_id == 7 and read_card_code(SECRET, code).version == 2
    assert read_card_code("other", code) is None
    learner, version, signature = code.split(".")
    assert read_card_code(SECRET, f"8.{version}.{signature}") is None
    assert read_card_code(SECRET, f"{learner}.3.{signature}") is None
    for junk in (None, "", "1.2", "a.b.c", "x" * 500):
        assert read_card_code(SECRET, junk) is None
    assert card_url("http://192.168.1.5:8501/", SECRET, 7, 2) == f"http://192.168.1.5:8501{CARD_PATH}?ma={code}"


@pytest.fixture
def client(sqlite_db, monkeypatch):
    monkeypatch.setattr(http_routes, "_secret", lambda: SECRET)
    monkeypatch.setattr(http_routes, "_card_db", lambda: sqlite_db)
    app = Starlette(routes=[Route(CARD_PATH, http_routes.card_route)])
    return TestClient(app, follow_redirects=False)


def test_a_card_signs_its_learner_in_until_it_is_revoked(client, sqlite_db):
    group = create_group(sqlite_db, "Thôn Bờ He")
    hoa = create_learner(sqlite_db, group.id, "Hoa", "1234")
    response = client.get(CARD_PATH, params={"ma": card_code(SECRET, hoa.id, 1)})
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.cookies[COOKIE_NAME]
    assert read_token(SECRET, cookie).account_id == hoa.id
    assert "httponly" in response.headers["set-cookie"].lower()

    assert revoke_cards(sqlite_db, hoa.id) == 2
    refused = client.get(CARD_PATH, params={"ma": card_code(SECRET, hoa.id, 1)})
    assert refused.status_code == 403 and "không dùng được" in refused.text
    assert "set-cookie" not in refused.headers
    assert client.get(CARD_PATH, params={"ma": card_code(SECRET, hoa.id, 2)}).status_code == 303


def test_forged_or_unknown_cards_are_refused(client, sqlite_db):
    assert client.get(CARD_PATH, params={"ma": card_code("not-ours", 1, 1)}).status_code == 403
    assert client.get(CARD_PATH, params={"ma": card_code(SECRET, 999, 1)}).status_code == 403
    assert client.get(CARD_PATH).status_code == 403
