"""CDP network metering for bench/page_weight.py: what one browser page downloads, per phase.

Not run by itself. ``Meter(cdp)`` subscribes to the ``Network.*`` events of a Chrome
DevTools Protocol session (Playwright's ``context.new_cdp_session(page)``) and files
every request and WebSocket frame under the current ``Phase``:

* HTTP bytes of a ``Req`` = ``Network.loadingFinished.encodedDataLength`` (headers +
  body on the wire, compressed when gzip applies); 0 when served from the browser cache
  (counted apart); for a request the browser cancels, the body bytes that arrived
  (``Network.dataReceived``). data:/blob: URLs are left out.
* WebSocket = payload bytes of ``Network.webSocketFrameReceived`` / ``...Sent`` (binary
  frames are base64 in CDP, decoded here). When the handshake negotiated
  permessage-deflate, ``ws_in_est`` estimates the wire bytes by deflating each
  connection's frames in order with one shared zlib stream (context takeover).
* ``Meter.measure(name, page, action)`` runs action() and waits until no HTTP request is
  in flight and nothing moved for ``QUIET_S`` seconds (at most ``PHASE_CAP_S``).
"""

from __future__ import annotations

import base64
import re
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

QUIET_S = 0.8       # a phase is over when nothing moved for this long...
PHASE_CAP_S = 15.0  # ...or after this long


@dataclass
class Req:
    url: str
    rtype: str
    phase: str
    status: int = 0
    cached: bool = False
    encoded: int = 0        # loadingFinished.encodedDataLength
    received: int = 0       # sum of dataReceived.encodedDataLength (for cancelled requests)
    received_body: int = 0  # sum of dataReceived.dataLength (Chrome may report encodedDataLength 0 there)
    done: bool = False
    failed: str = ""
    headers: dict = field(default_factory=dict)

    @property
    def wire_bytes(self) -> int:
        if self.cached:
            return 0
        return self.encoded if not self.failed else max(self.received, self.received_body)


@dataclass
class Phase:
    name: str
    seconds: float = 0.0
    ws_in: int = 0
    ws_in_frames: int = 0
    ws_in_est: int = 0
    ws_out: int = 0
    ws_out_frames: int = 0
    requests: list = field(default_factory=list)
    note: str = ""

    @property
    def http_bytes(self) -> int:
        return sum(r.wire_bytes for r in self.requests)

    @property
    def net_requests(self) -> list:
        return [r for r in self.requests if not r.cached]

    @property
    def cached_requests(self) -> list:
        return [r for r in self.requests if r.cached]


class Meter:
    """Listens to one page's CDP Network events and files them under the current phase."""

    def __init__(self, cdp) -> None:  # type: ignore[no-untyped-def]
        self.cdp = cdp
        self.reqs: dict[str, Req] = {}
        self.phase: Phase | None = None
        self.stray = Phase("(between phases)")
        self.last_activity = time.monotonic()
        self.ws_extensions: list[str] = []
        self.ws_deflate: dict[str, object] = {}  # requestId -> zlib stream, when negotiated
        handlers = {
            "Network.requestWillBeSent": self._will_send,
            "Network.requestServedFromCache": self._from_cache,
            "Network.responseReceived": self._response,
            "Network.dataReceived": self._data,
            "Network.loadingFinished": self._finished,
            "Network.loadingFailed": self._failed,
            "Network.webSocketHandshakeResponseReceived": self._ws_handshake,
            "Network.webSocketFrameReceived": self._ws_in,
            "Network.webSocketFrameSent": self._ws_out,
        }
        for event, handler in handlers.items():
            cdp.on(event, handler)
        cdp.send("Network.enable")

    def _current(self) -> Phase:
        return self.phase or self.stray

    def _touch(self) -> None:
        self.last_activity = time.monotonic()

    def _will_send(self, p: dict) -> None:
        url = p["request"]["url"]
        if url.startswith(("data:", "blob:")):
            return
        self._touch()
        rid = p["requestId"]
        if rid in self.reqs and p.get("redirectResponse"):
            self.reqs[rid].url = url  # a redirect hop: same request, new URL
            return
        req = Req(url=url, rtype=p.get("type", "Other"), phase=self._current().name)
        self.reqs[rid] = req
        self._current().requests.append(req)

    def _from_cache(self, p: dict) -> None:
        if p["requestId"] in self.reqs:
            self.reqs[p["requestId"]].cached = True

    def _known(self, p: dict) -> Req | None:
        """The request an event is about, if it is metered; an event about it counts as activity."""
        req = self.reqs.get(p["requestId"])
        if req is not None:
            self._touch()
        return req

    def _response(self, p: dict) -> None:
        req = self._known(p)
        if req is None:
            return
        r = p["response"]
        req.status = r.get("status", 0)
        req.headers = {k.lower(): v for k, v in (r.get("headers") or {}).items()}
        req.rtype = p.get("type", req.rtype)
        if r.get("fromDiskCache") or r.get("fromPrefetchCache") or r.get("fromServiceWorker"):
            req.cached = True

    def _data(self, p: dict) -> None:
        if (req := self._known(p)) is not None:
            req.received += p.get("encodedDataLength", 0)
            req.received_body += p.get("dataLength", 0)

    def _finished(self, p: dict) -> None:
        if (req := self._known(p)) is not None:
            req.encoded, req.done = int(p.get("encodedDataLength", 0)), True

    def _failed(self, p: dict) -> None:
        if (req := self._known(p)) is not None:
            req.done = True
            req.failed = "canceled" if p.get("canceled") else p.get("errorText", "failed")

    def _ws_handshake(self, p: dict) -> None:
        headers = {k.lower(): v for k, v in (p["response"].get("headers") or {}).items()}
        ext = headers.get("sec-websocket-extensions", "")
        self.ws_extensions.append(ext)
        if "permessage-deflate" in ext:
            bits = re.search(r"server_max_window_bits=(\d+)", ext)
            self.ws_deflate[p["requestId"]] = zlib.compressobj(6, zlib.DEFLATED, -int(bits.group(1) if bits else 15), 5)

    @staticmethod
    def _payload(p: dict) -> bytes:
        r = p["response"]
        data = r.get("payloadData", "")
        if r.get("opcode") == 2:  # binary frames arrive base64-encoded
            return base64.b64decode(data)
        return data.encode("utf-8")

    def _ws_in(self, p: dict) -> None:
        self._touch()
        ph = self._current()
        payload = self._payload(p)
        ph.ws_in += len(payload)
        ph.ws_in_frames += 1
        z = self.ws_deflate.get(p["requestId"])
        if z is None:
            ph.ws_in_est += len(payload)
        else:  # permessage-deflate: deflate + sync flush, minus the 00 00 ff ff tail
            ph.ws_in_est += max(len(z.compress(payload) + z.flush(zlib.Z_SYNC_FLUSH)) - 4, 1)

    def _ws_out(self, p: dict) -> None:
        self._touch()
        ph = self._current()
        ph.ws_out += len(self._payload(p))
        ph.ws_out_frames += 1

    def inflight(self) -> list[Req]:
        return [r for r in self.reqs.values() if not r.done and not r.cached]

    def settle(self, page, cap: float = PHASE_CAP_S) -> None:  # type: ignore[no-untyped-def]
        start = time.monotonic()
        while time.monotonic() - start < cap:
            page.wait_for_timeout(100)  # also lets Playwright dispatch CDP events
            if not self.inflight() and time.monotonic() - self.last_activity >= QUIET_S:
                return

    def measure(self, name: str, page, action) -> Phase:  # type: ignore[no-untyped-def]
        """Run action(), wait for the network to go quiet, return what moved meanwhile."""
        page.wait_for_timeout(50)  # flush events that belong to the previous phase
        phase = self.phase = Phase(name)
        t0 = time.monotonic()
        note = action()
        self.settle(page)
        phase.seconds = time.monotonic() - t0 - QUIET_S
        pending = self.inflight()
        if pending:
            phase.note = f"{len(pending)} request(s) still open: " + ", ".join(short(r.url) for r in pending[:3])
        if note:
            phase.note = (note + "; " + phase.note).strip("; ")
        self.phase = None
        return phase


def short(url: str) -> str:
    path = urlsplit(url).path
    return path if len(path) < 60 else path[:28] + "…" + path[-28:]
