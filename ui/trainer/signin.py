"""Trainer sign-in with username and password."""

from __future__ import annotations

import streamlit as st

from progress.trainers import verify_trainer
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
        trainer = verify_trainer(resources.database(), username, password)
        if trainer is None:
            st.error("Tên đăng nhập hoặc mật khẩu chưa đúng.")
        else:
            sign_in("trainer", trainer.id)
            st.rerun()
st.page_link("ui/learner/signin.py", label="Học viên vào học", icon="📱")
