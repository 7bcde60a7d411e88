"""A real HTTP server on loopback for the sync routes (uvicorn in a thread, the routes
of access/sync_route.py), and a proxy in front of it that cuts the connection once,
after so many bytes have gone one way: a dropped connection as a village laptop sees it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.applications import Starlette

from access.sync_route import ROUTES
from tests.e2e.servers import free_port


@contextmanager
def sync_server() -> Iterator[int]:
    """The sync routes served on a free loopback port; yields the port."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(Starlette(routes=ROUTES), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the loopback sync server did not start")
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)


class CuttingProxy:
    """Forwards loopback connections to ``target``; the first time more than
    ``cut_up`` bytes went to the server in all (or, coming back, so many bytes after a
    marker), it closes that connection in the middle."""

    def __init__(self, target: int, *, cut_up: int | None = None,
                 cut_down_after: tuple[bytes, int] | None = None) -> None:
        self.target = target
        self.limits: dict[str, int | None] = {"up": cut_up, "down": None}
        self.marker = cut_down_after  # (bytes seen coming back, then cut so many bytes after them)
        self.upstream = bytearray()  # everything sent to the server, to look for a header
        self.sent = {"up": 0, "down": 0}
        self.cuts = 0
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, upstream, "up"), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, "down"), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, way: str) -> None:
        try:
            while data := source.recv(16384):
                with self.lock:
                    if way == "up":
                        self.upstream += data
                    elif self.marker is not None and self.marker[0] in data:
                        self.limits["down"] = self.sent["down"] + data.index(self.marker[0]) + self.marker[1]
                        self.marker = None
                    limit = self.limits[way]
                    cut = limit is not None and self.sent[way] + len(data) > limit
                    if cut:
                        data = data[: max(limit - self.sent[way], 0)]  # type: ignore[operator]
                        self.limits[way] = None  # once
                        self.cuts += 1
                    self.sent[way] += len(data)
                sink.sendall(data)
                if cut:
                    break
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def close(self) -> None:
        self.listener.close()
