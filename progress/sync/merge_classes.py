"""Merging the records that carry others inside them: a quiz attempt with its answers
(append-only: added once, never changed), and a class held with its trainers,
participants, questions and answers (the newer class wins as a whole; at the same time,
what one side lacks is added)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from progress.days import local_time as in_vietnam
from progress.days import stored_utc
from progress.models import (
    ClassAnswer,
    ClassParticipant,
    ClassQuestion,
    ClassSession,
    ClassTrainer,
    LearnerGroup,
    QuizAnswer,
    QuizAttempt,
)
from progress.sync import kinds
from progress.sync.merge_context import MergeContext, rows_by_uid
from progress.sync.merge_flat import incoming_values, placeable_values
from progress.sync.summary import ADDED, SKIPPED, UPDATED
from progress.sync.wire import same_value

Item = dict[str, Any]


def merge_attempts(ctx: MergeContext, items: list[Item]) -> None:
    kind = kinds.QUIZ_ATTEMPTS
    known = rows_by_uid(ctx.session, kind, (item["uid"] for item in items))
    for item in items:
        if item["uid"] in known:
            ctx.summary.count(kind.name, SKIPPED)
            continue
        values = placeable_values(ctx, kind, item)
        if values is None:
            continue
        attempt = QuizAttempt(uid=item["uid"], **values)
        ctx.session.add(attempt)
        ctx.summary.count(kind.name, ADDED)
        for answer in item.get("answers", []):  # a new attempt's answers are new too
            answer_values = incoming_values(ctx, kinds.QUIZ_ANSWERS, answer)
            assert isinstance(answer_values, dict)  # answers reference nothing outside their attempt
            attempt.answers.append(QuizAnswer(uid=answer["uid"], **answer_values))
            ctx.summary.count(kinds.QUIZ_ANSWERS.name, ADDED)
    ctx.session.flush()


def _class_line(ctx: MergeContext, row: ClassSession) -> str:
    group = ctx.session.get(LearnerGroup, row.group_id)
    day = in_vietnam(stored_utc(row.started_at)).strftime("%d/%m/%Y")
    return f"Buổi học nhóm {group.name if group else '?'} ngày {day}"


def merge_classes(ctx: MergeContext, items: list[Item]) -> None:
    kind = kinds.CLASS_SESSIONS
    known = rows_by_uid(ctx.session, kind, (item["uid"] for item in items))
    for item in items:
        if ctx.is_deleted(kind.deletion, item["uid"]):
            ctx.summary.count(kind.name, SKIPPED)
            continue
        values = placeable_values(ctx, kind, item)
        if values is None:
            continue
        row = known.get(item["uid"])
        if row is None:
            row = ClassSession(uid=item["uid"], join_code="", live_question_id=None, **values)
            ctx.session.add(row)
            ctx.session.flush()
            ctx.summary.count(kind.name, ADDED)
            _ClassChildren(ctx, row, item).apply(replace=True)
        else:
            _merge_known_class(ctx, row, item, values)


def _merge_known_class(ctx: MergeContext, row: ClassSession, item: Item, values: dict[str, Any]) -> None:
    kind = kinds.CLASS_SESSIONS
    local_time, incoming_time = stored_utc(row.updated_at), values["updated_at"]
    differs = not all(same_value(ClassSession, f, getattr(row, f), v) for f, v in values.items())
    both = ctx.newer_here(local_time) and ctx.changed_there(incoming_time)
    if incoming_time > local_time:
        for field, value in values.items():
            setattr(row, field, value)
        ctx.session.flush()
        ctx.summary.count(kind.name, UPDATED)
        _ClassChildren(ctx, row, item).apply(replace=True)
        if both:
            ctx.summary.conflict(kind.name, f"{_class_line(ctx, row)}: giữ bản mới hơn từ {ctx.origin_name}")
        return
    if incoming_time == local_time and not differs:
        changed = _ClassChildren(ctx, row, item).apply(replace=False)
        ctx.summary.count(kind.name, UPDATED if changed else SKIPPED)
        return
    ctx.summary.count(kind.name, SKIPPED)
    if both and differs:
        ctx.summary.conflict(kind.name, f"{_class_line(ctx, row)}: giữ bản mới hơn ở máy này")


class _ClassChildren:
    """A class's trainers, participants, questions and answers, made like the incoming
    ones (``replace``: local ones the other side no longer has go) or only completed."""

    def __init__(self, ctx: MergeContext, row: ClassSession, item: Item) -> None:
        self.ctx, self.row, self.item = ctx, row, item
        self.changed = False
        self.participant_ids: dict[str, int] = {}

    def count(self, kind_name: str, outcome: str) -> None:
        self.ctx.summary.count(kind_name, outcome)
        self.changed = True

    def apply(self, replace: bool) -> bool:
        self.trainers(replace)
        self.participants(replace)
        self.questions(replace)
        return self.changed

    def trainers(self, replace: bool) -> None:
        wanted = {self.ctx.local_id(kinds.TRAINERS.name, uid) for uid in self.item.get("trainer_uids", [])} - {None}
        session, class_id = self.ctx.session, self.row.id
        have = set(session.scalars(select(ClassTrainer.trainer_id).where(ClassTrainer.class_id == class_id)))
        if replace and have - wanted:
            session.execute(delete(ClassTrainer).where(ClassTrainer.class_id == class_id,
                                                       ClassTrainer.trainer_id.in_(have - wanted)))
            self.changed = True
        for trainer_id in sorted(i for i in wanted - have if i is not None):
            session.add(ClassTrainer(class_id=class_id, trainer_id=trainer_id))
            self.changed = True

    def participants(self, replace: bool) -> None:
        kind, session = kinds.CLASS_PARTICIPANTS, self.ctx.session
        local = {p.uid: p for p in session.scalars(select(ClassParticipant).where(
            ClassParticipant.class_id == self.row.id))}
        # the same person joined on both sides: same learner, or same guest number (a
        # participant whose learner was deleted is no one in particular: never matched)
        by_person = {(p.learner_id, p.guest_number): p for p in local.values()
                     if p.learner_id is not None or p.guest_number is not None}
        kept: dict[str, ClassParticipant] = {}
        for item in self.item.get("participants", []):
            values = incoming_values(self.ctx, kind, item)
            assert isinstance(values, dict)  # its learner is optional: a deleted one leaves it empty
            person = (values["learner_id"], values["guest_number"])
            row = local.get(item["uid"]) or (by_person.get(person) if person != (None, None) else None)
            if row is None:
                row = ClassParticipant(uid=item["uid"], class_id=self.row.id, **values)
                session.add(row)
                if person != (None, None):
                    by_person[person] = row
                self.count(kind.name, ADDED)
            elif replace and not all(same_value(ClassParticipant, f, getattr(row, f), v) for f, v in values.items()):
                for field, value in values.items():
                    setattr(row, field, value)
                self.count(kind.name, UPDATED)
            kept[item["uid"]] = row
        session.flush()
        gone = [p.id for p in local.values() if p not in kept.values()]
        if replace and gone:
            session.execute(delete(ClassParticipant).where(ClassParticipant.id.in_(gone)))
            self.changed = True
        self.participant_ids = {uid: row.id for uid, row in kept.items()}

    def questions(self, replace: bool) -> None:
        kind, session = kinds.CLASS_QUESTIONS, self.ctx.session
        local = {q.uid: q for q in session.scalars(select(ClassQuestion).where(ClassQuestion.class_id == self.row.id))}
        by_key = {(q.lesson_id, q.question_id): q for q in local.values()}
        kept = set()
        for item in self.item.get("questions", []):
            values = incoming_values(self.ctx, kind, item)
            assert isinstance(values, dict)
            row = local.get(item["uid"]) or by_key.get((values["lesson_id"], values["question_id"]))
            if row is None:
                row = ClassQuestion(uid=item["uid"], class_id=self.row.id, **values)
                session.add(row)
                by_key[(values["lesson_id"], values["question_id"])] = row
                self.count(kind.name, ADDED)
            elif replace and not all(same_value(ClassQuestion, f, getattr(row, f), v) for f, v in values.items()):
                for field, value in values.items():
                    setattr(row, field, value)
                self.count(kind.name, UPDATED)
            kept.add(row.uid)
            session.flush()
            self.answers(row, item.get("answers", []))
        gone = [q.id for uid, q in local.items() if uid not in kept]
        if replace and gone:
            session.execute(delete(ClassQuestion).where(ClassQuestion.id.in_(gone)))
            self.changed = True

    def answers(self, question: ClassQuestion, items: list[Item]) -> None:
        kind, session = kinds.CLASS_ANSWERS, self.ctx.session
        local = list(session.scalars(select(ClassAnswer).where(ClassAnswer.question_id == question.id)))
        uids = {a.uid for a in local}
        people = {a.participant_id for a in local}
        for item in items:
            participant_id = self.participant_ids.get(item.get("participant_uid") or "")
            if item["uid"] in uids or participant_id is None or participant_id in people:
                continue
            values = incoming_values(self.ctx, kind, item)
            assert isinstance(values, dict)
            session.add(ClassAnswer(uid=item["uid"], question_id=question.id, participant_id=participant_id,
                                    **values))
            people.add(participant_id)
            self.count(kind.name, ADDED)
