"""Apply a payload (progress/sync/collect.py) to this installation's database, in ONE
transaction: an error anywhere leaves nothing applied. Deletion records first, then
each kind in the order of ``kinds.PAYLOAD_KINDS`` (a record after what it references).

Rules: a record is matched by uid, then by an alias, then by its natural key (an alias
is kept then; groups have none, see progress/sync/group_names.py); not found, it is
added; found and equal, it is left; found and different, the newer ``updated_at`` wins,
and if both sides changed it since this installation last took data from the sender,
the summary names the conflict resolved. Lesson progress is merged (furthest step, done
on either side); attempts and answers are only ever added. A record deleted here
(deletion record), or whose learner was, is never added again. Applying the same
payload twice changes nothing the second time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.database import Database, checkpoint_sqlite
from progress.days import stored_utc
from progress.models import TrainerGroup
from progress.row_changes import APPLYING_SYNC
from progress.sync import kinds
from progress.sync.merge_classes import merge_attempts, merge_classes
from progress.sync.merge_context import MergeContext
from progress.sync.merge_deletions import apply_deletions
from progress.sync.merge_flat import FlatMerge
from progress.sync.summary import ADDED, SKIPPED, SyncSummary
from progress.sync.tables import SyncPartner

UNKNOWN_SENDER = "máy gửi tệp"


def _partner_name(session: Session, origin_site_uid: str) -> str:
    return session.scalar(select(SyncPartner.name).where(SyncPartner.uid == origin_site_uid)) or ""


def _merge_trainer_groups(ctx: MergeContext, items: list[dict[str, Any]]) -> None:
    """Who looks after which group: links are added, never removed by a sync."""
    for item in items:
        trainer_id = ctx.local_id(kinds.TRAINERS.name, item.get("trainer_uid") or "")
        group_id = ctx.local_id(kinds.GROUPS.name, item.get("group_uid") or "")
        if trainer_id is None or group_id is None or ctx.session.get(TrainerGroup, (trainer_id, group_id)) is not None:
            ctx.summary.count(kinds.TRAINER_GROUPS, SKIPPED)
            continue
        ctx.session.add(TrainerGroup(trainer_id=trainer_id, group_id=group_id))
        ctx.summary.count(kinds.TRAINER_GROUPS, ADDED)
    ctx.session.flush()


def apply_payload_in(session: Session, payload: dict[str, Any], *, origin_site_uid: str,
                     partner_last_import: dt.datetime | None, origin_name: str = "",
                     trust_accounts: bool = False) -> SyncSummary:
    """Apply ``payload`` inside the caller's transaction (the caller records what was
    received in the same one). ``trust_accounts``: the sender is the commune server, so
    staff accounts it sends may change local ones and keep their roles; from anyone
    else, a new account arrives as a plain trainer and existing accounts stay as they are."""
    summary = SyncSummary()
    name = origin_name or _partner_name(session, origin_site_uid)
    sender = f"máy {name}" if name else UNKNOWN_SENDER
    last_import = stored_utc(partner_last_import) if partner_last_import is not None else None
    ctx = MergeContext(session, summary, sender, last_import, trust_accounts, name)
    session.info[APPLYING_SYNC] = True  # rows keep the updated_at they come with
    try:
        apply_deletions(ctx, list(payload.get("deletions", [])))
        rows = payload.get("kinds", {})
        for kind in kinds.FLAT:
            FlatMerge(ctx, kind, list(rows.get(kind.name, []))).run()
        _merge_trainer_groups(ctx, list(rows.get(kinds.TRAINER_GROUPS, [])))
        merge_attempts(ctx, list(rows.get(kinds.QUIZ_ATTEMPTS.name, [])))
        merge_classes(ctx, list(rows.get(kinds.CLASS_SESSIONS.name, [])))
        session.flush()
    finally:
        session.info.pop(APPLYING_SYNC, None)
    return summary


def apply_payload(db: Database, payload: dict[str, Any], *, origin_site_uid: str,
                  partner_last_import: dt.datetime | None, origin_name: str = "",
                  trust_accounts: bool = False) -> SyncSummary:
    """Apply ``payload`` in one transaction of its own: all of it, or (on any error) none.
    After deletions, SQLite's write-ahead log is emptied as after a data-protection delete
    (a caller of ``apply_payload_in`` does that itself, after its commit)."""
    with db.begin() as session:
        summary = apply_payload_in(session, payload, origin_site_uid=origin_site_uid,
                                   partner_last_import=partner_last_import, origin_name=origin_name,
                                   trust_accounts=trust_accounts)
    if summary.deleted:
        checkpoint_sqlite(db)
    return summary
