"""Moving a bundle between a laptop and the commune server over HTTP(S), with urllib,
through connections that drop: an upload goes in 1 MiB chunks, each at the offset the
server confirms, and after a dropped connection the laptop asks the server how much
arrived and goes on from there; a download resumes with ``Range``. Every request is
signed (progress/sync/request_signing.py). Errors end as ``SyncNetworkError`` with a
plain Vietnamese message."""

from __future__ import annotations

import http.client
import json
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from progress.sync.request_signing import signed_headers

CHUNK_BYTES = 1 << 20
RETRIES = 6  # tries in a row without progress before giving up
BACKOFF_SECONDS = (1, 2, 4, 8, 15, 30)
TIMEOUT_SECONDS = 60
IMPORT_TIMEOUT_SECONDS = 1800  # the server imports a whole bundle before it answers

UNREACHABLE = ("Không kết nối được với máy chủ xã ({detail}). Hãy kiểm tra mạng rồi thử lại; "
               "phần đã gửi được giữ lại, lần sau gửi tiếp.")
NOT_ACCEPTED = ("Máy chủ xã không nhận máy này (máy chưa được đăng ký với xã, hoặc đã bị thu hồi). "
                "Hãy nhờ quản trị viên ở xã đăng ký lại máy.")
TOO_LARGE = "Tệp quá lớn so với giới hạn của máy chủ xã. Hãy nhờ quản trị viên ở xã tăng giới hạn cỡ tệp."
SERVER_TROUBLE = "Máy chủ xã trả lời bất thường (mã {status}). Hãy thử lại sau."
NOTHING_THERE = "Máy chủ xã chưa có tệp này (mã 404)."


class SyncNetworkError(Exception):
    """The transfer did not finish; ``message`` is plain Vietnamese."""

    def __init__(self, message: str, *, refused_by_server: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.refused_by_server = refused_by_server  # the server read the bundle and refused it


class _Retry(Exception):
    """A failure worth trying again after a pause (dropped connection, 502/503/504)."""


@dataclass(frozen=True)
class ServerLink:
    """Where the commune server is and how this laptop signs its requests."""

    url: str  # e.g. https://xa.example.vn (no trailing path is needed)
    site_uid: str
    key: bytes
    ca_file: str | None = None  # a self-signed server certificate to trust
    timeout: float = TIMEOUT_SECONDS


Sleep = Callable[[float], None]


def _context(link: ServerLink) -> ssl.SSLContext | None:
    if not link.url.startswith("https:"):
        return None
    return ssl.create_default_context(cafile=link.ca_file) if link.ca_file else ssl.create_default_context()


def _open(link: ServerLink, method: str, path: str, query: dict[str, str] | None = None, body: bytes = b"",
          headers: dict[str, str] | None = None, timeout: float | None = None) -> http.client.HTTPResponse:
    """Send one signed request; the caller reads (and closes) the response."""
    query_string = urlencode(query or {})
    url = link.url.rstrip("/") + path + (f"?{query_string}" if query_string else "")
    request = urllib.request.Request(url, data=body if method in ("PUT", "POST") else None, method=method)
    for name, value in {**signed_headers(link.site_uid, link.key, method, path, query_string, body),
                        **(headers or {})}.items():
        request.add_header(name, value)
    if method in ("PUT", "POST"):
        request.add_header("Content-Type", "application/octet-stream")
    try:
        response: http.client.HTTPResponse = urllib.request.urlopen(  # the server named at registration
            request, timeout=timeout or link.timeout, context=_context(link))
        return response
    except urllib.error.HTTPError as error:
        raise _http_failure(error) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise _Retry(_describe(error)) from None


def _http_failure(error: urllib.error.HTTPError) -> Exception:
    body = error.read()
    if error.code in (502, 503, 504):
        return _Retry(f"mã {error.code}")
    if error.code == 403:
        return SyncNetworkError(NOT_ACCEPTED)
    if error.code == 413:
        return SyncNetworkError(TOO_LARGE)
    if error.code == 404:  # the server says what is missing, in plain words
        text = body.decode("utf-8", "replace").strip()
        return SyncNetworkError(text if 0 < len(text) < 300 else NOTHING_THERE)
    if error.code == 416:
        return _RangeNotSatisfiable()
    if error.code == 409:
        return _OffsetMoved(int(_json(body).get("received", 0)))
    if error.code == 422:
        return SyncNetworkError(str(_json(body).get("message", "")) or SERVER_TROUBLE.format(status=422),
                                refused_by_server=True)
    return SyncNetworkError(SERVER_TROUBLE.format(status=error.code))


class _RangeNotSatisfiable(Exception):
    """Asked for bytes past the end: what is here is not a part of the file served now."""


class _OffsetMoved(Exception):
    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


def _json(body: bytes) -> dict[str, Any]:
    try:
        loaded = json.loads(body.decode("utf-8"))
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _describe(error: BaseException) -> str:
    reason = getattr(error, "reason", None)
    return type(reason if isinstance(reason, BaseException) else error).__name__


def _call_json(link: ServerLink, method: str, path: str, query: dict[str, str] | None = None,
               body: bytes = b"", timeout: float | None = None) -> dict[str, Any]:
    response = _open(link, method, path, query, body, timeout=timeout)
    with response:
        try:
            return _json(response.read())
        except (OSError, http.client.HTTPException) as error:
            raise _Retry(_describe(error)) from None


def _with_retries(step: Callable[[], bool], sleep: Sleep, retries: int) -> None:
    """Run ``step`` until it says it is finished; a failure worth retrying waits and
    tries again, and gives up after ``retries`` failures in a row with no progress
    (``step`` returns False after progress, to reset the count)."""
    failures = 0
    while True:
        try:
            if step():
                return
            failures = 0
        except _Retry as failure:
            failures += 1
            if failures > retries:
                raise SyncNetworkError(UNREACHABLE.format(detail=str(failure))) from None
            sleep(BACKOFF_SECONDS[min(failures - 1, len(BACKOFF_SECONDS) - 1)])


def upload(link: ServerLink, bundle_uid: str, data: bytes, *, sleep: Sleep = time.sleep,
           retries: int = RETRIES, chunk_bytes: int | None = None) -> dict[str, Any]:
    """Send a bundle and have the server import it; the server's answer (its summary
    and ``acked_until``). Resumes from what the server holds after any dropped connection."""
    path = f"/sync/upload/{bundle_uid}"
    chunk_bytes = chunk_bytes or CHUNK_BYTES
    state: dict[str, Any] = {"received": None, "answer": None}

    def step() -> bool:
        if state["received"] is None:  # (again) ask the server where it stands
            status = _call_json(link, "GET", path)
            if status.get("answer") is not None:  # imported already; only its answer was lost
                state["answer"] = status["answer"]
                return True
            state["received"] = int(status.get("received", 0))
        received: int = state["received"]
        if received < len(data):
            try:
                answer = _call_json(link, "PUT", path, {"offset": str(received)},
                                    data[received:received + chunk_bytes])
                state["received"] = int(answer["received"])
            except _OffsetMoved as moved:
                state["received"] = moved.received if moved.received <= len(data) else 0
            except _Retry:
                state["received"] = None
                raise
            return False
        try:
            state["answer"] = _call_json(link, "POST", path + "/done", timeout=IMPORT_TIMEOUT_SECONDS)
        except _Retry:
            state["received"] = None
            raise
        return True

    _with_retries(step, sleep, retries)
    answer: dict[str, Any] = state["answer"]
    return answer


def start_pull(link: ServerLink, *, sleep: Sleep = time.sleep) -> dict[str, Any]:
    """Ask the server to make this laptop's bundle: ``{"bundle_uid", "bytes", "sha256"}``."""
    found: dict[str, Any] = {}

    def step() -> bool:
        found.update(_call_json(link, "POST", "/sync/pull"))
        return True

    _with_retries(step, sleep, RETRIES)
    return found


def download(link: ServerLink, path: str, into: Path, *, size: int | None = None, sleep: Sleep = time.sleep,
             retries: int = RETRIES) -> Path:
    """Fetch ``path`` into the file ``into``, resuming a partial file with ``Range``.
    A file already there in part (an earlier try) is continued, not started again;
    with ``size`` known, a file already whole is not asked for at all."""
    into.parent.mkdir(parents=True, exist_ok=True)
    into.touch()

    def step() -> bool:
        have = into.stat().st_size
        if size is not None and have == size:
            return True
        try:
            response = _open(link, "GET", path, headers={"Range": f"bytes={have}-"} if have else {})
        except _RangeNotSatisfiable:  # not a part of this file: start again
            into.write_bytes(b"")
            return False
        with response, open(into, "r+b" if response.status == 206 else "wb") as out:
            out.seek(have if response.status == 206 else 0)
            total = response.headers.get("content-length")
            got = 0
            try:
                while piece := response.read(CHUNK_BYTES):
                    out.write(piece)
                    got += len(piece)
            except (OSError, http.client.HTTPException) as error:
                out.flush()
                raise _Retry(_describe(error)) from None
            if total is not None and got < int(total):
                raise _Retry("IncompleteRead")
        return True

    _with_retries(step, sleep, retries)
    return into
