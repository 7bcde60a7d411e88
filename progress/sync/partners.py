"""Who this installation exchanges data with, and the key each pair shares.

On the commune server, an admin registers a village laptop (its id, a name, the
commune, the groups it teaches): that makes a key and a *registration file* to carry
to the laptop once. On the laptop, joining with that file records the server (its id,
address and the key). From then on every bundle and every HTTP request between the two
is signed with that key; a laptop revoked on the server is refused."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from progress.database import Database
from progress.models import Commune, LearnerGroup, Province, utcnow
from progress.sync.bundle_file import Sender
from progress.sync.identity import site_in
from progress.sync.pruning import forget_delivered_review_deletions
from progress.sync.tables import ROLE_LAPTOP, ROLE_SERVER, SyncPartner, SyncPartnerGroup

REGISTRATION_KIND = "bdhvs-sync-registration"
SITE_UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class PartnerError(Exception):
    """A registration that cannot be made or used; the message is plain Vietnamese."""


@dataclass(frozen=True)
class Partner:
    id: int
    uid: str
    name: str
    role: str
    key: bytes
    commune_id: int | None
    commune_uid: str | None
    commune_name: str
    url: str | None
    registered_at: dt.datetime
    revoked_at: dt.datetime | None
    acked_until: dt.datetime | None
    last_import_at: dt.datetime | None
    group_ids: tuple[int, ...]
    group_names: tuple[str, ...]

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _info(session: Session, row: SyncPartner) -> Partner:
    commune = session.get(Commune, row.commune_id) if row.commune_id is not None else None
    groups = session.execute(
        select(LearnerGroup.id, LearnerGroup.name).join(SyncPartnerGroup, SyncPartnerGroup.group_id == LearnerGroup.id)
        .where(SyncPartnerGroup.partner_id == row.id).order_by(LearnerGroup.name)).all()
    return Partner(row.id, row.uid, row.name, row.role, bytes.fromhex(row.key_hex), row.commune_id,
                   commune.uid if commune else None, commune.name if commune else "", row.url, row.registered_at,
                   row.revoked_at, row.acked_until, row.last_import_at,
                   tuple(g.id for g in groups), tuple(g.name for g in groups))


def clean_site_uid(text: str) -> str:
    uid = text.strip().lower()
    if not SITE_UID.match(uid):
        raise PartnerError("Mã máy không đúng: mã máy có dạng 8-4-4-4-12 chữ số và chữ a-f "
                           "(xem ở trang “Xuất dữ liệu để nộp lên xã” trên máy đó).")
    return uid


def register_laptop(db: Database, laptop_uid: str, name: str, commune_id: int, group_ids: list[int], *,
                    url: str | None = None) -> bytes:
    """Register (or register again, with a new key) a village laptop on this server;
    the registration file's bytes, to carry to the laptop."""
    uid = clean_site_uid(laptop_uid)
    clean_name = " ".join(name.split())[:120]
    if not clean_name:
        raise PartnerError("Hãy đặt tên cho máy (ví dụ “Laptop thôn Bờ He”).")
    key = secrets.token_bytes(32)
    with db.begin() as session:
        site = site_in(session)
        if uid == site.uid:
            raise PartnerError("Đây là mã của chính máy chủ này, không phải của máy ở thôn.")
        commune = session.get(Commune, commune_id)
        if commune is None:
            raise PartnerError("Không có xã này.")
        province = session.get(Province, commune.province_id)
        groups = session.scalars(select(LearnerGroup).where(LearnerGroup.id.in_(group_ids))).all()
        if len(groups) != len(set(group_ids)):
            raise PartnerError("Có nhóm học không còn nữa; hãy chọn lại.")
        row = session.scalar(select(SyncPartner).where(SyncPartner.uid == uid))
        if row is not None and row.role != ROLE_LAPTOP:
            raise PartnerError("Mã máy này là máy chủ xã mà máy này gửi dữ liệu lên, không đăng ký được.")
        if row is None:
            row = SyncPartner(uid=uid, role=ROLE_LAPTOP, name=clean_name, key_hex=key.hex())
            session.add(row)
        row.name, row.key_hex, row.commune_id, row.revoked_at = clean_name, key.hex(), commune.id, None
        row.registered_at = utcnow()
        session.flush()
        session.execute(delete(SyncPartnerGroup).where(SyncPartnerGroup.partner_id == row.id))
        session.add_all(SyncPartnerGroup(partner_id=row.id, group_id=group.id) for group in groups)
        registration = {
            "kind": REGISTRATION_KIND, "format": 1,
            "server": {"uid": site.uid, "name": site.name, "url": url or None},
            "laptop": {"uid": uid, "name": clean_name},
            "province": {"uid": province.uid, "name": province.name} if province else None,
            "commune": {"uid": commune.uid, "name": commune.name},
            "key_hex": key.hex(),
        }
    return json.dumps(registration, ensure_ascii=False, indent=1).encode("utf-8")


def is_registration(data: bytes) -> bool:
    """Whether ``data`` looks like a registration file (a page accepts both kinds of file)."""
    return data.lstrip()[:1] == b"{" and REGISTRATION_KIND.encode() in data[:2000]


def _read_registration(data: bytes) -> dict[str, Any]:
    try:
        found = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        found = None
    if not isinstance(found, dict) or found.get("kind") != REGISTRATION_KIND:
        raise PartnerError("Tệp này không phải tệp đăng ký máy do máy chủ xã tạo ra.")
    try:
        bytes.fromhex(found["key_hex"])
        str(found["server"]["uid"]), str(found["laptop"]["uid"]), str(found["commune"]["uid"])
    except (KeyError, TypeError, ValueError):
        raise PartnerError("Tệp đăng ký này bị hỏng. Hãy xin máy chủ xã tạo lại tệp.") from None
    return found


def _place_commune(session: Session, registration: dict[str, Any]) -> Commune:
    """The server's commune here, with the server's uids (so synced rows name the same
    area): found by uid, else by name (taking the server's uid), else created."""
    wanted = registration["commune"]
    commune = session.scalar(select(Commune).where(Commune.uid == wanted["uid"]))
    if commune is not None:
        return commune
    given = registration.get("province") or {"uid": None, "name": "Tỉnh của " + wanted["name"]}
    province = session.scalar(select(Province).where(Province.uid == given["uid"])) if given["uid"] else None
    province = province or session.scalar(select(Province).where(Province.name == given["name"]))
    if province is None:
        province = Province(name=given["name"], **({"uid": given["uid"]} if given["uid"] else {}))
        session.add(province)
        session.flush()
    elif given["uid"]:
        province.uid = given["uid"]
    commune = session.scalar(select(Commune).where(Commune.province_id == province.id,
                                                   Commune.name == wanted["name"]))
    if commune is None:
        commune = Commune(province_id=province.id, name=wanted["name"], uid=wanted["uid"])
        session.add(commune)
    commune.uid = wanted["uid"]
    session.flush()
    return commune


def join_server(db: Database, registration: bytes) -> Partner:
    """On a laptop: remember the commune server of a registration file (replacing the
    server it was registered with before)."""
    found = _read_registration(registration)
    with db.begin() as session:
        site = site_in(session)
        if found["laptop"]["uid"] != site.uid:
            raise PartnerError(f"Tệp đăng ký này dành cho máy khác (mã {found['laptop']['uid']}), "
                               f"không phải máy này (mã {site.uid}).")
        commune = _place_commune(session, found)
        for old in session.scalars(select(SyncPartner).where(SyncPartner.role == ROLE_SERVER,
                                                             SyncPartner.revoked_at.is_(None))):
            if old.uid != found["server"]["uid"]:
                old.revoked_at = utcnow()
        row = session.scalar(select(SyncPartner).where(SyncPartner.uid == found["server"]["uid"]))
        if row is None:
            row = SyncPartner(uid=found["server"]["uid"], role=ROLE_SERVER, name="", key_hex="")
            session.add(row)
        row.name = str(found["server"]["name"])[:120]
        row.key_hex, row.commune_id, row.url = found["key_hex"], commune.id, found["server"].get("url")
        row.revoked_at, row.registered_at = None, utcnow()
        session.flush()
        return _info(session, row)


def revoke(db: Database, laptop_uid: str) -> None:
    """The server no longer accepts this laptop's bundles or requests."""
    with db.begin() as session:
        row = session.scalar(select(SyncPartner).where(SyncPartner.uid == laptop_uid,
                                                       SyncPartner.role == ROLE_LAPTOP))
        if row is None:
            raise PartnerError("Không có máy này trong danh sách máy đã đăng ký.")
        row.revoked_at = row.revoked_at or utcnow()


def list_laptops(db: Database) -> list[Partner]:
    """The laptops registered on this server, revoked ones too, by name."""
    with db() as session:
        rows = session.scalars(select(SyncPartner).where(SyncPartner.role == ROLE_LAPTOP)
                               .order_by(SyncPartner.name)).all()
        return [_info(session, row) for row in rows]


def server_partner(db: Database) -> Partner | None:
    """On a laptop: the commune server it is registered with (None: not yet)."""
    with db() as session:
        row = session.scalar(select(SyncPartner).where(SyncPartner.role == ROLE_SERVER,
                                                       SyncPartner.revoked_at.is_(None))
                             .order_by(SyncPartner.registered_at.desc()))
        return _info(session, row) if row is not None else None


def active_partner(session: Session, uid: str, role: str | None = None) -> Partner | None:
    row = session.scalar(select(SyncPartner).where(SyncPartner.uid == uid, SyncPartner.revoked_at.is_(None)))
    if row is None or (role is not None and row.role != role):
        return None
    return _info(session, row)


def laptop_partner(db: Database, uid: str) -> Partner | None:
    """A laptop registered here and not revoked (HTTP requests are checked against it)."""
    with db() as session:
        return active_partner(session, uid, ROLE_LAPTOP)


def senders(session: Session) -> Callable[[str], Sender | None]:
    """The look-up ``read_bundle`` checks a bundle's sender with."""

    def sender(uid: str) -> Sender | None:
        partner = active_partner(session, uid)
        return Sender(partner.key, partner.commune_uid) if partner is not None else None

    return sender


def note_acked(db: Database, server_uid: str, acked_until: str | None) -> None:
    """On a laptop, after a push: the server holds this laptop's data up to ``acked_until``
    (ISO time); the next export starts there. None: it holds none it can count on (a
    restored server), so the next export sends everything."""
    moment = dt.datetime.fromisoformat(acked_until) if acked_until else None
    with db.begin() as session:
        row = session.scalar(select(SyncPartner).where(SyncPartner.uid == server_uid))
        if row is not None and row.role == ROLE_SERVER:
            row.acked_until = moment
            forget_delivered_review_deletions(session, moment)
