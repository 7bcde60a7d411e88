"""Read the rows that travel into a payload (a JSON-able dict) for a bundle: what changed
since a time (or everything), limited to some groups, with every record those rows
reference (a learner's group, a group's team, commune and province, a class's trainers)
so the receiver can place them. Integer ids never travel: references are uids."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from progress.database import Database
from progress.demo import untouched_demo_group
from progress.models import (
    Base,
    ClassAnswer,
    ClassParticipant,
    ClassQuestion,
    ClassSession,
    ClassTrainer,
    Commune,
    Learner,
    LearnerGroup,
    LessonProgress,
    Province,
    QuizAnswer,
    QuizAttempt,
    Recording,
    RecordingAudio,
    ReviewItem,
    Team,
    Trainer,
    TrainerGroup,
)
from progress.sync import kinds
from progress.sync.kinds import Kind
from progress.sync.tombstones import deletions_since
from progress.sync.wire import time_to_wire, to_wire

# rows saved a little before the last confirmed delivery travel again (harmless: applying
# a row twice changes nothing), so a row written while that export ran is never missed
OVERLAP = dt.timedelta(minutes=10)
CHUNK = 500

Payload = dict[str, Any]
Item = dict[str, Any]
M = TypeVar("M", bound=Base)
Row = Any  # a row of any kind's table (each has id and uid)


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def _rows_by_id(session: Session, model: type[M], ids: Iterable[int]) -> list[M]:
    column = model.__table__.c.id
    return [row for chunk in _chunks(ids) for row in session.scalars(select(model).where(column.in_(chunk)))]


def _children(session: Session, model: type[M], parent: Any, ids: Iterable[int]) -> list[M]:
    return [row for chunk in _chunks(ids) for row in session.scalars(select(model).where(parent.in_(chunk)))]


class _Collector:
    def __init__(self, session: Session, since: dt.datetime | None, group_ids: Collection[int] | None,
                 include_trainers: bool, include_audio: bool) -> None:
        self.session = session
        self.since = since - OVERLAP if since is not None else None
        self.include_trainers = include_trainers
        self.include_audio = include_audio
        groups = select(LearnerGroup.id)
        if group_ids is not None:
            groups = groups.where(LearnerGroup.id.in_(list(group_ids)))
        elif (demo := untouched_demo_group(session)) is not None:
            groups = groups.where(LearnerGroup.id != demo)  # the demo's practice data stays on this machine
        self.group_ids = set(session.scalars(groups))
        self.uids: dict[str, dict[int, str]] = {}

    def _changed(self, query: Select[M], *columns: Any) -> list[M]:
        if self.since is not None:
            query = query.where(or_(*(column >= self.since for column in columns)))
        return list(self.session.scalars(query))

    def _of_groups(self) -> Any:
        return select(Learner.id).where(Learner.group_id.in_(self.group_ids))

    def _item(self, kind: Kind, row: Row) -> Item:
        item: Item = {"uid": row.uid}
        for field in kind.fields:
            item[field] = to_wire(kind.model, field, getattr(row, field))
        for ref in kind.refs:
            target = getattr(row, ref.column)
            item[ref.field] = None if target is None else self.uids[ref.kind][target]
        return item

    def _keep(self, kind: Kind, rows: Iterable[Row]) -> list[Row]:
        by_id = {row.id: row for row in rows}
        self.uids[kind.name] = {row_id: row.uid for row_id, row in by_id.items()}
        return sorted(by_id.values(), key=lambda row: row.id)

    def payload(self) -> Payload:
        learners_changed = self._changed(select(Learner).where(Learner.group_id.in_(self.group_ids)),
                                         Learner.updated_at)
        progress = self._changed(select(LessonProgress).where(LessonProgress.learner_id.in_(self._of_groups())),
                                 LessonProgress.updated_at)
        reviews = self._changed(select(ReviewItem).where(ReviewItem.learner_id.in_(self._of_groups())),
                                ReviewItem.updated_at)
        attempts = self._changed(select(QuizAttempt).where(QuizAttempt.learner_id.in_(self._of_groups())),
                                 QuizAttempt.finished_at)
        classes = self._changed(select(ClassSession).where(ClassSession.group_id.in_(self.group_ids),
                                                            ClassSession.ended_at.is_not(None)),
                                ClassSession.updated_at, ClassSession.ended_at)
        recordings = self._changed(select(Recording), Recording.updated_at)
        class_ids = [row.id for row in classes]
        participants = _children(self.session, ClassParticipant, ClassParticipant.class_id, class_ids)
        questions = _children(self.session, ClassQuestion, ClassQuestion.class_id, class_ids)
        answers = _children(self.session, ClassAnswer, ClassAnswer.question_id, [q.id for q in questions])
        class_trainers = _children(self.session, ClassTrainer, ClassTrainer.class_id, class_ids)

        referenced = {row.learner_id for row in progress} | {row.learner_id for row in reviews}
        referenced |= {row.learner_id for row in attempts}
        referenced |= {row.learner_id for row in participants if row.learner_id is not None}
        referenced |= {row.learner_id for row in answers if row.learner_id is not None}
        learners = self._keep(kinds.LEARNERS, [*learners_changed, *_rows_by_id(
            self.session, Learner, referenced - {row.id for row in learners_changed})])
        group_ids = self.group_ids | {row.group_id for row in learners} | {c.group_id for c in classes}
        groups = self._keep(kinds.GROUPS, _rows_by_id(self.session, LearnerGroup, group_ids))
        trainers = self._trainers(group_ids, class_trainers, recordings)
        self._areas(groups, trainers)
        out: dict[str, list[Item]] = {}
        for kind, rows in ((kinds.PROVINCES, self.provinces), (kinds.COMMUNES, self.communes),
                           (kinds.TEAMS, self.teams), (kinds.GROUPS, groups), (kinds.TRAINERS, trainers),
                           (kinds.LEARNERS, learners), (kinds.LESSON_PROGRESS, progress),
                           (kinds.REVIEW_ITEMS, reviews)):
            out[kind.name] = [self._item(kind, row) for row in rows]
        out[kinds.RECORDINGS.name] = self._recordings(recordings)
        out[kinds.TRAINER_GROUPS] = self._trainer_groups(group_ids)
        out[kinds.QUIZ_ATTEMPTS.name] = self._attempts(attempts)
        out[kinds.CLASS_SESSIONS.name] = self._classes(classes, class_trainers, participants, questions, answers)
        deletions = [{"kind": d.kind, "uid": d.uid, "deleted_at": time_to_wire(d.deleted_at),
                      "origin_site_uid": d.origin_site_uid} for d in deletions_since(self.session, self.since)]
        return {"kinds": out, "deletions": deletions}

    def _trainers(self, group_ids: set[int], class_trainers: list[ClassTrainer],
                  recordings: list[Recording]) -> list[Row]:
        wanted = {link.trainer_id for link in class_trainers}
        wanted |= {row.recorded_by for row in recordings if row.recorded_by is not None}
        if self.include_trainers:
            wanted |= set(self.session.scalars(
                select(TrainerGroup.trainer_id).where(TrainerGroup.group_id.in_(group_ids))))
        return self._keep(kinds.TRAINERS, _rows_by_id(self.session, Trainer, wanted))

    def _areas(self, groups: list[Row], trainers: list[Row]) -> None:
        team_ids = {row.team_id for row in (*groups, *trainers)} - {None}
        self.teams = self._keep(kinds.TEAMS, _rows_by_id(self.session, Team, team_ids))
        commune_ids = {row.commune_id for row in (*self.teams, *trainers)} - {None}
        self.communes = self._keep(kinds.COMMUNES, _rows_by_id(self.session, Commune, commune_ids))
        province_ids = {row.province_id for row in (*self.communes, *trainers)} - {None}
        self.provinces = self._keep(kinds.PROVINCES, _rows_by_id(self.session, Province, province_ids))

    def _recordings(self, rows: list[Recording]) -> list[Item]:
        items = [self._item(kinds.RECORDINGS, row) for row in rows]
        if self.include_audio:
            names = {row.file_name for row in rows}
            audio = dict(self.session.execute(select(RecordingAudio.file_name, RecordingAudio.data).where(
                RecordingAudio.file_name.in_(names))).all()) if names else {}
            for item in items:
                data = audio.get(item["file_name"])
                item["audio_b64"] = base64.b64encode(data).decode("ascii") if data else None
        return items

    def _trainer_groups(self, group_ids: set[int]) -> list[Item]:
        links = self.session.execute(select(TrainerGroup.trainer_id, TrainerGroup.group_id).where(
            TrainerGroup.group_id.in_(group_ids)).order_by(TrainerGroup.trainer_id, TrainerGroup.group_id)).all()
        trainers, groups = self.uids[kinds.TRAINERS.name], self.uids[kinds.GROUPS.name]
        return [{"trainer_uid": trainers[t], "group_uid": groups[g]} for t, g in links if t in trainers]

    def _attempts(self, attempts: list[QuizAttempt]) -> list[Item]:
        answers: dict[int, list[Item]] = {}
        for answer in _children(self.session, QuizAnswer, QuizAnswer.attempt_id, [a.id for a in attempts]):
            answers.setdefault(answer.attempt_id, []).append(self._item(kinds.QUIZ_ANSWERS, answer))
        items = []
        for attempt in sorted(attempts, key=lambda row: row.id):
            item = self._item(kinds.QUIZ_ATTEMPTS, attempt)
            item["answers"] = sorted(answers.get(attempt.id, []), key=lambda a: a["position"])
            items.append(item)
        return items

    def _classes(self, classes: list[ClassSession], class_trainers: list[ClassTrainer],
                 participants: list[ClassParticipant], questions: list[ClassQuestion],
                 answers: list[ClassAnswer]) -> list[Item]:
        trainer_uids = self.uids[kinds.TRAINERS.name]
        self.uids[kinds.CLASS_PARTICIPANTS.name] = {row.id: row.uid for row in participants}
        by_question: dict[int, list[Item]] = {}
        for answer in sorted(answers, key=lambda row: row.id):
            item = self._item(kinds.CLASS_ANSWERS, answer)
            item["participant_uid"] = self.uids[kinds.CLASS_PARTICIPANTS.name][answer.participant_id]
            by_question.setdefault(answer.question_id, []).append(item)
        items = []
        for row in sorted(classes, key=lambda row: row.id):
            item = self._item(kinds.CLASS_SESSIONS, row)
            item["trainer_uids"] = sorted(trainer_uids[link.trainer_id] for link in class_trainers
                                          if link.class_id == row.id)
            item["participants"] = [self._item(kinds.CLASS_PARTICIPANTS, p) for p in
                                    sorted(participants, key=lambda p: p.id) if p.class_id == row.id]
            item["questions"] = [{**self._item(kinds.CLASS_QUESTIONS, q), "answers": by_question.get(q.id, [])}
                                 for q in sorted(questions, key=lambda q: q.id) if q.class_id == row.id]
            items.append(item)
        return items


def collect_payload(db: Database, *, since: dt.datetime | None, group_ids: Collection[int] | None,
                    include_trainers: bool, include_audio: bool = True) -> Payload:
    """Rows changed since ``since`` (None: everything), of the groups ``group_ids`` (None:
    every group here but the demo group as seeded: ``untouched_demo_group``), with what
    they reference, and the deletion records kept since then (every one when ``since``
    is None; a record received from elsewhere keeps its own time, so it is passed on only
    by an export of everything). With ``include_trainers`` the accounts looking after
    those groups travel too (a class's trainers and a recording's author always do).
    ``include_audio``: recordings carry their MP3 bytes (base64)."""
    with db() as session:
        return _Collector(session, since, group_ids, include_trainers, include_audio).payload()


def payload_counts(payload: Payload) -> dict[str, int]:
    """How many records of each top-level kind a payload holds (for a bundle's header)."""
    counts = {name: len(rows) for name, rows in payload.get("kinds", {}).items()}
    counts["deletions"] = len(payload.get("deletions", []))
    return counts
