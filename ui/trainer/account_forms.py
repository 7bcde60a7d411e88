"""A staff member's own account on the dashboard: start a new group, correct their own
name, add a co-trainer to a group they look after, change the password."""

from __future__ import annotations

import streamlit as st

from progress.account_error import AccountError
from progress.areas import place_group
from progress.demo import DEMO_PASSWORDS
from progress.groups import GroupInfo, create_group
from progress.scope import ROLE_NAMES, Scope
from progress.trainers import (
    MIN_PASSWORD_LENGTH,
    TrainerInfo,
    add_co_trainer,
    add_trainer_to_group,
    change_trainer_password,
    rename_trainer,
)
from ui import resources
from ui.plain_text import as_text
from ui.signin_state import sign_in

# after a rerun, the dashboard opens this group
OPEN_GROUP_KEY = "dashboard_open_group"
# (account id, whether it still has a demo password): checked once a session (ui/demo_account.py)
DEMO_PASSWORD_KEY = "demo_password_in_use"


def own_account_forms(
    trainer: TrainerInfo, scope: Scope, groups: list[GroupInfo], flash_key: str, first_group: bool = False
) -> None:
    """What a staff member does about their own account, at the foot of the dashboard.
    Read-only officers start no group and add no co-trainer."""
    if scope.can_edit:
        new_group_form(trainer, flash_key, expanded=first_group, team_id=_own_team(scope))
    st.subheader("👤 Tài khoản của tôi")
    st.caption(f"{as_text(trainer.display_name)} · tên đăng nhập {as_text(trainer.username)} · "
               f"{ROLE_NAMES.get(scope.role, scope.role)}")
    name_form(trainer, flash_key)
    if scope.can_edit and groups:
        co_trainer_form(scope, groups, flash_key)
    password_form(trainer, flash_key)


def _own_team(scope: Scope) -> int | None:
    """A team lead's new group goes into their team at once."""
    return next(iter(scope.team_ids)) if scope.role == "team_lead" and len(scope.team_ids) == 1 else None


def name_form(trainer: TrainerInfo, flash_key: str) -> None:
    """Correct the name shown for this account (in the app, on certificates)."""
    with st.expander("✏️ Sửa tên của tôi"):
        with st.form("own_name", clear_on_submit=True):
            name = st.text_input("Họ và tên", value=trainer.display_name, key="own_name_new")
            if st.form_submit_button("Lưu tên", width="stretch"):
                try:
                    clean = rename_trainer(resources.database(), trainer.id, name)
                except AccountError as exc:
                    st.error(as_text(exc))
                else:
                    st.session_state[flash_key] = f"Đã lưu tên mới: {as_text(clean)}."
                    st.rerun()


def co_trainer_form(scope: Scope, groups: list[GroupInfo], flash_key: str) -> None:
    """Another trainer (by their username) looks after one of this account's groups too."""
    with st.expander("🤝 Thêm người cùng phụ trách nhóm"):
        st.caption("Người đó cần có tài khoản tập huấn viên. Hỏi tên đăng nhập của họ.")
        with st.form("co_trainer", clear_on_submit=True):
            group = st.selectbox("Nhóm", groups, format_func=lambda g: g.name, key="co_trainer_group")
            username = st.text_input("Tên đăng nhập của người cùng phụ trách", key="co_trainer_username")
            if st.form_submit_button("Thêm người cùng phụ trách", width="stretch"):
                try:
                    name = add_co_trainer(resources.database(), scope, group.id, username)
                except AccountError as exc:
                    st.error(as_text(exc))
                else:
                    st.session_state[flash_key] = (f"{as_text(name)} cùng phụ trách nhóm {as_text(group.name)} "
                                                   "từ bây giờ.")
                    st.rerun()


def new_group_form(trainer: TrainerInfo, flash_key: str, expanded: bool = False, team_id: int | None = None) -> None:
    """Create a group (a village, a class) that this trainer looks after (in their team,
    for a team lead)."""
    with st.expander("🏘️ Thêm nhóm mới", expanded=expanded):
        with st.form("new_group", clear_on_submit=True):
            name = st.text_input("Tên nhóm (ví dụ: tên thôn, tên lớp)", key="new_group_name")
            if st.form_submit_button("Thêm nhóm", width="stretch"):
                try:
                    group = create_group(resources.database(), name)
                except AccountError as exc:
                    st.error(as_text(exc))
                else:
                    add_trainer_to_group(resources.database(), trainer.id, group.id)
                    if team_id is not None:
                        place_group(resources.database(), group.id, team_id)
                    st.session_state[OPEN_GROUP_KEY] = group.id
                    st.session_state[flash_key] = f"Đã thêm nhóm {as_text(group.name)}. Bây giờ thêm học viên cho nhóm."
                    st.rerun()


def password_form(trainer: TrainerInfo, flash_key: str, first: bool = False) -> None:
    """Change this trainer's password: the current one, then the new one twice. ``first``:
    a demo account setting its own password, the only thing on the page (no expander)."""
    with st.container() if first else st.expander("🔑 Đổi mật khẩu"):
        with st.form("change_password", clear_on_submit=True):
            current = st.text_input("Mật khẩu hiện tại", type="password", key="password_current")
            new = st.text_input(f"Mật khẩu mới (ít nhất {MIN_PASSWORD_LENGTH} ký tự)", type="password",
                                key="password_new")
            again = st.text_input("Nhập lại mật khẩu mới", type="password", key="password_again")
            if st.form_submit_button("Đổi mật khẩu", width="stretch"):
                if new != again:
                    st.error("Hai lần nhập mật khẩu mới không giống nhau.")
                    return
                if new in DEMO_PASSWORDS.values():
                    st.error("Mật khẩu này có in trong tài liệu, ai cũng biết. Bác chọn mật khẩu khác.")
                    return
                try:
                    change_trainer_password(resources.database(), trainer.id, current, new)
                except AccountError as exc:
                    st.error(as_text(exc))
                else:
                    st.session_state.pop(DEMO_PASSWORD_KEY, None)
                    sign_in("trainer", trainer.id)  # other sessions ended; this one carries on
                    st.session_state[flash_key] = "Đã đổi mật khẩu. Lần sau đăng nhập bằng mật khẩu mới."
                    st.rerun()
