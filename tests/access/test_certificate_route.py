"""GET /chung-nhan?ma=...: the page a certificate's QR opens, on a bare Starlette app."""

from __future__ import annotations

import datetime as dt

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from access import certificate_route
from catalog.loading import load_catalog
from certificates.verification import issue_code
from progress.groups import create_group
from progress.learners import create_learner, delete_learner
from progress.tracking import record_attempt
from progress.trainers import create_trainer
from quizzes.answers import GradedAnswer
from tests.conftest import FIXTURE_CONTENT

SECRET = "route-secret"
DAY = dt.date(2026, 1, 5)


@pytest.fixture
def setup(sqlite_db, monkeypatch):  # type: ignore[no-untyped-def]
    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    monkeypatch.setattr(certificate_route, "_secret", lambda: SECRET)
    monkeypatch.setattr(certificate_route, "_catalog", lambda: catalog)
    monkeypatch.setattr(certificate_route, "_database", lambda: sqlite_db)
    app = Starlette(routes=[Route("/chung-nhan", certificate_route.certificate_route, methods=["GET"])])
    group = create_group(sqlite_db, "Thôn Bờ He")
    create_trainer(sqlite_db, "tapsu", "Tập huấn viên", "hocvuso2025", [group.id])
    return TestClient(app), sqlite_db, group


def finish_module(db, learner_id: int) -> None:  # type: ignore[no-untyped-def]
    for lesson_id in ("bai-mau", "thuc-hanh-mau"):
        record_attempt(db, learner_id, lesson_id, [GradedAnswer("q-mot", "a", True)], 100, True, 80)


def test_valid_code_shows_who_finished_what_and_when(setup):
    client, db, group = setup
    hoa = create_learner(db, group.id, "Đinh Thị Hoa", "1234")
    finish_module(db, hoa.id)
    response = client.get("/chung-nhan", params={"ma": issue_code(SECRET, hoa.id, "an-toan", DAY)})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "✅ Giấy chứng nhận hợp lệ" in page
    assert "<strong>Đinh Thị Hoa</strong> đã hoàn thành <strong>An toàn</strong>, ngày 05/01/2026" in page
    assert "Thôn Bờ He" in page and '<html lang="vi">' in page and 'name="viewport"' in page
    assert response.headers["cache-control"] == "no-store"


def test_tampered_code_is_not_valid(setup):
    client, db, group = setup
    hoa = create_learner(db, group.id, "Đinh Thị Hoa", "1234")
    finish_module(db, hoa.id)
    code = issue_code(SECRET, hoa.id, "an-toan", DAY).replace("20260105", "20250105")
    response = client.get("/chung-nhan", params={"ma": code})
    assert response.status_code == 404
    assert "❌ Mã không hợp lệ" in response.text and "Đinh Thị Hoa" not in response.text


@pytest.mark.parametrize("query", ["", "?ma=", "?ma=abc", "?ma=" + "9" * 300])
def test_missing_or_malformed_code_is_not_valid(setup, query):
    client, _, _ = setup
    response = client.get("/chung-nhan" + query)
    assert response.status_code == 404 and "không hợp lệ" in response.text


def test_deleted_learner_has_no_valid_certificate(setup):
    client, db, group = setup
    hoa = create_learner(db, group.id, "Đinh Thị Hoa", "1234")
    finish_module(db, hoa.id)
    code = issue_code(SECRET, hoa.id, "an-toan", DAY)
    assert client.get("/chung-nhan", params={"ma": code}).status_code == 200
    delete_learner(db, hoa.id)
    response = client.get("/chung-nhan", params={"ma": code})
    assert response.status_code == 404 and "không hợp lệ" in response.text and "Đinh Thị Hoa" not in response.text


def test_unfinished_module_is_not_valid_even_when_signed(setup):
    client, db, group = setup
    hoa = create_learner(db, group.id, "Đinh Thị Hoa", "1234")
    record_attempt(db, hoa.id, "bai-mau", [GradedAnswer("q-mot", "a", True)], 100, True, 80)
    response = client.get("/chung-nhan", params={"ma": issue_code(SECRET, hoa.id, "an-toan", DAY)})
    assert response.status_code == 404 and "không hợp lệ" in response.text


def test_everything_shown_is_html_escaped(setup):
    client, db, group = setup
    learner = create_learner(db, group.id, '<script>alert("x")</script> & Tí', "1234")
    finish_module(db, learner.id)
    page = client.get("/chung-nhan", params={"ma": issue_code(SECRET, learner.id, "an-toan", DAY)}).text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tí" in page
