"""A learner who cannot read finishes everything by ear and by tapping.

In headless Chromium at 360×640 with a Vietnamese phone voice that logs what it says,
this test takes every action only from what the voice said plus numbers and icons: it
hears "Ý hai: …" and taps the button numbered 2, hears "Số một, hình con voi: …" and
taps card 1, and goes on with ➡️, 📝, 🏁, 🔁, 🏠, 📚. It never looks for a button by
its words. Before each choice it asserts the choices were spoken.

The way: sign-in (group, name card by its picture, code, consent), the home screen, a
lesson, a quiz with one question of every kind failed, retry, a reload mid-quiz, the
quiz passed, a practice lesson (a wrong tap and its hint, then the right one) and a
review question.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from catalog.loading import load_catalog
from lessons.fields import number_word
from media.speech_text import normalise_for_speech
from tests.conftest import FIXTURE_CONTENT
from tests.e2e.conftest import shot, wait_until_drawn
from tests.e2e.test_learner_journey import FAKE_VIETNAMESE_VOICE

pytestmark = pytest.mark.e2e

PHONE_640 = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}
NAME, PICTURE, CODE = "Y Lắng Nghe", "🐘", "2468"
CATALOG = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
QUIZ = CATALOG.quizzes["bai-mau"]
WORDS = {number_word(n): n for n in range(1, 11)}


def said(text: str) -> str:
    """A text as the phone's voice is given it (the app's speech normalisation)."""
    return normalise_for_speech(text).rstrip(".")


class Listener:
    """The learner's ears: taps the "Nghe" buttons on the screen and keeps what was said."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page

    def listen(self) -> str:
        """Tap every Nghe on the screen; what the voice said, as one text."""
        page = self.page
        self.settle()
        page.locator(".nghe-play:visible").first.wait_for()  # a screen is there (after a reload, too)
        self.settle()
        page.evaluate("() => { window.__spoken.length = 0; }")
        for button in page.locator(".nghe-play").all():
            if button.is_visible():
                button.click()
        page.wait_for_function("() => window.__spoken.length > 0")
        return " ".join(item["text"] for item in page.evaluate("() => window.__spoken"))

    def number_of(self, heard: str, label: str, text: str) -> int:
        """The number the voice gave ``text`` in a list read as "<label> <number>: <text>"."""
        match = re.search(rf"{label} (\w+)(?:, [^:]+)?: {re.escape(said(text))}", heard)
        assert match, f"not heard: {label} …: {text!r} in {heard!r}"
        return WORDS[match.group(1)]

    def settle(self) -> None:
        self.page.wait_for_timeout(400)  # the tap's run starts
        wait_until_drawn(self.page)  # and ends: nothing stale, nothing running

    def tap_number(self, number: int) -> None:
        self.page.locator("button:visible", has_text=re.compile(rf"^\s*{number}\. ")).first.click()
        self.settle()

    def tap_icon(self, icon: str) -> None:
        self.page.locator("button:visible", has_text=icon).first.click()
        self.settle()


@pytest.fixture
def phone_640(chromium_path, server):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--headless", "--no-sandbox"])
        context = browser.new_context(**PHONE_640)
        context.set_default_timeout(20000)
        page = context.new_page()
        page.add_init_script(FAKE_VIETNAMESE_VOICE)
        yield page
        browser.close()


@pytest.fixture
def learner(server):  # type: ignore[no-untyped-def]
    from progress.groups import list_groups
    from progress.learners import create_learner
    from tests.e2e.conftest import server_database

    db = server_database()
    group = next(g for g in list_groups(db) if g.name == "Thôn Bờ He")
    return create_learner(db, group.id, NAME, CODE, avatar=PICTURE)


def sign_in(ear: Listener) -> None:
    page = ear.page
    heard = ear.listen()
    ear.tap_number(ear.number_of(heard, "Nhóm", "Thôn Bờ He"))
    heard = ear.listen()
    match = re.search(rf"Số (\w+), hình con voi: {re.escape(said(NAME))}", heard)
    assert match, heard  # the learner knows their picture, the elephant
    ear.tap_number(WORDS[match.group(1)])
    assert "bốn số" in ear.listen()
    for digit in CODE:
        page.get_by_role("button", name=digit, exact=True).click()
        page.wait_for_timeout(150)
    assert said("Ứng dụng chỉ lưu tên của bác") in ear.listen()
    ear.tap_icon("✅")


def open_lesson(ear: Listener, number: int) -> None:
    """On the home screen: hear the parts, open part one, hear its lessons, tap lesson ``number``."""
    page = ear.page
    heard = ear.listen()
    assert "Phần một" in heard and said("Nút hình ngôi nhà là về trang chính") in heard
    section = page.locator('[data-testid="stExpander"] details').first
    if section.get_attribute("open") is None:
        section.locator("summary").click()
    heard = ear.listen()
    assert f"Bài {number_word(number)}" in heard
    section.locator("button:visible:not(.nghe-play)").nth(number - 1).click()


def answer(ear: Listener, question, right: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer one question from what was heard: rightly, or not."""
    page = ear.page
    heard = ear.listen()
    if question.kind in ("single_choice", "image_choice"):
        option = next(o for o in question.options if o.correct == right)
        label = "Ý" if question.kind == "single_choice" else "Hình"
        number = ear.number_of(heard, label, option.text)
        if question.kind == "image_choice":
            page.locator("button:visible", has_text=re.compile(rf"[Hh]ình {number}\b")).first.click()
        else:
            ear.tap_number(number)
    elif question.kind == "true_false":
        assert "Đúng hay sai" in heard
        ear.tap_icon("✅" if question.answer == right else "❌")
    elif question.kind == "multiple_choice":
        chosen = [o for o in question.options if o.correct] if right else [question.options[-1]]
        for option in chosen:
            number = ear.number_of(heard, "Ý", option.text)
            page.locator("label:visible", has_text=re.compile(rf"^\s*{number}\. ")).first.click()
        ear.tap_icon("✔️")
    else:  # ordering: tap the items first to last (or the wrong way round)
        items = list(question.items) if right else list(reversed(question.items))
        for item in items:
            ear.tap_number(ear.number_of(heard, "Việc", item.text))
            page.locator("li", has_text=item.text).wait_for()
        ear.tap_icon("✔️")
    verdict = ear.listen()
    assert ("Đúng rồi" if right else "Chưa đúng. Đáp án đúng là") in verdict, verdict


def next_question(ear: Listener, last: bool) -> None:
    ear.tap_icon("🏁" if last else "➡️")


def test_a_learner_who_cannot_read_finishes_by_ear(phone_640, server, learner):
    page = phone_640
    ear = Listener(page)
    page.goto(server)
    sign_in(ear)
    page.locator('[data-testid="stExpander"]').first.wait_for()
    shot(page, "no-reading-01-home")

    # a lesson, step by step: each step is heard, then ➡️; the last one leads to 📝
    open_lesson(ear, 1)
    lesson = CATALOG.lessons["bai-mau"]
    for index, step in enumerate(lesson.steps):
        assert said(step.text.split(".")[0]) in ear.listen()
        if index == 1:  # once back with ⬅️, and on again
            ear.tap_icon("⬅️")
            assert "Bước một trên" in ear.listen()
            ear.tap_icon("➡️")
            assert "Bước hai trên" in ear.listen()
        ear.tap_icon("📝" if index == len(lesson.steps) - 1 else "➡️")

    # the quiz: every kind, answered wrongly, from what was heard
    for index, question in enumerate(QUIZ.questions):
        assert f"Câu {number_word(index + 1)} trên {number_word(len(QUIZ.questions))}" in ear.listen()
        answer(ear, question, right=False)
        next_question(ear, last=index == len(QUIZ.questions) - 1)
    heard = ear.listen()
    assert "Bác chưa đạt" in heard, heard
    shot(page, "no-reading-02-failed")
    ear.tap_icon("🔁")  # retry

    # again, rightly; a reload on question two resumes there
    answer(ear, QUIZ.questions[0], right=True)
    next_question(ear, last=False)
    page.reload()
    assert "Câu hai trên năm" in ear.listen()
    for index, question in enumerate(QUIZ.questions[1:], start=1):
        answer(ear, question, right=True)
        next_question(ear, last=index == len(QUIZ.questions) - 1)
    heard = ear.listen()
    assert "Bác đã đạt" in heard, heard
    ear.tap_icon("📖")  # the lesson again, from the result
    assert "Bước" in ear.listen()
    ear.tap_icon("🏠")

    # a practice lesson: the choices are heard with their numbers; a wrong tap's hint is heard
    open_lesson(ear, 2)
    practice = CATALOG.lessons["thuc-hanh-mau"]
    for index, step in enumerate(practice.steps):
        heard = ear.listen()
        if step.practice:
            wrong = next(t for t in step.practice.targets if not t.correct)
            ear.tap_number(ear.number_of(heard, "Nút", wrong.label))
            assert said(wrong.hint) in ear.listen()
            right = next(t for t in step.practice.targets if t.correct)
            ear.tap_number(ear.number_of(heard, "Nút", right.label))
            assert said(step.practice.success) in ear.listen()
        if index < len(practice.steps) - 1:
            ear.tap_icon("➡️")
    shot(page, "no-reading-03-practice-done")
    ear.tap_icon("🏠")

    # a review: a question answered wrongly comes back; the card says which button opens it
    from progress.review import schedule_wrong_answers
    from tests.e2e.conftest import server_database
    from tests.progress.graded import wrong

    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    schedule_wrong_answers(server_database(), learner.id, "bai-mau", [wrong("q-mot")], now=long_ago)
    page.reload()
    heard = ear.listen()
    assert "Có một câu bác cần ôn lại. Bấm nút chồng sách" in heard, heard
    ear.tap_icon("📚")
    answer(ear, QUIZ.questions[0], right=True)
    shot(page, "no-reading-04-review")

    # settings and progress, by the icons the welcome explained: each read whole
    ear.tap_icon("🏠")
    ear.tap_icon("⚙️")
    assert said("Cỡ chữ: Chữ vừa, Chữ to, hoặc Chữ rất to") in ear.listen()
    ear.tap_icon("🏠")
    ear.tap_icon("📊")
    assert "bác đã đạt một trên hai bài" in ear.listen()  # the lesson whose quiz was passed
    shot(page, "no-reading-05-progress")
