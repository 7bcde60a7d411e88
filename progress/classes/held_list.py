"""The list of classes held by a set of groups (one group, a team, an area) in a period,
newest first: two statements whatever the number of classes (one for the classes with
their counts, one for their trainers), never one per class.

A class counts as held once it has ended (in the app, by the trainer or when left idle;
or entered by hand). It is placed in the period by its start (``started_at``, the day it
was held). Its numbers follow ``progress.classes.attendance.Attendance``:

- ``learners``: registered participants (learners who joined by phone or were ticked
  by name; a learner deleted since still counts);
- ``guests``: unregistered participants who joined by phone; ``extra_guests``: those
  counted by hand;
- ``total``: the trainer's head count when given, else learners + guests + extra_guests;
- ``questions``: live questions asked in class.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, ScalarSelect, func, select
from sqlalchemy.orm import InstrumentedAttribute

from progress.classes.by_hand import BY_HAND
from progress.classes.state import split_ids
from progress.database import Database
from progress.days import stored_utc
from progress.models import ClassParticipant, ClassQuestion, ClassSession, ClassTrainer, LearnerGroup, Trainer
from progress.names import name_sort_key

SHOWN_AT_MOST = 500  # a page lists at most this many classes (newest first)


@dataclass(frozen=True)
class HeldClass:
    class_id: int
    group_id: int
    group_name: str
    started_at: dt.datetime  # UTC
    ended_at: dt.datetime  # UTC (the start again for a class entered by hand)
    ended_by: str  # "trainer" | "idle" | "hand"
    place: str
    lesson_ids: tuple[str, ...]  # the lessons planned (all of them covered, for a class entered by hand)
    furthest_position: int  # how far a class run in the app got (catalog.class_plan.lessons_reached)
    trainers: tuple[str, ...]
    learners: int
    guests: int
    extra_guests: int
    head_count: int | None
    questions: int

    @property
    def by_hand(self) -> bool:
        return self.ended_by == BY_HAND

    @property
    def unregistered(self) -> int:
        return self.guests + self.extra_guests

    @property
    def total(self) -> int:
        return self.head_count if self.head_count is not None else self.learners + self.unregistered


def _count(column: InstrumentedAttribute[int], *where: ColumnElement[bool]) -> ScalarSelect[int]:
    """A correlated count for each class (uses the index on the class id)."""
    return select(func.count(column)).where(*where).correlate(ClassSession).scalar_subquery()


def classes_held(
    db: Database,
    group_ids: Collection[int],
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = SHOWN_AT_MOST,
) -> list[HeldClass]:
    """Ended classes of these groups that started in ``[since, until)`` (UTC; None: no
    bound), newest first, at most ``limit``."""
    if not group_ids:
        return []
    learners = _count(ClassParticipant.id, ClassParticipant.class_id == ClassSession.id,
                      ClassParticipant.guest_number.is_(None))
    guests = _count(ClassParticipant.id, ClassParticipant.class_id == ClassSession.id,
                    ClassParticipant.guest_number.is_not(None))
    questions = _count(ClassQuestion.id, ClassQuestion.class_id == ClassSession.id)
    query = (
        select(ClassSession, LearnerGroup.name, learners, guests, questions)
        .join(LearnerGroup, LearnerGroup.id == ClassSession.group_id)
        .where(ClassSession.group_id.in_(list(group_ids)), ClassSession.ended_at.is_not(None))
        .order_by(ClassSession.started_at.desc(), ClassSession.id.desc())
        .limit(limit)
    )
    if since is not None:
        query = query.where(ClassSession.started_at >= since)
    if until is not None:
        query = query.where(ClassSession.started_at < until)
    with db() as session:
        rows = session.execute(query).all()
        names: dict[int, list[str]] = defaultdict(list)
        if rows:
            for class_id, name in session.execute(
                select(ClassTrainer.class_id, Trainer.display_name)
                .join(Trainer, Trainer.id == ClassTrainer.trainer_id)
                .where(ClassTrainer.class_id.in_([row[0].id for row in rows]))
            ):
                names[class_id].append(name)
    return [
        HeldClass(
            class_id=c.id, group_id=c.group_id, group_name=group_name, started_at=stored_utc(c.started_at),
            ended_at=stored_utc(c.ended_at or c.started_at), ended_by=c.ended_by, place=c.place,
            lesson_ids=split_ids(c.lesson_ids), furthest_position=c.furthest_position,
            trainers=tuple(sorted(names[c.id], key=name_sort_key)), learners=int(n_learners), guests=int(n_guests),
            extra_guests=c.extra_guests, head_count=c.head_count, questions=int(n_questions),
        )
        for c, group_name, n_learners, n_guests, n_questions in rows
    ]
