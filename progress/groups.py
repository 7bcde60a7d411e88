"""Learner groups: creating, listing and removing an empty one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from progress.account_error import AccountError
from progress.database import Database
from progress.models import Learner, LearnerGroup, TrainerGroup
from progress.names import limited_name, name_sort_key
from progress.sync.tombstones import GROUP, record_deletion


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str


def create_group(db: Database, name: str) -> GroupInfo:
    clean = limited_name(name, "Tên nhóm")
    if not clean:
        raise AccountError("Tên nhóm không được để trống.")
    with db.begin() as session:
        if session.scalar(select(LearnerGroup).where(LearnerGroup.name == clean)):
            raise AccountError(f"Đã có nhóm tên “{clean}”.")
        group = LearnerGroup(name=clean)
        session.add(group)
        session.flush()
        return GroupInfo(group.id, group.name)


def list_groups(db: Database, with_learners_only: bool = False) -> list[GroupInfo]:
    """Every group, by name; ``with_learners_only`` leaves out groups nobody can sign in
    to yet (a group just started, or the demo group once its learners are deleted)."""
    query = select(LearnerGroup)
    if with_learners_only:
        query = query.where(select(Learner.id).where(Learner.group_id == LearnerGroup.id).exists())
    with db() as session:
        groups = [GroupInfo(g.id, g.name) for g in session.scalars(query)]
        return sorted(groups, key=lambda g: name_sort_key(g.name))


def delete_empty_group(db: Database, group_id: int) -> None:
    """Remove a group nobody is in (e.g. the demo group once its learners are gone)."""
    with db.begin() as session:
        group = session.get(LearnerGroup, group_id)
        if group is None:
            raise AccountError("Không tìm thấy nhóm này.")
        if session.scalar(select(Learner.id).where(Learner.group_id == group_id).limit(1)) is not None:
            raise AccountError(f"Nhóm “{group.name}” còn học viên: xoá hoặc chuyển hết học viên trước.")
        session.execute(delete(TrainerGroup).where(TrainerGroup.group_id == group_id))
        record_deletion(session, GROUP, group.uid)
        session.delete(group)
