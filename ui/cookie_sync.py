"""Keeps the HttpOnly sign-in cookie in step with the session.

A Streamlit rerun cannot set HTTP headers, so after sign-in (or sign-out) a tiny
component posts the token to /auth/session (or /auth/signout); the server answers
with Set-Cookie. On a reload the page reads the cookie via st.context.cookies.

The post carries a proof that binds it to this browser (access/browser_binding.py),
made from the browser id its websocket connected with. A browser without that id
(cookies blocked, or a session that outlived a server restart) posts nothing: the
learner keeps this tab's session and is told, once, that a reload will ask again.
"""

from __future__ import annotations

import streamlit as st

from access.browser_binding import BROWSER_COOKIE, PROOF_HEADER, sign_in_proof, sign_out_proof
from ui import resources

PENDING_KEY = "cookie_action"
NOT_KEPT_KEY = "cookie_not_kept"  # the sign-in cookie could not be stored: say so once
RESULT_KEY = "cookie_sync"
NOT_KEPT = ("Điện thoại này chưa nhớ được là bác đã vào học. Bác cứ học tiếp ở đây; "
            "nếu tải lại trang thì bác chọn tên và bấm mã lại nhé.")

_JS = """
export default function(component) {
    const { data, setTriggerValue } = component;
    if (!data || !data.action) { return; }
    if (!data.proof) {  // no browser id to prove: nothing the server would accept
        setTimeout(() => setTriggerValue("done", "error"), 0);
        return;
    }
    const url = data.action === "set" ? "/auth/session" : "/auth/signout";
    fetch(url, { method: "POST", body: data.token || "", credentials: "same-origin",
                 headers: { [data.header]: data.proof } })
        .then((r) => setTriggerValue("done", r.ok ? "ok" : "error"))
        .catch(() => setTriggerValue("done", "error"));
}
"""

_component = st.components.v2.component("bdhvs_cookie_sync", js=_JS)


def request_cookie(token: str | None, *, clear_only: str = "") -> None:
    """Ask the browser to store (token) or clear (None) the sign-in cookie; ``clear_only``
    clears it only while it still holds that (refused) token."""
    browser_id = st.context.cookies.get(BROWSER_COOKIE)
    secret = resources.secret_key()
    proof = sign_in_proof(secret, browser_id, token) if token else sign_out_proof(secret, browser_id)
    st.session_state[PENDING_KEY] = {"action": "set" if token else "clear", "token": token or clear_only,
                                     "proof": proof, "header": PROOF_HEADER}


def _finished() -> None:
    pending = st.session_state.pop(PENDING_KEY, None)
    outcome = getattr(st.session_state.get(RESULT_KEY), "done", None)
    if pending and pending["action"] == "set" and outcome != "ok":
        st.session_state[NOT_KEPT_KEY] = True


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
            _component(data=pending, key=RESULT_KEY, on_done_change=_finished)
    elif st.session_state.pop(NOT_KEPT_KEY, False):
        slot.info(NOT_KEPT, icon="ℹ️")
