"""A trainer's own account on the dashboard: start a new group, change the password."""

from __future__ import annotations

import streamlit as st

from progress.account_error import AccountError
from progress.groups import create_group
from progress.trainers import MIN_PASSWORD_LENGTH, TrainerInfo, add_trainer_to_group, change_trainer_password
from ui import resources

# after a rerun, the dashboard opens this group
OPEN_GROUP_KEY = "dashboard_open_group"


def new_group_form(trainer: TrainerInfo, flash_key: str, expanded: bool = False) -> None:
    """Create a group (a village, a class) that this trainer looks after."""
    with st.expander("🏘️ Thêm nhóm mới", expanded=expanded):
        with st.form("new_group", clear_on_submit=True):
            name = st.text_input("Tên nhóm (ví dụ: tên thôn, tên lớp)", key="new_group_name")
            if st.form_submit_button("Thêm nhóm", width="stretch"):
                try:
                    group = create_group(resources.database(), name)
                except AccountError as exc:
                    st.error(str(exc))
                else:
                    add_trainer_to_group(resources.database(), trainer.id, group.id)
                    st.session_state[OPEN_GROUP_KEY] = group.id
                    st.session_state[flash_key] = f"Đã thêm nhóm {group.name}. Bây giờ thêm học viên cho nhóm."
                    st.rerun()


def password_form(trainer: TrainerInfo, flash_key: str) -> None:
    """Change this trainer's password: the current one, then the new one twice."""
    with st.expander("🔑 Đổi mật khẩu"):
        with st.form("change_password", clear_on_submit=True):
            current = st.text_input("Mật khẩu hiện tại", type="password", key="password_current")
            new = st.text_input(f"Mật khẩu mới (ít nhất {MIN_PASSWORD_LENGTH} ký tự)", type="password",
                                key="password_new")
            again = st.text_input("Nhập lại mật khẩu mới", type="password", key="password_again")
            if st.form_submit_button("Đổi mật khẩu", width="stretch"):
                if new != again:
                    st.error("Hai lần nhập mật khẩu mới không giống nhau.")
                    return
                try:
                    change_trainer_password(resources.database(), trainer.id, current, new)
                except AccountError as exc:
                    st.error(str(exc))
                else:
                    st.session_state[flash_key] = "Đã đổi mật khẩu. Lần sau đăng nhập bằng mật khẩu mới."
                    st.rerun()
