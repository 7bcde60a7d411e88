"""A running server (the README's serve command, tests/e2e/servers.py), or two of them on
one database, and headless Debian Chromium at 360×640 (a 360×740 phone less its browser
bar: the size the learner screens are designed for)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from access.tokens import COOKIE_NAME
from progress.database import connect, upgrade_to_head
from progress.demo import seed_demo
from settings import PROJECT_ROOT
from tests.conftest import skip_or_fail
from tests.e2e.servers import base_url, served

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
TWO_SERVERS_SECRET = "two-servers-secret"  # the same key on every server, as DEPLOY_NOTES asks
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


_SERVER_DB_URL: list[str] = []


def server_database():  # type: ignore[no-untyped-def]
    """The database the test server uses, for tests that need to look something up."""
    return connect(_SERVER_DB_URL[0])


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{data / 'e2e.db'}"
    _SERVER_DB_URL[:] = [url]
    upgrade_to_head(url)
    seed_demo(connect(url))
    with served(url, data / "server.log") as port:
        yield base_url(port)


@dataclass(frozen=True)
class TwoServers:
    """Two app processes on one database: server A, server B, and the database's URL."""

    database_url: str
    port_a: int
    port_b: int

    @property
    def a(self) -> str:
        return base_url(self.port_a)

    @property
    def b(self) -> str:
        return base_url(self.port_b)


@pytest.fixture
def two_servers(database_url: str, tmp_path: Path) -> Iterator[TwoServers]:
    """Two ``manage.py serve`` processes on one empty, migrated database (SQLite, then
    PostgreSQL when TEST_DATABASE_URL is set), with the same secret key, as
    ../shared/DEPLOY_NOTES.md deploys them; phones poll every second."""
    quick = {"BDHVS_CLASS_MODE__FOLLOW_SECONDS": "1"}
    with ExitStack() as stack:
        port_a = stack.enter_context(served(database_url, tmp_path / "server-a.log", TWO_SERVERS_SECRET, **quick))
        port_b = stack.enter_context(served(database_url, tmp_path / "server-b.log", TWO_SERVERS_SECRET, **quick))
        yield TwoServers(database_url, port_a, port_b)


def watch_for_policy_refusals(context) -> list[str]:  # type: ignore[no-untyped-def]
    """Every resource or script the browser refuses under our Content-Security-Policy
    (access/http_routes.py), as Chromium reports it on the console; a fixture asserts
    at its end that there were none, so each browser test checks the CSP leaves the
    page whole."""
    refusals: list[str] = []

    def on_console(message) -> None:  # type: ignore[no-untyped-def]
        if "Content Security Policy" in message.text:
            refusals.append(message.text)

    context.on("console", on_console)
    return refusals


@pytest.fixture
def phone(chromium_path, server):
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE)
        context.set_default_timeout(20000)
        refusals = watch_for_policy_refusals(context)
        page = context.new_page()
        yield page
        browser.close()
    assert refusals == [], f"the Content-Security-Policy refused: {refusals[:3]}"


def tap_digits(page, code: str, already: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Tap the keypad as a person does: the next digit once the last one shows as ●."""
    for typed, digit in enumerate(code, start=already + 1):
        page.get_by_role("button", name=digit, exact=True).click()
        if typed < 4:
            page.get_by_text(" ".join(["●"] * typed + ["○"] * (4 - typed))).wait_for()


def tap_sign_in(page, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """As a learner does: the group, their name, then the code on the keypad."""
    page.get_by_role("button", name="Thôn Bờ He").click()
    page.get_by_role("button", name=name).click()
    tap_digits(page, code)


def wait_for_sign_in_cookie(page, timeout_s: float = 20) -> None:  # type: ignore[no-untyped-def]
    """The sign-in cookie is set by a request the page sends after signing in (ui/cookie_sync.py):
    wait for it before opening another address, which starts a new session from the cookie."""
    deadline = time.monotonic() + timeout_s
    while not any(cookie["name"] == COOKIE_NAME for cookie in page.context.cookies()):
        assert time.monotonic() < deadline, "the sign-in cookie never came"
        page.wait_for_timeout(100)


def wait_for_consent_or_home(page) -> None:  # type: ignore[no-untyped-def]
    consent = page.get_by_role("button", name="Tôi đồng ý")
    home = page.get_by_role("button", name="Bài mẫu")  # inside the module's section, open or not
    consent.or_(home).first.wait_for(state="attached")


def open_lesson_from_home(page, title: str = "Bài mẫu") -> None:  # type: ignore[no-untyped-def]
    """Tap a lesson on the home screen, opening its module's section unless it is open;
    decided on the section's own state, not on whether the button is visible yet (a tap
    on the header while it opens by itself would close it)."""
    section = page.locator('[data-testid="stExpander"] details').first
    section.wait_for(state="attached")
    if section.get_attribute("open") is None:
        section.locator("summary").click()
    # the lesson's own button in the section, not "▶️ Học tiếp: …" above it (a lesson begun earlier)
    section.get_by_role("button", name=title).first.click()


DRAWN = """() => !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid^="stStatusWidgetRunning"]')"""  # nothing stale, nothing running


def wait_until_drawn(page) -> None:  # type: ignore[no-untyped-def]
    """Until the page has finished drawing its last run: a text can show before the
    buttons under it (a busy server), and a person waits for them too."""
    page.wait_for_function(DRAWN)


def shot(page, name: str) -> Path:
    """A screenshot of a key moment, which must show no raw error: a page that drew its
    buttons and then a traceback under them is broken, even if the next tap works."""
    path = SCREENSHOTS / f"{name}.png"
    page.wait_for_timeout(400)  # let Streamlit finish painting
    page.screenshot(path=str(path))
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, f"{name}: an error is on the page: {errors.first.inner_text()[:300]}"
    return path


__all__ = ["shot", "shutil"]
