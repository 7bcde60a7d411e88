"""A demo account (progress/demo.py) still on its published password: it sets a new one
before any staff page shows anything else (unless ``auth.demo_must_change_password`` is
off, for automated tests), and while phones on a network can reach the server every staff
page warns about it."""

from __future__ import annotations

import streamlit as st

from access.serving_host import reachable_from_network
from progress.demo import uses_demo_password
from progress.scope import Scope
from progress.trainers import TrainerInfo
from ui import resources
from ui.signin_state import signed_in_scope
from ui.trainer.account_forms import DEMO_PASSWORD_KEY, password_form

CHANGED_KEY = "demo_password_changed"  # the words shown once the new password is set
NETWORK_WARNING = (
    "Tài khoản mẫu này vẫn dùng mật khẩu có in trong tài liệu, mà điện thoại trong mạng "
    "mở được ứng dụng: ai cũng đăng nhập được. Bác đổi mật khẩu ngay (🔑 Đổi mật khẩu)."
)
FIRST_PASSWORD_NOTE = (
    "Bác đang dùng tài khoản mẫu. Mật khẩu của nó có in trong tài liệu nên ai cũng biết. "
    "Bác đặt mật khẩu mới rồi mới dùng được các trang khác."
)


def demo_password_in_use(trainer_id: int) -> bool:
    """Whether this account still has its demo password; checked once a session (a
    password hash is slow on purpose) and again after the password is changed."""
    checked = st.session_state.get(DEMO_PASSWORD_KEY)
    if checked is None or checked[0] != trainer_id:
        checked = (trainer_id, uses_demo_password(resources.database(), trainer_id))
        st.session_state[DEMO_PASSWORD_KEY] = checked
    return bool(checked[1])


def demo_account_guard(trainer: TrainerInfo) -> None:
    """At the top of every staff page: the warning, or only the form for a new password."""
    if not demo_password_in_use(trainer.id):
        if CHANGED_KEY in st.session_state:
            st.success(st.session_state.pop(CHANGED_KEY))
        return
    settings = resources.settings()
    if reachable_from_network(settings.server.host):
        st.warning(NETWORK_WARNING, icon="⚠️")
    if settings.auth.demo_must_change_password:
        st.subheader("🔑 Đặt mật khẩu mới")
        st.info(FIRST_PASSWORD_NOTE)
        password_form(trainer, CHANGED_KEY, first=True)
        st.stop()


def staff_page() -> tuple[TrainerInfo, Scope]:
    """The top of every staff page: the signed-in account and its area, after a demo
    account still on its published password has set a new one (or been warned)."""
    trainer, scope = signed_in_scope()
    demo_account_guard(trainer)
    return trainer, scope
