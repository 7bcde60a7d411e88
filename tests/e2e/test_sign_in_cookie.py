"""The sign-in cookie in Chromium (ui/cookie_sync.py, access/browser_binding.py): a
reload stays signed in; a refused cookie is cleared once, not sent forever; a browser
that keeps no cookies can still learn in its tab and is told so in plain words."""

from __future__ import annotations

import json

import pytest

from access.tokens import COOKIE_NAME, issue_token
from tests.e2e.conftest import (
    CHROMIUM_ARGS,
    PHONE,
    open_lesson_from_home,
    tap_sign_in,
    wait_for_consent_or_home,
    wait_for_sign_in_cookie,
)

pytestmark = pytest.mark.e2e

SECRET = "e2e-secret"  # tests/e2e/servers.py
LEARNER, CODE = "Hồ Văn Quý", "4567"


def _home(page) -> None:  # type: ignore[no-untyped-def]
    wait_for_consent_or_home(page)
    consent = page.get_by_role("button", name="Tôi đồng ý")
    if consent.count():
        consent.click()
    page.get_by_text(f"Chào {LEARNER}").wait_for()


def test_a_reload_after_sign_in_stays_signed_in(phone, server):
    page = phone
    stored: list[int] = []
    page.on("response", lambda r: stored.append(r.status) if r.url.endswith("/auth/session") else None)
    page.goto(server)
    tap_sign_in(page, LEARNER, CODE)
    _home(page)
    wait_for_sign_in_cookie(page)
    assert stored == [200]
    page.reload()
    page.get_by_text(f"Chào {LEARNER}").wait_for()


def test_a_refused_cookie_is_cleared_once(phone, server):
    """A cookie from an old session version (signed out elsewhere, a new code) is refused
    on the page load and the browser is asked, once, to forget it."""
    page = phone
    page.goto(server)  # the browser's id first, as any visit gives it
    page.get_by_role("button", name="Thôn Bờ He").wait_for()
    old = issue_token(SECRET, "learner", 1, 3600, version=999)
    page.context.add_cookies([{"name": COOKIE_NAME, "value": old, "url": server}])
    clears: list[int] = []
    page.on("response", lambda r: clears.append(r.status) if r.url.endswith("/auth/signout") else None)
    with page.expect_response(lambda r: r.url.endswith("/auth/signout")):
        page.reload()
    page.get_by_role("button", name="Thôn Bờ He").wait_for()
    page.wait_for_timeout(1500)  # no second request, no loop
    assert clears == [200]
    assert all(cookie["name"] != COOKIE_NAME for cookie in page.context.cookies())


def test_a_browser_that_keeps_no_cookie_learns_in_its_tab(chromium_path, server, tmp_path):
    """Cookies blocked (Chromium's own setting): no browser id, so no request the server
    would refuse, no raw error, a plain message once, and the tab stays signed in."""
    from playwright.sync_api import sync_playwright

    (tmp_path / "Default").mkdir()
    (tmp_path / "Default" / "Preferences").write_text(json.dumps(
        {"profile": {"default_content_setting_values": {"cookies": 2}}}))  # 2: block
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path), executable_path=chromium_path, args=CHROMIUM_ARGS, **PHONE)
        context.set_default_timeout(20000)
        page = context.new_page()
        posts: list[str] = []
        page.on("request", lambda r: posts.append(r.url) if "/auth/" in r.url else None)
        page.goto(server)
        tap_sign_in(page, LEARNER, CODE)
        _home(page)
        page.get_by_text("Điện thoại này chưa nhớ được").wait_for()
        assert posts == [] and context.cookies() == []
        open_lesson_from_home(page)  # still signed in, in this tab
        page.get_by_text("Bước").first.wait_for()
        assert page.get_by_text("Điện thoại này chưa nhớ được").count() == 0  # said once
        assert page.get_by_text("Có trục trặc").count() == 0
        page.reload()  # without a cookie a reload asks who is learning again
        page.get_by_role("button", name="Thôn Bờ He").wait_for()
        context.close()
