""""⚠️ Cần hỗ trợ": who keeps failing which lesson's quiz without passing it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import case, func, select

from catalog.loading import Catalog
from lessons.models import Lesson
from progress.database import Database
from progress.models import QuizAttempt
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy, is_stuck


def needs_support(
    db: Database, learner_ids: list[int], policy: ReviewPolicy = DEFAULT_POLICY
) -> dict[int, list[str]]:
    """Learners who failed a lesson's quiz again and again without passing it:
    {learner id: [lesson ids, sorted]}; learners who are fine are left out."""
    if not learner_ids:
        return {}
    with db() as session:
        rows = session.execute(
            select(
                QuizAttempt.learner_id,
                QuizAttempt.lesson_id,
                func.sum(case((QuizAttempt.passed, 0), else_=1)),
                func.max(case((QuizAttempt.passed, 1), else_=0)),
            )
            .where(QuizAttempt.learner_id.in_(learner_ids))
            .group_by(QuizAttempt.learner_id, QuizAttempt.lesson_id)
        ).all()
    stuck: dict[int, list[str]] = {}
    for learner_id, lesson_id, failed, passed in rows:
        if is_stuck(int(failed or 0), bool(passed), policy):
            stuck.setdefault(learner_id, []).append(lesson_id)
    return {learner_id: sorted(lessons) for learner_id, lessons in stuck.items()}


class LearnerLike(Protocol):
    @property
    def learner_id(self) -> int: ...

    @property
    def display_name(self) -> str: ...


@dataclass(frozen=True)
class SupportNeed:
    learner_id: int
    display_name: str
    lessons: tuple[Lesson, ...]  # in catalogue order


def support_needs(
    db: Database, catalog: Catalog, learners: Sequence[LearnerLike], policy: ReviewPolicy = DEFAULT_POLICY
) -> list[SupportNeed]:
    """One entry per learner (in the order given) who failed a lesson's quiz N times
    without passing it, with those lessons in catalogue order. ``learners`` are the
    dashboard's rows (LearnerRow). Lessons retired from the catalogue are left out."""
    stuck = needs_support(db, [learner.learner_id for learner in learners], policy)
    order = {lesson.id: position for position, lesson in enumerate(catalog.lessons_in_order())}
    needs = []
    for learner in learners:
        known = (lesson_id for lesson_id in stuck.get(learner.learner_id, []) if lesson_id in order)
        lessons = sorted(known, key=order.__getitem__)
        if lessons:
            needs.append(SupportNeed(learner.learner_id, learner.display_name,
                                     tuple(catalog.lessons[lesson_id] for lesson_id in lessons)))
    return needs
