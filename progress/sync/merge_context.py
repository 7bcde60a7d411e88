"""What every step of a merge shares: the session (one transaction), the summary being
written, who sent the payload, and how a uid from the other side finds the local row
(by uid, then by an alias written when a record matched by its natural key)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from progress.sync.kinds import BY_NAME, Kind
from progress.sync.summary import SyncSummary
from progress.sync.tables import SyncAlias
from progress.sync.tombstones import deleted_uids
from progress.sync.upsert import insert_or_ignore

CHUNK = 500


def rows_by_uid(session: Session, kind: Kind, uids: Iterable[str]) -> dict[str, Any]:
    """The local rows of ``kind`` with these uids, by uid."""
    column = kind.model.__table__.c.uid
    ordered = sorted(set(uids))
    found: dict[str, Any] = {}
    for start in range(0, len(ordered), CHUNK):
        rows: list[Any] = list(session.scalars(select(kind.model).where(column.in_(ordered[start:start + CHUNK]))))
        found.update((row.uid, row) for row in rows)
    return found


@dataclass
class MergeContext:
    session: Session
    summary: SyncSummary
    origin_name: str  # the sending installation, as the conflict lines name it
    partner_last_import: dt.datetime | None  # when this installation last took data from it
    trust_accounts: bool  # staff accounts may be changed and given roles (data from the commune server)
    origin_site_name: str = ""  # the sending installation's own name ("" unknown), as a renamed group carries it
    _ids: dict[str, dict[str, int]] = field(default_factory=dict)
    _deleted: dict[str, set[str]] = field(default_factory=dict)
    _aliases: dict[str, dict[str, str]] = field(default_factory=dict)

    def remember(self, kind: str, uid: str, row_id: int) -> None:
        self._ids.setdefault(kind, {})[uid] = row_id

    def local_id(self, kind_name: str, uid: str) -> int | None:
        """The local id of the record the other side calls ``uid`` (None: not here)."""
        known = self._ids.setdefault(kind_name, {})
        if uid in known:
            return known[uid]
        kind = BY_NAME[kind_name]
        table = kind.model.__table__
        row_id = self.session.scalar(select(table.c.id).where(table.c.uid == uid))
        if row_id is None:
            local_uid = self.alias_of(kind_name, uid)
            if local_uid is not None:
                row_id = self.session.scalar(select(table.c.id).where(table.c.uid == local_uid))
        if row_id is not None:
            known[uid] = row_id
        return row_id

    def _aliases_of(self, kind_name: str) -> dict[str, str]:
        """Every alias of a kind, read once (there are few: records made on both sides)."""
        if kind_name not in self._aliases:
            rows = self.session.execute(select(SyncAlias.foreign_uid, SyncAlias.local_uid).where(
                SyncAlias.kind == kind_name)).all()
            self._aliases[kind_name] = {foreign: local for foreign, local in rows}
        return self._aliases[kind_name]

    def alias_of(self, kind_name: str, foreign_uid: str) -> str | None:
        return self._aliases_of(kind_name).get(foreign_uid)

    def add_alias(self, kind_name: str, foreign_uid: str, local_uid: str) -> None:
        if foreign_uid != local_uid:
            insert_or_ignore(self.session, SyncAlias,
                             {"kind": kind_name, "foreign_uid": foreign_uid, "local_uid": local_uid})
            self._aliases_of(kind_name).setdefault(foreign_uid, local_uid)

    def move_aliases(self, kind_name: str, old_local_uid: str, new_local_uid: str) -> None:
        """Aliases that led to a row now lead to it under its new uid."""
        self.session.execute(update(SyncAlias).where(SyncAlias.kind == kind_name,
                                                     SyncAlias.local_uid == old_local_uid)
                             .values(local_uid=new_local_uid))
        aliases = self._aliases_of(kind_name)
        for foreign, local in list(aliases.items()):
            if local == old_local_uid:
                aliases[foreign] = new_local_uid

    def is_deleted(self, deletion_kind: str | None, uid: str) -> bool:
        """Has a deletion record (kept here or just received) for this uid?"""
        if deletion_kind is None:
            return False
        if deletion_kind not in self._deleted:
            self._deleted[deletion_kind] = deleted_uids(self.session, deletion_kind)
        return uid in self._deleted[deletion_kind]

    def newer_here(self, local_time: dt.datetime) -> bool:
        """Was the local record changed since this installation last took data from the sender?"""
        return self.partner_last_import is None or local_time > self.partner_last_import

    def changed_there(self, incoming_time: dt.datetime) -> bool:
        return self.partner_last_import is None or incoming_time > self.partner_last_import
