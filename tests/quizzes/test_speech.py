from catalog.loading import load_catalog
from tests.conftest import FIXTURE_CONTENT

SINGLE, TRUE_FALSE, MULTIPLE, IMAGE, ORDERING = load_catalog(
    FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes").quizzes["bai-mau"].questions


def test_every_choice_is_read_with_its_number():
    assert SINGLE.spoken() == "Có người hỏi mã OTP. Bác làm gì? Ý một: Đọc mã cho họ. Ý hai: Không đưa, gác máy."
    assert MULTIPLE.spoken().startswith("Dấu hiệu nào là lừa đảo? Chọn tất cả các ý đúng. Ý một: Đòi chuyển")
    assert IMAGE.spoken().endswith("Hình một: Màn hình đỏ. Hình hai: Màn hình xanh.")
    assert TRUE_FALSE.spoken().endswith("Đúng hay sai?")
    assert "việc làm trước bấm trước" in ORDERING.spoken()


def test_ordering_items_are_read_in_the_order_the_buttons_show_with_their_numbers():
    spoken = ORDERING.spoken()
    shown = ORDERING.shuffled_items()
    numbered = zip(("một", "hai", "ba"), shown, strict=True)
    positions = [spoken.index(f"Việc {word}: {item.text}") for word, item in numbered]
    assert positions == sorted(positions)
    assert [item.id for item in shown] != [item.id for item in ORDERING.items], "never shown in the answer's order"


def test_after_a_right_answer_the_voice_says_so_then_why():
    from quizzes.speech import spoken_feedback

    assert spoken_feedback(SINGLE.grade("b")) == "Đúng rồi. Giữ mã cho riêng mình."


def test_after_a_wrong_answer_the_voice_says_not_right_and_the_right_answer_then_why():
    from quizzes.speech import spoken_feedback

    assert spoken_feedback(SINGLE.grade("a")) == (
        "Chưa đúng. Đáp án đúng là: Không đưa, gác máy. Không ai được hỏi mã OTP. Giữ mã cho riêng mình.")
    assert spoken_feedback(TRUE_FALSE.grade(True)) == (
        "Chưa đúng. Đáp án đúng là: Sai. Công an không bao giờ hỏi mã OTP qua điện thoại.")
    assert spoken_feedback(ORDERING.grade(("nhap", "mo", "bam"))).startswith(
        "Chưa đúng. Đáp án đúng là: Mở ứng dụng, rồi Nhập số, rồi Bấm Đăng nhập. Mở ứng dụng")


def test_multiple_choice_feedback_reads_the_right_options_whatever_was_ticked():
    """Every combination of ticks in one text would be too many to pre-render: the
    voice reads the right options' explanations; a wrong tick's has its own Nghe."""
    from quizzes.speech import spoken_feedback

    expected = ("Chưa đúng. Đáp án đúng là: Đòi chuyển tiền gấp. Gửi đường link lạ. "
                "Giục chuyển tiền gấp là dấu hiệu lừa. Đường link lạ có thể là bẫy.")
    ticked_wrong = MULTIPLE.grade(frozenset({"a", "c"}))
    assert spoken_feedback(ticked_wrong) == spoken_feedback(MULTIPLE.grade(frozenset({"b"}))) == expected
    assert ticked_wrong.unspoken_explanations == ("Lịch sự không phải là dấu hiệu lừa.",)


def test_counters_and_results_use_number_words():
    from quizzes.speech import number_word, numbered_question, reviews_left, spoken_result

    assert [number_word(n) for n in (0, 1, 5, 10, 12)] == ["không", "một", "năm", "mười", "12"]
    assert numbered_question(2, 5, "Đúng hay sai?") == "Câu hai trên năm. Đúng hay sai?"
    assert spoken_result(4, 5, True) == (
        "Bác trả lời đúng bốn trên năm câu. Bác đã đạt. Bác bấm nút Về trang chính, hình ngôi nhà, để học bài khác.")
    assert spoken_result(1, 5, False).startswith("Bác trả lời đúng một trên năm câu. Bác chưa đạt.")
    assert reviews_left(3) == "Còn ba câu cần ôn."


def test_verdict_words_are_found_only_when_said_on_their_own():
    from quizzes.speech import starts_with_verdict

    assert starts_with_verdict("Đúng. Người lạ…") == "Đúng"
    assert starts_with_verdict("Đúng rồi, giữ mã.") == "Đúng rồi"
    assert starts_with_verdict("Chính xác!") == "Chính xác"
    assert starts_with_verdict("Đúng hẹn thì tốt.") is None
    assert starts_with_verdict("Sài Gòn.") is None
