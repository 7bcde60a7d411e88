"""A trainer imports a roster in Chromium at laptop size (1280×800): signs in, opens
"Nhập danh sách" from the menu, chooses a CSV file as a person does (the file input),
sees the preview with a row to fix, confirms, and the learners are in the database.
Its own server on its own database, so the demo group of the other browser tests stays
as it is. Screenshots: test-artifacts/screenshots/roster-*."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from progress.database import connect, upgrade_to_head
from progress.demo import seed_demo
from progress.groups import list_groups
from progress.learners import list_learners
from tests.e2e.conftest import CHROMIUM_ARGS, SCREENSHOTS, shot
from tests.e2e.servers import base_url, served

pytestmark = pytest.mark.e2e

ROSTER = "Họ và tên;Mã;Hình\nY Blao;0420;con trâu\nA Lăng Thị Hiền;;\nĐinh Văn Sai;12;\nđinh thị hoa;;\n"


@pytest.fixture
def roster_server(tmp_path) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'roster.db'}"
    upgrade_to_head(url)
    seed_demo(connect(url))
    with served(url, tmp_path / "server.log") as port:
        yield base_url(port), url


@pytest.fixture
def laptop(chromium_path):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
        context.set_default_timeout(20000)
        yield context.new_page()
        browser.close()


def test_a_trainer_imports_a_roster_from_a_csv_file(laptop, roster_server, tmp_path):
    page, (server, url) = laptop, roster_server
    roster = tmp_path / "danh-sach-thon-bo-he.csv"
    roster.write_bytes(("\ufeff" + ROSTER).encode())

    page.goto(server + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill("tapsu")
    page.get_by_label("Mật khẩu").fill("hocvuso2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()
    page.get_by_role("link", name="Nhập danh sách").click()
    page.get_by_role("heading", name="Nhập danh sách học viên").wait_for()
    page.get_by_role("button", name="Tải mẫu danh sách").wait_for()  # the guide is open before a file is chosen
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.get_by_text(re.compile(r"^Tối đa \S+ mỗi tệp")).wait_for()  # Streamlit's own words, in Vietnamese
    assert uploader.get_by_text("Chọn tệp", exact=True).is_visible()
    assert "per file" not in uploader.inner_text() and "Upload" not in uploader.inner_text()

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(roster))
    confirm = page.get_by_role("button", name="Thêm 2 học viên (bỏ qua các dòng lỗi)")
    confirm.wait_for()
    page.get_by_text("1 dòng chưa đúng, sẽ không được thêm").wait_for()
    page.get_by_text("1 dòng trùng tên, sẽ được bỏ qua").wait_for()
    confirm.scroll_into_view_if_needed()
    shot(page, "roster-1-preview")
    db = connect(url)
    group = list_groups(db)[0]
    assert len(list_learners(db, group.id)) == 4  # only the demo learners: nothing stored by looking

    confirm.click()
    page.get_by_text(f"Đã thêm 2 học viên vào nhóm {group.name}.").wait_for()
    page.get_by_role("button", name="Tải danh sách mã (để ghi thẻ)").scroll_into_view_if_needed()
    shot(page, "roster-2-added")
    members = {member.display_name: member for member in list_learners(db, group.id)}
    assert {"Y Blao", "A Lăng Thị Hiền"} <= set(members) and "Đinh Văn Sai" not in members
    assert members["Y Blao"].avatar == "🐃"
    db.kw["bind"].dispose()
