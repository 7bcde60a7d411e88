"""The trainer's journey in Chromium at laptop size (1280×800), as issue 12 asks: sign in,
import a roster, see the class held (run in class mode before), see which question to
teach again, and export the area report as XLSX — the file downloaded as a person gets
it, then read back. Its own server on its own database (the other browser tests keep
the demo group as it is). Screenshots: test-artifacts/screenshots/journey-*."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest

from progress.classes.attendance import join_as_guest, join_as_learner
from progress.classes.live import answer_live_question
from progress.classes.running import end_class, move_to, start_class
from progress.database import connect, upgrade_to_head
from progress.demo import DEMO_TRAINER, seed_demo
from progress.groups import list_groups
from progress.learners import list_learners
from progress.tracking import record_attempt
from progress.trainers import verify_trainer
from quizzes.answers import GradedAnswer
from tests.e2e.conftest import CHROMIUM_ARGS, SCREENSHOTS, shot, watch_for_policy_refusals
from tests.e2e.servers import base_url, served

pytestmark = pytest.mark.e2e

ROSTER = "Họ và tên;Mã;Hình\nY Blao;0420;con trâu\nA Lăng Thị Hiền;;\n"
PLACE = "Nhà văn hóa thôn Gò"


def seed_a_class_and_wrong_answers(url: str) -> None:
    """What the weeks before left: a class held in class mode (a learner and a guest, a
    live question), and quiz answers where most chose "Đọc mã cho họ" (wrong)."""
    db = connect(url)
    seed_demo(db)
    group = list_groups(db)[0]
    learners = list_learners(db, group.id)
    username, _, password = DEMO_TRAINER
    trainer = verify_trainer(db, username, password)
    assert trainer is not None
    held = start_class(db, trainer.id, group.id, ["bai-mau"], place=PLACE)
    me = join_as_learner(db, held.class_id, learners[0].id).participant
    join_as_guest(db, held.class_id)
    live = move_to(db, held.class_id, 5, live_question=("bai-mau", "q-mot")).live_question
    assert live is not None
    answer_live_question(db, held.class_id, live.id, me.id, GradedAnswer("q-mot", "b", True))
    end_class(db, held.class_id)
    for learner, answer in zip(learners[:3], ("a", "a", "b"), strict=True):
        record_attempt(db, learner.id, "bai-mau", [GradedAnswer("q-mot", answer, answer == "b")],
                       100 if answer == "b" else 0, answer == "b", 80)


@pytest.fixture
def journey_server(tmp_path) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'journey.db'}"
    upgrade_to_head(url)
    seed_a_class_and_wrong_answers(url)
    with served(url, tmp_path / "server.log") as port:
        yield base_url(port), url


@pytest.fixture
def laptop(chromium_path):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN", accept_downloads=True)
        context.set_default_timeout(20000)
        refusals = watch_for_policy_refusals(context)
        yield context.new_page()
        browser.close()
    assert refusals == [], f"the Content-Security-Policy refused: {refusals[:3]}"


def test_sign_in_import_a_roster_see_the_class_held_what_to_reteach_and_export_the_report(
    laptop, journey_server, tmp_path
):
    from openpyxl import load_workbook

    page, (server, url) = laptop, journey_server
    roster = tmp_path / "danh-sach.csv"
    roster.write_bytes(("\ufeff" + ROSTER).encode())

    page.goto(server + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill("tapsu")
    page.get_by_role("textbox", name="Mật khẩu").fill("hocvuso2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()

    # 1. a roster from a file
    page.get_by_role("link", name="Nhập danh sách").click()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(roster))
    page.get_by_role("button", name="Thêm 2 học viên").click()
    page.get_by_text("Đã thêm 2 học viên vào nhóm").wait_for()
    shot(page, "journey-1-roster")
    group = list_groups(connect(url))[0]
    assert {"Y Blao", "A Lăng Thị Hiền"} <= {learner.display_name for learner in list_learners(connect(url), group.id)}

    # 2. the class held in class mode is in the list, by itself
    page.get_by_role("link", name="Buổi học đã tổ chức").click()
    page.get_by_role("heading", name="Buổi học đã tổ chức").wait_for()
    shot(page, "journey-2-classes-held")
    picker = page.locator(".st-key-held_pick input")  # the list is a table: open its one class
    picker.scroll_into_view_if_needed()
    picker.click()
    page.get_by_role("option", name=re.compile(PLACE)).click()
    page.get_by_text(f"Nơi học: {PLACE}").wait_for()
    page.get_by_text("1 học viên, 1 khách").wait_for()
    shot(page, "journey-2b-class-record")

    # 3. what to teach again: the OTP question, and the wrong choice most made
    page.get_by_role("link", name="Tiến độ nhóm").click()
    page.get_by_text("Câu hỏi khó — nên dạy lại gì").click()
    hint = page.locator("li", has_text="Dạy lại").first
    hint.wait_for()
    assert "Có người hỏi mã OTP" in hint.inner_text() and "33% trả lời đúng" in hint.inner_text()
    assert "Đọc mã cho họ" in hint.inner_text() and "(2 lần)" in hint.inner_text()
    cell = page.locator('[data-testid="stTable"] td', has_text="Đọc mã cho họ (2)")
    assert cell.inner_text().strip() == "Đọc mã cho họ (2)"
    hint.scroll_into_view_if_needed()
    shot(page, "journey-3-reteach")

    # 4. the report, downloaded as XLSX and read back
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_role("button", name="Lập báo cáo").click()
    page.get_by_role("button", name="Tải Excel (XLSX)").wait_for()
    shot(page, "journey-4-report")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Excel (XLSX)").click()
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    sheet = book["Theo tổ"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    total = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "Tổng cộng")
    classes = total[header.index("Buổi học đã tổ chức")]
    attendances = total[header.index("Lượt người dự")]
    assert (classes, attendances) == (1, 2), "one class held, a learner and a guest at it"
    assert isinstance(classes, int), "numbers are numbers in the spreadsheet"
