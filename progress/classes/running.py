"""Running a class: start it, move everyone to a slide (opening a live question when the
slide is one), reveal the answer, count heads, end it. Every change raises the class's
``version``, which is how phones notice it."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.classes.errors import ClassError
from progress.classes.state import ClassState, end_idle_classes, state_of
from progress.database import Database, add_unless_taken
from progress.models import ClassQuestion, ClassSession, ClassTrainer, LearnerGroup, Trainer, utcnow

CODE_DIGITS = 4  # short enough to say aloud and tap on a keypad
MAX_PLACE_LENGTH = 200
ENDED = "Buổi học này đã kết thúc."


def _new_code(session: Session) -> str:
    taken = set(session.scalars(select(ClassSession.join_code).where(ClassSession.ended_at.is_(None))))
    for _ in range(200):
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        if code not in taken:
            return code
    raise ClassError("Đang có quá nhiều lớp học cùng lúc. Hãy kết thúc bớt các lớp cũ.")


def start_class(
    db: Database,
    trainer_id: int,
    group_id: int,
    lesson_ids: Sequence[str],
    place: str = "",
    idle_after: dt.timedelta | None = None,
) -> ClassState:
    """Open a class of ``group_id`` going through ``lesson_ids``, with a fresh join number."""
    lessons = [lesson_id for lesson_id in dict.fromkeys(lesson_ids) if lesson_id]
    if not lessons:
        raise ClassError("Hãy chọn ít nhất một bài cho buổi học.")
    place = " ".join(place.split())
    if len(place) > MAX_PLACE_LENGTH:
        raise ClassError(f"Tên nơi học dài quá (tối đa {MAX_PLACE_LENGTH} chữ).")
    with db.begin() as session:
        if idle_after is not None:
            end_idle_classes(session, idle_after)
        if session.get(LearnerGroup, group_id) is None:
            raise ClassError("Không tìm thấy nhóm này. Hãy chọn lại nhóm.")
        if session.get(Trainer, trainer_id) is None:
            raise ClassError("Không tìm thấy tài khoản tập huấn viên này.")
        now = utcnow()
        row = ClassSession(join_code=_new_code(session), group_id=group_id, place=place, lesson_ids=",".join(lessons),
                           position=0, furthest_position=0, version=1, started_at=now, updated_at=now)
        session.add(row)
        session.flush()
        session.add(ClassTrainer(class_id=row.id, trainer_id=trainer_id))
        return state_of(session, row)


def open_row(session: Session, class_id: int, missing: str = "Không tìm thấy buổi học này.") -> ClassSession:
    """The class's row, if it is still open; otherwise ClassError (``missing``, or ENDED)."""
    row = session.get(ClassSession, class_id)
    if row is None:
        raise ClassError(missing)
    if row.ended_at is not None:
        raise ClassError(ENDED)
    return row


def _changed(row: ClassSession) -> None:
    row.version += 1
    row.updated_at = utcnow()


def _question_row(session: Session, class_id: int, lesson_id: str, question_id: str) -> ClassQuestion:
    def existing() -> ClassQuestion | None:
        return session.scalar(select(ClassQuestion).where(
            ClassQuestion.class_id == class_id, ClassQuestion.lesson_id == lesson_id,
            ClassQuestion.question_id == question_id))

    return existing() or add_unless_taken(
        session, ClassQuestion(class_id=class_id, lesson_id=lesson_id, question_id=question_id), existing)


def move_to(db: Database, class_id: int, position: int, live_question: tuple[str, str] | None = None) -> ClassState:
    """Show slide ``position`` on every screen. ``live_question`` = (lesson id, question
    id) when that slide is a quiz question: the phones then show its choices (a question
    asked again keeps the answers already given)."""
    with db.begin() as session:
        row = open_row(session, class_id)
        row.position = max(0, position)
        row.furthest_position = max(row.furthest_position, row.position)
        row.live_question_id = _question_row(session, class_id, *live_question).id if live_question else None
        _changed(row)
        return state_of(session, row)


def reveal_answer(db: Database, class_id: int) -> ClassState:
    """Show the live question's right answer and its explanation on every screen."""
    with db.begin() as session:
        row = open_row(session, class_id)
        question = session.get(ClassQuestion, row.live_question_id) if row.live_question_id else None
        if question is None:
            raise ClassError("Chưa có câu hỏi nào đang mở.")
        if question.revealed_at is None:
            question.revealed_at = utcnow()
            _changed(row)
        return state_of(session, row)


def hands_to_text(hands: Mapping[str, int]) -> str:
    return ",".join(f"{key}={count}" for key, count in sorted(hands.items()) if count > 0)


def hands_from_text(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in text.split(","):
        key, _, count = part.partition("=")
        if key and count.isdigit():
            found[key] = int(count)
    return found


MAX_HANDS = 500


def set_hands(db: Database, class_id: int, class_question_id: int, hands: Mapping[str, int]) -> None:
    """Store the show-of-hands count per choice for people without a phone."""
    if any(count < 0 or count > MAX_HANDS for count in hands.values()):
        raise ClassError(f"Số người giơ tay phải từ 0 đến {MAX_HANDS}.")
    with db.begin() as session:
        row = open_row(session, class_id)
        question = session.get(ClassQuestion, class_question_id)
        if question is None or question.class_id != class_id:
            raise ClassError("Câu hỏi này không thuộc buổi học đang mở.")
        question.hands = hands_to_text(hands)
        row.updated_at = utcnow()


MAX_HEAD_COUNT = 1000


def set_head_count(db: Database, class_id: int, head_count: int | None) -> ClassState:
    """The number of people in the room as the trainer counted them (None: count the phones)."""
    if head_count is not None and not 0 <= head_count <= MAX_HEAD_COUNT:
        raise ClassError(f"Số người dự phải từ 0 đến {MAX_HEAD_COUNT}.")
    with db.begin() as session:
        row = session.get(ClassSession, class_id)
        if row is None:
            raise ClassError("Không tìm thấy buổi học này.")
        row.head_count = head_count  # may be corrected after the class ended, too
        if row.ended_at is None:
            row.updated_at = utcnow()
        return state_of(session, row)


def add_trainer(db: Database, class_id: int, trainer_id: int) -> None:
    """Count another trainer as running this class (a volunteer who helped)."""
    with db.begin() as session:
        row = session.get(ClassSession, class_id)
        if row is None or session.get(Trainer, trainer_id) is None:
            raise ClassError("Không tìm thấy buổi học hoặc tập huấn viên này.")
        if session.get(ClassTrainer, (class_id, trainer_id)) is None:
            session.add(ClassTrainer(class_id=class_id, trainer_id=trainer_id))


def end_class(db: Database, class_id: int) -> ClassState:
    """End the class: phones are told, and it stays as the record of the class held.
    Ending one that already ended changes nothing."""
    with db.begin() as session:
        row = session.get(ClassSession, class_id)
        if row is None:
            raise ClassError("Không tìm thấy buổi học này.")
        if row.ended_at is None:
            row.ended_at = utcnow()
            row.ended_by = "trainer"
            row.live_question_id = None
            _changed(row)
        return state_of(session, row)


def open_classes_of(db: Database, trainer_id: int, idle_after: dt.timedelta | None = None) -> list[ClassState]:
    """The trainer's classes still open (to go back to one after the tab was closed)."""
    with db.begin() as session:
        if idle_after is not None:
            end_idle_classes(session, idle_after)
        rows = session.scalars(
            select(ClassSession)
            .join(ClassTrainer, ClassTrainer.class_id == ClassSession.id)
            .where(ClassTrainer.trainer_id == trainer_id, ClassSession.ended_at.is_(None))
            .order_by(ClassSession.started_at.desc())
        )
        return [state_of(session, row) for row in rows]


def find_open_class(db: Database, join_code: str, idle_after: dt.timedelta | None = None) -> ClassState | None:
    """The open class with this join number, if any."""
    with db.begin() as session:
        if idle_after is not None:
            end_idle_classes(session, idle_after)
        row = session.scalar(select(ClassSession).where(ClassSession.join_code == join_code.strip(),
                                                        ClassSession.ended_at.is_(None)))
        return state_of(session, row) if row else None


def open_class_of_group(db: Database, group_id: int, idle_after: dt.timedelta | None = None) -> ClassState | None:
    """The group's newest open class (for the learner's home screen); one left idle for
    ``idle_after`` does not count. Reads only (no write transaction: on SQLite that would
    wait for every writer): ending idle classes is left to the class page."""
    with db() as session:
        query = select(ClassSession).where(ClassSession.group_id == group_id, ClassSession.ended_at.is_(None))
        if idle_after is not None:
            query = query.where(ClassSession.updated_at >= utcnow() - idle_after)
        row = session.scalar(query.order_by(ClassSession.started_at.desc(), ClassSession.id.desc()).limit(1))
        return state_of(session, row) if row else None
