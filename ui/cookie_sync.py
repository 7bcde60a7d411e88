"""Keeps the HttpOnly sign-in cookie in step with the session.

A Streamlit rerun cannot set HTTP headers, so after sign-in (or sign-out) a tiny
component posts the token to /auth/session (or /auth/signout); the server answers
with Set-Cookie. On a reload the page reads the cookie via st.context.cookies.
"""

from __future__ import annotations

import streamlit as st

PENDING_KEY = "cookie_action"

_JS = """
export default function(component) {
    const { data, setTriggerValue } = component;
    if (!data || !data.action) { return; }
    const url = data.action === "set" ? "/auth/session" : "/auth/signout";
    fetch(url, { method: "POST", body: data.token || "", credentials: "same-origin" })
        .then((r) => setTriggerValue("done", r.ok ? "ok" : "error"))
        .catch(() => setTriggerValue("done", "error"));
}
"""

_component = st.components.v2.component("bdhvs_cookie_sync", js=_JS)


def request_cookie(token: str | None) -> None:
    """Ask the browser to store (token) or clear (None) the sign-in cookie."""
    st.session_state[PENDING_KEY] = {"action": "set" if token else "clear", "token": token or ""}


def _finished() -> None:
    st.session_state.pop(PENDING_KEY, None)


def sync_cookie() -> None:
    """Run on every page: performs a pending cookie action once.

    The slot is there on every run, with or without the component, so the page below
    keeps the same element positions: otherwise, on the rerun that follows the cookie,
    every element moves up one place and the browser briefly shows each twice.
    """
    slot = st.empty()
    pending = st.session_state.get(PENDING_KEY)
    if pending:
        with slot:
            _component(data=pending, key="cookie_sync", on_done_change=_finished)
