"""Streamlit's page without its font preload: the phone's own font is used instead.

Streamlit's index.html preloads its Source Sans font (167 KB), which the theme no longer
uses (``.streamlit/config.toml``: ``theme.font`` names the phone's fonts, which draw
Vietnamese well: Roboto / Noto Sans on Android, the system font elsewhere). A preloaded
font is downloaded even when nothing uses it, so this middleware takes the
``<link rel="preload" … as="font" …>`` tags out of every HTML page it passes.
"""

from __future__ import annotations

import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_FONT_PRELOAD = re.compile(rb"<link\s+rel=\"preload\"[^>]*\bas=\"font\"[^>]*>\s*", re.S)


def without_font_preload(page: bytes) -> bytes:
    return _FONT_PRELOAD.sub(b"", page)


class DropFontPreload:
    """ASGI middleware: HTML responses lose their font preload links (others pass as they are)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body = bytearray()

        async def filtered_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=message["headers"])
                if headers.get("content-type", "").startswith("text/html") and "content-encoding" not in headers:
                    start = message  # hold the headers until the whole page is here
                    return
                await send(message)
            elif message["type"] == "http.response.body" and start is not None:
                body.extend(message.get("body", b""))
                if message.get("more_body", False):
                    return
                page = without_font_preload(bytes(body))
                headers = MutableHeaders(raw=start["headers"])
                if "content-length" in headers:
                    headers["content-length"] = str(len(page))
                await send(start)
                await send({"type": "http.response.body", "body": page})
            else:
                await send(message)

        await self.app(scope, receive, filtered_send)
