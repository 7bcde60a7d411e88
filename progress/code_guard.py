"""Wrong 4-digit codes: after a few, the learner must wait; after more, they are locked
until the time runs out or a trainer unlocks them. Counted per learner, so one
learner's mistakes never slow down the rest of the class."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import case, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from progress.days import stored_utc
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



def _claim_try(
    db: sessionmaker[Session], learner_id: int, now: dt.datetime,
) -> tuple[str, int] | Learner | None:
    """Count one try before checking it, in one conditional UPDATE: only when no wait is
    running, and the wait the new count calls for is set in the same statement. Parallel
    tries (threads, sessions, processes) are serialised by the database's row lock, so no
    more than the allowed number are ever checked before the wait. Returns the code hash
    and the new count; else the learner as they are (waiting or locked), or None."""
    failures = Learner.failed_code_attempts + 1
    wait_until = case(
        (failures >= LOCK_AFTER, now + dt.timedelta(minutes=LOCK_MINUTES)),
        (failures >= SLOW_AFTER, now + dt.timedelta(seconds=SLOW_SECONDS)),
        else_=None,
    )
    with db.begin() as session:
        claimed = session.execute(
            update(Learner)
            .where(Learner.id == learner_id, or_(Learner.locked_until.is_(None), Learner.locked_until <= now))
            .values(failed_code_attempts=failures, locked_until=wait_until)
            .execution_options(synchronize_session=False)
        )
        learner = session.get(Learner, learner_id, populate_existing=True)
        if learner is None:
            return None
        if claimed.rowcount == 1:  # type: ignore[attr-defined]
            return learner.code_hash, learner.failed_code_attempts
        return learner


def check_learner_code(
    db: sessionmaker[Session], learner_id: int, code: str, now: dt.datetime | None = None,
) -> CodeCheck:
    now = now or utcnow()
    claim = _claim_try(db, learner_id, now)
    if claim is None:
        return CodeCheck("unknown")
    if isinstance(claim, Learner):
        locked_until = stored_utc(claim.locked_until) or now
        kind: Outcome = "locked" if claim.failed_code_attempts >= LOCK_AFTER else "wait"
        return CodeCheck(kind, wait_seconds=max(int((locked_until - now).total_seconds()) + 1, 1))
    code_hash, failures = claim
    if not code_matches(code_hash, code):
        if failures >= LOCK_AFTER:
            return CodeCheck("locked", wait_seconds=LOCK_MINUTES * 60)
        if failures >= SLOW_AFTER:
            return CodeCheck("wait", wait_seconds=SLOW_SECONDS, tries_before_lock=LOCK_AFTER - failures)
        return CodeCheck("wrong", tries_before_lock=LOCK_AFTER - failures)
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            return CodeCheck("unknown")
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
            if (until := stored_utc(row.locked_until)) is not None and until > now
            and row.failed_code_attempts >= LOCK_AFTER
        ]
