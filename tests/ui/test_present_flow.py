"""Class mode: the trainer shows a lesson to the class, then its questions with answers."""

from tests.ui.flows import players, texts
from tests.ui.test_trainer_flow import trainer_signs_in


def shown(at) -> str:  # type: ignore[no-untyped-def]
    """The page's text with the progress line ("Bước 2 / 5")."""
    return texts(at) + "\n" + "\n".join(p.proto.text for p in at.get("progress"))


def open_class_mode(new_app):  # type: ignore[no-untyped-def]
    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/present.py").run()
    assert at.selectbox(key="present_lesson").value.title == "Bài mẫu"  # the first lesson
    return at


def test_the_class_goes_through_the_steps_then_the_questions(new_app, app_env):
    at = open_class_mode(new_app)
    assert "Bước 1 / 5" in shown(at) and "Trình chiếu cho cả lớp" in texts(at)
    assert players(at), "each step has a Nghe button, for the laptop's speakers"
    for _ in range(4):
        at.button(key="present_next").click().run()
    assert "Bước 5 / 5" in shown(at)
    assert "Câu hỏi đầu tiên" in at.button(key="present_next").label
    at.button(key="present_next").click().run()
    page = shown(at)
    assert "Câu hỏi 1 / 5" in page and "Có người hỏi mã OTP. Bác làm gì?" in page
    assert "1. " in page and "2. " in page
    assert "Đáp án" not in page  # the class thinks first
    assert "Câu một trên năm. Có người hỏi mã OTP. Bác làm gì?" in {p["text"][:50] for p in players(at)}
    at.button(key="present_reveal").click().run()
    assert "Đáp án: " in texts(at)
    # said for the class: the answer and why, no verdict (nobody answered)
    assert "Đáp án đúng là: Không đưa, gác máy. Giữ mã cho riêng mình." in {p["text"] for p in players(at)}
    at.button(key="present_next").click().run()
    assert "Đáp án" not in texts(at), "a new question starts hidden again"
    at.button(key="present_back").click().run()
    assert "Câu hỏi 1 / 5" in shown(at)


def test_the_last_question_says_to_take_the_quiz_on_the_phones_and_nothing_is_saved(new_app, app_env):
    from progress.models import QuizAttempt

    at = open_class_mode(new_app)
    for _ in range(9):
        at.button(key="present_next").click().run()
    assert "Câu hỏi 5 / 5" in shown(at)
    assert not [b for b in at.button if b.key == "present_next"]
    assert "làm bài kiểm tra trên điện thoại" in texts(at)
    at.button(key="present_reveal").click().run()
    assert "Đáp án: " in texts(at) and "→" in texts(at)  # the ordering question: the steps in order
    with app_env() as session:
        assert session.query(QuizAttempt).count() == 0


def test_learners_cannot_open_class_mode(new_app, app_env):
    import pytest

    from tests.ui.flows import learner_signs_in

    at = learner_signs_in(new_app(), app_env)
    with pytest.raises(ValueError):
        at.switch_page("ui/trainer/present.py").run()
