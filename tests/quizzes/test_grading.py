import pytest

from catalog.loading import load_catalog
from quizzes.answers import GradedAnswer, InvalidAnswer, answer_to_text
from quizzes.grading import grade_answer, score_quiz
from tests.conftest import FIXTURE_CONTENT

QUIZ = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes").quizzes["bai-mau"]
SINGLE, TRUE_FALSE, MULTIPLE, IMAGE, ORDERING = QUIZ.questions


def test_single_choice_right_answer_explains_itself():
    feedback = grade_answer(SINGLE, "b")
    assert feedback.correct and feedback.explanations == ("Giữ mã cho riêng mình.",)


def test_single_choice_wrong_answer_explains_why_and_what_is_right():
    feedback = grade_answer(SINGLE, "a")
    assert not feedback.correct
    assert feedback.explanations == ("Không ai được hỏi mã OTP.", "Giữ mã cho riêng mình.")
    assert feedback.right_answers == ("Không đưa, gác máy",)


def test_multiple_choice_needs_exactly_the_right_set():
    assert grade_answer(MULTIPLE, frozenset({"a", "b"})).correct
    assert not grade_answer(MULTIPLE, frozenset({"a"})).correct
    assert not grade_answer(MULTIPLE, frozenset({"a", "b", "c"})).correct
    partly = grade_answer(MULTIPLE, frozenset({"a", "c"}))
    assert "Lịch sự không phải là dấu hiệu lừa." in partly.explanations
    assert partly.right_answers == ("Đòi chuyển tiền gấp", "Gửi đường link lạ")


def test_true_false():
    assert grade_answer(TRUE_FALSE, False).correct
    assert not grade_answer(TRUE_FALSE, True).correct
    assert grade_answer(TRUE_FALSE, True).right_answers == ("Sai",)


def test_image_choice():
    assert grade_answer(IMAGE, "that").correct
    wrong = grade_answer(IMAGE, "gia")
    assert not wrong.correct and wrong.right_answers == ("Màn hình xanh",)
    assert wrong.explanations == ("Màn hình này là giả.", "Màn hình này là thật.")


def test_ordering_needs_the_exact_order():
    assert grade_answer(ORDERING, ("mo", "nhap", "bam")).correct
    wrong = grade_answer(ORDERING, ("nhap", "mo", "bam"))
    assert not wrong.correct
    assert wrong.right_answers == ("Mở ứng dụng → Nhập số → Bấm Đăng nhập",)
    assert wrong.explanations == ("Mở ứng dụng, nhập số, rồi bấm Đăng nhập.",)


@pytest.mark.parametrize(
    "question, answer",
    [(SINGLE, "z"), (SINGLE, True), (MULTIPLE, frozenset()), (MULTIPLE, frozenset({"a", "x"})), (TRUE_FALSE, "true"),
     (IMAGE, "khac"), (ORDERING, ("mo", "nhap")), (ORDERING, ("mo", "mo", "bam")), (ORDERING, "mo>nhap>bam")],
)
def test_answers_that_do_not_fit_are_refused(question, answer):
    with pytest.raises(InvalidAnswer):
        grade_answer(question, answer)


def feedback(*results: bool) -> list[GradedAnswer]:
    return [GradedAnswer(f"q{i}", "a", r, ()) for i, r in enumerate(results)]


def test_score_passes_exactly_at_the_mark():
    score = score_quiz(feedback(True, True, True, True, False), 5, 80)
    assert (score.correct, score.total, score.percent, score.passed) == (4, 5, 80, True)


def test_score_below_the_mark_fails_even_when_rounding_would_reach_it():
    # 2 of 3 is 66.7 %, which rounds to 67: with a mark of 67 it must still fail.
    score = score_quiz(feedback(True, True, False), 3, 67)
    assert score.percent == 67 and not score.passed


def test_answer_to_text():
    assert answer_to_text(frozenset({"c", "a"})) == "a,c"
    assert answer_to_text(True) == "true"
    assert answer_to_text("b") == "b"
    assert answer_to_text(("mo", "nhap", "bam")) == "mo>nhap>bam"


def test_the_right_answer_of_every_shipped_question_grades_as_right():
    from settings import PROJECT_ROOT

    shipped = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
    questions = [q for quiz in shipped.quizzes.values() for q in quiz.questions] + list(QUIZ.questions)
    assert len({q.kind for q in questions}) == 5
    for question in questions:
        assert grade_answer(question, question.right_answer()).correct, question.id


def test_every_answer_reads_back_from_its_stored_text():
    """A quiz run is stored answer by answer and graded again on resume."""
    for question, answer in [(SINGLE, "a"), (MULTIPLE, frozenset({"a", "c"})), (TRUE_FALSE, True), (TRUE_FALSE, False),
                             (IMAGE, "gia"), (ORDERING, ("nhap", "mo", "bam"))]:
        graded = grade_answer(question, answer)
        assert question.answer_from_text(graded.stored_text) == answer, question.kind
        assert grade_answer(question, question.answer_from_text(graded.stored_text)) == graded
