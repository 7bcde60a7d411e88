"""Class mode on a projector, in Chromium at 1280×720 and 1920×1080: the demo trainer
starts a class; the join code, each slide's picture and text fit the screen with no
scrolling, the one control bar is there, and the keyboard (a presentation clicker)
moves the class. Screenshots go to test-artifacts/screenshots/projector-*."""

from __future__ import annotations

import re

import pytest

from progress.classes.state import read_class
from tests.e2e.conftest import CHROMIUM_ARGS, SCREENSHOTS, server_database, shot, watch_for_policy_refusals
from tests.e2e.test_learner_journey import FAKE_VIETNAMESE_VOICE

pytestmark = pytest.mark.e2e

SCREENS = [(1280, 720), (1920, 1080)]
FITS = """(selector) => {
    const el = document.querySelector(selector);
    if (!el) { return "missing"; }
    const box = el.getBoundingClientRect();
    const inside = box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
        && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
    return inside ? "inside" : `outside: ${JSON.stringify(box)} in ${window.innerWidth}x${window.innerHeight}`;
}"""
SCROLLS = """() => [document.scrollingElement,
    ...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')]
    .some((el) => el && el.scrollHeight > el.clientHeight + 1)"""


@pytest.fixture(params=SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
def projector(request, chromium_path, server):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    width, height = request.param
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        context.set_default_timeout(20000)
        refusals = watch_for_policy_refusals(context)
        page = context.new_page()
        page.add_init_script(FAKE_VIETNAMESE_VOICE)  # the laptop has a Vietnamese system voice
        yield page, f"{width}x{height}"
        browser.close()
    assert refusals == [], f"the Content-Security-Policy refused: {refusals[:3]}"


def assert_fits(page, *selectors: str) -> None:  # type: ignore[no-untyped-def]
    for selector in selectors:
        assert page.evaluate(FITS, selector) == "inside", selector
    assert not page.evaluate(SCROLLS), "the projector page scrolls"


def test_a_class_on_the_projector(projector, server):
    page, size = projector
    page.goto(server + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill("tapsu")
    page.get_by_label("Mật khẩu").fill("hocvuso2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()
    page.get_by_role("link", name="Trình chiếu").click()  # in the app: the sign-in cookie may still be on its way
    page.get_by_text("Bắt đầu buổi học mới").wait_for()
    page.locator(".st-key-class_lessons input").click()
    page.get_by_role("option", name=re.compile("Bài mẫu")).click()
    page.keyboard.press("Escape")
    page.get_by_label("Nơi học").fill("Nhà văn hóa thôn Bờ He")
    page.get_by_label("Nơi học").press("Enter")
    page.get_by_role("button", name="Bắt đầu buổi học").click()

    page.get_by_text("Số vào lớp", exact=True).wait_for()
    page.locator(".class-qr svg").wait_for()
    shot(page, f"projector-{size}-1-join")
    assert_fits(page, ".class-qr svg", "p.join-number", ".st-key-present_bar")
    page.locator(".nghe-meta", has_text="giọng của máy tính").first.wait_for()  # a laptop, not a phone
    page.locator(".nghe-play").first.click()
    page.wait_for_function("() => window.__spoken.length > 0")
    assert "Số vào lớp" in page.evaluate("() => window.__spoken[0].text")  # through the laptop's speakers
    assert page.locator('[data-testid="stHeader"]').is_hidden()
    assert page.locator(".st-key-trainer_menu").count() == 0, "no trainer menu while presenting"
    class_id = int(re.search(r"lop=(\d+)", page.url).group(1))  # type: ignore[union-attr]

    page.keyboard.press("ArrowRight")  # from the join code to the first slide
    page.get_by_text("Đây là bước một.").wait_for()
    page.locator(".st-key-present_step img.lesson-picture").wait_for()
    shot(page, f"projector-{size}-2-step")
    assert_fits(page, ".st-key-present_step img.lesson-picture", ".st-key-present_step p.present-text",
                ".st-key-present_bar", ".st-key-present_next button", ".present-fullscreen")
    text_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('p.present-text')).fontSize)")
    assert text_px >= 30, "step text readable from the back of the room"

    page.keyboard.press("ArrowRight")  # a clicker's "next"
    page.get_by_text("Đây là bước hai.").wait_for()
    page.get_by_text("2 / 10").wait_for()
    state = read_class(server_database(), class_id)
    assert state is not None and state.position == 1
    page.keyboard.press("PageUp")
    page.get_by_text("Đây là bước một.").wait_for()
    for expected in ("Đây là bước hai.", "Đây là bước ba, mã OTP.", "Đây là bước bốn.", "Đây là bước năm."):
        page.keyboard.press("ArrowRight")
        page.get_by_text(expected).wait_for()
    page.keyboard.press(" ")
    page.get_by_text("Có người hỏi mã OTP. Bác làm gì?").wait_for()
    page.get_by_text("0 người đã trả lời").wait_for()
    shot(page, f"projector-{size}-3-question")
    assert_fits(page, ".st-key-present_question p.present-text", ".st-key-present_reveal button",
                ".st-key-present_bar")
    page.get_by_role("button", name="Xem đáp án").click()
    page.get_by_text("✅ Đáp án: Không đưa, gác máy").wait_for()
    shot(page, f"projector-{size}-4-answer")
    assert_fits(page, ".tally", "p.present-right", ".st-key-present_bar")

    page.get_by_role("button", name="Điểm danh").click()
    page.get_by_text("Số người có mặt (tự đếm, kể cả người không có điện thoại)").wait_for()
    shot(page, f"projector-{size}-5-attendance")
    assert_fits(page, ".st-key-present_people", ".st-key-present_bar")

    page.get_by_role("button", name="Kết thúc buổi học").click()
    page.get_by_text("Kết thúc buổi học?").wait_for()
    shot(page, f"projector-{size}-6-end-question")  # the question and the bar, no error under them
    page.locator(".st-key-present_end_yes button").click()
    page.get_by_text("Đã kết thúc buổi học").wait_for()
    shot(page, f"projector-{size}-7-record")
    state = read_class(server_database(), class_id)
    assert state is not None and not state.is_open
