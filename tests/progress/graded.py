"""Graded answers for storage tests: the answer's text does not matter there, only
whether it was right."""

from progress.database import Database
from progress.tracking import record_attempt
from quizzes.answers import GradedAnswer


def right(question_id: str) -> GradedAnswer:
    return GradedAnswer(question_id, "b", True)


def wrong(question_id: str) -> GradedAnswer:
    return GradedAnswer(question_id, "a", False)


def pass_lesson(db: Database, learner_id: int, lesson_id: str, passed: bool = True) -> None:
    """A quiz attempt for the lesson, passed (or not)."""
    record_attempt(db, learner_id, lesson_id, [GradedAnswer("q-mot", "a", passed)], 100 if passed else 0,
                   passed, 80)
