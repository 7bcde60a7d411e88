"""access/request_log.py: a line per request and websocket session, with the routing cookie."""

import logging

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket

from access.request_log import RequestLog, log


async def hello(request):  # type: ignore[no-untyped-def]
    return PlainTextResponse("hi")


async def stream(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.close()


def test_each_request_and_websocket_session_is_one_line_with_its_node(caplog):
    app = Starlette(routes=[Route("/x", hello), WebSocketRoute("/_stcore/stream", stream)],
                    middleware=[Middleware(RequestLog)])
    with caplog.at_level(logging.INFO, logger=log.name), TestClient(app) as client:
        client.cookies.set("bdhvs_node", "abc123")
        client.get("/x")
        with client.websocket_connect("/_stcore/stream"):
            pass
    lines = [record.getMessage() for record in caplog.records]
    assert "GET /x 200 node=abc123" in lines
    assert "websocket /_stcore/stream opened node=abc123" in lines
    assert "websocket /_stcore/stream closed node=abc123" in lines
