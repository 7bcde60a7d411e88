"""Which rows changed in a way that travels (progress/sync/): every travelling table's
``uid`` and ``updated_at``, and the hook progress/models.py registers on its tables that
moves ``updated_at`` only when a column that travels changes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Connection, DateTime, String, inspect
from sqlalchemy.orm import Mapped, Mapper, mapped_column, object_session


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uid() -> str:
    """A record's id across installations (laptops and the commune server): it travels
    with the record when data is synced (progress/sync/); integer ids never do."""
    return str(uuid.uuid4())


def uid_column() -> Mapped[str]:
    return mapped_column(String(36), unique=True, default=new_uid)


def updated_at_column() -> Mapped[dt.datetime]:
    """When the row last changed: the newer side wins when two installations changed it.
    Moved on by ``touch_updated_at`` below, not by ``onupdate``: only a change that
    travels counts (a wrong code or a sign-in is no change of the learner)."""
    return mapped_column(DateTime(timezone=True), default=utcnow)


# Columns that never leave this installation (sign-in protection, printed cards, sessions):
# changing them does not move ``updated_at``. Core UPDATEs (code_guard, password_guard,
# sessions) never move it either.
LOCAL_ONLY_COLUMNS = frozenset({
    "failed_code_attempts", "failed_password_attempts", "locked_until", "card_version", "session_version",
})
# Session.info key set while a sync applies rows: their ``updated_at`` comes with them.
APPLYING_SYNC = "bdhvs_applying_sync"


def touch_updated_at(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    """A row that travels (it has a uid) and changed in a column that travels gets a new
    ``updated_at``, unless the change set one itself (lesson progress, classes, a sync)."""
    if "uid" not in mapper.columns or "updated_at" not in mapper.columns:
        return
    session = object_session(target)
    if session is not None and session.info.get(APPLYING_SYNC):
        return
    state = inspect(target)
    if state.attrs.updated_at.history.has_changes():
        return
    if any(state.attrs[attr.key].history.has_changes() for attr in mapper.column_attrs
           if attr.key not in LOCAL_ONLY_COLUMNS and attr.key != "updated_at"):
        target.updated_at = utcnow()
