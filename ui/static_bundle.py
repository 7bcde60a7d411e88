"""Streamlit's own scripts and styles, gzipped once per process at level 9, with few headers.

A phone's first load is mostly Streamlit's JavaScript: 72 files under ``/static/js/``,
2.5 MB as they lie, about 610 KB gzipped. Streamlit itself sends them uncompressed; a
stock gzip middleware compresses them again for every phone (CPU on each first load of
a class of thirty) and leaves the small ones (under ``server.gzip_min_bytes``) as they
are, each of them then costing more in headers than in body.

``PrecompressedStatic`` answers GET and HEAD of ``/static/js/<file>`` and
``/static/css/<file>`` (names that carry a content hash, so cacheable for a year) from
memory: the file is compressed at level 9 the first time a phone asks for it (once per
process, in a worker thread; phones asking meanwhile wait for that one result) and kept.
The answer carries only what a script needs: its type, length, encoding, caching and
``Vary``; the security headers a script needs (nosniff) are added by
access/http_routes.py's ``SecurityHeaders`` like everywhere else. A browser that does
not accept gzip, any other path, and any name that is not a plain file name go to
Streamlit as before.
"""

from __future__ import annotations

import asyncio
import gzip
import re
from pathlib import Path

import streamlit
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"
_PATH = re.compile(r"^/static/(js|css)/([A-Za-z0-9_-][A-Za-z0-9_.-]*\.(js|css))$")
_TYPES = {"js": b"text/javascript; charset=utf-8", "css": b"text/css; charset=utf-8"}
IMMUTABLE = b"public, max-age=31536000, immutable"
LEVEL = 9


def accepts_gzip(scope: Scope) -> bool:
    """Whether the request's Accept-Encoding lists gzip (and not with q=0)."""
    for name, value in scope.get("headers", []):
        if name != b"accept-encoding":
            continue
        for item in value.decode("latin-1").lower().split(","):
            coding, _, params = item.strip().partition(";")
            if coding.strip() in ("gzip", "*"):
                return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def bundle_file(path: str) -> tuple[Path, bytes] | None:
    """The file of Streamlit's static folder at a ``/static/js|css/`` URL path, and its type."""
    match = _PATH.match(path)
    if match is None:
        return None
    file = STREAMLIT_STATIC / "static" / match.group(1) / match.group(2)
    return (file, _TYPES[match.group(3)]) if file.is_file() else None


def compress(file: Path) -> bytes:
    return gzip.compress(file.read_bytes(), compresslevel=LEVEL, mtime=0)


class PrecompressedStatic:
    """ASGI middleware: Streamlit's hashed scripts and styles from a per-process gzip cache."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.compressed: dict[Path, bytes] = {}
        self.pending: dict[Path, asyncio.Future[bytes]] = {}

    async def gzipped(self, file: Path) -> bytes:
        """The file at level 9, compressed once: the first caller starts it, others await it."""
        body = self.compressed.get(file)
        if body is not None:
            return body
        future = self.pending.get(file)
        if future is None:
            future = asyncio.ensure_future(run_in_threadpool(compress, file))
            self.pending[file] = future
            future.add_done_callback(lambda done: self._keep(file, done))
        return await asyncio.shield(future)  # a phone that goes away does not cancel the others' wait

    def _keep(self, file: Path, done: asyncio.Future[bytes]) -> None:
        del self.pending[file]
        if not done.cancelled() and done.exception() is None:
            self.compressed[file] = done.result()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = None
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and accepts_gzip(scope):
            found = bundle_file(scope["path"])
        if found is None:
            await self.app(scope, receive, send)
            return
        file, content_type = found
        body = await self.gzipped(file)
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", content_type),
            (b"content-encoding", b"gzip"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", IMMUTABLE),
            (b"vary", b"Accept-Encoding"),
        ]})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
