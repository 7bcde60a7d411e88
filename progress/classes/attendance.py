"""Who is in a class: learners of the group joining as themselves, guests without an
account (one tap, counted as unregistered participants), and which phones are with the
class right now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from progress.classes.errors import ClassError
from progress.classes.running import open_row
from progress.database import Database, add_unless_taken
from progress.days import stored_utc
from progress.models import ClassParticipant, ClassSession, Learner, LearnerGroup, utcnow

SEEN_EVERY = dt.timedelta(seconds=10)  # a phone's "still here" is written at most this often


@dataclass(frozen=True)
class Participant:
    id: int
    class_id: int
    learner_id: int | None
    guest_number: int | None
    name: str  # the learner's name, or "Khách 3"
    avatar: str = ""

    @property
    def is_guest(self) -> bool:
        return self.guest_number is not None


@dataclass(frozen=True)
class Joined:
    participant: Participant
    again: bool  # this person had joined before (a second phone, a reload, a lost Wi-Fi)


@dataclass(frozen=True)
class Attendance:
    """Who was at a class. The same rules for a class run in the app and one entered by
    hand (progress/classes/by_hand.py), and the ones the Youth Union's reports follow:

    - registered participants: ``learners`` (joined by phone, or ticked by name);
    - unregistered participants: ``guests`` (joined by phone as "Khách N") plus
      ``extra_guests`` (people without an account counted by hand);
    - people at the class (``total``): the trainer's head count when given, else
      registered + unregistered participants.
    """

    learners: tuple[Participant, ...]  # learners of the group who came, by name (and any deleted since)
    guests: int  # guests who joined by phone
    with_class_now: int  # phones seen in the last moments
    head_count: int | None  # as the trainer counted the room, if they did
    extra_guests: int = 0  # people without an account, counted by hand

    @property
    def unregistered(self) -> int:
        return self.guests + self.extra_guests

    @property
    def joined(self) -> int:
        """Participants recorded by name or count: learners, guests by phone, guests counted by hand."""
        return len(self.learners) + self.unregistered

    @property
    def total(self) -> int:
        """People at the class: the trainer's count when given, else the participants recorded."""
        return self.head_count if self.head_count is not None else self.joined


def guest_name(number: int) -> str:
    return f"Khách {number}"


REMOVED_LEARNER = "Học viên đã xóa"  # a learner deleted since: still counted as a registered participant


def _participant(row: ClassParticipant, learner: Learner | None) -> Participant:
    if learner is not None:
        return Participant(row.id, row.class_id, row.learner_id, None, learner.display_name, learner.avatar)
    if row.guest_number is None:
        return Participant(row.id, row.class_id, None, None, REMOVED_LEARNER)
    return Participant(row.id, row.class_id, None, row.guest_number, guest_name(row.guest_number))


MISSING = "Không tìm thấy buổi học này. Bác hỏi tập huấn viên số của lớp nhé."


def join_as_learner(db: Database, class_id: int, learner_id: int) -> Joined:
    """A signed-in learner joins as themselves; joining again (a second phone, a reload)
    finds the same place. A learner of another group is refused with a message."""
    with db.begin() as session:
        row = open_row(session, class_id, MISSING)
        learner = session.get(Learner, learner_id)
        if learner is None:
            raise ClassError("Không tìm thấy tên của bác. Bác hỏi tập huấn viên nhé.")
        if learner.group_id != row.group_id:
            group = session.get(LearnerGroup, row.group_id)
            raise ClassError(f"Lớp này là của nhóm “{group.name if group else ''}”, không phải nhóm của bác. "
                             "Bác có thể vào lớp như khách.")

        def existing() -> ClassParticipant | None:
            return session.scalar(select(ClassParticipant).where(ClassParticipant.class_id == class_id,
                                                                 ClassParticipant.learner_id == learner_id))

        found = existing()
        taken = found or add_unless_taken(session, ClassParticipant(class_id=class_id, learner_id=learner_id), existing)
        taken.last_seen_at = utcnow()
        return Joined(_participant(taken, learner), again=found is not None)


def join_as_guest(db: Database, class_id: int) -> Joined:
    """Someone without an account joins with one tap, as the next "Khách N"."""
    for _ in range(5):  # two guests tapping at the same moment: the second takes the next number
        with db.begin() as session:
            open_row(session, class_id, MISSING)
            number = (session.scalar(select(func.max(ClassParticipant.guest_number))
                                     .where(ClassParticipant.class_id == class_id)) or 0) + 1
            row = ClassParticipant(class_id=class_id, guest_number=number)
            try:
                with session.begin_nested():
                    session.add(row)
            except IntegrityError:  # the number was taken a moment ago
                continue
            return Joined(_participant(row, None), again=False)
    raise ClassError("Lớp đang đông người vào cùng lúc. Bác bấm lại nhé.")


def find_participant(db: Database, class_id: int, participant_id: int) -> Participant | None:
    """This phone's place in this class (None when it belongs to another class)."""
    with db.begin() as session:
        row = session.get(ClassParticipant, participant_id)
        if row is None or row.class_id != class_id:
            return None
        learner = session.get(Learner, row.learner_id) if row.learner_id else None
        return _participant(row, learner)


def mark_seen(db: Database, participant_id: int, now: dt.datetime | None = None) -> None:
    """The phone is still following the class (written at most every SEEN_EVERY)."""
    now = now or utcnow()
    with db.begin() as session:
        session.execute(update(ClassParticipant)
                        .where(ClassParticipant.id == participant_id, ClassParticipant.last_seen_at < now - SEEN_EVERY)
                        .values(last_seen_at=now))


def attendance(db: Database, class_id: int, present_within: dt.timedelta = dt.timedelta(seconds=30)) -> Attendance:
    with db.begin() as session:
        row = session.get(ClassSession, class_id)
        rows = session.execute(
            select(ClassParticipant, Learner)
            .outerjoin(Learner, Learner.id == ClassParticipant.learner_id)
            .where(ClassParticipant.class_id == class_id)
        ).all()
        since = utcnow() - present_within
        people = [_participant(participant, learner) for participant, learner in rows]
        now_here = sum(1 for participant, _ in rows if stored_utc(participant.last_seen_at) >= since)
        return Attendance(
            learners=tuple(sorted((p for p in people if not p.is_guest), key=lambda p: p.name)),
            guests=sum(1 for p in people if p.is_guest),
            with_class_now=now_here if row is not None and row.ended_at is None else 0,
            head_count=row.head_count if row is not None else None,
            extra_guests=row.extra_guests if row is not None else 0,
        )
