"""A quiz being taken, as one typed value: the quiz, the answers given so far (graded)
and the question on screen. Built again from the stored answers on every screen, so a
reload, a dropped connection or a second tab all see the same run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizzes.answers import GradedAnswer, InvalidAnswer
from quizzes.grading import QuizScore, grade_answer, score_quiz
from quizzes.models import Question, Quiz


@dataclass(frozen=True)
class QuizRun:
    quiz: Quiz
    answers: tuple[GradedAnswer, ...]
    position: int  # the question on screen, 0-based

    @property
    def question(self) -> Question:
        return self.quiz.questions[self.position]

    @property
    def total(self) -> int:
        return len(self.quiz.questions)

    @property
    def feedback(self) -> GradedAnswer | None:
        """The answer to the question on screen, once given (its feedback is showing)."""
        return self.answers[self.position] if len(self.answers) > self.position else None

    @property
    def is_last(self) -> bool:
        return self.position == self.total - 1

    @property
    def complete(self) -> bool:
        return len(self.answers) == self.total

    def score(self, pass_mark_percent: int) -> QuizScore:
        return score_quiz(self.answers, self.total, pass_mark_percent)


def resume_run(quiz: Quiz, position: int, stored: Iterable[tuple[str, str]]) -> QuizRun | None:
    """The run from its stored answers ((question id, answer text), in order), graded
    again against today's questions. None when the quiz changed under the run (a
    question was replaced or an answer no longer fits): the learner starts afresh."""
    answers: list[GradedAnswer] = []
    for index, (question_id, text) in enumerate(stored):
        if index >= len(quiz.questions) or quiz.questions[index].id != question_id:
            return None
        question = quiz.questions[index]
        try:
            answers.append(grade_answer(question, question.answer_from_text(text)))
        except InvalidAnswer:
            return None
    if not 0 <= position < len(quiz.questions) or position > len(answers):
        return None
    return QuizRun(quiz, tuple(answers), position)
