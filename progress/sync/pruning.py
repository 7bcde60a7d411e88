"""Deletion records a laptop no longer needs. Each review question learnt leaves one
(a learner's review list shrinks every week), so they would grow without end. Once the
commune server has confirmed it holds this laptop's data up to a mark, the review-item
records older than the mark (less the export overlap: a record written while an
export ran travels again with the next one) have reached the server, which keeps them
and never sends those questions back: the laptop drops them. Records of learners,
groups, recordings and classes are kept forever, and the server prunes nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.orm import Session

from progress.days import stored_utc
from progress.sync import tombstones
from progress.sync.collect import OVERLAP
from progress.sync.tables import SyncDeletion


def forget_delivered_review_deletions(session: Session, acked_until: dt.datetime | None) -> int:
    """On a laptop, when its server's mark arrives: drop the review-item deletion records
    the server surely holds. How many went."""
    if acked_until is None:
        return 0
    before = stored_utc(acked_until) - OVERLAP
    result = session.execute(delete(SyncDeletion).where(SyncDeletion.kind == tombstones.REVIEW_ITEM,
                                                        SyncDeletion.deleted_at < before))
    return int(getattr(result, "rowcount", 0) or 0)
