"""Everything stored about one learner, as plain data (their right to a copy, Law on
Personal Data Protection 2025)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from progress.models import (
    ClassAnswer,
    ClassParticipant,
    ClassQuestion,
    ClassSession,
    Learner,
    LessonProgress,
    QuizAttempt,
    ReviewItem,
)


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
        classes = session.execute(
            select(ClassSession.started_at, ClassSession.place, ClassParticipant.joined_at)
            .join(ClassParticipant, ClassParticipant.class_id == ClassSession.id)
            .where(ClassParticipant.learner_id == learner_id).order_by(ClassSession.started_at)
        ).all()
        class_answers = session.execute(
            select(ClassQuestion.lesson_id, ClassQuestion.question_id, ClassAnswer.answer, ClassAnswer.correct,
                   ClassAnswer.answered_at)
            .join(ClassQuestion, ClassQuestion.id == ClassAnswer.question_id)
            .where(ClassAnswer.learner_id == learner_id).order_by(ClassAnswer.answered_at)
        ).all()
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
            "classes_joined": [
                {"class_started_at": _time(started), "place": place, "joined_at": _time(joined)}
                for started, place, joined in classes
            ],
            "answers_in_class": [
                {"lesson": lesson, "question": question, "answer": answer, "correct": correct,
                 "answered_at": _time(answered)}
                for lesson, question, answer, correct, answered in class_answers
            ],
            "questions_to_review": [
                {"lesson": r.lesson_id, "question": r.question_id, "due_at": _time(r.due_at)} for r in reviews
            ],
        }
