"""Quiz runs in the database: each answer is stored the moment it is given, so a
reload or a dropped connection mid-quiz resumes at the same question with the earlier
answers kept. An open run is never an attempt: ``finish_run`` turns it into one
(``progress.tracking``) and deletes it, in one transaction.

The page keeps nothing of the run but asks for it on every screen: two tabs, a
fragment rerun and a reload all see the same run.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from progress.database import Database, add_unless_taken
from progress.models import QuizRun, QuizRunAnswer, utcnow
from progress.tracking import store_attempt
from quizzes.answers import GradedAnswer
from quizzes.grading import QuizScore
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy


@dataclass(frozen=True)
class StoredRun:
    run_id: int
    lesson_id: str
    position: int
    answers: tuple[tuple[str, str], ...]  # (question id, answer text), in order


def _find(session: Session, learner_id: int, lesson_id: str) -> QuizRun | None:
    return session.scalar(select(QuizRun).where(QuizRun.learner_id == learner_id, QuizRun.lesson_id == lesson_id))


def _stored(run: QuizRun) -> StoredRun:
    return StoredRun(run.id, run.lesson_id, run.position, tuple((a.question_id, a.answer) for a in run.answers))


def _create(session: Session, learner_id: int, lesson_id: str) -> QuizRun:
    run = QuizRun(learner_id=learner_id, lesson_id=lesson_id, position=0, answers=[])
    return add_unless_taken(session, run, lambda: _find(session, learner_id, lesson_id))


def open_run(db: Database, learner_id: int, lesson_id: str) -> StoredRun:
    """The learner's open run of this lesson's quiz, started if there is none. The page
    asks on every screen: finding it is a read, and only starting one a write (on SQLite
    a write transaction waits for every other writer of every process)."""
    with db() as session:
        run = _find(session, learner_id, lesson_id)
        if run is not None:
            return _stored(run)
    with db.begin() as session:
        run = _find(session, learner_id, lesson_id) or _create(session, learner_id, lesson_id)
        return _stored(run)


def restart_run(db: Database, learner_id: int, lesson_id: str) -> StoredRun:
    """Drop the open run (if any) and start a new one at the first question."""
    with db.begin() as session:
        session.execute(delete(QuizRun).where(QuizRun.learner_id == learner_id, QuizRun.lesson_id == lesson_id))
        return _stored(_create(session, learner_id, lesson_id))


def record_answer(db: Database, run_id: int, position: int, graded: GradedAnswer) -> bool:
    """Store the answer to question ``position`` of a run. False when that question
    already has an answer (a double tap, a second tab) or the run is gone: the first
    answer stands."""
    with db.begin() as session:
        run = session.get(QuizRun, run_id)
        if run is None or position != len(run.answers):
            return False
        try:
            with session.begin_nested():
                session.add(QuizRunAnswer(run_id=run_id, position=position, question_id=graded.question_id,
                                          answer=graded.stored_text, correct=graded.correct))
        except IntegrityError:
            return False
        run.updated_at = utcnow()
        return True


def move_on(db: Database, run_id: int, position: int) -> None:
    """Show question ``position`` next (only forward, and only past answered ones)."""
    with db.begin() as session:
        run = session.get(QuizRun, run_id)
        if run is not None and run.position < position <= len(run.answers):
            run.position = position
            run.updated_at = utcnow()


def finish_run(
    db: Database,
    run_id: int,
    learner_id: int,
    answers: tuple[GradedAnswer, ...],
    score: QuizScore,
    pass_mark_percent: int,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> int | None:
    """Store the finished run as a quiz attempt and delete the run; returns the
    attempt id, or None when the run was already finished (a double tap, another tab)."""
    with db.begin() as session:
        lesson_id = session.scalar(
            delete(QuizRun).where(QuizRun.id == run_id, QuizRun.learner_id == learner_id).returning(QuizRun.lesson_id)
        )
        if lesson_id is None:
            return None  # someone finished it a moment ago: one attempt, not two
        return store_attempt(session, learner_id, lesson_id, answers, score.percent, score.passed,
                             pass_mark_percent, policy)
