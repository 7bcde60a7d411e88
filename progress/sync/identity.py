"""This installation's identity: a uid that no other laptop or server has, and a name
people recognise ("Laptop thôn Bờ He"). Created on first use."""

from __future__ import annotations

import socket
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.database import Database
from progress.models import new_uid
from progress.sync.tables import SyncSite
from progress.sync.upsert import insert_or_ignore

SITE_ROW = 1  # the one row of sync_site
MAX_SITE_NAME_LENGTH = 120


@dataclass(frozen=True)
class Site:
    uid: str
    name: str


def _default_name() -> str:
    return f"Máy {socket.gethostname()}"[:MAX_SITE_NAME_LENGTH]


def site_in(session: Session) -> Site:
    """This installation, inside a write transaction already open (created if missing)."""
    row = session.scalar(select(SyncSite).where(SyncSite.id == SITE_ROW))
    if row is None:
        # unless another process just created it (race-safe on both databases)
        insert_or_ignore(session, SyncSite, {"id": SITE_ROW, "uid": new_uid(), "name": _default_name()})
        row = session.scalars(select(SyncSite).where(SyncSite.id == SITE_ROW)).one()
    return Site(row.uid, row.name)


def this_site(db: Database) -> Site:
    """This installation's uid and name (the row is created on the first call)."""
    with db() as session:
        row = session.scalar(select(SyncSite).where(SyncSite.id == SITE_ROW))
        if row is not None:
            return Site(row.uid, row.name)
    with db.begin() as session:
        return site_in(session)


def rename_site(db: Database, name: str) -> Site:
    """Give this installation the name shown to the other side (the uid stays)."""
    clean = " ".join(name.split())
    if not clean:
        raise ValueError("a site name may not be empty")
    if len(clean) > MAX_SITE_NAME_LENGTH:
        raise ValueError(f"a site name has at most {MAX_SITE_NAME_LENGTH} characters")
    with db.begin() as session:
        site_in(session)
        row = session.scalars(select(SyncSite).where(SyncSite.id == SITE_ROW)).one()
        row.name = clean
        return Site(row.uid, row.name)
