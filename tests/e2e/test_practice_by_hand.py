"""A practice step done by hand and ear on a 360×640 phone: the learner taps the places
on the pretend screen itself; a wrong place reads its hint aloud by itself, the right
one says the success. The phone's own Vietnamese voice is faked and logs what it says."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import CHROMIUM_ARGS, PHONE, SCREENSHOTS, open_lesson_from_home, shot, tap_sign_in
from tests.e2e.test_learner_journey import FAKE_VIETNAMESE_VOICE

pytestmark = pytest.mark.e2e

LEARNER, CODE = "Y Thử Tay", "5678"  # this test's own learner, with autoplay on
HINT = "Đó là nút Đăng ký. Hãy tìm nút Đăng nhập."
SUCCESS = "Đúng rồi, bác đã bấm Đăng nhập."
STEP = "Bấm vào nút Đăng nhập. Chọn một trong hai nút. Nút một: Đăng ký. Nút hai: Đăng nhập."

BOX_JS = "(el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }"


@pytest.fixture
def small_phone(chromium_path, server):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(**{**PHONE, "viewport": {"width": 360, "height": 640}})
        context.set_default_timeout(20000)
        page = context.new_page()
        page.add_init_script(FAKE_VIETNAMESE_VOICE)
        yield page
        browser.close()


def listener_with_autoplay() -> None:
    from progress.groups import list_groups
    from progress.learners import create_learner, list_learners, record_consent, update_learner_settings
    from tests.e2e.conftest import server_database

    db = server_database()
    group = list_groups(db)[0]
    if not any(member.display_name == LEARNER for member in list_learners(db, group.id)):
        learner = create_learner(db, group.id, LEARNER, CODE)
        record_consent(db, learner.id)
        update_learner_settings(db, learner.id, autoplay=True)


def spoken(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [utterance["text"] for utterance in page.evaluate("() => window.__spoken")]


def test_tapping_the_places_on_the_pretend_screen(small_phone, server):
    listener_with_autoplay()
    page = small_phone
    page.goto(server)
    tap_sign_in(page, LEARNER, CODE)
    page.get_by_text(f"Chào {LEARNER}").wait_for()
    open_lesson_from_home(page, "Thực hành mẫu")
    page.get_by_text("Bước 1 / 5").wait_for()
    page.get_by_role("button", name="Tiếp theo").click()
    page.get_by_text("Bước 2 / 5").wait_for()

    # one "Nghe", read by itself: the step, then every button with its number
    page.wait_for_function("(text) => window.__spoken.some((u) => u.text === text)", arg=STEP)
    page.get_by_role("button", name="1. Đăng ký").wait_for()
    page.get_by_role("button", name="2. Đăng nhập").wait_for()

    picture = page.get_by_role("img", name="Màn hình có nút Đăng nhập và nút Đăng ký.")
    wrong = page.get_by_role("button", name="Đăng ký", exact=True)  # the tap zone, not "1. Đăng ký"
    right = page.get_by_role("button", name="Đăng nhập", exact=True)
    right.wait_for()
    px, py, pw, ph = picture.evaluate(BOX_JS)
    for zone, (x, y, w, h) in (("Đăng ký", (115, 60, 130, 50)), ("Đăng nhập", (115, 140, 130, 50))):
        left, top, width, height = page.get_by_role("button", name=zone, exact=True).evaluate(BOX_JS)
        assert width >= 48 and height >= 48, (zone, width, height)
        # centred on the place the drawing shows (viewBox 0 0 360 240)
        assert abs(left + width / 2 - (px + (x + w / 2) * pw / 360)) < 2, zone
        assert abs(top + height / 2 - (py + (y + h / 2) * ph / 240)) < 2, zone
    assert top + height <= 640, "the right place can be tapped without scrolling"
    shot(page, "practice-01-pretend-screen-360x640")

    wrong.tap()
    page.get_by_text(HINT).wait_for()
    said = "Chưa đúng. " + HINT  # shown and said with what the tap was
    page.wait_for_function("(text) => window.__spoken.some((u) => u.text === text)", arg=said)
    assert spoken(page)[-1] == said
    assert page.get_by_role("button", name="🔊 Nghe gợi ý").count() == 1
    shot(page, "practice-02-wrong-place-hint")
    assert page.get_by_role("button", name="Tiếp theo").count() == 0

    right.tap()
    page.get_by_text(SUCCESS).wait_for()
    page.wait_for_function("(text) => window.__spoken.some((u) => u.text === text)", arg=SUCCESS)
    page.get_by_role("button", name="Tiếp theo").wait_for()
    shot(page, "practice-03-right-place")
    page.get_by_role("button", name="Tiếp theo").click()
    page.get_by_text("Bước 3 / 5").wait_for()
