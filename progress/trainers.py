"""Trainers: their accounts, passwords and the groups they look after."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.account_error import AccountError
from progress.database import Database
from progress.models import LearnerGroup, Trainer, TrainerGroup
from progress.names import limited_name, normalise_name
from progress.scope import Scope
from progress.staff_roles import StaffArea, apply_role

PASSWORD_HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class TrainerInfo:
    id: int
    username: str
    display_name: str
    group_ids: tuple[int, ...]


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự.")


def change_trainer_password(db: Database, trainer_id: int, current: str, new: str) -> None:
    """The trainer changes their own password (the demo one first of all)."""
    _check_new_password(new)
    with db.begin() as session:
        trainer = session.get(Trainer, trainer_id)
        if trainer is None:
            raise AccountError("Không tìm thấy tài khoản này.")
        try:
            PASSWORD_HASHER.verify(trainer.password_hash, current or "")
        except (VerificationError, InvalidHashError):
            raise AccountError("Mật khẩu hiện tại chưa đúng.") from None
        trainer.password_hash = PASSWORD_HASHER.hash(new)
        trainer.session_version += 1  # every other session of this account ends


def reset_trainer_password(db: Database, username: str, new: str) -> None:
    """Set a new password for a trainer who forgot theirs (from the laptop's command line)."""
    _check_new_password(new)
    with db.begin() as session:
        trainer = session.scalar(select(Trainer).where(Trainer.username == normalise_name(username).lower()))
        if trainer is None:
            raise AccountError(f"Không có tập huấn viên “{username}”.")
        trainer.password_hash = PASSWORD_HASHER.hash(new)
        trainer.session_version += 1  # whoever knew the old password is signed out
        trainer.failed_password_attempts = 0
        trainer.locked_until = None


def add_trainer_to_group(db: Database, trainer_id: int, group_id: int) -> None:
    """The trainer looks after this group too (nothing changes if they already do)."""
    with db.begin() as session:
        if session.get(TrainerGroup, (trainer_id, group_id)) is None:
            session.add(TrainerGroup(trainer_id=trainer_id, group_id=group_id))


def create_trainer(
    db: Database, username: str, display_name: str, password: str, group_ids: list[int],
    role: str = "trainer", area: StaffArea | None = None,
) -> TrainerInfo:
    """A staff account: a trainer by default, or another role with the area it needs
    (progress/staff_roles.py); nothing is created when any of it is refused."""
    clean_username = normalise_name(username).lower()
    if not re.match(r"^[a-z0-9._-]{3,64}$", clean_username):
        raise AccountError("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch; 3–64 ký tự.")
    display_name = limited_name(display_name, "Tên hiển thị")
    _check_new_password(password)
    with db.begin() as session:
        if session.scalar(select(Trainer).where(Trainer.username == clean_username)):
            raise AccountError(f"Tên đăng nhập “{clean_username}” đã có người dùng.")
        trainer = Trainer(
            username=clean_username,
            display_name=display_name or clean_username,
            password_hash=PASSWORD_HASHER.hash(password),
        )
        apply_role(session, trainer, role, area)
        session.add(trainer)
        session.flush()
        for group_id in group_ids:
            session.add(TrainerGroup(trainer_id=trainer.id, group_id=group_id))
        return TrainerInfo(trainer.id, trainer.username, trainer.display_name, tuple(group_ids))


def _trainer_info(session: Session, trainer: Trainer) -> TrainerInfo:
    group_ids = session.scalars(select(TrainerGroup.group_id).where(TrainerGroup.trainer_id == trainer.id))
    return TrainerInfo(trainer.id, trainer.username, trainer.display_name, tuple(sorted(group_ids)))


def get_trainer(db: Database, trainer_id: int) -> TrainerInfo | None:
    with db() as session:
        trainer = session.get(Trainer, trainer_id)
        return _trainer_info(session, trainer) if trainer else None


def verify_trainer(db: Database, username: str, password: str) -> TrainerInfo | None:
    """The trainer if username and password match, else None."""
    with db() as session:
        trainer = session.scalar(select(Trainer).where(Trainer.username == normalise_name(username).lower()))
        if trainer is None:
            PASSWORD_HASHER.hash(password or "-")  # same cost whether or not the name exists
            return None
        try:
            PASSWORD_HASHER.verify(trainer.password_hash, password or "")
        except (VerificationError, InvalidHashError):
            return None
        return _trainer_info(session, trainer)


def rename_trainer(db: Database, trainer_id: int, display_name: str) -> str:
    """A staff member corrects the name shown for them (in the app, on certificates)."""
    clean = limited_name(display_name, "Tên")
    if not clean:
        raise AccountError("Tên không được để trống.")
    with db.begin() as session:
        trainer = session.get(Trainer, trainer_id)
        if trainer is None:
            raise AccountError("Không tìm thấy tài khoản này.")
        trainer.display_name = clean
    return clean


CO_TRAINER_ROLES = ("trainer", "team_lead")


def add_co_trainer(db: Database, scope: Scope, group_id: int, username: str) -> str:
    """Someone who may change the group (its trainer, the team lead, an admin) adds another
    trainer, by username, to look after it too. Returns the co-trainer's display name."""
    scope.require_edit(group_id)
    clean = normalise_name(username).lower()
    with db.begin() as session:
        other = session.scalar(select(Trainer).where(Trainer.username == clean))
        if other is None:
            raise AccountError(f"Không có tài khoản “{clean}”. Hỏi quản trị để tạo tài khoản trước.")
        if other.role not in CO_TRAINER_ROLES:
            raise AccountError(f"“{clean}” không phải tài khoản tập huấn viên.")
        group = session.get(LearnerGroup, group_id)
        if group is None:
            raise AccountError("Không tìm thấy nhóm này.")
        if session.get(TrainerGroup, (other.id, group_id)) is not None:
            raise AccountError(f"{other.display_name} đã cùng phụ trách nhóm {group.name}.")
        session.add(TrainerGroup(trainer_id=other.id, group_id=group_id))
        return other.display_name
