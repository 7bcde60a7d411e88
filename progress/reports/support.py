""""⚠️ Cần hỗ trợ": who needs a trainer's help, and why — failed a lesson's quiz again
and again without passing it, stopped in the middle of a lesson for days, or has not
come to learn for days (the thresholds are settings: ``quiz.support_after_failed_attempts``,
``support.stuck_lesson_days``, ``support.inactive_days``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlalchemy import case, func, select

from catalog.loading import Catalog
from lessons.models import Lesson
from progress.database import Database
from progress.models import Learner, QuizAttempt
from progress.tracking import LessonState, LessonStatus
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
    """A dashboard row (progress.reports.lesson_states.LearnerRow)."""

    @property
    def learner_id(self) -> int: ...

    @property
    def display_name(self) -> str: ...

    @property
    def lessons(self) -> Mapping[str, LessonState]: ...

    @property
    def last_activity(self) -> dt.datetime | None: ...


@dataclass(frozen=True)
class AbsenceRules:
    """How long a pause may last before the trainer is told (config.yaml, ``support``)."""

    stuck_lesson_days: int = 7  # a lesson opened and not passed, untouched this long
    inactive_days: int = 14  # nothing learnt this long (or never, this long after being added)


DEFAULT_RULES = AbsenceRules()


class Reason(StrEnum):
    FAILED_QUIZ = "failed_quiz"  # lessons: whose quiz was failed N times without a pass
    STUCK_LESSON = "stuck_lesson"  # lessons: the one left unfinished; days: since it was last touched
    INACTIVE = "inactive"  # days: since the last activity (or since being added, when never active)


@dataclass(frozen=True)
class SupportReason:
    kind: Reason
    lessons: tuple[Lesson, ...] = ()
    days: int = 0
    never_started: bool = False  # INACTIVE: the learner never opened a lesson


@dataclass(frozen=True)
class SupportNeed:
    learner_id: int
    display_name: str
    reasons: tuple[SupportReason, ...]  # failed quizzes first, then stuck lessons, then inactivity


def _days(since: dt.datetime, now: dt.datetime) -> int:
    since = since if since.tzinfo else since.replace(tzinfo=dt.UTC)
    return (now - since) // dt.timedelta(days=1)


def _added_at(db: Database, learner_ids: list[int]) -> dict[int, dt.datetime]:
    """When learners who never learnt anything were added (one statement)."""
    if not learner_ids:
        return {}
    with db() as session:
        return dict(session.execute(select(Learner.id, Learner.created_at).where(Learner.id.in_(learner_ids))).all())


def _pauses(learner: LearnerLike, catalog: Catalog, order: dict[str, int], failed: set[str],
            added: dt.datetime | None, rules: AbsenceRules, now: dt.datetime) -> list[SupportReason]:
    """Inactive for N days, else each lesson left unfinished for N days (not those in ``failed``)."""
    last = learner.last_activity or added
    if last is not None and _days(last, now) >= rules.inactive_days:
        return [SupportReason(Reason.INACTIVE, days=_days(last, now), never_started=learner.last_activity is None)]
    stuck = [
        (order[lesson_id], SupportReason(Reason.STUCK_LESSON, (catalog.lessons[lesson_id],),
                                         _days(state.last_activity, now)))
        for lesson_id, state in learner.lessons.items()
        if lesson_id in order and lesson_id not in failed and state.status != LessonStatus.PASSED
        and state.last_activity is not None and _days(state.last_activity, now) >= rules.stuck_lesson_days
    ]
    return [reason for _, reason in sorted(stuck, key=lambda pair: pair[0])]


def support_needs(
    db: Database, catalog: Catalog, learners: Sequence[LearnerLike], policy: ReviewPolicy = DEFAULT_POLICY,
    rules: AbsenceRules = DEFAULT_RULES, now: dt.datetime | None = None,
) -> list[SupportNeed]:
    """One entry per learner (in the order given) who needs help, with every reason.
    Lessons retired from the catalogue are left out. Two statements at most, however
    many learners."""
    now = now or dt.datetime.now(dt.UTC)
    stuck = needs_support(db, [learner.learner_id for learner in learners], policy)
    added = _added_at(db, [learner.learner_id for learner in learners if learner.last_activity is None])
    order = {lesson.id: position for position, lesson in enumerate(catalog.lessons_in_order())}
    needs = []
    for learner in learners:
        failed = sorted((lesson_id for lesson_id in stuck.get(learner.learner_id, []) if lesson_id in order),
                        key=order.__getitem__)
        reasons = [SupportReason(Reason.FAILED_QUIZ, tuple(catalog.lessons[lesson_id] for lesson_id in failed))] \
            if failed else []
        reasons += _pauses(learner, catalog, order, set(failed), added.get(learner.learner_id), rules, now)
        if reasons:
            needs.append(SupportNeed(learner.learner_id, learner.display_name, tuple(reasons)))
    return needs
