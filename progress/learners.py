"""Learners: their accounts, 4-digit codes, consent, own settings and printed cards."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from progress.account_error import AccountError
from progress.database import Database, checkpoint_sqlite
from progress.models import Learner, LearnerGroup, utcnow
from progress.names import MAX_LEARNER_NAME_LENGTH, limited_name, name_sort_key
from progress.sync.tombstones import LEARNER, record_deletion

# A 4-digit code has only 10,000 values: a slow hash cannot protect it from an
# offline guess, so learner codes use light argon2 settings (fast sign-in for a
# class of 30 on one laptop); trainer passwords use argon2's defaults
# (progress/trainers.py).
CODE_HASHER = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
CODE_PATTERN = re.compile(r"^[0-9]{4}$")


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


def _learner_info(learner: Learner) -> LearnerInfo:
    return LearnerInfo(learner.id, learner.group_id, learner.display_name, learner.consent_at is not None,
                       learner.narration_language or "vi", learner.text_size or "normal", bool(learner.autoplay),
                       bool(learner.save_data), learner.avatar or "")


AVATARS = ("🌻", "🐃", "🐓", "🌽", "🍌", "🌶️", "☕", "🐟", "🏔️", "🌾", "🐘", "🦋", "🌺", "🐝", "🍍", "🎋")


def set_avatar(db: Database, learner_id: int, avatar: str) -> None:
    if avatar and avatar not in AVATARS:
        raise AccountError("Hình đại diện không có trong danh sách.")
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None:
            learner.avatar = avatar


def create_learner(db: Database, group_id: int, display_name: str, code: str, avatar: str = "") -> LearnerInfo:
    clean = limited_name(display_name, "Tên học viên", MAX_LEARNER_NAME_LENGTH)
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


def update_learner(db: Database, learner_id: int, display_name: str = "", code: str = "") -> LearnerInfo:
    """Correct a learner's name and/or give them a new code (a forgotten one). A new code
    also ends a lock from wrong codes. Empty = keep as it is."""
    clean = limited_name(display_name, "Tên học viên", MAX_LEARNER_NAME_LENGTH)
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
            learner.session_version += 1  # whoever signed in with the old code is signed out
        return _learner_info(learner)


def list_learners(db: Database, group_id: int) -> list[LearnerInfo]:
    with db() as session:
        rows = session.scalars(select(Learner).where(Learner.group_id == group_id))
        return sorted((_learner_info(learner) for learner in rows), key=lambda info: name_sort_key(info.display_name))


def get_learner(db: Database, learner_id: int) -> LearnerInfo | None:
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


def verify_learner_code(db: Database, learner_id: int, code: str) -> LearnerInfo | None:
    """The learner if the 4-digit code is right, else None (no wrong-code counting:
    sign-in pages use progress.code_guard.check_learner_code)."""
    with db() as session:
        learner = session.get(Learner, learner_id)
        return _learner_info(learner) if learner is not None and code_matches(learner.code_hash, code) else None


def record_consent(db: Database, learner_id: int, when: dt.datetime | None = None) -> None:
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None and learner.consent_at is None:
            learner.consent_at = when or utcnow()


TEXT_SIZES = ("normal", "large", "very-large")


def set_narration_language(db: Database, learner_id: int, language: str) -> None:
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is not None:
            learner.narration_language = language


def update_learner_settings(
    db: Database, learner_id: int, *, text_size: str | None = None, autoplay: bool | None = None,
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


def delete_learner(db: Database, learner_id: int) -> bool:
    """Delete a learner with all their progress and answers (their right to erasure). On
    SQLite the deleted rows are zeroed (``secure_delete``) and the write-ahead log is
    emptied, so the name is not left in the -wal file; older backups still hold it. A
    deletion record (its uid, no name) keeps the learner deleted on every installation
    this one syncs with."""
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            return False
        record_deletion(session, LEARNER, learner.uid)
        session.delete(learner)
    checkpoint_sqlite(db)
    return True


def card_version(db: Database, learner_id: int) -> int | None:
    """The version printed cards must carry to work (None: no such learner)."""
    with db() as session:
        learner = session.get(Learner, learner_id)
        return learner.card_version if learner else None


def revoke_cards(db: Database, learner_id: int) -> int:
    """Every card printed so far stops working, and so does every session signed in so
    far (with a card or a code); returns the new version to print."""
    with db.begin() as session:
        learner = session.get(Learner, learner_id)
        if learner is None:
            raise AccountError("Không tìm thấy học viên này.")
        learner.card_version += 1
        learner.session_version += 1
        return learner.card_version
