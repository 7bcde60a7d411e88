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
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

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
        self.ws = None
        self.page_hash = ""
        self.query_string = ""
        self.widgets: dict[str, Widget] = {}
        self.values: dict[str, WidgetState] = {}  # persistent widget values the user set
        self.texts: list[str] = []  # headings and alerts of the current screen, for checks
        self.errors: list[str] = []  # exceptions the app rendered
        self._run_id = ""
        self._run_fragments: frozenset[str] = frozenset()
        self.latencies: list[float] = []

    async def open(self) -> None:
        try:
            self.ws = await asyncio.wait_for(
                connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=self.timeout),
                self.timeout)
        except Exception as exc:  # refused, handshake rejected, timeout
            raise DriverError(f"{self.name}: cannot open websocket {self.url}: {exc!r}") from exc
        # The browser's first rerun: no page hash yet, page name and query string from the URL.
        await self._rerun(ClientState(page_name="", query_string=""), first=True)

    async def close(self) -> None:
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

    # ---- protocol ----------------------------------------------------------------
    async def _rerun(self, state: ClientState, first: bool = False) -> float:
        if first:
            state.context_info.CopyFrom(ContextInfo(
                timezone="Asia/Ho_Chi_Minh", timezone_offset=-420, locale="vi-VN",
                url=self.page_url, is_embedded=False, color_scheme="light"))
        started = time.perf_counter()
        try:
            await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        except Exception as exc:  # connection closed by the server
            raise DriverError(f"{self.name}: cannot send to the server: {exc!r}") from exc
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
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            if self._handle(msg):
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
                self.texts = []
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

    def _element(self, delta) -> None:  # type: ignore[no-untyped-def]
        element = delta.new_element
        etype = element.WhichOneof("type")
        body = getattr(element, etype) if etype else None
        if etype == "exception" and not body.is_warning:
            self.errors.append(f"{body.type}: {body.message}")
        elif etype in ("heading", "alert"):
            self.texts.append(body.body)
        wid = getattr(body, "id", "") if body is not None and body.DESCRIPTOR.fields_by_name.get("id") else ""
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
