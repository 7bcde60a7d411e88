"""The grouped statements behind the area report (progress/reports/area_report.py).

Each function is one statement (shaped against the plans bench/area_reports.py prints;
the indexes they use are in migration 0008), grouped by the team a group belongs to (``None``: a
group not placed in a team yet), whatever the number of groups: the area is a list of
group ids, the period half-open UTC bounds ``[since, until)``. The rules each number
follows are written in area_report.py's docstring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, literal, select, union, union_all
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
    saved, a quiz finished, or a class attended (a class that ended in the period).
    Each branch joins the learner and keeps the area's, so a plan can start from the
    period (an index on the time) or from the area (the learners of its groups)."""
    area = Learner.group_id.in_(group_ids)
    in_lessons = select(Learner.id.label("learner_id"), Learner.group_id.label("group_id")).where(
        Learner.id == LessonProgress.learner_id, area,
        LessonProgress.updated_at >= bounds.since, LessonProgress.updated_at < bounds.until)
    in_quizzes = select(Learner.id, Learner.group_id).where(
        Learner.id == QuizAttempt.learner_id, area,
        QuizAttempt.finished_at >= bounds.since, QuizAttempt.finished_at < bounds.until)
    in_classes = select(Learner.id, Learner.group_id).where(
        Learner.id == ClassParticipant.learner_id, area, ClassSession.id == ClassParticipant.class_id,
        ClassSession.ended_at >= bounds.since, ClassSession.ended_at < bounds.until)
    active = union(in_lessons, in_quizzes, in_classes).subquery()
    rows = session.execute(
        select(LearnerGroup.team_id, func.count(active.c.learner_id))
        .join(active, active.c.group_id == LearnerGroup.id)
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
    finishes a module the moment the last of its lessons is first passed (the latest of
    the lessons' first passing attempts); that moment is in the period exactly when
    every lesson has a pass before its end and not every lesson has one before its
    start, which one grouping per (team, module, learner) counts."""
    pairs = [(lesson, module) for module, lessons in module_lessons.items() for lesson in lessons]
    if not pairs:
        return {}
    lesson_modules = union_all(*(select(literal(lesson).label("lesson_id"), literal(module).label("module_id"))
                                 for lesson, module in pairs)).cte("lesson_modules")
    sizes = {module: len(lessons) for module, lessons in module_lessons.items()}

    def passed_before(moment: dt.datetime) -> ColumnElement[int]:
        return func.count(func.distinct(case((QuizAttempt.finished_at < moment, QuizAttempt.lesson_id))))

    per_learner = (
        select(LearnerGroup.team_id, lesson_modules.c.module_id,
               passed_before(bounds.until).label("by_end"), passed_before(bounds.since).label("by_start"))
        .join(lesson_modules, lesson_modules.c.lesson_id == QuizAttempt.lesson_id)
        .join(Learner, Learner.id == QuizAttempt.learner_id)
        .join(LearnerGroup, LearnerGroup.id == Learner.group_id)
        .where(LearnerGroup.id.in_(group_ids), QuizAttempt.passed.is_(True))
        .group_by(LearnerGroup.team_id, lesson_modules.c.module_id, QuizAttempt.learner_id)
        .subquery()
    )
    size = case(sizes, value=per_learner.c.module_id, else_=literal(-1))
    rows = session.execute(
        select(per_learner.c.team_id, per_learner.c.module_id, func.count())
        .where(per_learner.c.by_end == size, per_learner.c.by_start < size)
        .group_by(per_learner.c.team_id, per_learner.c.module_id)
    ).all()
    return {(team_id, module_id): int(count) for team_id, module_id, count in rows}
