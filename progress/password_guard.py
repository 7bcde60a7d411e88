"""Wrong trainer passwords: after a few in a row the account is locked for a while, so a
password cannot be guessed by trying many. Counted per account and checked and raised in
one conditional UPDATE, so tries sent in parallel (threads, sessions, processes) check no
more passwords than allowed. The lock ends by itself after the set time, or when an admin
lifts it (the admin page, or ``manage.py unlock-trainer``), or with a new password
(``set-password``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, or_, select, update

from progress.account_error import AccountError
from progress.database import Database
from progress.days import stored_utc
from progress.models import Trainer, utcnow
from progress.names import normalise_name
from progress.trainers import PASSWORD_HASHER, TrainerInfo, _trainer_info

Outcome = Literal["ok", "wrong", "locked", "held"]  # held: the address (progress/address_guard.py)


@dataclass(frozen=True)
class PasswordCheck:
    outcome: Outcome
    trainer: TrainerInfo | None = None
    wait_seconds: int = 0



def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def check_trainer_password(
    db: Database, username: str, password: str, *, max_failures: int, lock_minutes: int,
    now: dt.datetime | None = None,
) -> PasswordCheck:
    """Sign-in check of a staff account: "ok" with the account, "wrong", or "locked" with
    the seconds left. A try is counted before the password is checked, and only when the
    account is not locked; the try that reaches ``max_failures`` sets the lock with it."""
    now = now or utcnow()
    name = normalise_name(username).lower()
    failures = Trainer.failed_password_attempts + 1
    with db.begin() as session:
        claimed = session.execute(
            update(Trainer)
            .where(Trainer.username == name, or_(Trainer.locked_until.is_(None), Trainer.locked_until <= now))
            .values(failed_password_attempts=failures,
                    locked_until=case((failures >= max_failures, now + dt.timedelta(minutes=lock_minutes)),
                                      else_=None))
            .execution_options(synchronize_session=False))
        trainer = session.scalar(select(Trainer).where(Trainer.username == name).execution_options(
            populate_existing=True))
        if trainer is None:
            PASSWORD_HASHER.hash(password or "-")  # same cost whether or not the name exists
            return PasswordCheck("wrong")
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            until = stored_utc(trainer.locked_until) or now
            return PasswordCheck("locked", wait_seconds=max(int((until - now).total_seconds()) + 1, 1))
        trainer_id, password_hash, count = trainer.id, trainer.password_hash, trainer.failed_password_attempts
    if not _password_matches(password_hash, password):
        if count >= max_failures:
            return PasswordCheck("locked", wait_seconds=lock_minutes * 60)
        return PasswordCheck("wrong")
    with db.begin() as session:
        trainer = session.get(Trainer, trainer_id)
        if trainer is None:
            return PasswordCheck("wrong")
        trainer.failed_password_attempts = 0
        trainer.locked_until = None
        return PasswordCheck("ok", trainer=_trainer_info(session, trainer))


def locked_message(wait_seconds: int) -> str:
    """What the sign-in page says to a locked account, in plain words."""
    minutes = max((wait_seconds + 59) // 60, 1)
    return (f"Tài khoản này tạm khóa vì nhập sai mật khẩu nhiều lần. Bác thử lại sau {minutes} phút, "
            "hoặc nhờ quản trị mở khóa (trang Quản trị, mục Tài khoản).")


@dataclass(frozen=True)
class LockedAccount:
    username: str
    display_name: str
    locked_until: dt.datetime  # aware, UTC


def locked_accounts(db: Database, now: dt.datetime | None = None) -> list[LockedAccount]:
    """The staff accounts locked now, the soonest to open first (the admin page lists them)."""
    now = now or utcnow()
    with db() as session:
        rows = session.execute(select(Trainer.username, Trainer.display_name, Trainer.locked_until)
                               .where(Trainer.locked_until > now).order_by(Trainer.locked_until, Trainer.username))
        return [LockedAccount(username, name, aware) for username, name, until in rows
                if (aware := stored_utc(until)) is not None]


def trainer_is_locked(db: Database, username: str, now: dt.datetime | None = None) -> bool:
    now = now or utcnow()
    with db() as session:
        until = session.scalar(select(Trainer.locked_until).where(Trainer.username == normalise_name(username).lower()))
        return (aware := stored_utc(until)) is not None and aware > now


def unlock_trainer(db: Database, username: str) -> str:
    """Lift the lock of a staff account (an admin: the admin page's "Mở khóa", or
    ``manage.py unlock-trainer``); returns its display name."""
    name = normalise_name(username).lower()
    with db.begin() as session:
        trainer = session.scalar(select(Trainer).where(Trainer.username == name))
        if trainer is None:
            raise AccountError(f"Không có tài khoản “{name}”.")
        trainer.failed_password_attempts = 0
        trainer.locked_until = None
        return trainer.display_name
