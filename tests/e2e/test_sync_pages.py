"""A village laptop's data reaches the commune through a file (issue 16), in Chromium: two
servers on two databases, the "laptop" and the "commune server", the laptop registered
with the server as an admin does it (register, then join with the registration file).
A trainer on the laptop (1280×800) makes the file on "Xuất dữ liệu để nộp lên xã" and
downloads it; the admin on the commune server (on a phone, 360×640) uploads it on
"Nhận dữ liệu" and sees the summary; the learner added on the laptop is then in the
commune's database. Screenshots: test-artifacts/screenshots/sync-*."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from progress.areas import find_commune
from progress.database import Database, connect, upgrade_to_head
from progress.demo import DEMO_ADMIN, DEMO_COMMUNE, DEMO_GROUP, DEMO_LEARNERS, DEMO_TRAINER, seed_demo
from progress.groups import list_groups
from progress.learners import create_learner, list_learners
from progress.sync.identity import rename_site, this_site
from progress.sync.partners import join_server, register_laptop
from tests.e2e.conftest import CHROMIUM_ARGS, PHONE, SCREENSHOTS, shot, watch_for_policy_refusals
from tests.e2e.servers import base_url, served
from tests.e2e.test_trainer_width import SMALL_ENGLISH, TABLE_CONTROLS, TABLES

pytestmark = pytest.mark.e2e

LAPTOP, SERVER = "Laptop thôn Bờ He", "Máy chủ Xã mẫu"


def demo_database(path: Path, site_name: str) -> Database:
    url = f"sqlite:///{path}"
    upgrade_to_head(url)
    db = connect(url)
    seed_demo(db)
    rename_site(db, site_name)
    return db


@pytest.fixture
def laptop_and_server(tmp_path) -> Iterator[tuple[str, str, Database]]:  # type: ignore[no-untyped-def]
    """The laptop's and the commune server's addresses, and the server's database: both
    start from the demo data; the laptop has one learner more, and is registered."""
    laptop = demo_database(tmp_path / "laptop.db", LAPTOP)
    server = demo_database(tmp_path / "server.db", SERVER)
    join_server(laptop, register_laptop(server, this_site(laptop).uid, LAPTOP, find_commune(server, DEMO_COMMUNE).id,
                                        []))
    group = next(g for g in list_groups(laptop) if g.name == DEMO_GROUP)
    create_learner(laptop, group.id, "Y Blao", "0420")
    with ExitStack() as stack:
        laptop_port = stack.enter_context(served(f"sqlite:///{tmp_path / 'laptop.db'}", tmp_path / "laptop.log"))
        server_port = stack.enter_context(served(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log",
                                                 secret="commune-secret"))
        yield base_url(laptop_port), base_url(server_port), server


def sign_in(page, address: str, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(address + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_role("textbox", name="Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()


def test_a_file_made_on_the_laptop_is_received_on_the_commune_server(chromium_path, laptop_and_server, tmp_path):
    from playwright.sync_api import sync_playwright

    laptop, server, server_db = laptop_and_server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        wide = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN", accept_downloads=True)
        phone = browser.new_context(**PHONE)  # has_touch: the history table is tapped
        refusals = watch_for_policy_refusals(wide) + watch_for_policy_refusals(phone)
        for context in (wide, phone):
            context.set_default_timeout(20000)

        page = wide.new_page()
        sign_in(page, laptop, DEMO_TRAINER[0], DEMO_TRAINER[2])
        page.get_by_role("link", name="Xuất dữ liệu để nộp lên xã").click()
        page.get_by_text(f"Nộp cho: {SERVER}").wait_for()
        page.get_by_role("button", name="Tạo tệp để nộp").click()
        save = page.get_by_role("button", name="Tải tệp về máy (để chép vào USB)")
        save.wait_for()
        shot(page, "sync-1-export")
        with page.expect_download() as download:
            save.click()
        stick = tmp_path / download.value.suggested_filename
        download.value.save_as(stick)
        assert stick.suffix == ".bdhvs" and stick.read_bytes().startswith(b"BDHVS-SYNC 1\n")

        page = phone.new_page()
        sign_in(page, server, DEMO_ADMIN[0], DEMO_ADMIN[2])
        page.get_by_role("link", name="Nhận dữ liệu").click()
        page.get_by_role("heading", name="Nhận dữ liệu").wait_for()
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(stick))
        page.get_by_role("button", name="Nhận dữ liệu").click()
        page.get_by_text(f"Đã nhận dữ liệu từ {LAPTOP}.").wait_for()
        # the demo group is on both: the laptop's stays its own (groups never match by name)
        page.get_by_text(f"Học viên: {len(DEMO_LEARNERS) + 1} thêm mới").wait_for()
        page.get_by_text(f"lưu thành “{DEMO_GROUP} ({LAPTOP})”").wait_for()
        shot(page, "sync-2-received-on-a-phone")
        history = page.locator(TABLES).last  # the history: its toolbar is not small English on a phone
        history.scroll_into_view_if_needed()
        history.tap()
        assert page.evaluate(SMALL_ENGLISH, TABLE_CONTROLS) == []
        browser.close()
    assert refusals == [], f"the Content-Security-Policy refused: {refusals[:3]}"
    group = next(g for g in list_groups(server_db) if g.name == f"{DEMO_GROUP} ({LAPTOP})")
    assert "Y Blao" in [learner.display_name for learner in list_learners(server_db, group.id)]
