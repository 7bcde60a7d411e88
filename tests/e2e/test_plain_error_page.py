"""An unexpected error (here a database that lost a table under the running app) shows
a plain Vietnamese message with a reference, never the SQL or the driver's words; the
details are in the server's log (ui/error_page.py, .streamlit/config.toml)."""

from __future__ import annotations

import re
import sqlite3

from progress.database import connect, upgrade_to_head
from progress.demo import seed_demo
from tests.e2e.conftest import CHROMIUM_ARGS, PHONE
from tests.e2e.servers import base_url, served


def test_a_database_error_shows_a_plain_page_and_goes_to_the_log(chromium_path, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "broken.db"
    url = f"sqlite:///{path}"
    upgrade_to_head(url)
    seed_demo(connect(url))
    with sqlite3.connect(path) as broken:
        broken.execute("DROP TABLE learners")
    log_path = tmp_path / "server.log"
    with served(url, log_path) as port, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_context(**PHONE).new_page()
        page.set_default_timeout(20000)
        page.goto(base_url(port))
        message = page.get_by_text("Có trục trặc, trang này chưa hiện được")
        message.wait_for()
        shown = page.locator("body").inner_text()
        browser.close()
    ref = re.search(r"mã lỗi: ([0-9a-f]{6})", shown)
    assert ref, shown
    for raw in ("learners", "sqlite", "SELECT", "OperationalError", "Traceback", "no such table"):
        assert raw not in shown, f"{raw!r} reached the screen: {shown[:500]}"
    logged = log_path.read_text()
    assert f"page error {ref.group(1)}: OperationalError" in logged
    assert "no such table: learners" in logged and "Traceback" in logged
