"""The sync history: one row per export, import, push or pull, with what it did (a
``SyncSummary``) or, when refused, why in plain Vietnamese."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.database import Database
from progress.days import stored_utc
from progress.models import utcnow
from progress.sync.summary import SyncSummary
from progress.sync.tables import SyncHistory

DIRECTIONS = ("export", "import", "push", "pull")
OUTCOMES = ("ok", "refused")
DIRECTION_LABELS = {"export": "Xuất tệp", "import": "Nhận tệp", "push": "Gửi lên xã qua mạng",
                    "pull": "Lấy từ xã qua mạng"}


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    direction: str
    partner_uid: str | None
    partner_name: str
    bundle_uid: str
    file_bytes: int
    summary: SyncSummary
    by_account: str | None
    outcome: str
    message: str

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS.get(self.direction, self.direction)


def record_history(session: Session, *, direction: str, outcome: str, partner_uid: str | None = None,
                   partner_name: str = "", bundle_uid: str = "", file_bytes: int = 0,
                   summary: SyncSummary | None = None, by_account: str | None = None, message: str = "",
                   at: dt.datetime | None = None) -> None:
    """Add a history row inside the caller's transaction (the one that applied the data)."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown sync direction: {direction}")
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown sync outcome: {outcome}")
    session.add(SyncHistory(at=at or utcnow(), direction=direction, partner_uid=partner_uid,
                            partner_name=partner_name[:120], bundle_uid=bundle_uid, file_bytes=file_bytes,
                            summary_json=summary.to_json() if summary else "", by_account=by_account,
                            outcome=outcome, message=message))


def history(db: Database, limit: int = 50) -> list[HistoryRow]:
    """The newest rows first."""
    with db() as session:
        rows = session.scalars(select(SyncHistory).order_by(SyncHistory.at.desc(), SyncHistory.id.desc()).limit(limit))
        return [HistoryRow(stored_utc(row.at), row.direction, row.partner_uid, row.partner_name, row.bundle_uid,
                           row.file_bytes, SyncSummary.from_json(row.summary_json), row.by_account, row.outcome,
                           row.message) for row in rows]
