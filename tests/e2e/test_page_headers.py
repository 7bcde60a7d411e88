"""The running app's headers (access/http_routes.py) in Chromium: the app still draws
under its Content-Security-Policy, and another site can neither frame it nor post a
sign-in token to it."""

from __future__ import annotations

from access.browser_binding import BROWSER_COOKIE, PROOF_HEADER, sign_in_proof
from access.tokens import COOKIE_NAME, issue_token
from tests.e2e.conftest import CHROMIUM_ARGS, PHONE, watch_for_policy_refusals

SECRET = "e2e-secret"  # tests/e2e/servers.py


def test_the_app_draws_under_its_policy_and_refuses_other_sites(chromium_path, server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE)
        context.set_default_timeout(20000)
        refusals = watch_for_policy_refusals(context)
        page = context.new_page()
        response = page.goto(server)
        assert response is not None
        headers = response.headers
        assert "frame-ancestors 'self'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "SAMEORIGIN" and headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        page.get_by_role("button", name="Thôn Bờ He").wait_for()  # the sign-in screen drew
        assert refusals == []

        # another site (here: a page on another origin) frames the app: the browser refuses
        other = context.new_page()
        other.route("http://elsewhere.test/", lambda route: route.fulfill(
            content_type="text/html", body=f'<iframe id="f" src="{server}/"></iframe>'))
        other.goto("http://elsewhere.test/")  # waits for the frame's load too
        assert [frame.url for frame in other.frames][1].startswith("chrome-error://")

        # and posts a token of an account of its own to the running server's
        # /auth/session, with the headers a browser sends then: refused, no cookie
        token = issue_token(SECRET, "learner", 1, 3600, version=1)
        cross = context.request.post(f"{server}/auth/session", data=token, headers={
            "origin": "http://elsewhere.test", "sec-fetch-site": "cross-site"})
        assert cross.status == 403 and "set-cookie" not in cross.headers
        # even with the Origin checks passed (an old browser, a proxy stripping headers),
        # a token without the proof made from this browser's own id is refused
        same = context.request.post(f"{server}/auth/session", data=token, headers={
            "origin": server, "sec-fetch-site": "same-origin"})
        assert same.status == 403 and "set-cookie" not in same.headers
        browser_id = next(c for c in context.cookies() if c["name"] == BROWSER_COOKIE)
        assert browser_id["httpOnly"] and browser_id["sameSite"] == "Lax"
        bound = context.request.post(f"{server}/auth/session", data=token, headers={
            "origin": server, "sec-fetch-site": "same-origin",
            PROOF_HEADER: sign_in_proof(SECRET, browser_id["value"], token)})
        assert bound.status == 200 and COOKIE_NAME in bound.headers["set-cookie"]
        browser.close()
