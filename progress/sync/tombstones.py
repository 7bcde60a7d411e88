"""Deletion records: a learner deleted under the data-protection rules (or a group, a
recording, a class entered by hand) stays deleted on every installation. Each delete
writes one in its own transaction; they travel with every bundle, and an incoming row
whose uid — or whose learner — has one is never added again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.models import utcnow
from progress.sync.identity import site_in
from progress.sync.tables import SyncDeletion
from progress.sync.upsert import insert_or_ignore

LEARNER = "learner"
GROUP = "group"
RECORDING = "recording"
CLASS_HELD = "class_held"
KINDS = (LEARNER, GROUP, RECORDING, CLASS_HELD)


@dataclass(frozen=True)
class Deletion:
    kind: str
    uid: str
    deleted_at: dt.datetime
    origin_site_uid: str


def record_deletion(session: Session, kind: str, uid: str, *, deleted_at: dt.datetime | None = None,
                    origin_site_uid: str | None = None) -> None:
    """Keep a deletion record, in the transaction that deletes the row (once per kind and
    uid: a second record of the same deletion is ignored). Without an origin, the
    deletion happened here."""
    if kind not in KINDS:
        raise ValueError(f"unknown deletion kind: {kind}")
    values = {"kind": kind, "uid": uid, "deleted_at": deleted_at or utcnow(),
              "origin_site_uid": origin_site_uid or site_in(session).uid}
    insert_or_ignore(session, SyncDeletion, values)


def record_deletions(session: Session, kind: str, uids: Iterable[str]) -> None:
    for uid in uids:
        record_deletion(session, kind, uid)


def is_deleted(session: Session, kind: str, uid: str) -> bool:
    found = session.scalar(select(SyncDeletion.id).where(SyncDeletion.kind == kind, SyncDeletion.uid == uid))
    return found is not None


def deleted_uids(session: Session, kind: str) -> set[str]:
    return set(session.scalars(select(SyncDeletion.uid).where(SyncDeletion.kind == kind)))


def deletions_since(session: Session, since: dt.datetime | None) -> list[Deletion]:
    """Every deletion record (kept since ``since``, or all), oldest first."""
    query = select(SyncDeletion).order_by(SyncDeletion.deleted_at, SyncDeletion.id)
    if since is not None:
        query = query.where(SyncDeletion.deleted_at >= since)
    return [Deletion(row.kind, row.uid, row.deleted_at, row.origin_site_uid) for row in session.scalars(query)]
