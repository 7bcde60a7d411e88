"""What a laptop has not yet delivered to its commune server, counted cheaply: one
COUNT per kind of the rows ``collect_payload`` would pick as changed since the mark
(the same overlap included), without reading them. The export page shows these on
every rerun; the bundle itself is built only when asked for. Groups, accounts and
areas are not counted: they travel as context of these rows. The demo group as seeded
is not counted: it does not travel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select

from progress.database import Database
from progress.demo import untouched_demo_group
from progress.models import ClassSession, Learner, LessonProgress, QuizAttempt, Recording, ReviewItem
from progress.sync import kinds
from progress.sync.collect import OVERLAP
from progress.sync.tables import SyncDeletion


def _changed(query: Any, since: dt.datetime | None, *columns: Any) -> Any:
    return query.where(or_(*(column >= since for column in columns))) if since is not None else query


def pending_counts(db: Database, since: dt.datetime | None) -> dict[str, int]:
    """Per kind (and ``deletions``), the rows changed since ``since`` (None: all)."""
    start = since - OVERLAP if since is not None else None
    with db() as session:
        demo = untouched_demo_group(session) or 0  # the demo's practice data does not travel (0: no group)
        demo_learners = select(Learner.id).where(Learner.group_id == demo)
        queries = {
            kinds.LEARNERS.name: _changed(select(func.count(Learner.id)).where(Learner.group_id != demo), start,
                                          Learner.updated_at),
            kinds.LESSON_PROGRESS.name: _changed(select(func.count(LessonProgress.id)).where(
                LessonProgress.learner_id.not_in(demo_learners)), start, LessonProgress.updated_at),
            kinds.REVIEW_ITEMS.name: _changed(select(func.count(ReviewItem.id)).where(
                ReviewItem.learner_id.not_in(demo_learners)), start, ReviewItem.updated_at),
            kinds.RECORDINGS.name: _changed(select(func.count(Recording.id)), start, Recording.updated_at),
            kinds.QUIZ_ATTEMPTS.name: _changed(select(func.count(QuizAttempt.id)).where(
                QuizAttempt.learner_id.not_in(demo_learners)), start, QuizAttempt.finished_at),
            kinds.CLASS_SESSIONS.name: _changed(select(func.count(ClassSession.id)).where(
                ClassSession.ended_at.is_not(None), ClassSession.group_id != demo), start,
                ClassSession.updated_at, ClassSession.ended_at),
            "deletions": _changed(select(func.count(SyncDeletion.id)), start, SyncDeletion.deleted_at),
        }
        return {name: session.scalar(query) or 0 for name, query in queries.items()}
