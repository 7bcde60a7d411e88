"""Spaced review of questions answered wrongly (who needs a trainer's help is a report:
progress/reports/support.py).

The rules (stages, intervals, the support threshold) are in quizzes.review_rules; this
module stores them. Times are timezone-aware UTC. Every function takes ``now``; without
it ``current_time()`` is asked at call time, so tests can move the clock by
monkeypatching ``progress.review.current_time``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from progress.database import Database, add_unless_taken
from progress.days import stored_utc
from progress.models import ReviewItem, utcnow
from progress.sync.tombstones import REVIEW_ITEM, record_deletion, record_deletions
from quizzes.answers import GradedAnswer
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy, ReviewStep, first_review, next_review


@dataclass(frozen=True)
class DueReview:
    lesson_id: str
    question_id: str
    stage: int
    due_at: dt.datetime


def current_time() -> dt.datetime:
    """The clock every function here uses when it is not given ``now``."""
    return utcnow()


def _utc(now: dt.datetime | None) -> dt.datetime:
    now = current_time() if now is None else now
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC)")
    # SQLite stores the wall-clock digits only, so every stored time must be UTC
    return now.astimezone(dt.UTC)



def _as_due(item: ReviewItem) -> DueReview:
    return DueReview(item.lesson_id, item.question_id, item.stage, stored_utc(item.due_at))


def _find(session: Session, learner_id: int, lesson_id: str, question_id: str) -> ReviewItem | None:
    return session.scalar(
        select(ReviewItem).where(
            ReviewItem.learner_id == learner_id,
            ReviewItem.lesson_id == lesson_id,
            ReviewItem.question_id == question_id,
        )
    )


def _put(
    session: Session, learner_id: int, lesson_id: str, question_id: str, step: ReviewStep, now: dt.datetime
) -> ReviewItem:
    """Set the item's stage and due time, inserting it if needed. The insert runs in a
    savepoint: if the same learner in another tab inserted it a moment ago, update theirs."""
    item = _find(session, learner_id, lesson_id, question_id) or add_unless_taken(
        session,
        ReviewItem(learner_id=learner_id, lesson_id=lesson_id, question_id=question_id, stage=step.stage,
                   due_at=step.due_at, created_at=now),
        lambda: _find(session, learner_id, lesson_id, question_id),
    )
    item.stage, item.due_at = step.stage, step.due_at
    return item


def schedule_in_session(
    session: Session,
    learner_id: int,
    lesson_id: str,
    answers: Iterable[GradedAnswer],
    now: dt.datetime | None = None,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> None:
    """After a full quiz attempt (inside its transaction): every question answered
    wrongly is due again a day later at stage 0; one answered rightly leaves the list."""
    now = _utc(now)
    last = {answer.question_id: answer.correct for answer in answers}  # the last answer to a question counts
    right = [question_id for question_id, correct in last.items() if correct]
    if right:
        which = (ReviewItem.learner_id == learner_id, ReviewItem.lesson_id == lesson_id,
                 ReviewItem.question_id.in_(right))
        # learnt: the deletion record keeps another installation's copy from bringing it back
        record_deletions(session, REVIEW_ITEM, list(session.scalars(select(ReviewItem.uid).where(*which))))
        session.execute(delete(ReviewItem).where(*which))
    for question_id, correct in last.items():
        if not correct:
            _put(session, learner_id, lesson_id, question_id, first_review(now, policy), now)


def schedule_wrong_answers(
    db: Database,
    learner_id: int,
    lesson_id: str,
    answers: Iterable[GradedAnswer],
    now: dt.datetime | None = None,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> None:
    """schedule_in_session in a transaction of its own (record_attempt already calls it)."""
    with db.begin() as session:
        schedule_in_session(session, learner_id, lesson_id, answers, now, policy)


def due_reviews(
    db: Database,
    learner_id: int,
    now: dt.datetime | None = None,
    known: Container[tuple[str, str]] | None = None,
) -> list[DueReview]:
    """The learner's questions due for review now, longest waiting first.

    ``known`` holds the (lesson id, question id) pairs the catalogue still has; items
    for retired questions are skipped (and kept, like the rest of the history).
    """
    now = _utc(now)
    with db() as session:
        items = session.scalars(
            select(ReviewItem)
            .where(ReviewItem.learner_id == learner_id, ReviewItem.due_at <= now)
            .order_by(ReviewItem.due_at, ReviewItem.id)
        ).all()
    return [_as_due(item) for item in items if known is None or (item.lesson_id, item.question_id) in known]


def record_review(
    db: Database,
    learner_id: int,
    lesson_id: str,
    graded: GradedAnswer,
    now: dt.datetime | None = None,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> DueReview | None:
    """Store a review answer; returns the question's next review, or None when it is learnt.

    A wrong answer always starts it again at stage 0. A right answer moves it on only
    if it was due: the same question answered twice (two tabs) does not skip a wait.
    """
    now = _utc(now)
    question_id, correct = graded.question_id, graded.correct
    with db.begin() as session:
        item = _find(session, learner_id, lesson_id, question_id)
        if item is None:
            if correct:
                return None  # already learnt (e.g. in another tab)
            return _as_due(_put(session, learner_id, lesson_id, question_id, first_review(now, policy), now))
        if correct and stored_utc(item.due_at) > now:
            return _as_due(item)
        step = next_review(item.stage, correct, now, policy)
        if step is None:
            record_deletion(session, REVIEW_ITEM, item.uid)
            session.delete(item)
            return None
        item.stage, item.due_at = step.stage, step.due_at
        return _as_due(item)
