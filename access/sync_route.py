"""The commune server's sync routes, for registered village laptops (every request
signed with the laptop's key, progress/sync/request_signing.py; anyone else gets 403):

- ``GET /sync/upload/{bundle}``: how many bytes of that bundle arrived (and, once it
  was imported, the import's answer again);
- ``PUT /sync/upload/{bundle}?offset=N``: the next chunk, kept only if it starts at N;
- ``POST /sync/upload/{bundle}/done``: import the whole file (``progress/sync/exchange.py``);
- ``POST /sync/pull``: make the bundle for this laptop (its groups, learners, progress
  and trainer accounts), kept an hour; ``GET /sync/pull/{bundle}`` fetches it (Range);
- ``GET /sync/audio-pack``: the audio pack an admin made with ``manage pack-audio
  data/sync-outgoing/audio-pack.zip`` (Range)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from access.route_resources import database as _database
from access.route_resources import settings as _settings
from access.sync_uploads import OffsetMismatch, UploadStore, UploadTooLarge, is_bundle_uid
from progress.sync.bundle_file import NOT_REGISTERED, BundleRefused, read_header
from progress.sync.exchange import export_for_laptop, import_bundle
from progress.sync.partners import Partner, laptop_partner
from progress.sync.request_signing import SIGNATURE_HEADER, SITE_HEADER, signature_matches
from settings import PROJECT_ROOT

OUTGOING_KEEP_SECONDS = 3600
AUDIO_PACK_NAME = "audio-pack.zip"
FORBIDDEN = "Máy này chưa được đăng ký với máy chủ xã, hoặc đã bị thu hồi."


def data_folder() -> Path:
    return PROJECT_ROOT / "data"


def _uploads() -> UploadStore:
    return UploadStore(data_folder() / "sync-incoming", _settings().sync.max_bundle_bytes)


def _outgoing(laptop_uid: str) -> Path:
    return data_folder() / "sync-outgoing" / laptop_uid


async def _signed_by(request: Request, with_body: bool = False) -> tuple[Partner | None, bytes]:
    """The registered laptop that signed this request (None: nobody we know), and the
    body, read only once the sender is known to be a registered laptop."""
    site = request.headers.get(SITE_HEADER, "")
    if not is_bundle_uid(site):  # a site uid has the same shape as a bundle uid
        return None, b""
    partner = await run_in_threadpool(laptop_partner, _database(), site)
    if partner is None:
        return None, b""
    body = await request.body() if with_body else b""
    if not signature_matches(partner.key, request.method, request.url.path, request.url.query, body,
                             request.headers.get(SIGNATURE_HEADER)):
        return None, b""
    return partner, body


def _forbidden() -> Response:
    return PlainTextResponse(FORBIDDEN, status_code=403)


def _bundle_uid(request: Request) -> str | None:
    uid = str(request.path_params["bundle"])
    return uid if is_bundle_uid(uid) else None


async def upload_status(request: Request) -> Response:
    uid = _bundle_uid(request)
    if (await _signed_by(request))[0] is None:
        return _forbidden()
    if uid is None:
        return PlainTextResponse("Không có tệp này.", status_code=404)
    store = _uploads()
    return JSONResponse({"received": store.received(uid), "answer": store.answer(uid)})


async def upload_chunk(request: Request) -> Response:
    uid = _bundle_uid(request)
    laptop, body = await _signed_by(request, with_body=True)
    if laptop is None:
        return _forbidden()
    try:
        offset = int(request.query_params.get("offset", ""))
    except ValueError:
        offset = -1
    if uid is None or offset < 0:
        return PlainTextResponse("Yêu cầu không đúng.", status_code=400)
    store = _uploads()
    try:
        received = await run_in_threadpool(store.append, uid, offset, body)
    except OffsetMismatch as mismatch:
        return JSONResponse({"received": mismatch.received}, status_code=409)
    except UploadTooLarge:
        store.discard(uid)
        return PlainTextResponse("Tệp quá lớn.", status_code=413)
    return JSONResponse({"received": received})


def _import(store: UploadStore, uid: str, laptop: Partner) -> tuple[int, dict[str, Any]]:
    data = store.whole(uid)
    try:
        if read_header(data)["from_site"].get("uid") != laptop.uid:  # another laptop's file: it sends its own
            raise BundleRefused(NOT_REGISTERED)
        result = import_bundle(_database(), data, by_account=None, direction="push")
    except BundleRefused as refused:
        store.discard(uid)
        return 422, {"message": refused.message, "reason": refused.reason}
    answer = result.answer()
    store.finish(uid, answer)
    return 200, answer


async def upload_done(request: Request) -> Response:
    uid = _bundle_uid(request)
    laptop, _ = await _signed_by(request, with_body=True)
    if laptop is None:
        return _forbidden()
    store = _uploads()
    if uid is None or store.received(uid) == 0:
        kept = store.answer(uid) if uid is not None else None
        return JSONResponse(kept) if kept is not None else PlainTextResponse("Chưa nhận được tệp.", status_code=404)
    status, answer = await run_in_threadpool(_import, store, uid, laptop)
    return JSONResponse(answer, status_code=status)


def _make_pull(laptop: Partner) -> dict[str, Any]:
    folder = _outgoing(laptop.uid)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.bdhvs"):
        if old.stat().st_mtime < time.time() - OUTGOING_KEEP_SECONDS:
            old.unlink(missing_ok=True)
    result = export_for_laptop(_database(), laptop.uid, by_account=None, direction="pull")
    bundle_uid = str(result.header["bundle_uid"])
    target = folder / f"{bundle_uid}.bdhvs"
    partial = target.with_suffix(".tmp")
    partial.write_bytes(result.data)
    partial.replace(target)
    return {"bundle_uid": bundle_uid, "bytes": len(result.data), "sha256": hashlib.sha256(result.data).hexdigest(),
            "counts": result.header.get("counts", {})}


async def start_pull(request: Request) -> Response:
    laptop, _ = await _signed_by(request, with_body=True)
    if laptop is None:
        return _forbidden()
    return JSONResponse(await run_in_threadpool(_make_pull, laptop))


async def fetch_pull(request: Request) -> Response:
    laptop, _ = await _signed_by(request)
    if laptop is None:
        return _forbidden()
    uid = _bundle_uid(request)
    path = _outgoing(laptop.uid) / f"{uid}.bdhvs"
    if uid is None or not path.exists():
        return PlainTextResponse("Không có tệp này (tệp chỉ được giữ một giờ).", status_code=404)
    return FileResponse(path, media_type="application/octet-stream")


async def audio_pack(request: Request) -> Response:
    if (await _signed_by(request))[0] is None:
        return _forbidden()
    path = data_folder() / "sync-outgoing" / AUDIO_PACK_NAME
    if not path.exists():
        return PlainTextResponse("Máy chủ xã chưa có gói âm thanh.", status_code=404)
    return FileResponse(path, media_type="application/zip")


ROUTES = [
    Route("/sync/upload/{bundle}", upload_status, methods=["GET"]),
    Route("/sync/upload/{bundle}", upload_chunk, methods=["PUT"]),
    Route("/sync/upload/{bundle}/done", upload_done, methods=["POST"]),
    Route("/sync/pull", start_pull, methods=["POST"]),
    Route("/sync/pull/{bundle}", fetch_pull, methods=["GET"]),
    Route("/sync/audio-pack", audio_pack, methods=["GET"]),
]
