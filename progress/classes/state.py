"""One class as every screen reads it, and the per-process cache that phones poll.

Thirty phones asking every two seconds must not mean fifteen database reads a second
in each process: ``ClassStates`` keeps the last read of each class for a moment
(``max_age``), and a change made through this process drops it at once. Another
process's change is seen within ``max_age``.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from progress.database import Database
from progress.days import stored_utc
from progress.models import ClassQuestion, ClassSession, LearnerGroup, utcnow


@dataclass(frozen=True)
class LiveQuestion:
    id: int  # the ClassQuestion row
    lesson_id: str
    question_id: str
    revealed: bool


@dataclass(frozen=True)
class ClassState:
    class_id: int
    join_code: str
    group_id: int
    group_name: str
    place: str
    lesson_ids: tuple[str, ...]
    position: int
    furthest_position: int
    version: int
    live_question: LiveQuestion | None
    head_count: int | None
    started_at: dt.datetime
    updated_at: dt.datetime
    ended_at: dt.datetime | None
    ended_by: str

    @property
    def is_open(self) -> bool:
        return self.ended_at is None



def split_ids(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)


def state_of(session: Session, row: ClassSession) -> ClassState:
    group_name = session.scalar(select(LearnerGroup.name).where(LearnerGroup.id == row.group_id)) or ""
    live = session.get(ClassQuestion, row.live_question_id) if row.live_question_id else None
    return ClassState(
        class_id=row.id,
        join_code=row.join_code,
        group_id=row.group_id,
        group_name=group_name,
        place=row.place,
        lesson_ids=split_ids(row.lesson_ids),
        position=row.position,
        furthest_position=row.furthest_position,
        version=row.version,
        live_question=LiveQuestion(live.id, live.lesson_id, live.question_id, live.revealed_at is not None)
        if live
        else None,
        head_count=row.head_count,
        started_at=stored_utc(row.started_at),
        updated_at=stored_utc(row.updated_at),
        ended_at=stored_utc(row.ended_at) if row.ended_at else None,
        ended_by=row.ended_by,
    )


def end_idle_classes(session: Session, idle_after: dt.timedelta, now: dt.datetime | None = None) -> None:
    """End every open class nobody has moved for ``idle_after``; it ends when it was
    last used (the trainer's tab was closed, the laptop went to sleep)."""
    now = now or utcnow()
    session.execute(
        update(ClassSession)
        .where(ClassSession.ended_at.is_(None), ClassSession.updated_at < now - idle_after)
        .values(ended_at=ClassSession.updated_at, ended_by="idle", live_question_id=None,
                version=ClassSession.version + 1)
        .execution_options(synchronize_session=False)  # read_class refreshes the row it holds
    )


def read_class(db: Database, class_id: int, idle_after: dt.timedelta | None = None) -> ClassState | None:
    """The class as it is now (ended first if it has been idle too long)."""
    with db.begin() as session:
        row = session.get(ClassSession, class_id)
        if row is None:
            return None
        if idle_after is not None and row.ended_at is None and stored_utc(row.updated_at) < utcnow() - idle_after:
            end_idle_classes(session, idle_after)
            session.refresh(row)
        return state_of(session, row)


class ClassStates:
    """Per-process cache of class states, shared by every session of the process."""

    def __init__(self, db: Database, max_age_seconds: float = 1.0, idle_after: dt.timedelta | None = None) -> None:
        self.db = db
        self.max_age = max_age_seconds
        self.idle_after = idle_after
        self._lock = threading.Lock()
        self._read: dict[int, tuple[float, ClassState | None]] = {}

    def get(self, class_id: int) -> ClassState | None:
        now = time.monotonic()
        with self._lock:
            cached = self._read.get(class_id)
        if cached is not None and now - cached[0] < self.max_age:
            return cached[1]
        state = read_class(self.db, class_id, self.idle_after)
        with self._lock:
            self._read[class_id] = (now, state)
            if len(self._read) > 500:  # classes long over: forget the oldest reads
                for old in sorted(self._read, key=lambda k: self._read[k][0])[:250]:
                    del self._read[old]
        return state

    def forget(self, class_id: int) -> None:
        """Drop the cached state (after this process changed the class)."""
        with self._lock:
            self._read.pop(class_id, None)
