"""The class held: what the trainer and the Youth Union count — date, place, group,
trainers, lessons, attendance, and the questions asked with their results. One class
here; the list of many is ``progress.classes.held_list.classes_held`` (grouped queries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from progress.classes.attendance import Attendance, attendance
from progress.classes.running import hands_from_text
from progress.classes.state import ClassState, read_class
from progress.database import Database
from progress.models import ClassAnswer, ClassQuestion, ClassSession, ClassTrainer, Trainer


@dataclass(frozen=True)
class AskedQuestion:
    lesson_id: str
    question_id: str
    answered: int  # phones that answered
    right: int  # of them, rightly
    hands: dict[str, int]  # show-of-hands counts per tally line
    revealed: bool


@dataclass(frozen=True)
class ClassRecord:
    state: ClassState
    trainers: tuple[str, ...]
    attendance: Attendance
    questions: tuple[AskedQuestion, ...]
    notes: str = ""  # written by the trainer (a class entered by hand)

    @property
    def duration(self) -> dt.timedelta:
        end = self.state.ended_at or self.state.updated_at
        return max(end - self.state.started_at, dt.timedelta(0))


def class_record(db: Database, class_id: int) -> ClassRecord | None:
    state = read_class(db, class_id)
    if state is None:
        return None
    with db.begin() as session:
        notes = session.scalar(select(ClassSession.notes).where(ClassSession.id == class_id)) or ""
        trainers = tuple(session.scalars(
            select(Trainer.display_name).join(ClassTrainer, ClassTrainer.trainer_id == Trainer.id)
            .where(ClassTrainer.class_id == class_id).order_by(Trainer.display_name)))
        rows = session.execute(
            select(ClassQuestion, func.count(ClassAnswer.id), func.coalesce(func.sum(case((ClassAnswer.correct, 1),
                                                                                         else_=0)), 0))
            .outerjoin(ClassAnswer, ClassAnswer.question_id == ClassQuestion.id)
            .where(ClassQuestion.class_id == class_id)
            .group_by(ClassQuestion.id)
            .order_by(ClassQuestion.opened_at, ClassQuestion.id)
        ).all()
        questions = tuple(
            AskedQuestion(q.lesson_id, q.question_id, int(answered), int(right), hands_from_text(q.hands),
                          q.revealed_at is not None)
            for q, answered, right in rows
        )
    return ClassRecord(state, trainers, attendance(db, class_id), questions, notes)
