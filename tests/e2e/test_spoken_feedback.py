"""A learner who cannot read, on a phone with a Vietnamese voice and "Tự đọc" on: after
a wrong answer the phone says "Chưa đúng" and the right answer, and at the end the score."""

from __future__ import annotations

import pytest

from media.speech_text import normalise_for_speech
from tests.e2e.conftest import shot, tap_sign_in
from tests.e2e.test_learner_journey import FAKE_VIETNAMESE_VOICE

pytestmark = pytest.mark.e2e

# the phone's voice is given the text after the app's speech normalisation ("OTP" → "ô tê pê")
WRONG = normalise_for_speech(
    "Chưa đúng. Đáp án đúng là: Không đưa, gác máy. Không ai được hỏi mã OTP. Giữ mã cho riêng mình.")
RESULT = normalise_for_speech("Bác trả lời đúng bốn trên năm câu. Bác đã đạt.")


def _a_listener_with_autoplay() -> None:
    """Their own learner, so other browser tests' quiz runs do not meet this one."""
    from progress.groups import list_groups
    from progress.learners import create_learner, list_learners, record_consent, update_learner_settings
    from tests.e2e.conftest import server_database

    db = server_database()
    group = list_groups(db)[0]
    listener = next((m for m in list_learners(db, group.id) if m.display_name == "Y Nghe Thử"), None)
    listener = listener or create_learner(db, group.id, "Y Nghe Thử", "5678")
    record_consent(db, listener.id)
    update_learner_settings(db, listener.id, autoplay=True, save_data=False)


def _spoken(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [item["text"] for item in page.evaluate("() => window.__spoken")]


def test_the_phone_voice_says_the_verdict_the_right_answer_and_the_score(phone, server):
    _a_listener_with_autoplay()
    page = phone
    page.add_init_script(FAKE_VIETNAMESE_VOICE)
    page.goto(server + "/kiem-tra?bai=bai-mau")  # a shared quiz link: sign in, then the quiz
    tap_sign_in(page, "Y Nghe Thử", "5678")
    page.get_by_text("Câu 1 / 5").wait_for()
    page.get_by_role("button", name="Đọc mã cho họ").click()  # wrong
    page.get_by_text("Chưa đúng").first.wait_for()
    page.wait_for_function("(t) => window.__spoken.some((s) => s.text === t)", arg=WRONG)
    assert _spoken(page)[-1] == WRONG, "said by itself, without a tap on Nghe"
    shot(page, "spoken-wrong-answer")

    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("button", name="❌ Sai").click()
    page.wait_for_function("() => window.__spoken.some((s) => s.text.startsWith('Đúng rồi.'))")
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Đòi chuyển tiền gấp").click()
    page.get_by_text("Gửi đường link lạ").click()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("button", name="Màn hình xanh").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    for item in ("Mở ứng dụng", "Nhập số", "Bấm Đăng nhập"):
        page.get_by_role("button", name=item).click()
        page.locator("li", has_text=item).wait_for()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Xem kết quả").click()
    page.get_by_text("Bác đã đạt").wait_for()
    page.wait_for_function("(t) => window.__spoken.some((s) => s.text.startsWith(t))", arg=RESULT)
    assert _spoken(page)[-1].startswith(RESULT)
    shot(page, "spoken-result")
