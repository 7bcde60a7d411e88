"""Groups, learners and trainers: creating them and checking who is signing in."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from progress.models import Learner, LearnerGroup, Trainer, TrainerGroup, utcnow

# A 4-digit code has only 10,000 values: a slow hash cannot protect it from an
# offline guess, so learner codes use light argon2 settings (fast sign-in for a
# class of 30 on one laptop); trainer passwords use argon2's defaults.
CODE_HASHER = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
PASSWORD_HASHER = PasswordHasher()
CODE_PATTERN = re.compile(r"^[0-9]{4}$")
MIN_PASSWORD_LENGTH = 8


class AccountError(ValueError):
    """Input for an account that we refuse, with a message in plain Vietnamese."""


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str


@dataclass(frozen=True)
class LearnerInfo:
    id: int
    group_id: int
    display_name: str
    consented: bool
    narration_language: str = "vi"
    text_size: str = "normal"
    autoplay: bool = False
    save_data: bool = False
    avatar: str = ""


@dataclass(frozen=True)
class TrainerInfo:
    id: int
    username: str
    display_name: str
    group_ids: tuple[int, ...]


def normalise_name(name: str) -> str:
    """NFC, single spaces: names typed on different keyboards compare equal."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_sort_key(name: str) -> str:
    """Sort Vietnamese names by their letters (Đ with D, accents ignored), then exactly."""
    base = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in base if not unicodedata.combining(c)).casefold() + "\0" + name


def _learner_info(learner: Learner) -> LearnerInfo:
    return LearnerInfo(learner.id, learner.group_id, learner.display_name, learner.consent_at is not None,
                       learner.narration_language or "vi", learner.text_size or "normal", bool(learner.autoplay),
                       bool(learner.save_data), learner.avatar or "")


def create_group(db: sessionmaker, name: str) -> GroupInfo:
    clean = normalise_name(name)
    if not clean:
        raise AccountError("Tên nhóm không được để trống.")
    with db.begin() as session:
        if session.scalar(select(LearnerGroup).where(LearnerGroup.name == clean)):
            raise AccountError(f"Đã có nhóm tên “{clean}”.")
        group = LearnerGroup(name=clean)
        session.add(group)
        session.flush()
        return GroupInfo(group.id, group.name)


def list_groups(db: sessionmaker, with_learners_only: bool = False) -> list[GroupInfo]:
    """Every group, by name; ``with_learners_only`` leaves out groups nobody can sign in
    to yet (a group just started, or the demo group once its learners are deleted)."""
    query = select(LearnerGroup)
    if with_learners_only:
        query = query.where(select(Learner.id).where(Learner.group_id == LearnerGroup.id).exists())
    with db() as session:
        groups = [GroupInfo(g.id, g.name) for g in session.scalars(query)]
        return sorted(groups, key=lambda g: name_sort_key(g.name))


AVATARS = ("🌻", "🐃", "🐓", "🌽", "🍌", "🌶️", "☕", "🐟", "🏔️", "🌾", "🐘", "🦋", "🌺", "🐝", "🍍", "🎋")


def set_avatar(db: sessionmaker, learner_id: int, avatar: str) -> None:
    if avatar and avatar not in AVATARS:
        raise AccountError("Hình đại diện không có trong danh sách.")
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None:
            learner.avatar = avatar


def create_learner(db: sessionmaker, group_id: int, display_name: str, code: str, avatar: str = "") -> LearnerInfo:
    clean = normalise_name(display_name)
    if not clean:
        raise AccountError("Tên học viên không được để trống.")
    if not CODE_PATTERN.match(code):
        raise AccountError("Mã phải gồm đúng 4 chữ số.")
    with db.begin() as session:
        if session.get(LearnerGroup, group_id) is None:
            raise AccountError("Không tìm thấy nhóm này.")
        taken = select(Learner).where(Learner.group_id == group_id, Learner.display_name == clean)
        if session.scalar(taken):
            raise AccountError(f"Trong nhóm đã có người tên “{clean}”. Thêm họ hoặc tên thôn để phân biệt.")
        if avatar and avatar not in AVATARS:
            raise AccountError("Hình đại diện không có trong danh sách.")
        learner = Learner(group_id=group_id, display_name=clean, code_hash=CODE_HASHER.hash(code), avatar=avatar)
        session.add(learner)
        session.flush()
        return _learner_info(learner)


def update_learner(db: sessionmaker, learner_id: int, display_name: str = "", code: str = "") -> LearnerInfo:
    """Correct a learner's name and/or give them a new code (a forgotten one). A new code
    also ends a lock from wrong codes. Empty = keep as it is."""
    clean = normalise_name(display_name)
    if not clean and not code:
        raise AccountError("Nhập tên mới hoặc mã mới.")
    if code and not CODE_PATTERN.match(code):
        raise AccountError("Mã phải gồm đúng 4 chữ số.")
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            raise AccountError("Không tìm thấy học viên này.")
        if clean and clean != learner.display_name:
            taken = select(Learner.id).where(
                Learner.group_id == learner.group_id, Learner.display_name == clean, Learner.id != learner_id)
            if session.scalar(taken) is not None:
                raise AccountError(f"Trong nhóm đã có người tên “{clean}”. Thêm họ hoặc tên thôn để phân biệt.")
            learner.display_name = clean
        if code:
            learner.code_hash = CODE_HASHER.hash(code)
            learner.failed_code_attempts = 0
            learner.locked_until = None
        return _learner_info(learner)


def list_learners(db: sessionmaker, group_id: int) -> list[LearnerInfo]:
    with db() as session:
        rows = session.scalars(select(Learner).where(Learner.group_id == group_id))
        return sorted((_learner_info(learner) for learner in rows), key=lambda l: name_sort_key(l.display_name))


def get_learner(db: sessionmaker, learner_id: int) -> LearnerInfo | None:
    with db() as session:
        learner = session.get(Learner, learner_id)
        return _learner_info(learner) if learner else None


def code_matches(code_hash: str, code: str) -> bool:
    """Is ``code`` four digits and the one hashed in ``code_hash``?"""
    if not CODE_PATTERN.match(code or ""):
        return False
    try:
        return CODE_HASHER.verify(code_hash, code)
    except (VerificationError, InvalidHashError):
        return False


def verify_learner_code(db: sessionmaker, learner_id: int, code: str) -> LearnerInfo | None:
    """The learner if the 4-digit code is right, else None (no wrong-code counting:
    sign-in pages use progress.code_guard.check_learner_code)."""
    with db() as session:
        learner = session.get(Learner, learner_id)
        return _learner_info(learner) if learner is not None and code_matches(learner.code_hash, code) else None


def record_consent(db: sessionmaker, learner_id: int, when: dt.datetime | None = None) -> None:
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None and learner.consent_at is None:
            learner.consent_at = when or utcnow()


TEXT_SIZES = ("normal", "large", "very-large")


def set_narration_language(db: sessionmaker, learner_id: int, language: str) -> None:
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None:
            learner.narration_language = language


def update_learner_settings(
    db: sessionmaker, learner_id: int, *, text_size: str | None = None, autoplay: bool | None = None,
    save_data: bool | None = None,
) -> None:
    """Change the learner's own display and sound settings (only the ones given)."""
    if text_size is not None and text_size not in TEXT_SIZES:
        raise AccountError(f"Cỡ chữ không hợp lệ: {text_size}")
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            return
        if text_size is not None:
            learner.text_size = text_size
        if autoplay is not None:
            learner.autoplay = autoplay
        if save_data is not None:
            learner.save_data = save_data


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự.")


def change_trainer_password(db: sessionmaker, trainer_id: int, current: str, new: str) -> None:
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


def reset_trainer_password(db: sessionmaker, username: str, new: str) -> None:
    """Set a new password for a trainer who forgot theirs (from the laptop's command line)."""
    _check_new_password(new)
    with db.begin() as session:
        trainer = session.scalar(select(Trainer).where(Trainer.username == normalise_name(username).lower()))
        if trainer is None:
            raise AccountError(f"Không có tập huấn viên “{username}”.")
        trainer.password_hash = PASSWORD_HASHER.hash(new)


def add_trainer_to_group(db: sessionmaker, trainer_id: int, group_id: int) -> None:
    """The trainer looks after this group too (nothing changes if they already do)."""
    with db.begin() as session:
        if session.get(TrainerGroup, (trainer_id, group_id)) is None:
            session.add(TrainerGroup(trainer_id=trainer_id, group_id=group_id))


def create_trainer(
    db: sessionmaker, username: str, display_name: str, password: str, group_ids: list[int]
) -> TrainerInfo:
    clean_username = normalise_name(username).lower()
    if not re.match(r"^[a-z0-9._-]{3,64}$", clean_username):
        raise AccountError("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch; 3–64 ký tự.")
    _check_new_password(password)
    with db.begin() as session:
        if session.scalar(select(Trainer).where(Trainer.username == clean_username)):
            raise AccountError(f"Tên đăng nhập “{clean_username}” đã có người dùng.")
        trainer = Trainer(
            username=clean_username,
            display_name=normalise_name(display_name) or clean_username,
            password_hash=PASSWORD_HASHER.hash(password),
        )
        session.add(trainer)
        session.flush()
        for group_id in group_ids:
            session.add(TrainerGroup(trainer_id=trainer.id, group_id=group_id))
        return TrainerInfo(trainer.id, trainer.username, trainer.display_name, tuple(group_ids))


def _trainer_info(session: Session, trainer: Trainer) -> TrainerInfo:
    group_ids = session.scalars(select(TrainerGroup.group_id).where(TrainerGroup.trainer_id == trainer.id))
    return TrainerInfo(trainer.id, trainer.username, trainer.display_name, tuple(sorted(group_ids)))


def get_trainer(db: sessionmaker, trainer_id: int) -> TrainerInfo | None:
    with db() as session:
        trainer = session.get(Trainer, trainer_id)
        return _trainer_info(session, trainer) if trainer else None


def verify_trainer(db: sessionmaker, username: str, password: str) -> TrainerInfo | None:
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


def delete_empty_group(db: sessionmaker, group_id: int) -> None:
    """Remove a group nobody is in (e.g. the demo group once its learners are gone)."""
    with db.begin() as session:
        group = session.get(LearnerGroup, group_id)
        if group is None:
            raise AccountError("Không tìm thấy nhóm này.")
        if session.scalar(select(Learner.id).where(Learner.group_id == group_id).limit(1)) is not None:
            raise AccountError(f"Nhóm “{group.name}” còn học viên: xoá hoặc chuyển hết học viên trước.")
        session.execute(delete(TrainerGroup).where(TrainerGroup.group_id == group_id))
        session.delete(group)


def delete_learner(db: sessionmaker, learner_id: int) -> bool:
    """Delete a learner with all their progress and answers (their right to erasure)."""
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            return False
        session.delete(learner)
        return True


def card_version(db: sessionmaker, learner_id: int) -> int | None:
    """The version printed cards must carry to work (None: no such learner)."""
    with db() as session:
        learner = session.get(Learner, learner_id)
        return learner.card_version if learner else None


def revoke_cards(db: sessionmaker, learner_id: int) -> int:
    """Every card printed so far stops working; returns the new version to print."""
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            raise AccountError("Không tìm thấy học viên này.")
        learner.card_version += 1
        return learner.card_version
