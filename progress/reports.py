"""What trainers read: a group's learners against the lessons, and quiz results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload, sessionmaker

from progress.learners import list_learners
from progress.models import QuizAttempt
from progress.tracking import LessonState, LessonStatus, lesson_states


@dataclass(frozen=True)
class LearnerRow:
    learner_id: int
    display_name: str
    lessons: dict[str, LessonState]
    last_activity: dt.datetime | None

    def status(self, lesson_id: str) -> LessonStatus:
        state = self.lessons.get(lesson_id)
        return state.status if state else LessonStatus.NOT_STARTED


def group_progress(db: sessionmaker, group_id: int) -> list[LearnerRow]:
    """One row per learner in the group, with the state of every lesson they touched."""
    learners = list_learners(db, group_id)
    states = lesson_states(db, [learner.id for learner in learners])
    rows = []
    for learner in learners:
        mine = {lesson_id: state for (lid, lesson_id), state in states.items() if lid == learner.id}
        times = [s.last_activity for s in mine.values() if s.last_activity]
        rows.append(LearnerRow(learner.id, learner.display_name, mine, max(times) if times else None))
    return rows


def learner_lessons(db: sessionmaker, learner_id: int) -> dict[str, LessonState]:
    """The learner's own lesson states, keyed by lesson id."""
    return {lesson_id: state for (_, lesson_id), state in lesson_states(db, [learner_id]).items()}


@dataclass(frozen=True)
class AttemptRow:
    """One finished quiz, as a trainer reads it."""

    learner_id: int
    lesson_id: str
    correct_count: int
    question_count: int
    score_percent: int
    passed: bool
    finished_at: dt.datetime
    wrong_question_ids: tuple[str, ...]


def _attempt_row(attempt: QuizAttempt) -> AttemptRow:
    wrong = tuple(answer.question_id for answer in attempt.answers if not answer.correct)
    return AttemptRow(attempt.learner_id, attempt.lesson_id, attempt.correct_count, attempt.question_count,
                      attempt.score_percent, attempt.passed, attempt.finished_at, wrong)


def recent_attempts(db: sessionmaker, learner_ids: list[int], limit: int = 15) -> list[AttemptRow]:
    """The latest finished quizzes of these learners, newest first."""
    if not learner_ids:
        return []
    with db() as session:
        attempts = session.scalars(
            select(QuizAttempt).where(QuizAttempt.learner_id.in_(learner_ids))
            .order_by(QuizAttempt.finished_at.desc(), QuizAttempt.id.desc()).limit(limit)
            .options(selectinload(QuizAttempt.answers))
        )
        return [_attempt_row(attempt) for attempt in attempts]


def latest_attempt_per_lesson(db: sessionmaker, learner_id: int) -> dict[str, tuple[AttemptRow, int]]:
    """For each lesson whose quiz the learner took: the latest attempt and how many attempts."""
    with db() as session:
        attempts = session.scalars(
            select(QuizAttempt).where(QuizAttempt.learner_id == learner_id)
            .order_by(QuizAttempt.finished_at, QuizAttempt.id).options(selectinload(QuizAttempt.answers))
        ).all()
        result: dict[str, tuple[AttemptRow, int]] = {}
        for attempt in attempts:
            count = result[attempt.lesson_id][1] + 1 if attempt.lesson_id in result else 1
            result[attempt.lesson_id] = (_attempt_row(attempt), count)
        return result
