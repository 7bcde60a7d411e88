"""Finished quizzes as a trainer reads them: the group's latest, and one learner's
latest attempt per lesson with the questions missed then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from catalog.loading import Catalog
from progress.database import Database
from progress.models import QuizAttempt


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


def recent_attempts(db: Database, learner_ids: list[int], limit: int = 15) -> list[AttemptRow]:
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


def latest_attempt_per_lesson(db: Database, learner_id: int) -> dict[str, tuple[AttemptRow, int]]:
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


@dataclass(frozen=True)
class QuizHistoryLine:
    """One lesson's quiz in "🔎 Xem kỹ một học viên"."""

    lesson_id: str
    latest: AttemptRow
    attempts: int
    missed_prompts: tuple[str, ...]  # the questions answered wrongly in the latest attempt


def quiz_history(db: Database, catalog: Catalog, learner_id: int) -> list[QuizHistoryLine]:
    """Each quiz the learner took, in catalogue order (retired lessons last), with the
    prompts of the questions missed in the latest attempt that the catalogue still has."""
    taken = latest_attempt_per_lesson(db, learner_id)
    order = {lesson.id: position for position, lesson in enumerate(catalog.lessons_in_order())}
    lines = []
    for lesson_id in sorted(taken, key=lambda lesson_id: order.get(lesson_id, len(order))):
        attempt, count = taken[lesson_id]
        quiz = catalog.quiz_for(lesson_id)
        prompts = {question.id: question.prompt for question in quiz.questions} if quiz else {}
        missed = tuple(prompts[qid] for qid in attempt.wrong_question_ids if qid in prompts)
        lines.append(QuizHistoryLine(lesson_id, attempt, count, missed))
    return lines
