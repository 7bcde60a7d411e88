"""A minimal Streamlit browser stand-in: one websocket session, driven by widget keys.

It speaks the protocol the Streamlit frontend speaks (Streamlit 1.67):

- connect to ``/_stcore/stream`` with subprotocol ``streamlit``;
- send ``BackMsg(rerun_script=ClientState(...))``: the first one with an empty
  ``page_script_hash`` and the URL's page name / query string, later ones with the
  page the server last reported (``navigation`` / ``new_session``) and the query
  string it last set (``page_info_changed``, e.g. after ``st.switch_page``);
- a tap on a widget rendered inside an ``st.fragment`` asks for a fragment rerun
  (``fragment_id`` taken from the widget's delta), as the browser does;
- a tap is over when a ``script_finished`` arrives that does not say
  ``FINISHED_EARLY_FOR_RERUN`` (``st.rerun`` / ``st.switch_page`` chain into a
  second run, which the server starts by itself).

Widget ids in the protocol are computed ids; a keyed widget's id ends with
``-<key>``, which is how ``find`` locates it. It renders nothing, never fetches
HTTP assets (JS bundle, audio files) and never runs custom components.

``follow()`` turns the session into an idle browser tab that keeps reading: an
``st.fragment(run_every=...)`` makes the server send ``auto_rerun`` (fragment id and
interval) each time the fragment is registered in a full run, and the *browser*
schedules the reruns. Replicated from Streamlit 1.67's frontend (App.tsx,
``handleAutoRerun``): one ``setInterval`` per fragment id, started when the message
arrives, left alone when the same id comes again with the same interval; every tick
sends ``rerun_script`` with that ``fragment_id``, ``is_auto_rerun`` and the current
widget states, whether or not a run is in progress (the server coalesces); a full
run's ``new_session`` (no fragment ids) and a page change clear every timer, and
``stop_auto_rerun`` clears the ones it names. ``on_element(t, text)`` is called for
every element that arrives, with its monotonic arrival time.
"""

from __future__ import annotations

import asyncio
import html
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.Delta_pb2 import Delta
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


class DriverError(RuntimeError):
    """The app did not behave as the simulated learner expected."""


@dataclass
class Widget:
    id: str
    kind: str  # the Element oneof name: button, checkbox, text_input, ...
    form_id: str
    fragment_id: str
    run_id: str
    is_form_submitter: bool = False


class Session:
    """One simulated browser tab. Every wait is bounded by ``timeout`` seconds."""

    def __init__(self, port: int, name: str, timeout: float = 30.0) -> None:
        self.url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.page_url = f"http://127.0.0.1:{port}/"
        self.name, self.timeout = name, timeout
        self.ws: Any = None  # websockets' ClientConnection once open
        self.page_hash = ""
        self.query_string = ""
        self.widgets: dict[str, Widget] = {}
        self.values: dict[str, WidgetState] = {}  # persistent widget values the user set
        self.texts: list[str] = []  # headings and alerts of the current screen, for checks
        self.errors: list[str] = []  # exceptions the app rendered
        self._run_id = ""
        self._run_fragments: frozenset[str] = frozenset()
        self.latencies: list[float] = []
        self.auto_reruns: dict[str, float] = {}  # fragment id -> seconds, as the browser's timers hold them
        self.on_element: Callable[[float, str], None] | None = None  # (arrival time, text) of every element
        self.received_bytes = 0
        self.runs_finished = 0  # script_finished messages seen (full and fragment runs)
        self.full_runs = 0  # runs of the whole page started (new_session without fragment ids)
        self.auto_reruns_sent = 0
        self._reader: asyncio.Task[None] | None = None
        self._timers: dict[str, tuple[float, asyncio.Task[None]]] = {}
        self._finished = asyncio.Event()  # replaced after each script_finished while following

    async def open(self, path: str = "", query: str = "") -> None:
        """Open the app at ``/<path>?<query>`` as a browser tab does (e.g. "lop-hoc", "lop=3&so=1234")."""
        self.page_url = self.page_url.rstrip("/") + "/" + path.strip("/") + (f"?{query}" if query else "")
        self.query_string = query
        try:
            self.ws = await asyncio.wait_for(
                connect(self.url, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=self.timeout),
                self.timeout)
        except Exception as exc:  # refused, handshake rejected, timeout
            raise DriverError(f"{self.name}: cannot open websocket {self.url}: {exc!r}") from exc
        # The browser's first rerun: no page hash yet, page name and query string from the URL.
        await self._rerun(ClientState(page_name=path.strip("/"), query_string=query))

    async def close(self) -> None:
        for _, timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        if self._reader is not None:
            self._reader.cancel()
        if self.ws is not None:
            try:
                await asyncio.wait_for(self.ws.close(), 5)
            except Exception:  # already closed or the server is gone: nothing to clean up
                pass

    # ---- finding widgets -------------------------------------------------------
    def find(self, key: str, kind: str | None = None) -> Widget | None:
        for widget in self.widgets.values():
            if widget.id.endswith("-" + key) and (kind is None or widget.kind == kind):
                return widget
        return None

    def keys(self) -> list[str]:
        return sorted(w.id.split("-", 2)[-1] for w in self.widgets.values())  # "$$ID-<hash>-<key>"

    def need(self, key: str, kind: str | None = None) -> Widget:
        widget = self.find(key, kind)
        if widget is None:
            raise DriverError(
                f"{self.name}: no widget with key {key!r} on the screen. Screen texts: "
                f"{self.texts[:6]}; widget keys present: {self.keys()[:40]}")
        return widget

    # ---- user actions (each is one "tap", returns its latency) -------------------
    async def tap(self, key: str) -> float:
        widget = self.need(key, "button")
        return await self._send_trigger(widget)

    async def check(self, key: str, value: bool = True) -> float:
        widget = self.need(key, "checkbox")
        self.values[widget.id] = WidgetState(id=widget.id, bool_value=value)
        return await self._interact(widget.fragment_id)

    async def _send_trigger(self, widget: Widget) -> float:
        return await self._interact(widget.fragment_id, WidgetState(id=widget.id, trigger_value=True))

    async def _interact(self, fragment_id: str, trigger: WidgetState | None = None) -> float:
        state = ClientState(page_script_hash=self.page_hash, query_string=self.query_string,
                            fragment_id=fragment_id)
        for wid, value in self.values.items():
            if wid in self.widgets:
                state.widget_states.widgets.append(value)
        if trigger is not None:
            state.widget_states.widgets.append(trigger)
        return await self._rerun(state)

    # ---- following: an idle tab whose fragments rerun on the browser's timers --------
    def follow(self) -> None:
        """From now on read every message as it arrives (in a task) and send the fragment
        reruns the server asked for on their timers; taps keep working."""
        if self._reader is None:
            self._reader = asyncio.create_task(self._read_forever())
            self._sync_timers()

    @property
    def following(self) -> bool:
        return self._reader is not None and not self._reader.done()

    async def _read_forever(self) -> None:
        while True:
            try:
                raw = await self.ws.recv()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # connection closed: the tab is gone
                self.errors.append(f"websocket closed while following: {exc!r}")
                for _, timer in self._timers.values():
                    timer.cancel()
                self._timers.clear()
                self._finished.set()
                return
            self._receive(raw)

    def _receive(self, raw: bytes) -> bool:
        self.received_bytes += len(raw)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        done = self._handle(msg)
        if done:
            self.runs_finished += 1
            if self._reader is not None:
                self._finished.set()
                self._finished = asyncio.Event()
        if self._reader is not None:
            self._sync_timers()
        return done

    def _sync_timers(self) -> None:
        """Start, restart or stop interval timers so they match ``auto_reruns``."""
        for fragment_id, (interval, timer) in list(self._timers.items()):
            if self.auto_reruns.get(fragment_id) != interval:
                timer.cancel()
                del self._timers[fragment_id]
        for fragment_id, interval in self.auto_reruns.items():
            if fragment_id not in self._timers:
                task = asyncio.create_task(self._tick(fragment_id, interval))
                self._timers[fragment_id] = (interval, task)

    async def _tick(self, fragment_id: str, interval: float) -> None:
        """``setInterval``: fixed-rate ticks from the moment the timer was set."""
        loop = asyncio.get_running_loop()
        next_at = loop.time() + interval
        while True:
            await asyncio.sleep(max(0.0, next_at - loop.time()))
            next_at += interval
            state = ClientState(page_script_hash=self.page_hash, query_string=self.query_string,
                                fragment_id=fragment_id, is_auto_rerun=True)
            for wid, value in self.values.items():
                if wid in self.widgets:
                    state.widget_states.widgets.append(value)
            self._add_context(state)
            try:
                await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
            except Exception as exc:  # connection closed; the reader notes it
                self.errors.append(f"cannot send an auto-rerun: {exc!r}")
                return
            self.auto_reruns_sent += 1

    # ---- protocol ----------------------------------------------------------------
    def _add_context(self, state: ClientState) -> None:
        """The browser sends its context (time zone, locale, URL, …) with every rerun."""
        state.context_info.CopyFrom(ContextInfo(
            timezone="Asia/Ho_Chi_Minh", timezone_offset=-420, locale="vi-VN",
            url=self.page_url, is_embedded=False, color_scheme="light"))

    async def _rerun(self, state: ClientState) -> float:
        self._add_context(state)
        started = time.perf_counter()
        finished = self._finished
        try:
            await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        except Exception as exc:  # connection closed by the server
            raise DriverError(f"{self.name}: cannot send to the server: {exc!r}") from exc
        if self.following:
            # The reader owns the socket: the tap is over at the next script_finished (an
            # auto-rerun in flight may finish first; the server coalesces requests anyway).
            try:
                await asyncio.wait_for(finished.wait(), self.timeout)
            except TimeoutError as exc:
                raise DriverError(f"{self.name}: no script_finished within {self.timeout:.0f} s") from exc
            latency = time.perf_counter() - started
            self.latencies.append(latency)
            if self.errors:
                raise DriverError(f"{self.name}: {self.errors[0]}")
            return latency
        deadline = started + self.timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise DriverError(f"{self.name}: no script_finished within {self.timeout:.0f} s "
                                  f"(screen: {self.texts[:4]})")
            try:
                raw = await asyncio.wait_for(self.ws.recv(), remaining)
            except TimeoutError:
                continue
            except Exception as exc:  # connection closed by the server
                raise DriverError(f"{self.name}: websocket closed while waiting: {exc!r}") from exc
            if self._receive(raw):
                break
        latency = time.perf_counter() - started
        self.latencies.append(latency)
        if self.errors:
            raise DriverError(f"{self.name}: the app showed an exception: {self.errors[0]}")
        return latency

    def _handle(self, msg: ForwardMsg) -> bool:
        """Apply one ForwardMsg; True when it ends the interaction."""
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self._run_id = msg.metadata.run.script_run_id
            self._run_fragments = frozenset(msg.metadata.run.fragment_ids)
            if msg.new_session.page_script_hash:
                self.page_hash = msg.new_session.page_script_hash
            if not self._run_fragments:
                self.full_runs += 1
                self.texts = []
                self.auto_reruns.clear()  # the browser's cleanupAutoReruns() on a full run
        elif kind == "auto_rerun" and msg.auto_rerun.fragment_id:
            self.auto_reruns[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fragment_id in msg.stop_auto_rerun.fragment_ids:
                self.auto_reruns.pop(fragment_id, None)
        elif kind == "navigation" and msg.navigation.page_script_hash:
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.errors.append(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta)
        elif kind == "script_finished" and msg.script_finished in DONE:
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self.errors.append("the app's script failed to compile")
            self._drop_stale()
            return True
        return False

    def _element(self, delta: Delta) -> None:
        element = delta.new_element
        etype = element.WhichOneof("type")
        if etype is None:
            return
        body: Any = getattr(element, etype)
        if etype == "exception" and not body.is_warning:
            self.errors.append(f"{body.type}: {body.message}")
        elif etype in ("heading", "alert"):
            self.texts.append(body.body)
        if self.on_element is not None:
            self.on_element(time.monotonic(), element_text(body))
        wid = getattr(body, "id", "") if body.DESCRIPTOR.fields_by_name.get("id") else ""
        if wid:
            self.widgets[wid] = Widget(wid, etype, getattr(body, "form_id", ""), delta.fragment_id,
                                       self._run_id, getattr(body, "is_form_submitter", False))

    def _drop_stale(self) -> None:
        """The frontend's stale-element rule, reduced to widgets."""
        if not self._run_fragments:
            keep = {k: w for k, w in self.widgets.items() if w.run_id == self._run_id}
        else:
            keep = {k: w for k, w in self.widgets.items()
                    if w.run_id == self._run_id or w.fragment_id not in self._run_fragments}
        self.widgets = keep
        self.values = {k: v for k, v in self.values.items() if k in keep}


def element_text(body: Any) -> str:
    """The words an element shows: its body (markdown, heading, alert, text) or label
    (button), HTML entities decoded, runs of white space as one space."""
    fields = body.DESCRIPTOR.fields_by_name
    parts = [getattr(body, name) for name in ("body", "label") if name in fields
             and isinstance(getattr(body, name), str)]
    return " ".join(html.unescape(" ".join(parts)).split())
