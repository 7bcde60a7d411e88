"""Graded answers for storage tests: the answer's text does not matter there, only
whether it was right."""

from quizzes.answers import GradedAnswer


def right(question_id: str) -> GradedAnswer:
    return GradedAnswer(question_id, "b", True)


def wrong(question_id: str) -> GradedAnswer:
    return GradedAnswer(question_id, "a", False)
