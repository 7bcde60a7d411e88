"""What the pages, the commands and the HTTP routes call to exchange data:

- ``export_for_server``: on a laptop, a bundle for its commune server with what changed
  since the server last confirmed it holds this laptop's data (or everything);
- ``export_for_laptop``: on the server, a bundle for a laptop with the groups assigned
  to it, their learners, progress and trainer accounts, and how far the server holds
  that laptop's data (``acked_until``);
- ``import_bundle``: verify a bundle (``bundle_file.read_bundle``: nothing is written
  for a refused one but its line in the history), skip one already received, else merge
  it and record it, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from progress.database import Database
from progress.days import local_time, stored_utc
from progress.models import new_uid, utcnow
from progress.sync.bundle_file import BundleRefused, read_bundle, read_header, write_bundle
from progress.sync.collect import collect_payload
from progress.sync.history import HistoryRow, record_history
from progress.sync.history import history as recent_history
from progress.sync.identity import Site, this_site
from progress.sync.merge import apply_payload_in
from progress.sync.partners import Partner, PartnerError, active_partner, senders, server_partner
from progress.sync.pruning import forget_delivered_review_deletions
from progress.sync.schema_version import schema_revision
from progress.sync.summary import SyncSummary
from progress.sync.tables import ROLE_LAPTOP, ROLE_SERVER, SyncPartner, SyncReceived
from settings import load_settings

EXPORT, IMPORT, PUSH, PULL = "export", "import", "push", "pull"


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    file_name: str
    counts: dict[str, int]
    header: dict[str, Any]


@dataclass(frozen=True)
class ImportResult:
    summary: SyncSummary
    header: dict[str, Any]
    already_received: bool
    message: str  # plain Vietnamese: what happened, one line
    acked_until: str | None = None  # on the server: how far it now holds the sender's data

    def answer(self) -> dict[str, Any]:
        """What the server tells a laptop that pushed this bundle."""
        return {"summary": json.loads(self.summary.to_json()), "already_received": self.already_received,
                "message": self.message, "acked_until": self.acked_until}


def _iso(moment: dt.datetime | None) -> str | None:
    return stored_utc(moment).isoformat() if moment is not None else None


def _stored(moment: dt.datetime | None) -> dt.datetime | None:
    """A time read back from the database, with its zone (SQLite hands it back without one)."""
    return stored_utc(moment) if moment is not None else None


def _moment(text: object) -> dt.datetime | None:
    return stored_utc(dt.datetime.fromisoformat(text)) if isinstance(text, str) and text else None


def _file_name(site: Site, moment: dt.datetime) -> str:
    """The bundle's file name, dated in Vietnam time (as a person finds it on the stick)."""
    return f"du-lieu-{local_time(moment):%Y%m%d-%H%M}-{site.uid[:8]}.bdhvs"


def _export(db: Database, partner: Partner, *, since: dt.datetime | None, group_ids: set[int] | None,
            include_trainers: bool, acked_until: dt.datetime | None, by_account: str | None,
            direction: str) -> ExportResult:
    if partner.commune_uid is None:
        raise PartnerError("Máy này chưa thuộc xã nào; hãy đăng ký lại máy với máy chủ xã.")
    until = utcnow()
    site = this_site(db)
    payload = collect_payload(db, since=since, group_ids=group_ids, include_trainers=include_trainers)
    fields = {"bundle_uid": new_uid(), "schema": schema_revision(), "from_site": {"uid": site.uid, "name": site.name},
              "to_site_uid": partner.uid, "commune_uid": partner.commune_uid, "created_at": _iso(until),
              "since": _iso(since), "until": _iso(until), "acked_until": _iso(acked_until)}
    data = write_bundle(fields, payload, partner.key)
    header = read_header(data)
    with db.begin() as session:
        record_history(session, direction=direction, outcome="ok", partner_uid=partner.uid,
                       partner_name=partner.name, bundle_uid=str(fields["bundle_uid"]), file_bytes=len(data),
                       by_account=by_account)
    return ExportResult(data, _file_name(site, until), dict(header["counts"]), header)


def export_for_server(db: Database, *, everything: bool = False, by_account: str | None = None,
                      direction: str = EXPORT) -> ExportResult:
    """On a laptop: the bundle for its commune server (what changed since the server
    last confirmed it holds this laptop's data, unless ``everything``)."""
    partner = server_partner(db)
    if partner is None:
        raise PartnerError("Máy này chưa được đăng ký với máy chủ xã. Hãy nhờ quản trị viên ở xã đăng ký máy, "
                           "rồi mở tệp đăng ký ở trang “Nhận dữ liệu”.")
    return _export(db, partner, since=None if everything else partner.acked_until, group_ids=None,
                   include_trainers=False, acked_until=None, by_account=by_account, direction=direction)


def export_for_laptop(db: Database, laptop_uid: str, *, by_account: str | None = None,
                      direction: str = EXPORT) -> ExportResult:
    """On the server: the bundle for a registered laptop (its groups, with learners,
    progress and the trainer accounts of those groups)."""
    with db() as session:
        partner = active_partner(session, laptop_uid, ROLE_LAPTOP)
    if partner is None:
        raise PartnerError("Không có máy này trong danh sách máy đã đăng ký (hoặc máy đã bị thu hồi).")
    return _export(db, partner, since=None, group_ids=set(partner.group_ids), include_trainers=True,
                   acked_until=partner.acked_until, by_account=by_account, direction=direction)


def _received_before(session: Session, bundle_uid: str) -> SyncReceived | None:
    return session.get(SyncReceived, bundle_uid)


def _already(received: SyncReceived) -> str:
    when = local_time(stored_utc(received.received_at))
    return f"Tệp này đã được nhận ngày {when:%d/%m/%Y} lúc {when:%H:%M}, không thêm gì nữa."


def _after_import(session: Session, partner_row: SyncPartner, header: dict[str, Any], now: dt.datetime) -> None:
    """Remember how far this side holds the other's data. On the server: a laptop's
    bundle that starts where the last one ended (or at the beginning) moves
    ``acked_until`` to its end. On a laptop: the server's bundle says how far it holds ours."""
    partner_row.last_import_at = now
    if partner_row.role == ROLE_LAPTOP:
        since, until = _moment(header.get("since")), _moment(header.get("until"))
        held = stored_utc(partner_row.acked_until) if partner_row.acked_until else None
        if until is not None and (since is None or (held is not None and since <= held)):
            partner_row.acked_until = max(until, held) if held else until
    elif partner_row.role == ROLE_SERVER:  # none: the server holds nothing of ours (restored?): send all again
        partner_row.acked_until = _moment(header.get("acked_until"))
        forget_delivered_review_deletions(session, partner_row.acked_until)


def import_bundle(db: Database, data: bytes, *, by_account: str | None = None,
                  direction: str = IMPORT) -> ImportResult:
    """Verify and apply a bundle, or raise ``BundleRefused`` (its refusal is kept in the
    history; nothing else is written)."""
    max_bytes = load_settings().sync.max_bundle_bytes
    site = this_site(db)
    try:
        with db() as session:
            bundle = read_bundle(data, senders(session), this_site_uid=site.uid, schema=schema_revision(),
                                 max_bytes=max_bytes)
    except BundleRefused as refused:
        _record_refusal(db, data, refused, by_account, direction)
        raise
    now = utcnow()
    try:
        return _apply(db, data, bundle.header, bundle.payload, now, by_account, direction)
    except IntegrityError:  # another process applied the same bundle a moment ago
        with db() as session:
            received = _received_before(session, str(bundle.header["bundle_uid"]))
        if received is None:
            raise
        return ImportResult(SyncSummary(), bundle.header, True, _already(received))


def _apply(db: Database, data: bytes, header: dict[str, Any], payload: dict[str, Any], now: dt.datetime,
           by_account: str | None, direction: str) -> ImportResult:
    sender_uid = str(header["from_site"]["uid"])
    with db.begin() as session:
        received = _received_before(session, str(header["bundle_uid"]))
        if received is not None:
            message = _already(received)
            record_history(session, direction=direction, outcome="ok", partner_uid=sender_uid,
                           partner_name=str(header["from_site"].get("name", "")), bundle_uid=str(header["bundle_uid"]),
                           file_bytes=len(data), by_account=by_account, message=message)
            partner_row = session.scalars(select(SyncPartner).where(SyncPartner.uid == sender_uid)).one()
            return ImportResult(SyncSummary(), header, True, message, _acked(partner_row))
        partner_row = session.scalars(select(SyncPartner).where(SyncPartner.uid == sender_uid)).one()
        summary = apply_payload_in(session, payload, origin_site_uid=sender_uid,
                                   partner_last_import=_stored(partner_row.last_import_at),
                                   origin_name=partner_row.name, trust_accounts=partner_row.role == ROLE_SERVER)
        session.add(SyncReceived(bundle_uid=str(header["bundle_uid"]), partner_uid=sender_uid,
                                 sha256=hashlib.sha256(data).hexdigest(), received_at=now))
        _after_import(session, partner_row, header, now)
        record_history(session, direction=direction, outcome="ok", partner_uid=sender_uid,
                       partner_name=partner_row.name, bundle_uid=str(header["bundle_uid"]), file_bytes=len(data),
                       summary=summary, by_account=by_account)
        acked = _acked(partner_row)
    return ImportResult(summary, header, False, "", acked)


def _acked(row: SyncPartner) -> str | None:
    return _iso(row.acked_until) if row.role == ROLE_LAPTOP else None


def _record_refusal(db: Database, data: bytes, refused: BundleRefused, by_account: str | None,
                    direction: str) -> None:
    try:
        header = read_header(data)
    except BundleRefused:
        header = {}
    found = header.get("from_site")
    sender: dict[str, Any] = found if isinstance(found, dict) else {}
    with db.begin() as session:
        record_history(session, direction=direction, outcome="refused",
                       partner_uid=str(sender.get("uid", ""))[:36] or None, partner_name=str(sender.get("name", "")),
                       bundle_uid=str(header.get("bundle_uid", ""))[:36], file_bytes=len(data),
                       by_account=by_account, message=refused.message)


def history(db: Database, limit: int = 50) -> list[HistoryRow]:
    return recent_history(db, limit)
