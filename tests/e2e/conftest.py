"""A running server (the README's serve command) and headless Debian Chromium at 360×640
(a 360×740 phone less its browser bar: the size the learner screens are designed for)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from progress.database import connect, upgrade_to_head
from progress.demo import seed_demo
from settings import PROJECT_ROOT
from tests.conftest import FIXTURE_CONTENT, skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    port = free_port()
    env = {
        **os.environ,
        "BDHVS_DATABASE__URL": url,
        "BDHVS_CONTENT__LESSONS_DIR": str(FIXTURE_CONTENT / "lessons"),
        "BDHVS_CONTENT__QUIZZES_DIR": str(FIXTURE_CONTENT / "quizzes"),
        "BDHVS_AUTH__SECRET_KEY": "e2e-secret",
    }
    log = open(data / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "manage.py"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"server exited: {(data / 'server.log').read_text()}")
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("server did not start in 60 s")
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture
def phone(chromium_path, server):
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE)
        context.set_default_timeout(20000)
        page = context.new_page()
        yield page
        browser.close()


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
    page.get_by_role("button", name=title).click()


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
