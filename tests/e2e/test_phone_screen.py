"""A 360×640 phone (conftest.PHONE): what a learner must tap is on the first screen, and
no English word can be seen or heard.

Each test signs in a learner of its own (added to the test server's database here), so
the other browser tests' learners are left as they were. Screenshots:
test-artifacts/screenshots/phone-*.png.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import PHONE, shot, tap_digits

pytestmark = pytest.mark.e2e

GROUP = "Thôn Bờ He"
FIXTURE_STEPS = 5  # tests/fixtures/content/lessons/an-toan/bai-mau.yaml
STEPS_WITH_PICTURE = {1, 2, 3}


def add_learner(name: str, code: str, passed: tuple[str, ...] = ()) -> None:
    """A learner in the demo group who has consented, with these fixture lessons passed."""
    from progress.groups import list_groups
    from progress.learners import create_learner, record_consent
    from progress.tracking import record_attempt
    from quizzes.answers import GradedAnswer
    from tests.e2e.conftest import server_database

    db = server_database()
    learner = create_learner(db, list_groups(db)[0].id, name, code)
    record_consent(db, learner.id)
    for lesson_id in passed:
        record_attempt(db, learner.id, lesson_id, [GradedAnswer("q", "a", True)], 100, True, 80)


def sign_in(page, server: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    page.get_by_role("button", name=GROUP).click()
    page.get_by_role("button", name=name).click()
    page.get_by_text(f"Chào {name}").wait_for()
    tap_digits(page, code)
    page.get_by_text(f"Chào {name}").wait_for()
    page.get_by_text("Các bài học").wait_for()


# Where an element is, and whether a finger at its centre reaches it (not the bar over it).
BOX_JS = """(selector) => {
    const el = document.querySelector(selector);
    if (!el) { return null; }
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {top: r.top, bottom: r.bottom, height: r.height, reachable: !!hit && (el === hit || el.contains(hit))};
}"""


def box(page, selector: str) -> dict:  # type: ignore[no-untyped-def]
    found = page.evaluate(BOX_JS, selector)
    assert found is not None, f"nothing on the page matches {selector}"
    return found


def test_the_phone_is_360_by_640():
    assert PHONE["viewport"] == {"width": 360, "height": 640}


def test_keypad_lesson_steps_answer_and_certificate_are_on_the_first_screen(phone, server):
    page = phone
    height = PHONE["viewport"]["height"]
    add_learner("Y Màn Hình", "5151", passed=("bai-mau", "thuc-hanh-mau"))
    page.goto(server)
    page.get_by_role("button", name=GROUP).click()
    page.get_by_role("button", name="Y Màn Hình").click()
    page.get_by_text("Chào Y Màn Hình").wait_for()
    page.get_by_role("button", name="✖ Làm lại").wait_for()

    def keypad_is_whole(screen: str) -> None:
        shot(page, f"phone-{screen}")
        for key in ("xoa", "0", "lam-lai"):  # the last row, ⌫ · 0 · ✖
            button = box(page, f".st-key-code_keypad_{key} button")
            assert button["bottom"] <= height and button["reachable"], f"{screen}, key {key}: {button}"
            assert button["height"] >= 48, f"{screen}, key {key}: {button}"

    keypad_is_whole("keypad")
    tap_digits(page, "9999")  # a wrong code: a red note above the keypad, which must still fit
    page.get_by_text("Mã chưa đúng").wait_for()
    keypad_is_whole("keypad-wrong-code")
    tap_digits(page, "5151")
    page.get_by_text("Các bài học").wait_for()

    page.goto(f"{server}/bai-hoc?bai=bai-mau")
    for step in range(1, FIXTURE_STEPS + 1):
        page.get_by_text(f"Bước {step} / {FIXTURE_STEPS}").wait_for()
        page.locator(".st-key-step_actions .nghe-play").wait_for()
        shot(page, f"phone-lesson-step-{step}")
        bar = box(page, ".st-key-step_actions")
        assert bar["bottom"] <= height + 1, f"step {step}: the action bar ends below the screen: {bar}"
        if step in STEPS_WITH_PICTURE:
            picture = box(page, "img.lesson-picture")
            assert 0 <= picture["top"] and picture["bottom"] <= bar["top"], f"step {step}: picture {picture}"
        text = box(page, ".step-text")
        assert 0 <= text["top"] and text["bottom"] <= bar["top"], f"step {step}: text {text} under the bar {bar}"
        forward = ".st-key-next button" if step < FIXTURE_STEPS else ".st-key-to_quiz button"
        for name, selector in (("Nghe", ".st-key-step_actions .nghe-play"), ("Tiếp theo", forward)):
            control = box(page, selector)
            assert 0 <= control["top"] and control["bottom"] <= height, f"step {step}: {name} {control}"
            assert control["reachable"], f"step {step}: {name} is covered"
        if step < FIXTURE_STEPS:
            page.locator(forward).click()

    # after an answer: the verdict and "Câu tiếp theo" (in the same bar) are on the screen
    page.locator(".st-key-to_quiz button").click()
    page.get_by_text("Câu 1 / 5").wait_for()
    page.get_by_role("button", name="Đọc mã cho họ").click()
    page.get_by_text("Chưa đúng").wait_for()
    shot(page, "phone-quiz-feedback")
    bar = box(page, ".st-key-question_actions")
    verdict = box(page, '[data-testid="stAlert"]')
    assert 0 <= verdict["top"] and verdict["bottom"] <= bar["top"], f"verdict {verdict} under the bar {bar}"
    next_question = box(page, ".st-key-question_actions button")
    assert next_question["bottom"] <= height and next_question["reachable"], f"Câu tiếp theo {next_question}"

    page.goto(f"{server}/tien-bo")
    page.get_by_role("button", name="Tải giấy chứng nhận").wait_for()
    shot(page, "phone-my-progress")
    download = box(page, '[data-testid="stDownloadButton"] button')
    assert download["bottom"] <= height and download["reachable"], f"certificate button {download}"


# Streamlit's English that a learner could meet; any of these words on a learner screen fails.
ENGLISH = ["Skip", "main content", "Choose", "option", "Open", "Close", "Dismiss", "Page not found",
           "requested", "Running", "Stop", "Rerun", "Connecting", "Please wait", "Connection", "Error",
           "Link to heading", "progress", "Main menu", "Deploy", "Clear", "No results", "Streamlit"]
ENGLISH_RE = re.compile(r"\b(" + "|".join(re.escape(word) for word in ENGLISH) + r")\b", re.IGNORECASE)

# What is drawn as text, and every label a screen reader may read, in the page and in open shadow roots.
WORDS_JS = """() => {
    const found = [document.body.innerText, document.title];
    const walk = (root) => root.querySelectorAll("*").forEach((el) => {
        if (el.closest && el.closest("script, style, noscript")) { return; }
        for (const name of ["aria-label", "title", "placeholder", "alt", "aria-description"]) {
            const value = el.getAttribute(name);
            if (value) { found.push(`${name}=${value}`); }
        }
        if (el.shadowRoot) { found.push(el.shadowRoot.textContent || ""); walk(el.shadowRoot); }
    });
    walk(document);
    return found;
}"""


def english_on(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
    page.wait_for_timeout(500)  # the translation runs as Streamlit draws: let it finish
    return sorted({match.group(0) + " in " + repr(text[:80]) for text in page.evaluate(WORDS_JS)
                   for match in ENGLISH_RE.finditer(text)})


def test_no_english_on_the_learner_screens_and_home_opens_by_its_address(phone, server):
    page = phone
    found: dict[str, list[str]] = {}

    def check(screen: str) -> None:
        shot(page, f"phone-words-{screen}")
        if words := english_on(page):
            found[screen] = words

    page.goto(server)
    page.get_by_role("button", name=GROUP).wait_for()
    check("group")
    add_learner("Y Tiếng Việt", "6161")
    sign_in(page, server, "Y Tiếng Việt", "6161")
    check("home")

    # a signed-in learner opening the home page's own address gets it, with no "Page not found"
    page.goto(f"{server}/trang-chinh")
    page.get_by_text("Chào Y Tiếng Việt").wait_for()
    page.wait_for_timeout(1000)
    assert page.url.endswith("/trang-chinh")
    assert page.get_by_role("dialog").count() == 0, "a box opened over the home page"
    check("home-by-address")

    page.goto(f"{server}/bai-hoc?bai=bai-mau")
    page.get_by_text("Bước 1 / 5").wait_for()
    check("lesson")
    page.goto(f"{server}/kiem-tra?bai=bai-mau")
    page.get_by_text("Câu 1 / 5").wait_for()
    check("quiz")
    page.goto(f"{server}/tien-bo")
    page.get_by_text("Tiến bộ của tôi").first.wait_for()
    check("my-progress")
    page.goto(f"{server}/cai-dat")
    page.get_by_text("Cỡ chữ").first.wait_for()
    check("settings")
    # an address that is no page: Streamlit's own box says so, in Vietnamese
    page.goto(f"{server}/khong-co-trang-nay")
    # (for the moment the translation takes to load, a first visit may show it in English)
    page.get_by_role("dialog").get_by_text("Không có trang này").wait_for()
    check("no-such-page")

    assert not found, "English on a learner's screen:\n" + "\n".join(
        f"  {screen}: {', '.join(words)}" for screen, words in found.items())
