"""A laptop's sync over the network with its commune server (registered with an
address): push this laptop's bundle, pull the one the server makes for it, and fetch
the server's audio pack. Resumes after dropped connections (progress/sync/http_transfer.py)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from progress.database import Database
from progress.sync.exchange import PULL, PUSH, ImportResult, export_for_server, import_bundle
from progress.sync.http_transfer import ServerLink, Sleep, SyncNetworkError, download, start_pull, upload
from progress.sync.identity import this_site
from progress.sync.partners import Partner, PartnerError, note_acked, server_partner
from settings import PROJECT_ROOT, load_settings

NO_ADDRESS = ("Máy chủ xã chưa có địa chỉ mạng trong tệp đăng ký của máy này. Hãy dùng tệp: xuất dữ liệu ra "
              "USB rồi nhận ở xã, hoặc xin tệp đăng ký có địa chỉ.")


@dataclass(frozen=True)
class PushResult:
    bytes_sent: int
    answer: dict[str, Any]  # the server's: summary, already_received, message, acked_until


def _link(db: Database) -> tuple[Partner, ServerLink]:
    partner = server_partner(db)
    if partner is None:
        raise PartnerError("Máy này chưa được đăng ký với máy chủ xã.")
    if not partner.url:
        raise PartnerError(NO_ADDRESS)
    ca_file = load_settings().sync.ca_file or None
    return partner, ServerLink(partner.url, this_site(db).uid, partner.key, ca_file=ca_file)


def push(db: Database, *, everything: bool = False, by_account: str | None = None,
         sleep: Sleep = time.sleep) -> PushResult:
    """Send what changed since the server last confirmed it (or everything); the server
    imports it at once and says how far it now holds this laptop's data."""
    partner, link = _link(db)
    made = export_for_server(db, everything=everything, by_account=by_account, direction=PUSH)
    answer = upload(link, str(made.header["bundle_uid"]), made.data, sleep=sleep)
    note_acked(db, partner.uid, answer.get("acked_until"))
    return PushResult(len(made.data), answer)


def _downloads() -> Path:
    return PROJECT_ROOT / "data" / "sync-incoming"


def pull(db: Database, *, by_account: str | None = None, sleep: Sleep = time.sleep,
         folder: Path | None = None) -> ImportResult:
    """Fetch and import the bundle the server makes for this laptop (its groups,
    learners, progress and trainer accounts)."""
    _, link = _link(db)
    made = start_pull(link, sleep=sleep)
    bundle_uid = str(made["bundle_uid"])
    path = download(link, f"/sync/pull/{bundle_uid}", (folder or _downloads()) / f"{bundle_uid}.bdhvs",
                    size=int(made["bytes"]), sleep=sleep)
    try:
        return import_bundle(db, path.read_bytes(), by_account=by_account, direction=PULL)
    finally:
        path.unlink(missing_ok=True)


def pull_audio_pack(db: Database, *, sleep: Sleep = time.sleep, folder: Path | None = None) -> Path:
    """Fetch the server's audio pack (a zip for ``manage unpack-audio``), resuming."""
    _, link = _link(db)
    return download(link, "/sync/audio-pack", (folder or _downloads()) / "audio-pack.zip", sleep=sleep)


__all__ = ["PushResult", "SyncNetworkError", "pull", "pull_audio_pack", "push"]
