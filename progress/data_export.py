"""Everything stored about one learner, as plain data (their right to a copy, Law on
Personal Data Protection 2025)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from progress.models import Learner, LessonProgress, QuizAttempt, ReviewItem


def _time(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()


def export_learner(db: sessionmaker[Session], learner_id: int) -> dict[str, Any] | None:
    """A JSON-ready copy of the learner's data, or None if there is no such learner.
    The 4-digit code is stored only as a hash and is not part of the copy."""
    with db() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            return None
        progress = session.scalars(select(LessonProgress).where(LessonProgress.learner_id == learner_id)).all()
        attempts = session.scalars(
            select(QuizAttempt).where(QuizAttempt.learner_id == learner_id).order_by(QuizAttempt.finished_at)
        ).all()
        reviews = session.scalars(select(ReviewItem).where(ReviewItem.learner_id == learner_id)).all()
        return {
            "learner": {
                "name": learner.display_name,
                "group": learner.group.name,
                "picture": learner.avatar,
                "consent_given_at": _time(learner.consent_at),
                "created_at": _time(learner.created_at),
                "settings": {
                    "narration_language": learner.narration_language,
                    "text_size": learner.text_size,
                    "autoplay": learner.autoplay,
                    "save_data": learner.save_data,
                },
            },
            "lessons": [
                {"lesson": p.lesson_id, "current_step": p.current_step + 1, "steps_done": p.steps_done,
                 "seconds_spent": p.seconds_spent, "started_at": _time(p.started_at), "updated_at": _time(p.updated_at)}
                for p in progress
            ],
            "quiz_attempts": [
                {"lesson": a.lesson_id, "finished_at": _time(a.finished_at), "score_percent": a.score_percent,
                 "passed": a.passed, "answers": [{"question": x.question_id, "answer": x.answer, "correct": x.correct}
                                                 for x in a.answers]}
                for a in attempts
            ],
            "questions_to_review": [
                {"lesson": r.lesson_id, "question": r.question_id, "due_at": _time(r.due_at)} for r in reviews
            ],
        }
