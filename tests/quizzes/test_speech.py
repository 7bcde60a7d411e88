from lessons.catalog import load_catalog
from quizzes.speech import spoken_question
from tests.conftest import FIXTURE_CONTENT

SINGLE, TRUE_FALSE, MULTIPLE, IMAGE, ORDERING = load_catalog(
    FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes").quiz_for("bai-mau").questions


def test_every_choice_is_read_with_its_number():
    assert spoken_question(SINGLE) == "Có người hỏi mã OTP. Bác làm gì? Ý một: Đọc mã cho họ. Ý hai: Không đưa, gác máy."
    assert spoken_question(MULTIPLE).startswith("Dấu hiệu nào là lừa đảo? Chọn tất cả các ý đúng. Ý một: Đòi chuyển")
    assert spoken_question(IMAGE).endswith("Hình một: Màn hình đỏ. Hình hai: Màn hình xanh.")
    assert spoken_question(TRUE_FALSE).endswith("Đúng hay sai?")
    assert "việc làm trước bấm trước" in spoken_question(ORDERING)
