"""Grading: is an answer right, what does the learner hear, did the quiz pass.

Each kind grades itself (``quizzes/kinds/``); ``grade_answer`` is the one entry point
the quiz, the review and the class use; ``score_quiz`` scores a whole quiz.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizzes.answers import Answer, GradedAnswer
from quizzes.models import Question


@dataclass(frozen=True)
class QuizScore:
    correct: int
    total: int
    percent: int
    passed: bool


def grade_answer(question: Question, answer: Answer) -> GradedAnswer:
    """Grade one answer and return the explanations that teach why; raises
    quizzes.answers.InvalidAnswer when the answer does not fit the question."""
    return question.grade(answer)


def score_quiz(graded: Iterable[GradedAnswer], total: int, pass_mark_percent: int) -> QuizScore:
    """Score a finished quiz against the pass mark (percent of questions right)."""
    if total <= 0:
        raise ValueError("a quiz needs at least one question")
    correct = sum(item.correct for item in graded)
    percent = round(100 * correct / total)
    return QuizScore(correct, total, percent, correct * 100 >= pass_mark_percent * total)
