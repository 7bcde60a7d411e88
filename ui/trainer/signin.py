"""Trainer sign-in with username and password."""

from __future__ import annotations

import streamlit as st

from progress.password_guard import check_trainer_password, locked_message
from ui import resources
from ui.signin_state import sign_in

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
        check = check_trainer_password(resources.database(), username, password,
                                       max_failures=auth.trainer_max_failures, lock_minutes=auth.trainer_lock_minutes)
        if check.outcome == "locked":
            st.error(locked_message(check.wait_seconds))
        elif check.trainer is None:
            st.error("Tên đăng nhập hoặc mật khẩu chưa đúng.")
        else:
            sign_in("trainer", check.trainer.id)
            st.rerun()
st.page_link("ui/learner/signin.py", label="Học viên vào học", icon="📱")
