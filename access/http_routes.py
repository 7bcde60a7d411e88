"""Starlette routes and middleware mounted next to Streamlit (see ui/web_server.py)."""

from __future__ import annotations

import time

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from access.card_links import read_card_code
from access.route_resources import database as _card_db
from access.route_resources import secret as _secret
from access.route_resources import settings as route_settings
from access.tokens import COOKIE_NAME, issue_token, read_token

IMMUTABLE_PREFIXES = ("/app/static/audio/", "/app/static/images/")
IMMUTABLE = b"public, max-age=31536000, immutable"


async def sign_in_route(request: Request) -> Response:
    """Turn a token the page just issued into an HttpOnly cookie."""
    token = (await request.body()).decode("utf-8", "replace").strip()
    sign_in = read_token(_secret(), token)
    if sign_in is None:
        return JSONResponse({"ok": False, "error": "invalid or expired token"}, status_code=400)
    response = JSONResponse({"ok": True, "role": sign_in.role})
    max_age = max(sign_in.expires_at - int(time.time()), 0)
    response.set_cookie(COOKIE_NAME, token, max_age=max_age, httponly=True, samesite="lax", path="/")
    return response


_CARD_REFUSED = """<!doctype html><html lang="vi"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Thẻ không dùng được</title>
<body style="font-family:sans-serif;font-size:22px;padding:1rem;line-height:1.5">
<h1 style="font-size:28px">❌ Thẻ này không dùng được nữa</h1>
<p>Bác hỏi tập huấn viên để lấy thẻ mới, hoặc vào học bằng cách chọn tên và bấm mã.</p>
<p><a href="/" style="font-size:22px">Vào học</a></p></body></html>"""


async def card_route(request: Request) -> Response:
    """A printed QR card: sign that learner in on this phone and open the app."""
    from progress.learners import card_version
    from progress.sessions import session_version

    claim = read_card_code(_secret(), request.query_params.get("ma"))
    version = await run_in_threadpool(card_version, _card_db(), claim.learner_id) if claim else None
    if claim is None or version != claim.version:
        return HTMLResponse(_CARD_REFUSED, status_code=403)
    signed_in = await run_in_threadpool(session_version, _card_db(), "learner", claim.learner_id)
    if signed_in is None:
        return HTMLResponse(_CARD_REFUSED, status_code=403)
    days = route_settings().auth.learner_session_days
    token = issue_token(_secret(), "learner", claim.learner_id, days * 86400, version=signed_in)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE_NAME, token, max_age=days * 86400, httponly=True, samesite="lax", path="/")
    return response


async def sign_out_route(request: Request) -> Response:
    response = JSONResponse({"ok": True})
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


async def health(request: Request) -> Response:
    return JSONResponse({"ok": True})


class CacheContentAddressedForever:
    """Audio and pictures are named by a hash of what they hold: safe to cache forever."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(IMMUTABLE_PREFIXES):
            await self.app(scope, receive, send)
            return

        async def send_with_cache_header(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 206, 304):
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                headers.append((b"cache-control", IMMUTABLE))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cache_header)
