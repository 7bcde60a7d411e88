"""The staff pages, who may open each, and the links between them (side by side on a
laptop, wrapping on a phone). app.py registers only the pages of the signed-in
account's role, so a page outside it answers "page not found" even when its address is
typed; each page still checks its groups through ``Scope`` (ui/signin_state.py)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from progress.scope import READ_ONLY_ROLES, ROLES
from progress.staff_roles import account_role
from ui import resources
from ui.signin_state import current_signin

EVERYONE = frozenset(ROLES)
EDITORS = EVERYONE - READ_ONLY_ROLES  # who changes groups, runs classes, prints cards, records
ADMINS = frozenset({"admin"})


@dataclass(frozen=True)
class StaffPage:
    path: str
    title: str
    icon: str
    url_path: str
    roles: frozenset[str]


PAGES = (
    StaffPage("ui/trainer/dashboard.py", "Tiến độ nhóm", "📊", "tien-do", EVERYONE),
    StaffPage("ui/trainer/recordings.py", "Ghi âm giọng đọc", "🎙️", "ghi-am", EDITORS),
    StaffPage("ui/trainer/audio_coverage.py", "Độ phủ tiếng đọc", "🔊", "do-phu-tieng-doc", EDITORS),
    StaffPage("ui/trainer/qr_cards.py", "Thẻ QR vào học", "🪪", "the-qr", EDITORS),
    StaffPage("ui/trainer/present.py", "Trình chiếu", "🖥️", "trinh-chieu", EDITORS),
    StaffPage("ui/trainer/admin.py", "Quản trị", "🛠️", "quan-tri", ADMINS),
    StaffPage("ui/trainer/roster_import.py", "Nhập danh sách", "📋", "nhap-danh-sach", EDITORS),
    StaffPage("ui/trainer/classes_held.py", "Buổi học đã tổ chức", "🗓️", "buoi-hoc", EVERYONE),  # officers read
    StaffPage("ui/trainer/reports.py", "Báo cáo", "📈", "bao-cao", EVERYONE),  # officers read
    StaffPage("ui/trainer/sync_export.py", "Xuất dữ liệu để nộp lên xã", "📤", "xuat-du-lieu", EDITORS),
    StaffPage("ui/trainer/sync_import.py", "Nhận dữ liệu", "📥", "nhan-du-lieu", EDITORS),
    StaffPage("ui/trainer/code_of_practice.py", "Cầm tay chỉ việc", "🤝", "cam-tay-chi-viec", EVERYONE),
)


def staff_role() -> str:
    """The signed-in staff account's role ("trainer" when it cannot be read: the page
    itself then asks to sign in again)."""
    signin = current_signin()
    role = account_role(resources.database(), signin.account_id) if signin and signin.role == "trainer" else None
    return role or "trainer"


def pages_for(role: str) -> list[StaffPage]:
    return [page for page in PAGES if role in page.roles]


def staff_pages() -> list[st.Page]:
    """The pages app.py registers for the signed-in staff account."""
    return [st.Page(page.path, title=page.title, url_path=page.url_path) for page in pages_for(staff_role())]


def trainer_menu() -> None:
    # Every staff page draws this menu first, so this is the one place trainer pages take a
    # laptop's width (app.py sets "centered" for the phone pages; a later call may widen it)
    # and page.css lifts its 720-px column for blocks that hold the menu (.st-key-trainer_menu).
    st.set_page_config(layout="wide")
    # a wrapping row: each link keeps its whole title, on any screen width
    with st.container(horizontal=True, gap="small", key="trainer_menu"):
        for page in pages_for(staff_role()):
            st.page_link(page.path, label=page.title, icon=page.icon, width="content")
