"""The dashboard's charts, each one grouped statement over a group or a team (a set of
group ids): learners active per week, learners who finished each module, classes held
per month.

Weeks (Monday first) and months are the laptop's local calendar: the stored UTC times
are shifted by the local offset inside the query (Vietnam has no summer time, so one
offset is exact). "Active" means any trace the database keeps of learning that week: a
lesson opened or moved on (``lesson_progress.started_at``/``updated_at``), a quiz going
on or finished (``quiz_runs.updated_at``, ``quiz_attempts.finished_at``), a class joined
(``class_participants.joined_at``). A lesson keeps only its latest step's time, so a
learner who came back to the same lesson on several weeks counts in the first and the
last of them only; an activity log would make every week exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, distinct, func, literal_column, select, union_all
from sqlalchemy.orm import InstrumentedAttribute

from catalog.loading import Catalog
from lessons.models import Module
from progress.database import Database
from progress.models import ClassParticipant, ClassSession, Learner, LessonProgress, QuizAttempt, QuizRun


def local_offset_minutes() -> int:
    """This computer's offset from UTC, in minutes (Vietnam: 420)."""
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
    return int(offset.total_seconds() // 60)


Moment = ColumnElement[dt.datetime] | InstrumentedAttribute[dt.datetime]


def _period(column: Moment, unit: str, dialect: str, offset: int) -> ColumnElement[str]:
    """The local week's Monday ("2026-03-02") or the local month ("2026-03") of a UTC time."""
    if dialect == "postgresql":
        local = func.timezone("UTC", column) + literal_column(f"interval '{int(offset)} minutes'")
        return func.to_char(func.date_trunc(unit, local), "YYYY-MM-DD" if unit == "week" else "YYYY-MM")
    shift = f"{int(offset):+d} minutes"
    if unit == "week":
        return func.date(column, shift, "weekday 0", "-6 days")
    return func.strftime("%Y-%m", column, shift)


def _dialect(db: Database) -> str:
    return str(db.kw["bind"].dialect.name)


@dataclass(frozen=True)
class WeekCount:
    monday: dt.date  # the local week's Monday
    learners: int  # distinct learners active that week


def _this_monday(now: dt.datetime, offset: int) -> dt.date:
    local = (now + dt.timedelta(minutes=offset)).date()
    return local - dt.timedelta(days=local.weekday())


def _utc_start(day: dt.date, offset: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC) - dt.timedelta(minutes=offset)


def active_learners_per_week(
    db: Database, group_ids: Collection[int], weeks: int = 12, now: dt.datetime | None = None,
    offset_minutes: int | None = None,
) -> list[WeekCount]:
    """The last ``weeks`` weeks, oldest first (this week last), with a 0 for a quiet week."""
    offset = local_offset_minutes() if offset_minutes is None else offset_minutes
    first = _this_monday(now or dt.datetime.now(dt.UTC), offset) - dt.timedelta(weeks=weeks - 1)
    counted: dict[str, int] = {}
    if group_ids:
        since, ids = _utc_start(first, offset), sorted(group_ids)
        sources = [(LessonProgress.learner_id, LessonProgress.started_at), (LessonProgress.learner_id,
                   LessonProgress.updated_at), (QuizRun.learner_id, QuizRun.updated_at),
                   (QuizAttempt.learner_id, QuizAttempt.finished_at), (ClassParticipant.learner_id,
                   ClassParticipant.joined_at)]
        traces = union_all(*(
            select(learner.label("learner_id"), at.label("at")).join(Learner, Learner.id == learner)
            .where(Learner.group_id.in_(ids), at >= since)
            for learner, at in sources
        )).subquery()
        week = _period(traces.c.at, "week", _dialect(db), offset)
        with db() as session:
            counted = dict(session.execute(
                select(week, func.count(distinct(traces.c.learner_id))).group_by(week)).all())
    mondays = [first + dt.timedelta(weeks=n) for n in range(weeks)]
    return [WeekCount(monday, int(counted.get(monday.isoformat(), 0))) for monday in mondays]


@dataclass(frozen=True)
class ModuleCount:
    module: Module
    finished: int  # learners who passed every lesson of the module


def modules_finished(db: Database, catalog: Catalog, group_ids: Collection[int]) -> list[ModuleCount]:
    """Per module that has lessons (catalogue order): learners of these groups who passed
    every one of its lessons. Retired lessons do not count."""
    modules = catalog.modules_with_lessons()
    needed = {module.id: len(catalog.lessons_of(module.id)) for module in modules}
    finished: dict[str, int] = {}
    if group_ids and catalog.lessons:
        module_of = case({lesson.id: lesson.module for lesson in catalog.lessons.values()},
                         value=QuizAttempt.lesson_id)
        passed = (
            select(QuizAttempt.learner_id, module_of.label("module"),
                   func.count(distinct(QuizAttempt.lesson_id)).label("lessons"))
            .join(Learner, Learner.id == QuizAttempt.learner_id)
            .where(Learner.group_id.in_(sorted(group_ids)), QuizAttempt.passed,
                   QuizAttempt.lesson_id.in_(sorted(catalog.lessons)))
            .group_by(QuizAttempt.learner_id, module_of)
        ).subquery()
        with db() as session:
            finished = dict(session.execute(
                select(passed.c.module, func.count())
                .where(passed.c.lessons == case(needed, value=passed.c.module))
                .group_by(passed.c.module)).all())
    return [ModuleCount(module, int(finished.get(module.id, 0))) for module in modules]


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2026-03"
    classes: int  # classes held (ended) that started in the month


def classes_per_month(
    db: Database, group_ids: Collection[int], months: int = 12, now: dt.datetime | None = None,
    offset_minutes: int | None = None,
) -> list[MonthCount]:
    """The last ``months`` months, oldest first (this month last), with a 0 for a month
    without a class."""
    offset = local_offset_minutes() if offset_minutes is None else offset_minutes
    local = ((now or dt.datetime.now(dt.UTC)) + dt.timedelta(minutes=offset)).date()
    numbers = [local.year * 12 + local.month - 1 - back for back in reversed(range(months))]
    labels = [f"{number // 12:04d}-{number % 12 + 1:02d}" for number in numbers]
    counted: dict[str, int] = {}
    if group_ids:
        since = _utc_start(dt.date.fromisoformat(labels[0] + "-01"), offset)
        month = _period(ClassSession.started_at, "month", _dialect(db), offset)
        with db() as session:
            counted = dict(session.execute(
                select(month, func.count()).where(ClassSession.group_id.in_(sorted(group_ids)),
                                                  ClassSession.ended_at.is_not(None),
                                                  ClassSession.started_at >= since)
                .group_by(month)).all())
    return [MonthCount(label, int(counted.get(label, 0))) for label in labels]
