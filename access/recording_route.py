"""/recordings/<name>: a volunteer's recording, from the database through the process's
bounded cache, so every process and every server plays it. The name is the hash of
the bytes, so phones may keep it forever; Range requests get 206 (Safari asks for
them before playing)."""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from access.route_resources import recording_audio as _cache
from app_services import RECORDINGS_URL_PREFIX

ROUTE = RECORDINGS_URL_PREFIX + "/{name}"
RECORDING_NAME = re.compile(r"^rec-[0-9a-f]{28,64}\.mp3$")  # as media/recording_files.py names them
IMMUTABLE = "public, max-age=31536000, immutable"
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) of a single ``bytes=`` range we can serve; None = the whole file."""
    found = _RANGE.match((header or "").strip())
    if not found or not any(found.groups()):
        return None
    first, last = found.groups()
    if not first:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    return (start, end) if start <= end else (size, size)


async def recording_route(request: Request) -> Response:
    name = request.path_params["name"]
    data = await run_in_threadpool(_cache().audio, name) if RECORDING_NAME.match(name) else None
    if data is None:
        return PlainTextResponse("Không có bản ghi này.", status_code=404)
    etag = f'"{name.removesuffix(".mp3")}"'
    headers = {"cache-control": IMMUTABLE, "etag": etag, "accept-ranges": "bytes"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    wanted = _byte_range(request.headers.get("range"), len(data))
    if wanted is None:
        return Response(data, media_type="audio/mpeg", headers=headers)
    start, end = wanted
    if start >= len(data):
        return Response(status_code=416, headers={**headers, "content-range": f"bytes */{len(data)}"})
    return Response(data[start:end + 1], status_code=206, media_type="audio/mpeg",
                    headers={**headers, "content-range": f"bytes {start}-{end}/{len(data)}"})
