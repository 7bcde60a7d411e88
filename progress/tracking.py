"""A learner's way through lessons and quizzes: resume point, time spent, attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from progress.database import Database, add_unless_taken
from progress.days import stored_utc
from progress.models import LessonProgress, QuizAnswer, QuizAttempt, utcnow
from progress.review import schedule_in_session
from quizzes.answers import GradedAnswer
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy

# A learner who leaves the phone on a step does not add hours: one visit to a step
# counts at most this long.
MAX_SECONDS_PER_STEP = 300


class LessonStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"


@dataclass(frozen=True)
class LessonState:
    lesson_id: str
    status: LessonStatus
    current_step: int
    steps_done: bool
    best_score: int | None
    attempts: int
    last_activity: dt.datetime | None
    seconds_spent: int = 0  # time on the lesson's steps (each step capped, see save_step)


def _find(session: Session, learner_id: int, lesson_id: str) -> LessonProgress | None:
    return session.scalar(
        select(LessonProgress).where(LessonProgress.learner_id == learner_id, LessonProgress.lesson_id == lesson_id)
    )


def _insert_unless_exists(session: Session, learner_id: int, lesson_id: str) -> LessonProgress:
    row = LessonProgress(learner_id=learner_id, lesson_id=lesson_id, current_step=0, steps_done=False,
                         seconds_spent=0)
    return add_unless_taken(session, row, lambda: _find(session, learner_id, lesson_id))


def _get_or_create(session: Session, learner_id: int, lesson_id: str) -> LessonProgress:
    return _find(session, learner_id, lesson_id) or _insert_unless_exists(session, learner_id, lesson_id)


def open_lesson(db: Database, learner_id: int, lesson_id: str, step_count: int) -> int:
    """Start or resume a lesson; returns the step to show (0-based)."""
    with db.begin() as session:
        row = _get_or_create(session, learner_id, lesson_id)
        return min(max(row.current_step, 0), max(step_count - 1, 0))


def save_step(
    db: Database, learner_id: int, lesson_id: str, step: int, seconds: float, finished: bool = False
) -> None:
    """Remember where the learner is and add the time spent on the last step."""
    with db.begin() as session:
        row = _get_or_create(session, learner_id, lesson_id)
        row.current_step = max(step, 0)
        row.seconds_spent += int(min(max(seconds, 0), MAX_SECONDS_PER_STEP))
        row.steps_done = row.steps_done or finished
        row.updated_at = utcnow()


def record_attempt(
    db: Database,
    learner_id: int,
    lesson_id: str,
    answers: Sequence[GradedAnswer],
    score_percent: int,
    passed: bool,
    pass_mark_percent: int,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> int:
    """Store a finished quiz attempt with each answer; returns the attempt id.
    In the same transaction, wrong answers are scheduled for review and right ones
    leave the review list (progress.review)."""
    with db.begin() as session:
        return store_attempt(session, learner_id, lesson_id, answers, score_percent, passed, pass_mark_percent, policy)


def store_attempt(
    session: Session,
    learner_id: int,
    lesson_id: str,
    answers: Sequence[GradedAnswer],
    score_percent: int,
    passed: bool,
    pass_mark_percent: int,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> int:
    """record_attempt inside a transaction the caller holds (a quiz run's finish)."""
    attempt = QuizAttempt(
        learner_id=learner_id,
        lesson_id=lesson_id,
        correct_count=sum(a.correct for a in answers),
        question_count=len(answers),
        score_percent=score_percent,
        passed=passed,
        pass_mark_percent=pass_mark_percent,
    )
    attempt.answers = [
        QuizAnswer(position=i, question_id=a.question_id, answer=a.stored_text, correct=a.correct)
        for i, a in enumerate(answers)
    ]
    session.add(attempt)
    schedule_in_session(session, learner_id, lesson_id, answers, policy=policy)
    row = _get_or_create(session, learner_id, lesson_id)
    row.steps_done = True
    row.updated_at = utcnow()
    session.flush()
    return attempt.id


def lesson_states(db: Database, learner_ids: list[int]) -> dict[tuple[int, str], LessonState]:
    """Every (learner, lesson) pair that has any progress, in two queries."""
    if not learner_ids:
        return {}
    with db() as session:
        progress = session.scalars(select(LessonProgress).where(LessonProgress.learner_id.in_(learner_ids))).all()
        attempt_rows = session.execute(
            select(
                QuizAttempt.learner_id,
                QuizAttempt.lesson_id,
                func.max(QuizAttempt.score_percent),
                func.count(QuizAttempt.id),
                func.max(QuizAttempt.finished_at),
                func.max(case((QuizAttempt.passed, 1), else_=0)),
            )
            .where(QuizAttempt.learner_id.in_(learner_ids))
            .group_by(QuizAttempt.learner_id, QuizAttempt.lesson_id)
        ).all()
    attempts = {(r[0], r[1]): r[2:] for r in attempt_rows}
    states: dict[tuple[int, str], LessonState] = {}
    keys = {(p.learner_id, p.lesson_id) for p in progress} | set(attempts)
    by_key = {(p.learner_id, p.lesson_id): p for p in progress}
    for key in keys:
        row = by_key.get(key)
        best, count, last_attempt, passed = attempts.get(key, (None, 0, None, 0))
        times = [t for t in (row.updated_at if row else None, last_attempt) if t is not None]
        status = LessonStatus.PASSED if passed else LessonStatus.IN_PROGRESS
        states[key] = LessonState(
            lesson_id=key[1],
            status=status,
            current_step=row.current_step if row else 0,
            steps_done=bool(row.steps_done) if row else True,
            best_score=best,
            attempts=count,
            last_activity=max(stored_utc(t) for t in times) if times else None,
            seconds_spent=row.seconds_spent if row else 0,
        )
    return states
