"""Trainer sign-in with username and password, guarded per client address and per
account (progress/staff_sign_in.py)."""

from __future__ import annotations

import streamlit as st

from access.client_address import client_address
from progress.address_guard import AddressLimits, held_back_message
from progress.password_guard import locked_message
from progress.staff_sign_in import check_staff_sign_in
from ui import resources
from ui.signin_state import sign_in


def _this_address() -> str:
    """The client's address: Streamlit's peer (None means this laptop itself), or what a
    trusted proxy in front of us says in X-Forwarded-For."""
    peer = st.context.ip_address
    forwarded = ",".join(st.context.headers.get_all("X-Forwarded-For"))
    return client_address(peer if isinstance(peer, str) else None,  # AppTest has no connection: a stand-in
                          forwarded, resources.settings().server.trusted_proxies)


st.title("🧑‍🏫 Tập huấn viên đăng nhập")
with st.form("trainer_signin"):
    username = st.text_input("Tên đăng nhập", key="trainer_username")
    password = st.text_input("Mật khẩu", type="password", key="trainer_password")
    submitted = st.form_submit_button("Đăng nhập", type="primary", width="stretch")
if submitted:
    if not username.strip() or not password:
        st.error("Hãy nhập cả tên đăng nhập và mật khẩu.")
    else:
        auth = resources.settings().auth
        address = _this_address()
        check = check_staff_sign_in(
            resources.database(), address, username, password,
            max_failures=auth.trainer_max_failures, lock_minutes=auth.trainer_lock_minutes,
            address_limits=AddressLimits(auth.address_max_failures, auth.address_window_minutes))
        if check.outcome == "held":
            st.error(held_back_message(check.wait_seconds, address))
        elif check.outcome == "locked":
            st.error(locked_message(check.wait_seconds))
        elif check.trainer is None:
            st.error("Tên đăng nhập hoặc mật khẩu chưa đúng.")
        else:
            sign_in("trainer", check.trainer.id)
            st.rerun()
st.page_link("ui/learner/signin.py", label="Học viên vào học", icon="📱")
