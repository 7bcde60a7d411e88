"""Starlette routes and middleware mounted next to Streamlit (see ui/web_server.py)."""

from __future__ import annotations

import time
from functools import lru_cache

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from access.tokens import COOKIE_NAME, read_token
from settings import ensure_secret_key, load_settings

IMMUTABLE_PREFIXES = ("/app/static/audio/", "/app/static/images/")
IMMUTABLE = b"public, max-age=31536000, immutable"


@lru_cache(maxsize=1)
def _secret() -> str:
    return ensure_secret_key(load_settings())


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
