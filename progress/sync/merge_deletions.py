"""Deletion records from the other side: the row goes here too, through the same
cascade as the delete that made the record, and the record is kept, so the row never
comes back. A group that still has learners or classes here is not deleted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from progress.models import ClassParticipant, ClassSession, ClassTrainer, Learner, TrainerGroup
from progress.recordings import forget_unused_audio
from progress.sync import kinds, tombstones
from progress.sync.merge_context import MergeContext, rows_by_uid
from progress.sync.wire import time_from_wire


def _local_row(ctx: MergeContext, kind: kinds.Kind, uid: str) -> Any:
    row = rows_by_uid(ctx.session, kind, [uid]).get(uid)
    if row is None:
        local_uid = ctx.alias_of(kind.name, uid)
        if local_uid is not None:
            row = rows_by_uid(ctx.session, kind, [local_uid]).get(local_uid)
    return row


def _group_in_use(ctx: MergeContext, group_id: int) -> bool:
    session = ctx.session
    return (session.scalar(select(Learner.id).where(Learner.group_id == group_id).limit(1)) is not None
            or session.scalar(select(ClassSession.id).where(ClassSession.group_id == group_id).limit(1)) is not None)


def _delete(ctx: MergeContext, deletion_kind: str, row: Any) -> None:
    session = ctx.session
    if deletion_kind == tombstones.GROUP:
        session.execute(delete(TrainerGroup).where(TrainerGroup.group_id == row.id))
    if deletion_kind == tombstones.CLASS_HELD:
        for table in (ClassParticipant, ClassTrainer):
            session.execute(delete(table).where(table.class_id == row.id))
    session.delete(row)
    session.flush()
    if deletion_kind == tombstones.RECORDING:
        forget_unused_audio(session)


def apply_deletions(ctx: MergeContext, items: list[dict[str, Any]]) -> None:
    for item in items:
        kind = kinds.DELETES.get(item.get("kind", ""))
        if kind is None:
            continue  # a kind of a newer version: nothing here to delete
        deletion_kind, uid = item["kind"], item["uid"]
        row = _local_row(ctx, kind, uid)
        if row is not None:
            if deletion_kind == tombstones.GROUP and _group_in_use(ctx, row.id):
                ctx.summary.skip("deletions", f"Nhóm {row.name}: còn học viên hoặc buổi học ở máy này nên chưa xoá")
                continue
            local_uid = row.uid
            _delete(ctx, deletion_kind, row)
            ctx.summary.deletion(deletion_kind)
            if local_uid != uid:
                tombstones.record_deletion(ctx.session, deletion_kind, local_uid,
                                           deleted_at=time_from_wire(item.get("deleted_at")),
                                           origin_site_uid=item.get("origin_site_uid"))
        tombstones.record_deletion(ctx.session, deletion_kind, uid, deleted_at=time_from_wire(item.get("deleted_at")),
                                   origin_site_uid=item.get("origin_site_uid"))
