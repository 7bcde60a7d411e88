"""A class held without the app, entered afterwards by hand: the group, the trainers, the
day (and, if known, the start time), the place, the lessons, the learners of the group
who came (ticked by name), how many people without an account came, and notes.

It is stored as a class like one run in class mode, so the record, the list of classes
held and the Youth Union's reports count both kinds the same way:

- a ``ClassSession`` with ``ended_by = "hand"``, ``ended_at = started_at`` (the length
  is not known) and ``join_code = ""`` (no phone can ever join it);
- ``started_at`` is the day at the start time in Vietnam, or at 00:00 when no time was
  given (``has_start_time`` tells them apart; nobody holds a class at midnight);
- each learner ticked is a ``ClassParticipant`` with ``learner_id`` (no guest number);
- people without an account are the count ``extra_guests`` (no participant rows);
- ``head_count`` stays empty: the people at the class are the learners ticked plus
  ``extra_guests`` (``Attendance.total``).

Only hand-entered classes can be changed or deleted here: a class run in the app is
what the phones recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from progress.classes.errors import ClassError
from progress.classes.running import MAX_HEAD_COUNT, MAX_PLACE_LENGTH
from progress.classes.state import split_ids
from progress.database import Database
from progress.days import VIETNAM, local_time, stored_utc, today_in_vietnam
from progress.models import (
    ClassParticipant,
    ClassSession,
    ClassTrainer,
    Learner,
    LearnerGroup,
    Trainer,
    TrainerGroup,
    utcnow,
)
from progress.names import name_sort_key
from progress.scope import Scope
from progress.sync.tombstones import CLASS_HELD, record_deletion

BY_HAND = "hand"  # ClassSession.ended_by of a class entered by hand
# The Bình dân học vụ số movement started in 2025 (launched in March): a class dated
# earlier is a typing mistake (a wrong year), not a class of the movement.
FIRST_DAY = dt.date(2025, 1, 1)
MAX_NOTES_LENGTH = 2000
NOT_FOUND = "Không tìm thấy buổi học này (có thể đã bị xoá)."


@dataclass(frozen=True)
class HandEntry:
    """What the trainer fills in; also what the edit form starts from."""

    group_id: int
    day: dt.date
    start: dt.time | None  # None: the time was not noted
    place: str
    lesson_ids: tuple[str, ...]
    learner_ids: tuple[int, ...]  # learners of the group who came
    extra_guests: int  # people without an account who came
    notes: str
    trainer_ids: tuple[int, ...]


@dataclass(frozen=True)
class TrainerChoice:
    id: int
    name: str


def has_start_time(started_at: dt.datetime) -> bool:
    return local_time(stored_utc(started_at)).time() != dt.time(0, 0)


def _started_at(entry: HandEntry, now: dt.datetime) -> dt.datetime:
    if entry.day < FIRST_DAY:
        raise ClassError(f"Ngày học phải từ {FIRST_DAY:%d/%m/%Y} trở đi. Bạn xem lại năm nhé.")
    if entry.day > today_in_vietnam(now):
        raise ClassError("Ngày học chưa tới: chỉ ghi buổi học đã diễn ra.")
    start = entry.start.replace(second=0, microsecond=0) if entry.start else dt.time(0, 0)
    moment = dt.datetime.combine(entry.day, start, tzinfo=VIETNAM).astimezone(dt.UTC)
    if moment > now:
        raise ClassError("Giờ bắt đầu chưa tới: chỉ ghi buổi học đã diễn ra.")
    return moment


def _clean(entry: HandEntry, known_lessons: Collection[str]) -> tuple[str, str, list[str], list[int]]:
    place = " ".join(entry.place.split())
    if len(place) > MAX_PLACE_LENGTH:
        raise ClassError(f"Tên nơi học dài quá (tối đa {MAX_PLACE_LENGTH} chữ).")
    notes = entry.notes.strip()
    if len(notes) > MAX_NOTES_LENGTH:
        raise ClassError(f"Ghi chú dài quá (tối đa {MAX_NOTES_LENGTH} chữ).")
    lessons = [lesson_id for lesson_id in dict.fromkeys(entry.lesson_ids) if lesson_id]
    unknown = [lesson_id for lesson_id in lessons if lesson_id not in known_lessons]
    if unknown:
        raise ClassError("Có bài không còn trong danh sách bài học. Hãy chọn lại bài.")
    if not lessons and not notes:
        raise ClassError("Hãy chọn ít nhất một bài đã học, hoặc ghi vài dòng về buổi học.")
    if not 0 <= entry.extra_guests <= MAX_HEAD_COUNT:
        raise ClassError(f"Số người chưa có tài khoản phải từ 0 đến {MAX_HEAD_COUNT}.")
    learners = list(dict.fromkeys(entry.learner_ids))
    if len(learners) > MAX_HEAD_COUNT:
        raise ClassError(f"Nhiều nhất {MAX_HEAD_COUNT} học viên một buổi.")
    trainers = list(dict.fromkeys(entry.trainer_ids))
    if not trainers:
        raise ClassError("Hãy chọn ít nhất một tập huấn viên đã dạy buổi này.")
    return place, notes, lessons, trainers


def _check_people(session: Session, group_id: int, learner_ids: list[int], trainer_ids: list[int]) -> None:
    if session.get(LearnerGroup, group_id) is None:
        raise ClassError("Không tìm thấy nhóm này. Hãy chọn lại nhóm.")
    if learner_ids:
        found = dict(session.execute(select(Learner.id, Learner.group_id).where(Learner.id.in_(learner_ids))).all())
        strangers = [i for i in learner_ids if found.get(i) != group_id]
        if strangers:
            raise ClassError("Có học viên không thuộc nhóm này (hoặc đã bị xoá). Hãy chọn lại người đến học.")
    known = set(session.scalars(select(Trainer.id).where(Trainer.id.in_(trainer_ids))))
    if len(known) != len(trainer_ids):
        raise ClassError("Không tìm thấy tập huấn viên đã chọn. Hãy chọn lại.")


def _hand_row(session: Session, scope: Scope, class_id: int) -> ClassSession:
    row = session.get(ClassSession, class_id)
    if row is None:
        raise ClassError(NOT_FOUND)
    scope.require_edit(row.group_id)
    if row.ended_by != BY_HAND:
        raise ClassError("Buổi học này được ghi bằng ứng dụng lúc đang học, nên không sửa hay xoá ở đây được.")
    return row


def _write(session: Session, row: ClassSession, entry: HandEntry, start: dt.datetime,
           cleaned: tuple[str, str, list[str], list[int]]) -> None:
    place, notes, lessons, trainers = cleaned
    learners = list(dict.fromkeys(entry.learner_ids))
    row.place, row.notes, row.lesson_ids, row.extra_guests = place, notes, ",".join(lessons), entry.extra_guests
    row.started_at = row.ended_at = start
    row.updated_at = utcnow()
    session.flush()
    session.execute(delete(ClassTrainer).where(ClassTrainer.class_id == row.id))
    session.add_all(ClassTrainer(class_id=row.id, trainer_id=trainer_id) for trainer_id in trainers)
    # learners no longer ticked leave; a learner deleted since (learner_id empty) stays counted
    session.execute(delete(ClassParticipant).where(ClassParticipant.class_id == row.id,
                                                   ClassParticipant.learner_id.is_not(None),
                                                   ClassParticipant.learner_id.not_in(learners)))
    already = set(session.scalars(select(ClassParticipant.learner_id).where(ClassParticipant.class_id == row.id)))
    session.add_all(ClassParticipant(class_id=row.id, learner_id=learner_id, joined_at=start, last_seen_at=start)
                    for learner_id in learners if learner_id not in already)


def record_by_hand(db: Database, scope: Scope, entry: HandEntry, known_lessons: Collection[str],
                   now: dt.datetime | None = None) -> int:
    """Store a class held without the app; returns its id. ``known_lessons``: the
    lesson ids of the catalogue."""
    scope.require_edit(entry.group_id)
    start = _started_at(entry, now or utcnow())
    cleaned = _clean(entry, known_lessons)
    with db.begin() as session:
        _check_people(session, entry.group_id, list(dict.fromkeys(entry.learner_ids)), cleaned[3])
        row = ClassSession(join_code="", group_id=entry.group_id, lesson_ids="", position=0, furthest_position=0,
                           version=1, ended_by=BY_HAND, started_at=start, ended_at=start)
        session.add(row)
        _write(session, row, entry, start, cleaned)
        return row.id


def update_by_hand(db: Database, scope: Scope, class_id: int, entry: HandEntry, known_lessons: Collection[str],
                   now: dt.datetime | None = None) -> None:
    """Correct a hand-entered class (attendance, notes, day, …); its group stays. A
    lesson retired since it was entered may stay on it."""
    start = _started_at(entry, now or utcnow())
    with db.begin() as session:
        row = _hand_row(session, scope, class_id)
        if entry.group_id != row.group_id:
            raise ClassError("Không đổi được nhóm của buổi học. Hãy xoá buổi này và ghi lại cho nhóm kia.")
        cleaned = _clean(entry, set(known_lessons) | set(split_ids(row.lesson_ids)))
        _check_people(session, row.group_id, list(dict.fromkeys(entry.learner_ids)), cleaned[3])
        _write(session, row, entry, start, cleaned)


def delete_by_hand(db: Database, scope: Scope, class_id: int) -> None:
    """Remove a class entered by hand by mistake (its trainers and attendance go with it)."""
    with db.begin() as session:
        row = _hand_row(session, scope, class_id)
        for table in (ClassParticipant, ClassTrainer):
            session.execute(delete(table).where(table.class_id == class_id))
        record_deletion(session, CLASS_HELD, row.uid)
        session.delete(row)


def hand_entry(db: Database, class_id: int) -> HandEntry | None:
    """A hand-entered class as its form shows it (None: no such class, or run in the app)."""
    with db() as session:
        row = session.get(ClassSession, class_id)
        if row is None or row.ended_by != BY_HAND:
            return None
        started = local_time(stored_utc(row.started_at))
        learners = tuple(session.scalars(select(ClassParticipant.learner_id).where(
            ClassParticipant.class_id == class_id, ClassParticipant.learner_id.is_not(None))))
        trainers = tuple(session.scalars(select(ClassTrainer.trainer_id).where(ClassTrainer.class_id == class_id)))
        return HandEntry(row.group_id, started.date(), started.time() if has_start_time(row.started_at) else None,
                         row.place, split_ids(row.lesson_ids), tuple(i for i in learners if i is not None),
                         row.extra_guests, row.notes, trainers)


def trainer_choices(db: Database, group_id: int, also: Collection[int] = ()) -> list[TrainerChoice]:
    """Who may be named as having taught the group: its trainers, and ``also`` (the
    account entering the class, the trainers already on it), by name."""
    with db() as session:
        rows = session.execute(
            select(Trainer.id, Trainer.display_name).where(
                Trainer.id.in_(select(TrainerGroup.trainer_id).where(TrainerGroup.group_id == group_id))
                | Trainer.id.in_(list(also)))
        ).all()
    return sorted((TrainerChoice(i, name) for i, name in rows), key=lambda t: name_sort_key(t.name))
