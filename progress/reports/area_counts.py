"""The grouped statements behind the area report (progress/reports/area_report.py).

Each function is one statement, grouped by the team a group belongs to (``None``: a
group not placed in a team yet), whatever the number of groups: the area is a list of
group ids, the period half-open UTC bounds ``[since, until)``. The rules each number
follows are written in area_report.py's docstring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import Select, case, func, literal, select, union
from sqlalchemy.orm import Session

from progress.models import (
    ClassParticipant,
    ClassSession,
    Commune,
    Learner,
    LearnerGroup,
    LessonProgress,
    QuizAttempt,
    Team,
)

TeamId = int | None


@dataclass(frozen=True)
class Bounds:
    """The period as UTC datetimes, start included, end excluded (how they are stored)."""

    since: dt.datetime
    until: dt.datetime


@dataclass(frozen=True)
class TeamPlace:
    team_id: int
    team: str
    commune_id: int
    commune: str


def _area_learners(group_ids: Collection[int]) -> Select[int]:
    return select(Learner.id).where(Learner.group_id.in_(group_ids))


def team_places(session: Session, team_ids: Collection[int]) -> dict[int, TeamPlace]:
    """Each team's name and its commune's."""
    if not team_ids:
        return {}
    rows = session.execute(
        select(Team.id, Team.name, Commune.id, Commune.name).join(Commune, Commune.id == Team.commune_id)
        .where(Team.id.in_(team_ids))
    ).all()
    return {team_id: TeamPlace(team_id, team, commune_id, commune) for team_id, team, commune_id, commune in rows}


def groups_and_learners(session: Session, group_ids: Collection[int]) -> dict[TeamId, tuple[int, int]]:
    """{team: (groups, learners registered in them now)}."""
    rows = session.execute(
        select(LearnerGroup.team_id, func.count(func.distinct(LearnerGroup.id)), func.count(Learner.id))
        .outerjoin(Learner, Learner.group_id == LearnerGroup.id)
        .where(LearnerGroup.id.in_(group_ids))
        .group_by(LearnerGroup.team_id)
    ).all()
    return {team_id: (int(groups), int(learners)) for team_id, groups, learners in rows}


def classes_held(session: Session, group_ids: Collection[int], bounds: Bounds) -> dict[TeamId, tuple[int, int]]:
    """{team: (classes that ended in the period, attendances)}. A class's attendance is
    the trainer's head count when given, else its participants (learners and guests who
    joined, or were ticked by hand) plus the people without an account entered by hand."""
    joined = (
        select(func.count(ClassParticipant.id)).where(ClassParticipant.class_id == ClassSession.id)
        .correlate(ClassSession).scalar_subquery()
    )
    people = func.coalesce(ClassSession.head_count, joined + ClassSession.extra_guests)
    rows = session.execute(
        select(LearnerGroup.team_id, func.count(ClassSession.id), func.coalesce(func.sum(people), 0))
        .join(LearnerGroup, LearnerGroup.id == ClassSession.group_id)
        .where(ClassSession.group_id.in_(group_ids),
               ClassSession.ended_at >= bounds.since, ClassSession.ended_at < bounds.until)
        .group_by(LearnerGroup.team_id)
    ).all()
    return {team_id: (int(classes), int(people)) for team_id, classes, people in rows}


def active_learners(session: Session, group_ids: Collection[int], bounds: Bounds) -> dict[TeamId, int]:
    """{team: distinct learners with any activity in the period}: a lesson's progress
    saved, a quiz finished, or a class attended (a class that ended in the period)."""
    area = _area_learners(group_ids)
    in_lessons = select(LessonProgress.learner_id.label("learner_id")).where(
        LessonProgress.learner_id.in_(area),
        LessonProgress.updated_at >= bounds.since, LessonProgress.updated_at < bounds.until)
    in_quizzes = select(QuizAttempt.learner_id.label("learner_id")).where(
        QuizAttempt.learner_id.in_(area),
        QuizAttempt.finished_at >= bounds.since, QuizAttempt.finished_at < bounds.until)
    in_classes = (
        select(ClassParticipant.learner_id.label("learner_id"))
        .join(ClassSession, ClassSession.id == ClassParticipant.class_id)
        .where(ClassParticipant.learner_id.in_(area), ClassSession.group_id.in_(group_ids),
               ClassSession.ended_at >= bounds.since, ClassSession.ended_at < bounds.until)
    )
    active = union(in_lessons, in_quizzes, in_classes).subquery()
    rows = session.execute(
        select(LearnerGroup.team_id, func.count(active.c.learner_id))
        .select_from(active)
        .join(Learner, Learner.id == active.c.learner_id)
        .join(LearnerGroup, LearnerGroup.id == Learner.group_id)
        .group_by(LearnerGroup.team_id)
    ).all()
    return {team_id: int(count) for team_id, count in rows}


def learning_seconds(session: Session, group_ids: Collection[int], bounds: Bounds) -> dict[TeamId, int]:
    """{team: seconds on lesson steps}, of the lesson progress last saved in the period."""
    rows = session.execute(
        select(LearnerGroup.team_id, func.coalesce(func.sum(LessonProgress.seconds_spent), 0))
        .join(Learner, Learner.id == LessonProgress.learner_id)
        .join(LearnerGroup, LearnerGroup.id == Learner.group_id)
        .where(LearnerGroup.id.in_(group_ids),
               LessonProgress.updated_at >= bounds.since, LessonProgress.updated_at < bounds.until)
        .group_by(LearnerGroup.team_id)
    ).all()
    return {team_id: int(seconds) for team_id, seconds in rows}


def modules_finished(
    session: Session, group_ids: Collection[int], bounds: Bounds, module_lessons: Mapping[str, Collection[str]]
) -> dict[tuple[TeamId, str], int]:
    """{(team, module id): learners who finished the module in the period}. A learner
    finishes a module the moment the last of its lessons is first passed: the latest of
    the lessons' first passing attempts; that moment must fall in the period."""
    lesson_module = {lesson: module for module, lessons in module_lessons.items() for lesson in lessons}
    sizes = {module: len(lessons) for module, lessons in module_lessons.items() if lessons}
    if not sizes:
        return {}
    first_passes = (
        select(QuizAttempt.learner_id.label("learner_id"),
               case(lesson_module, value=QuizAttempt.lesson_id).label("module_id"),
               func.min(QuizAttempt.finished_at).label("passed_at"))
        .where(QuizAttempt.learner_id.in_(_area_learners(group_ids)), QuizAttempt.passed.is_(True),
               QuizAttempt.lesson_id.in_(list(lesson_module)))
        .group_by(QuizAttempt.learner_id, QuizAttempt.lesson_id)
        .subquery()
    )
    per_module = (
        select(first_passes.c.learner_id, first_passes.c.module_id,
               func.count().label("lessons"), func.max(first_passes.c.passed_at).label("finished_at"))
        .group_by(first_passes.c.learner_id, first_passes.c.module_id)
        .subquery()
    )
    rows = session.execute(
        select(LearnerGroup.team_id, per_module.c.module_id, func.count())
        .select_from(per_module)
        .join(Learner, Learner.id == per_module.c.learner_id)
        .join(LearnerGroup, LearnerGroup.id == Learner.group_id)
        .where(per_module.c.lessons == case(sizes, value=per_module.c.module_id, else_=literal(-1)),
               per_module.c.finished_at >= bounds.since, per_module.c.finished_at < bounds.until)
        .group_by(LearnerGroup.team_id, per_module.c.module_id)
    ).all()
    return {(team_id, module_id): int(count) for team_id, module_id, count in rows}

