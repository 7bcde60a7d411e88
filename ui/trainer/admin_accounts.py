"""The admin page's staff accounts: every account with its role and area, the accounts
locked by wrong passwords (with a button that opens each), a new account with a role and
the area that role needs, and another role for an account."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from progress.account_error import AccountError
from progress.database import Database
from progress.days import local_time
from progress.password_guard import locked_accounts, unlock_trainer
from progress.scope import ROLE_NAMES, ROLES
from progress.staff_roles import StaffArea, list_staff, set_role
from progress.trainers import MIN_PASSWORD_LENGTH, create_trainer
from ui.plain_text import as_text
from ui.trainer.area_choices import AreaChoices


def _area_picker(choices: AreaChoices, role: str, key: str) -> StaffArea | None:
    """The picker for the area this role needs (none for a trainer or an admin); None
    when there is nothing to pick yet (the admin adds that area first)."""
    if role == "team_lead":
        options, label, field = choices.teams, "Tổ công nghệ số", "team_id"
    elif role == "commune_officer":
        options, label, field = choices.communes, "Xã / phường", "commune_id"
    elif role == "province_officer":
        options, label, field = choices.provinces, "Tỉnh", "province_id"
    else:
        return StaffArea()
    if not options:
        st.info(f"Chưa có {label.lower()} nào: thêm ở mục “Tỉnh, xã / phường, tổ” trước.")
        return None
    chosen = st.selectbox(label, list(options), format_func=options.__getitem__, key=f"{key}_{field}")
    return StaffArea(**{field: chosen})


def _new_account(db: Database, choices: AreaChoices, flash_key: str) -> None:
    with st.expander("➕ Tạo tài khoản"):
        username = st.text_input("Tên đăng nhập (chữ thường không dấu, số, dấu chấm, gạch)", key="admin_new_username")
        name = st.text_input("Họ và tên", key="admin_new_name")
        password = st.text_input(f"Mật khẩu (ít nhất {MIN_PASSWORD_LENGTH} ký tự)", type="password",
                                 key="admin_new_password")
        role: str = st.selectbox("Vai trò", ROLES, format_func=ROLE_NAMES.__getitem__, key="admin_new_role")
        area = _area_picker(choices, role, "admin_new")
        if area is not None and st.button("Tạo tài khoản", key="admin_new_account", width="stretch"):
            try:
                account = create_trainer(db, username, name or username, password, [], role, area)
            except AccountError as exc:
                st.error(as_text(exc))
            else:
                for key in ("admin_new_username", "admin_new_name", "admin_new_password"):
                    st.session_state.pop(key, None)
                st.session_state[flash_key] = f"Đã tạo tài khoản {as_text(account.username)} ({ROLE_NAMES[role]})."
                st.rerun()


def _change_role(db: Database, choices: AreaChoices, flash_key: str, usernames: list[str]) -> None:
    with st.expander("🔁 Đổi vai trò"):
        username = st.selectbox("Tài khoản", usernames, key="admin_role_username")
        role: str = st.selectbox("Vai trò mới", ROLES, format_func=ROLE_NAMES.__getitem__, key="admin_role_role")
        area = _area_picker(choices, role, "admin_role")
        if area is not None and st.button("Đổi vai trò", key="admin_role_change", width="stretch"):
            try:
                info = set_role(db, username, role, area)
            except AccountError as exc:
                st.error(as_text(exc))
            else:
                where = f" · {as_text(info.area_name)}" if info.area_name else ""
                st.session_state[flash_key] = f"{as_text(info.display_name)} bây giờ là {info.role_name}{where}."
                st.rerun()


def _locked_accounts(db: Database, flash_key: str) -> None:
    """Accounts locked by wrong passwords, each with a button that opens it again."""
    for account in locked_accounts(db):
        until = local_time(account.locked_until).strftime("%H:%M")
        text, button = st.columns([3, 1], vertical_alignment="center")
        text.warning(f"{as_text(account.display_name)} ({as_text(account.username)}): 🔒 Đang khóa đến {until}")
        if button.button("🔓 Mở khóa", key=f"admin_unlock_{account.username}", width="stretch"):
            try:
                name = unlock_trainer(db, account.username)
            except AccountError as exc:
                st.error(as_text(exc))
            else:
                st.session_state[flash_key] = f"Đã mở khóa tài khoản {as_text(name)}: đăng nhập lại được rồi."
                st.rerun()


def accounts_section(db: Database, choices: AreaChoices, flash_key: str) -> None:
    st.subheader("👥 Tài khoản")
    staff = list_staff(db)
    st.dataframe(pd.DataFrame([
        {"Họ và tên": info.display_name, "Tên đăng nhập": info.username, "Vai trò": info.role_name,
         "Khu vực": info.area_name or "—"}
        for info in staff
    ]), hide_index=True, width="stretch", key="admin_accounts")
    _locked_accounts(db, flash_key)
    _new_account(db, choices, flash_key)
    _change_role(db, choices, flash_key, [info.username for info in staff])
