"""A line per request and per websocket session, for whoever must see which process
served whom (several processes behind nginx: docs/deploy.md). Off unless
``server.log_requests`` (``manage.py serve --log-requests``): a trainer's console shows
warnings only.

Streamlit sets the level of uvicorn's loggers to its own (warning), so this writes
through a logger of its own, ``bdhvs.requests``, with its own handler."""

from __future__ import annotations

import logging
import os
import sys
from http.cookies import CookieError, SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("bdhvs.requests")


def _start_logging() -> None:
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s requests[pid %(process)d]: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def routing_node(scope: Scope) -> str:
    """The phone's ``bdhvs_node`` cookie (nginx's routing key, not a secret), or ``-``."""
    raw = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"cookie"), "")
    try:
        morsel = SimpleCookie(raw).get("bdhvs_node")
    except CookieError:
        return "-"
    return morsel.value if morsel is not None else "-"


class RequestLog:
    """``GET /path 200 node=…`` for each HTTP request; ``websocket /_stcore/stream opened
    node=…`` / ``closed`` for each websocket session; with the process id, so the lines
    of several processes can be told apart, and the routing cookie, so a phone's can."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        _start_logging()
        log.info("process %d ready", os.getpid())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            node = routing_node(scope)
            log.info("websocket %s opened node=%s", scope["path"], node)
            try:
                await self.app(scope, receive, send)
            finally:
                log.info("websocket %s closed node=%s", scope["path"], node)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                log.info("%s %s %d node=%s", scope["method"], scope["path"], message["status"], routing_node(scope))
            await send(message)

        await self.app(scope, receive, send_logged)
