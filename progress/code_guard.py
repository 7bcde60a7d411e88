"""Wrong 4-digit codes: after a few, the learner must wait; after more, they are locked
until the time runs out or a trainer unlocks them. Counted per learner, so one
learner's mistakes never slow down the rest of the class."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from progress.learners import LearnerInfo, _learner_info, code_matches
from progress.models import Learner, utcnow

SLOW_AFTER = 3            # wrong codes in a row before each new try must wait
SLOW_SECONDS = 30
LOCK_AFTER = 6            # wrong codes in a row before the learner is locked
LOCK_MINUTES = 15

Outcome = Literal["ok", "wrong", "wait", "locked", "unknown"]


@dataclass(frozen=True)
class CodeCheck:
    outcome: Outcome
    learner: LearnerInfo | None = None
    wait_seconds: int = 0
    tries_before_lock: int = 0


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def check_learner_code(
    db: sessionmaker[Session], learner_id: int, code: str, now: dt.datetime | None = None,
) -> CodeCheck:
    now = now or utcnow()
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            return CodeCheck("unknown")
        locked_until = _aware(learner.locked_until)
        if locked_until and locked_until > now:
            kind: Outcome = "locked" if learner.failed_code_attempts >= LOCK_AFTER else "wait"
            return CodeCheck(kind, wait_seconds=int((locked_until - now).total_seconds()) + 1)
        if not code_matches(learner.code_hash, code):
            learner.failed_code_attempts += 1
            failures = learner.failed_code_attempts
            if failures >= LOCK_AFTER:
                learner.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                return CodeCheck("locked", wait_seconds=LOCK_MINUTES * 60)
            if failures >= SLOW_AFTER:
                learner.locked_until = now + dt.timedelta(seconds=SLOW_SECONDS)
                return CodeCheck("wait", wait_seconds=SLOW_SECONDS, tries_before_lock=LOCK_AFTER - failures)
            return CodeCheck("wrong", tries_before_lock=LOCK_AFTER - failures)
        learner.failed_code_attempts = 0
        learner.locked_until = None
        return CodeCheck("ok", learner=_learner_info(learner))


def unlock_learner(db: sessionmaker[Session], learner_id: int) -> None:
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None:
            learner.failed_code_attempts = 0
            learner.locked_until = None


def locked_learners(db: sessionmaker[Session], group_id: int, now: dt.datetime | None = None) -> list[LearnerInfo]:
    """Learners of the group locked out right now (for the trainer to unlock)."""
    now = now or utcnow()
    with db() as session:
        rows = session.scalars(select(Learner).where(Learner.group_id == group_id, Learner.locked_until.is_not(None)))
        return [
            _learner_info(row) for row in rows
            if (until := _aware(row.locked_until)) is not None and until > now
            and row.failed_code_attempts >= LOCK_AFTER
        ]
