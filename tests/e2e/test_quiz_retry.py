"""A quiz in a real browser: a reload mid-quiz resumes at the same question, and
"Làm lại bài kiểm tra" really starts again (it once did nothing until a reload)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_lesson_from_home, shot, tap_sign_in, wait_for_consent_or_home

pytestmark = pytest.mark.e2e


def sign_in(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    tap_sign_in(page, "Hồ Văn Quý", "4567")
    wait_for_consent_or_home(page)
    consent = page.get_by_role("button", name="Tôi đồng ý")
    if consent.count():
        consent.click()
    page.get_by_text("Chào Hồ Văn Quý").wait_for()


def test_reload_resumes_the_quiz_and_retry_starts_it_again(phone, server):
    page = phone
    sign_in(page, server)
    open_lesson_from_home(page)
    # through the lesson's steps, wherever an earlier visit left off
    to_quiz = page.get_by_role("button", name="Làm bài kiểm tra")
    for _ in range(5):
        page.get_by_text("Bước").or_(to_quiz).first.wait_for()
        if to_quiz.count():
            break
        step = page.get_by_text("Bước").first.inner_text()
        page.get_by_role("button", name="Tiếp theo").click()
        page.get_by_text(step).wait_for(state="detached")
    page.get_by_role("button", name="Làm bài kiểm tra").click()
    page.get_by_text("Câu 1 / 5").wait_for()
    page.get_by_role("button", name="Đọc mã cho họ").click()  # wrong
    page.get_by_text("Chưa đúng").wait_for()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Câu 2 / 5").wait_for()

    page.reload()  # a phone reloads a background tab, or the Wi-Fi drops
    page.get_by_text("Câu 2 / 5").wait_for()
    page.get_by_role("button", name="Đúng", exact=False).first.wait_for()
    page.get_by_role("button", name="❌ Sai").click()
    page.get_by_text("Đúng rồi").wait_for()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Đòi chuyển tiền gấp").click()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("button", name="Màn hình đỏ").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    for item in ("Nhập số", "Mở ứng dụng", "Bấm Đăng nhập"):
        page.get_by_role("button", name=item).click()
        page.locator("li", has_text=item).wait_for()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Xem kết quả").click()
    # the wrong answer given before the reload still counts: 1 of 5 right
    page.get_by_text("đúng 1 / 5 câu (20%)").wait_for()
    shot(page, "quiz-failed-result")

    page.get_by_role("button", name="Làm lại bài kiểm tra").click()
    page.get_by_text("Câu 1 / 5").wait_for(timeout=10000)
    page.get_by_role("button", name="Không đưa, gác máy").wait_for()
    shot(page, "quiz-retry-first-question")
