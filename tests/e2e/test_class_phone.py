"""A phone in a live class, in Chromium at 360×640: a guest types the class's number on
the keypad, follows the trainer's moves (made in the database, as the projector makes
them), keeps its place over a reload, answers a live question by tapping, sees its
verdict after the reveal, and is thanked at the end."""

from __future__ import annotations

import pytest

from progress.classes.running import end_class, move_to, reveal_answer, start_class
from progress.demo import DEMO_TRAINER
from progress.groups import list_groups
from progress.trainers import verify_trainer
from tests.e2e.conftest import server_database, shot, tap_digits

pytestmark = pytest.mark.e2e

FEW_POLLS_MS = 10_000  # phones poll every class_mode.follow_seconds (2 s): a few polls


def test_a_guest_phone_joins_by_number_follows_and_answers(phone, server):
    page = phone
    db = server_database()
    username, _, password = DEMO_TRAINER
    trainer = verify_trainer(db, username, password)
    assert trainer is not None
    state = start_class(db, trainer.id, list_groups(db)[0].id, ["bai-mau"], place="Nhà văn hóa thôn Bờ He")

    page.goto(f"{server}/lop-hoc")
    page.get_by_text("Bác bấm số vào lớp trên màn hình lớn").wait_for()
    shot(page, "class-phone-1-keypad")
    tap_digits(page, state.join_code)
    page.get_by_role("button", name="Vào lớp (khách)").wait_for()
    shot(page, "class-phone-2-join")
    page.get_by_role("button", name="Vào lớp (khách)").click()
    page.get_by_text("Bước 1 / 5").wait_for()
    page.get_by_text("Khách 1").wait_for()
    shot(page, "class-phone-3-step-1")

    move_to(db, state.class_id, 2)
    page.get_by_text("Bước 3 / 5").wait_for(timeout=FEW_POLLS_MS)
    page.get_by_text("Đây là bước ba").wait_for()
    shot(page, "class-phone-4-step-3")
    page.reload()  # a reload, or the Wi-Fi back: the same place, no second guest
    page.get_by_text("Bước 3 / 5").wait_for()
    page.get_by_text("Khách 1").wait_for()

    move_to(db, state.class_id, 5, live_question=("bai-mau", "q-mot"))
    page.get_by_text("Câu 1 / 5").wait_for(timeout=FEW_POLLS_MS)
    shot(page, "class-phone-5-question")
    page.get_by_role("button", name="Không đưa, gác máy").click()
    page.get_by_text("Đã gửi. Chờ tập huấn viên xem đáp án").wait_for()
    shot(page, "class-phone-6-sent")

    reveal_answer(db, state.class_id)
    page.get_by_text("Đúng rồi").wait_for(timeout=FEW_POLLS_MS)
    page.get_by_text("Giữ mã cho riêng mình.").wait_for()
    shot(page, "class-phone-7-verdict")

    end_class(db, state.class_id)
    page.get_by_text("Buổi học đã kết thúc. Cảm ơn bác!").wait_for(timeout=FEW_POLLS_MS)
    page.get_by_role("button", name="Vào bằng tên của tôi").wait_for()
    shot(page, "class-phone-8-end")
