"""What the voice says around a question: small numbers in words, sentences that end
with a pause, the verdict after an answer, the quiz's counter and its result.

This is the one place that builds these texts. The pages speak them and the
catalogue lists them for pre-rendering (``catalog/narratable.py``), so the recorded
or pre-rendered audio matches what a page asks for, word for word.
"""

from __future__ import annotations

from lessons.fields import number_word as number_word  # the kinds and the catalogue take these from here
from lessons.fields import spoken_parts as spoken_parts
from lessons.fields import spoken_sentence
from quizzes.answers import GradedAnswer

RIGHT = "Đúng rồi."
NOT_RIGHT = "Chưa đúng."
RIGHT_ANSWER_IS = "Đáp án đúng là:"
# words a verdict starts with: the app says the verdict itself, so content must not (catalog/quality.py)
VERDICT_WORDS = ("Đúng rồi", "Đúng vậy", "Đúng", "Sai rồi", "Sai", "Chính xác", "Không đúng", "Chưa đúng",
                 "Chưa chính xác")


def _right_answer_sentence(graded: GradedAnswer) -> str:
    # an order is shown as "A → B → C"; said as "A, rồi B, rồi C"
    said = ". ".join(spoken_sentence(text.replace(" → ", ", rồi ")).rstrip(".") for text in graded.right_answers)
    return f"{RIGHT_ANSWER_IS} {said}"


def spoken_feedback(graded: GradedAnswer) -> str:
    """Said right after an answer: "Đúng rồi." or "Chưa đúng. Đáp án đúng là: …." and
    then the explanations that teach it (``GradedAnswer.spoken_explanations``)."""
    verdict = [RIGHT] if graded.correct else [NOT_RIGHT, _right_answer_sentence(graded)]
    return spoken_parts(verdict + list(graded.spoken_explanations))


def spoken_answer(graded: GradedAnswer) -> str:
    """Class mode's "Xem đáp án", said: "Đáp án đúng là: …." and why (nobody answered,
    so no verdict). ``graded`` is the question's right answer, graded."""
    return spoken_parts([_right_answer_sentence(graded)] + list(graded.spoken_explanations))


def starts_with_verdict(text: str) -> str | None:
    """The verdict a text starts with ("Đúng. Người lạ…" → "Đúng"), or None. Only a
    verdict said on its own counts, followed by a mark or nothing: "Đúng hẹn…" is fine."""
    head = text.strip()
    for word in sorted(VERDICT_WORDS, key=len, reverse=True):
        after = head[len(word):len(word) + 1]
        if head.startswith(word) and (not after or not (after.isalnum() or after.isspace())):
            return word
    return None


def question_counter(number: int, total: int) -> str:
    """The quiz's "Câu 2 / 5", said: "Câu hai trên năm."."""
    return f"Câu {number_word(number)} trên {number_word(total)}."


def numbered_question(number: int, total: int, spoken_question: str) -> str:
    """A question as the quiz reads it: its counter, then the question."""
    return spoken_parts([question_counter(number, total), spoken_question])


def spoken_result(correct: int, total: int, passed: bool) -> str:
    """The quiz's result screen, said: the score, passed or not, what to do next. The
    buttons are named with their pictures (🏠, 📖) for a learner who cannot read them."""
    score = f"Bác trả lời đúng {number_word(correct)} trên {number_word(total)} câu."
    if passed:
        return f"{score} Bác đã đạt. Bác bấm nút Về trang chính, hình ngôi nhà, để học bài khác."
    return (f"{score} Bác chưa đạt. Bác bấm nút Xem lại bài học, hình quyển sách, "
            "rồi làm lại bài kiểm tra nhé.")


def reviews_left(count: int) -> str:
    """The review page's "Còn 3 câu cần ôn", said."""
    return f"Còn {number_word(count)} câu cần ôn."


def reviews_due(count: int) -> str:
    """Read on the home screen's review card."""
    return f"Có {number_word(count)} câu bác cần ôn lại. Bấm nút chồng sách, Ôn tập ngay."
