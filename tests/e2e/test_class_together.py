"""A whole class in Chromium, on two app processes sharing one database (issue 11): the
demo trainer's projector (1280×720) is served by server A, five phones (360×640) by
server B. The trainer starts a class on the page; two learners of the group join as
themselves (one through the class's "Vào bằng tên của tôi" and the consent screen, one
signed in before opening the QR link), one guest types the join number read off the
projector, two guests open the QR link. The projector counts the phones; the trainer
moves with the bar's ➡️ and the keyboard and every phone shows each step; the live
question is answered on every phone, counted, hands are added, the answer revealed
(the tally on the projector, each phone's own verdict); the head count is corrected and
the class ended. Then the database: the answers, the learners' review lists, and the
class-held record. Screenshots go to test-artifacts/screenshots/class-together-*.

Only generous waits, no timing checks: phones poll every second here."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from access.class_links import class_join_url
from catalog.class_plan import class_plan
from catalog.loading import load_catalog
from progress.classes.records import class_record
from progress.database import connect
from progress.demo import DEMO_GROUP, DEMO_LEARNERS, DEMO_TRAINER, seed_demo
from progress.groups import list_groups
from progress.learners import list_learners
from progress.models import ClassAnswer, ClassQuestion, utcnow
from progress.review import due_reviews
from quizzes.option_order import class_seed
from tests.conftest import FIXTURE_CONTENT
from tests.e2e.conftest import (
    CHROMIUM_ARGS,
    PHONE,
    SCREENSHOTS,
    TwoServers,
    shot,
    tap_digits,
    tap_sign_in,
    wait_for_sign_in_cookie,
)

pytestmark = pytest.mark.e2e

PROJECTOR = {"viewport": {"width": 1280, "height": 720}, "locale": "vi-VN"}
FOLLOW_MS = 20_000  # a phone polls every second: this only bounds a failure
PLACE = "Nhà văn hóa thôn Gò"
STEPS = ("Đây là bước một.", "Đây là bước hai.", "Đây là bước ba, mã OTP.", "Đây là bước bốn.")
QUESTION = "Có người hỏi mã OTP. Bác làm gì?"  # bai-mau's first quiz question: single choice
WRONG, RIGHT = "Đọc mã cho họ", "Không đưa, gác máy"
HANDS = {WRONG: 1, RIGHT: 4}  # people without a phone, by show of hands (numbered in the class's own order)
HEAD_COUNT = 11  # counted by the trainer: 5 phones, 5 hands, and one who kept their hands down


def sign_in_trainer(page, base: str) -> None:  # type: ignore[no-untyped-def]
    username, _, password = DEMO_TRAINER
    page.goto(base + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()
    page.get_by_role("link", name="Trình chiếu").click()


def start_class(page) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Group, two lessons (the class will only reach the first), place, start: the class's
    id (in the address) and the join number as the projector shows it."""
    from playwright.sync_api import expect

    page.get_by_text("Bắt đầu buổi học mới").wait_for()
    expect(page.get_by_role("combobox", name="Nhóm")).to_have_value(DEMO_GROUP)  # the trainer's one group
    for lesson in ("Bài mẫu", "Thực hành mẫu"):
        page.locator(".st-key-class_lessons input").click()
        page.get_by_role("option", name=re.compile(lesson)).click()
    page.keyboard.press("Escape")
    page.get_by_label("Nơi học").fill(PLACE)
    page.get_by_label("Nơi học").press("Enter")
    page.get_by_role("button", name="Bắt đầu buổi học").click()
    page.get_by_text("Số vào lớp", exact=True).wait_for()
    page.get_by_text(PLACE).wait_for()
    class_id = int(re.search(r"lop=(\d+)", page.url).group(1))  # type: ignore[union-attr]
    join_code = page.locator("p.join-number").inner_text().replace(" ", "")
    assert re.fullmatch(r"\d{4}", join_code), join_code
    return class_id, join_code


def all_see(phones, text: str) -> None:  # type: ignore[no-untyped-def]
    for page in phones:
        page.get_by_text(text).wait_for(timeout=FOLLOW_MS)


def test_a_whole_class_projector_on_one_server_phones_on_another(chromium_path, two_servers: TwoServers) -> None:
    from playwright.sync_api import expect, sync_playwright

    db = connect(two_servers.database_url)
    seed_demo(db)
    group = next(g for g in list_groups(db) if g.name == DEMO_GROUP)
    learners = {learner.display_name: learner for learner in list_learners(db, group.id)}
    (hoa, hoa_code), (lam, lam_code) = DEMO_LEARNERS[:2]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)

        def new_page(options: dict):  # type: ignore[no-untyped-def,type-arg]
            page = browser.new_context(**options).new_page()
            page.set_default_timeout(20000)
            return page

        projector = new_page(PROJECTOR)
        sign_in_trainer(projector, two_servers.a)
        class_id, join_code = start_class(projector)
        qr_link = class_join_url(two_servers.b, class_id, join_code)  # the QR code's link, on server B

        # a learner opens the QR link, taps "Vào bằng tên của tôi", signs in, consents: in the class
        phone_hoa = new_page(PHONE)
        phone_hoa.goto(qr_link)
        phone_hoa.get_by_role("button", name="Vào bằng tên của tôi").click()
        tap_sign_in(phone_hoa, hoa, hoa_code)
        phone_hoa.get_by_role("button", name="Tôi đồng ý").click()
        phone_hoa.get_by_text("Bác đã vào lớp").wait_for()
        phone_hoa.get_by_text(STEPS[0], exact=True).wait_for()
        shot(phone_hoa, "class-together-phone-1-joined")

        # a learner signed in already (and consented) opens the QR link: in the class with no tap
        phone_lam = new_page(PHONE)
        phone_lam.goto(two_servers.b)
        tap_sign_in(phone_lam, lam, lam_code)
        phone_lam.get_by_role("button", name="Tôi đồng ý").click()
        phone_lam.get_by_text(f"Chào {lam}").wait_for()
        wait_for_sign_in_cookie(phone_lam)  # the QR link opens a new session, signed in by the cookie
        phone_lam.goto(qr_link)
        phone_lam.get_by_text("Bác đã vào lớp").wait_for()

        # a guest types the number read off the projector
        phone_keypad = new_page(PHONE)
        phone_keypad.goto(two_servers.b + "/lop-hoc")
        tap_digits(phone_keypad, join_code)
        phone_keypad.get_by_role("button", name="Vào lớp (khách)").click()
        phone_keypad.get_by_text("Khách 1").wait_for()

        # two guests scan the QR code
        guests_by_qr = []
        for number in (2, 3):
            guest = new_page(PHONE)
            guest.goto(qr_link)
            guest.get_by_role("button", name="Vào lớp (khách)").click()
            guest.get_by_text(f"Khách {number}").wait_for()
            guests_by_qr.append(guest)
        phones = [phone_hoa, phone_lam, phone_keypad, *guests_by_qr]
        all_see(phones, STEPS[0])

        projector.get_by_text("📱 5 điện thoại").wait_for(timeout=FOLLOW_MS)
        shot(projector, "class-together-projector-1-join")

        # the trainer moves: from the join code to the first slide, then three steps
        next_button = projector.get_by_role("button", name="➡️")  # the bar's (Streamlit keeps a hidden copy too)
        next_button.click()
        projector.get_by_text(STEPS[0], exact=True).wait_for()
        for step, how in zip(STEPS[1:], ("button", "key", "button"), strict=True):
            if how == "key":
                projector.keyboard.press("ArrowRight")
            else:
                next_button.click()
            projector.get_by_text(step, exact=True).wait_for()
            all_see(phones, step)
            if step == STEPS[2]:
                shot(projector, "class-together-projector-2-step")
                shot(phone_hoa, "class-together-phone-2-step")

        # step five, then the quiz's first question: live on every phone
        projector.keyboard.press("ArrowRight")
        projector.get_by_text("Đây là bước năm.", exact=True).wait_for()
        projector.keyboard.press("ArrowRight")
        projector.get_by_text(QUESTION).wait_for()
        projector.get_by_text("0 người đã trả lời").wait_for()
        all_see(phones, QUESTION)
        shot(phone_hoa, "class-together-phone-3-question")
        answers = {phone_hoa: WRONG, phone_lam: RIGHT, phone_keypad: RIGHT,
                   guests_by_qr[0]: WRONG, guests_by_qr[1]: RIGHT}
        for page, answer in answers.items():
            page.get_by_role("button", name=answer).click()
        all_see(phones, "Đã gửi. Chờ tập huấn viên xem đáp án.")
        shot(phone_hoa, "class-together-phone-4-sent")
        projector.get_by_text("✍️ 5 người đã trả lời").wait_for(timeout=FOLLOW_MS)
        shot(projector, "class-together-projector-3-answered")

        # hands of those without a phone, then the answer
        projector.get_by_text("✋ Giơ tay (không có điện thoại)").click()
        for label, count in HANDS.items():
            field = projector.get_by_label(re.compile(rf"^\d\. {re.escape(label)}$"))
            field.fill(str(count))
            field.press("Tab")  # as a person moves on to the next box
        projector.get_by_role("button", name="Lưu số giơ tay").click()
        projector.get_by_role("button", name="Xem đáp án").click()
        projector.get_by_text(f"✅ Đáp án: {RIGHT}").wait_for()
        projector.get_by_text("✍️ 5 người trả lời bằng điện thoại").wait_for()
        rows = projector.locator(".tally-row")
        expect(rows).to_have_count(2)
        wrong_row, right_row = rows.filter(has_text=WRONG), rows.filter(has_text=RIGHT)
        expect(wrong_row).to_contain_text("❌")
        expect(wrong_row.locator(".tally-count")).to_have_text("3 (📱 2 + ✋ 1)")
        expect(right_row).to_contain_text("✅")
        expect(right_row.locator(".tally-count")).to_have_text("7 (📱 3 + ✋ 4)")
        shot(projector, "class-together-projector-4-tally")
        for page, answer in answers.items():
            if answer == RIGHT:  # (the alert shows its ✅ or ❌ as an icon, apart from the words)
                page.get_by_text("Đúng rồi!", exact=True).wait_for(timeout=FOLLOW_MS)
                page.get_by_text("Giữ mã cho riêng mình.").wait_for()
            else:
                page.get_by_text("Chưa đúng.", exact=True).wait_for(timeout=FOLLOW_MS)
                page.get_by_text("Không ai được hỏi mã OTP.").wait_for()
        shot(phone_hoa, "class-together-phone-5-verdict")
        shot(phone_lam, "class-together-phone-5-verdict-right")

        # attendance: the two learners by name, three guests; the trainer corrects the head count
        projector.get_by_role("button", name="Điểm danh").click()
        people = projector.locator(".st-key-present_people")
        expect(people.locator(".class-counts")).to_contain_text("2Học viên đã vào lớp3Khách")
        expect(people.locator(".class-people")).to_contain_text(hoa)
        expect(people.locator(".class-people")).to_contain_text(lam)
        shot(projector, "class-together-projector-5-attendance")
        head_count = projector.get_by_label("Số người có mặt (tự đếm, kể cả người không có điện thoại)")
        expect(head_count).to_have_value("5")
        head_count.fill(str(HEAD_COUNT))
        projector.get_by_role("button", name="Lưu số người dự").click()
        projector.get_by_text("Đã lưu số người dự.").wait_for()

        # the end: the record on the projector, the thanks on every phone
        projector.locator(".st-key-present_end button").click()
        projector.get_by_text("Kết thúc buổi học?").wait_for()
        projector.locator(".st-key-present_end_yes button").click()
        projector.get_by_text("Đã kết thúc buổi học").wait_for()
        projector.get_by_text(f"{HEAD_COUNT} người (tự đếm)").wait_for()
        projector.get_by_text("📱 5 người trả lời, 3 người đúng; ✋ 5 lượt giơ tay, 4 lượt đúng").wait_for()
        shot(projector, "class-together-projector-6-record")
        all_see(phones, "Buổi học đã kết thúc. Cảm ơn bác!")
        shot(phone_hoa, "class-together-phone-6-end")
        browser.close()

    # what was stored: the answers, the learners' wrong one to review, the class held
    with db() as session:
        stored = session.execute(select(ClassAnswer.learner_id, ClassAnswer.correct).join(
            ClassQuestion, ClassQuestion.id == ClassAnswer.question_id).where(ClassQuestion.class_id == class_id)).all()
    assert len(stored) == 5
    by_learner = {learner_id: correct for learner_id, correct in stored if learner_id is not None}
    assert by_learner == {learners[hoa].id: False, learners[lam].id: True}
    assert sum(correct for _, correct in stored) == 3
    later = utcnow() + dt.timedelta(days=30)
    to_review = [(due.lesson_id, due.question_id) for due in due_reviews(db, learners[hoa].id, now=later)]
    assert to_review == [("bai-mau", "q-mot")]
    assert due_reviews(db, learners[lam].id, now=later) == []

    record = class_record(db, class_id)
    assert record is not None
    assert not record.state.is_open and record.state.place == PLACE and record.state.group_name == DEMO_GROUP
    assert record.trainers == (DEMO_TRAINER[1],)
    assert [person.name for person in record.attendance.learners] == sorted([hoa, lam])
    assert record.attendance.guests == 3
    assert record.attendance.head_count == HEAD_COUNT and record.attendance.total == HEAD_COUNT
    plan = class_plan(load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes"),
                      record.state.lesson_ids, class_seed(class_id))
    assert record.state.lesson_ids == ("bai-mau", "thuc-hanh-mau")
    assert [lesson.id for lesson in plan.lessons_reached(record.state.furthest_position)] == ["bai-mau"]
    [asked] = record.questions
    assert (asked.lesson_id, asked.question_id) == ("bai-mau", "q-mot")
    assert (asked.answered, asked.right, asked.revealed) == (5, 3, True)
    assert asked.hands == {"a": 1, "b": 4}
    db.kw["bind"].dispose()
