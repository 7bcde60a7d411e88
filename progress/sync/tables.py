"""The tables of offline sync (migration 0012). Local to each installation: only the
deletion records travel (progress/sync/tombstones.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from progress.models import Base, utcnow

ROLE_LAPTOP = "laptop"  # a laptop registered on this (commune) server
ROLE_SERVER = "server"  # the commune server this laptop sends to


class SyncSite(Base):
    """This installation: its id across installations and the name people know it by
    ("Laptop thôn Bờ He"). One row, id 1 (progress/sync/identity.py)."""

    __tablename__ = "sync_site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncPartner(Base):
    """Another installation this one exchanges data with, and their shared HMAC key."""

    __tablename__ = "sync_partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # the other installation's site uid
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(10))  # ROLE_LAPTOP | ROLE_SERVER
    # role laptop: the commune it belongs to; role server: the commune it serves
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"))
    key_hex: Mapped[str] = mapped_column(String(64))  # 32 random bytes, hex
    url: Mapped[str | None] = mapped_column(String(300))  # role server: where to push and pull
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # role server: the newest data the server confirmed it holds (the next export starts there)
    acked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_import_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SyncPartnerGroup(Base):
    """On a server: the groups assigned to a laptop (what "send to the laptop" sends)."""

    __tablename__ = "sync_partner_groups"

    partner_id: Mapped[int] = mapped_column(ForeignKey("sync_partners.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("learner_groups.id", ondelete="CASCADE"), primary_key=True)


class SyncDeletion(Base):
    """A deletion record (tombstone): the row of this kind and uid was deleted, here or
    on ``origin_site_uid``, and must stay deleted everywhere."""

    __tablename__ = "sync_deletions"
    __table_args__ = (UniqueConstraint("kind", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # 'learner', 'group', 'recording', 'class_held'
    uid: Mapped[str] = mapped_column(String(36))
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    origin_site_uid: Mapped[str] = mapped_column(String(36))


class SyncAlias(Base):
    """An incoming record matched a local one by its natural key (same group name, …):
    rows that later reference ``foreign_uid`` find the local row ``local_uid``."""

    __tablename__ = "sync_aliases"

    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    foreign_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    local_uid: Mapped[str] = mapped_column(String(36))


class SyncReceived(Base):
    """A bundle already applied here: receiving it again adds nothing."""

    __tablename__ = "sync_received"

    bundle_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    partner_uid: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncHistory(Base):
    """One export, import, push or pull, as the history on the sync pages lists it."""

    __tablename__ = "sync_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    direction: Mapped[str] = mapped_column(String(10))  # 'export', 'import', 'push', 'pull'
    partner_uid: Mapped[str | None] = mapped_column(String(36))
    partner_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    bundle_uid: Mapped[str] = mapped_column(String(36), default="", server_default="")
    file_bytes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    summary_json: Mapped[str] = mapped_column(Text, default="", server_default="")  # SyncSummary.to_json()
    by_account: Mapped[str | None] = mapped_column(String(120))
    outcome: Mapped[str] = mapped_column(String(10))  # 'ok' | 'refused'
    message: Mapped[str] = mapped_column(Text, default="", server_default="")  # a refusal, in plain Vietnamese
