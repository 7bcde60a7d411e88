"""A learner on a 360×640 phone, through the running app: sign in, lesson with audio,
reload mid-lesson, quiz, result; then the trainer finds the result."""

import re

import pytest

from tests.e2e.conftest import shot, tap_digits, tap_sign_in

pytestmark = pytest.mark.e2e


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_learner_journey_on_a_phone(phone, server):
    page = phone
    page.goto(server)
    tap_sign_in(page, "Phạm Thị Nga", "9999")  # a wrong code first: said in words, keypad again
    page.get_by_text("Mã chưa đúng").wait_for()
    page.get_by_text("○ ○ ○ ○").wait_for()
    tap_digits(page, "345")
    page.get_by_text("● ● ● ○").wait_for()
    shot(page, "01-code")
    tap_digits(page, "6", already=3)
    page.get_by_text("Ứng dụng chỉ lưu tên của bác").wait_for()
    shot(page, "02-consent")
    page.get_by_role("button", name="Tôi đồng ý").click()
    page.get_by_text("Chào Phạm Thị Nga").wait_for()
    shot(page, "03-home")
    assert no_horizontal_scroll(page)

    page.get_by_role("button", name="Bài mẫu").click()
    page.get_by_text("Bước 1 / 5").wait_for()
    picture = page.get_by_role("img", name="Điện thoại hiện một mã số.")
    picture.wait_for()
    assert page.evaluate("(img) => img.naturalWidth > 0 && img.getBoundingClientRect().width <= 360",
                         picture.element_handle())
    # the "Nghe" button downloads nothing until tapped, then plays the step's file
    listen = page.get_by_role("button", name="🔊 Nghe").first
    listen.wait_for()
    assert re.search(r"\d+ giây · \d+ KB", page.locator(".nghe-meta").first.inner_text())
    with page.expect_response(lambda r: "/app/static/audio/" in r.url) as audio:
        listen.click()
    response = audio.value
    assert response.status in (200, 206)
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    page.get_by_role("button", name="⏹️ Dừng").first.wait_for()
    shot(page, "04-step-1")
    page.get_by_role("button", name="Tiếp theo").click()
    page.get_by_text("Bước 2 / 5").wait_for()

    # Phones reload background tabs: the learner stays signed in, at the same step.
    page.reload()
    page.get_by_text("Bước 2 / 5").wait_for()
    assert "bai-hoc?bai=bai-mau" in page.url
    for step in (3, 4, 5):
        page.get_by_role("button", name="Tiếp theo").click()
        page.get_by_text(f"Bước {step} / 5").wait_for()
    page.get_by_role("button", name="Làm bài kiểm tra").click()

    page.get_by_text("Câu 1 / 5").wait_for()
    shot(page, "05-question")
    page.get_by_role("button", name="Không đưa, gác máy").click()
    page.get_by_text("Đúng rồi").wait_for()
    shot(page, "06-feedback")
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("button", name="Sai").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Đòi chuyển tiền gấp").click()
    page.get_by_text("Gửi đường link lạ").click()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("img", name="Màn hình màu xanh ghi chữ Thật.").wait_for()
    shot(page, "06b-image-choice")
    page.get_by_role("button", name="Màn hình xanh").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    for item in ("Mở ứng dụng", "Nhập số", "Bấm Đăng nhập"):
        page.get_by_role("button", name=item).click()
        page.locator("li", has_text=item).wait_for()
    shot(page, "06c-ordering")
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_text("Đúng rồi").wait_for()
    page.get_by_role("button", name="Xem kết quả").click()
    page.get_by_text("Bác đã đạt").wait_for()
    shot(page, "07-result")
    assert no_horizontal_scroll(page)

    page.get_by_role("button", name="Về trang chính").click()
    page.get_by_text("✅ 100%").wait_for()

    # a practice lesson: a wrong tap gives a hint, the right one lets the learner go on
    page.get_by_role("button", name="Thực hành mẫu").click()
    page.get_by_role("button", name="Tiếp theo").click()
    page.get_by_role("button", name="1. Đăng ký").click()
    page.get_by_text("Hãy tìm nút Đăng nhập").wait_for()
    shot(page, "07b-practice-hint")
    page.get_by_role("button", name="2. Đăng nhập").click()
    page.get_by_text("Đúng rồi, bác đã bấm Đăng nhập.").wait_for()
    page.get_by_role("button", name="Về trang chính").click()
    # the cookie is cleared by a request the page sends after drawing the group screen:
    # wait for it, as a reload before it lands would find the old cookie (a slow machine did)
    with page.expect_response(lambda r: r.url.endswith("/auth/signout")):
        page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_role("button", name="Thôn Bờ He").wait_for()
    page.reload()  # signed out stays signed out
    page.get_by_role("button", name="Thôn Bờ He").wait_for()

    page.get_by_role("link", name="Tập huấn viên đăng nhập").click()
    page.get_by_label("Tên đăng nhập").fill("tapsu")
    page.get_by_label("Mật khẩu").fill("hocvuso2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()
    recent = page.locator("[data-testid='stDataFrame']").first  # "Bài kiểm tra vừa làm"
    recent.wait_for()
    shot(page, "08-trainer-dashboard")
    # the grid is drawn on a canvas; read its accessible copy (role=gridcell): Nga's
    # latest quiz, right after her name
    cells = recent.locator("[role='gridcell']")
    cells.filter(has_text="Phạm Thị Nga").first.wait_for(state="attached")
    texts = cells.all_text_contents()
    assert texts[texts.index("Phạm Thị Nga") + 1] == "✅ Đạt 5/5 (100%)"
    assert texts[texts.index("Phạm Thị Nga") + 2] == "Bài mẫu"


def test_a_shared_lesson_link_opens_that_lesson_after_sign_in(phone, server):
    """A trainer shares a lesson link over Zalo; the learner is not signed in on this phone."""
    page = phone
    page.goto(server + "/bai-hoc?bai=thuc-hanh-mau")
    page.get_by_role("button", name="Thôn Bờ He").wait_for()
    assert page.get_by_text("Page not found").count() == 0
    tap_sign_in(page, "Đinh Văn Lâm", "2345")
    consent = page.get_by_role("button", name="Tôi đồng ý")
    consent.or_(page.get_by_text("Bước 1 / 5")).first.wait_for()
    if consent.count():
        consent.click()
    page.get_by_text("Bước 1 / 5").wait_for()
    assert page.get_by_role("heading", name="Thực hành mẫu").count() == 1
    assert "bai-hoc?bai=thuc-hanh-mau" in page.url
    shot(page, "09-deep-link-after-sign-in")


def test_a_printed_qr_card_signs_the_learner_in(phone, server):
    """Scanning the card opens the link: consent the first time, then home, and it stays."""
    from access.card_links import card_url
    from tests.e2e.conftest import server_database

    db = server_database()
    from progress.groups import list_groups
    from progress.learners import list_learners

    quy = next(member for member in list_learners(db, list_groups(db)[0].id) if member.display_name == "Hồ Văn Quý")
    page = phone
    page.goto(card_url(server, "e2e-secret", quy.id, 1))
    page.get_by_role("button", name="Tôi đồng ý").click()
    page.get_by_text("Chào Hồ Văn Quý").wait_for()
    page.reload()
    page.get_by_text("Chào Hồ Văn Quý").wait_for()
    shot(page, "10-signed-in-by-card")
    page.goto(card_url(server, "e2e-secret", quy.id, 99))  # a revoked or made-up card
    page.get_by_text("Thẻ này không dùng được nữa").wait_for()


def test_certificate_download_after_finishing_a_module(phone, server):
    """A learner who passed every lesson of a module downloads a PDF certificate."""
    from progress.groups import list_groups
    from progress.learners import list_learners, record_consent
    from progress.tracking import record_attempt
    from quizzes.answers import GradedAnswer
    from tests.e2e.conftest import server_database

    db = server_database()
    lam = next(member for member in list_learners(db, list_groups(db)[0].id) if member.display_name == "Đinh Văn Lâm")
    record_consent(db, lam.id)
    for lesson_id in ("bai-mau", "thuc-hanh-mau"):  # the fixture module's two lessons, passed
        record_attempt(db, lam.id, lesson_id, [GradedAnswer("q", "a", True)], 100, True, 80)
    page = phone
    page.goto(server)
    tap_sign_in(page, "Đinh Văn Lâm", "2345")
    page.get_by_role("button", name="Tiến bộ của tôi").click()
    download_button = page.get_by_role("button", name="Tải giấy chứng nhận")
    download_button.wait_for()
    shot(page, "11-my-progress")
    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    assert download.suggested_filename == "chung-nhan-an-toan.pdf"
    assert open(download.path(), "rb").read(5) == b"%PDF-"


FAKE_VIETNAMESE_VOICE = """
window.__spoken = [];
// a real utterance accepts only a real SpeechSynthesisVoice, which a page cannot make
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
const voices = [{ lang: "vi-VN", name: "Giọng thử", default: true }];
Object.defineProperty(window, "speechSynthesis", { value: {
    getVoices: () => voices,
    speak: (utterance) => window.__spoken.push({ text: utterance.text, lang: utterance.lang }),
    cancel: () => {},
    addEventListener: () => {},
}});
"""


def test_a_phone_with_a_vietnamese_voice_speaks_texts_that_have_no_natural_recording(phone, server):
    """No gTTS file or recording here, only espeak-ng: the phone's own voice is nicer and
    costs no data, so "Nghe" uses it and downloads nothing."""
    from media.speech_text import normalise_for_speech
    from media.ui_phrases import groups_spoken

    page = phone
    page.add_init_script(FAKE_VIETNAMESE_VOICE)
    page.goto(server)
    page.get_by_role("button", name="Thôn Bờ He").wait_for()
    meta = page.locator(".nghe-meta").first
    meta.filter(has_text="giọng của điện thoại").wait_for()
    downloads = []
    page.on("request", lambda request: downloads.append(request.url) if "/app/static/audio/" in request.url else None)
    page.get_by_role("button", name="🔊 Nghe").first.click()
    page.wait_for_function("() => window.__spoken.length > 0")
    spoken = page.evaluate("() => window.__spoken")
    assert spoken == [{"text": normalise_for_speech(groups_spoken(["Thôn Bờ He"])), "lang": "vi-VN"}]
    assert downloads == []
