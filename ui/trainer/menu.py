"""Links between the trainer pages: side by side on a laptop, wrapping on a phone."""

from __future__ import annotations

import streamlit as st

PAGES = (
    ("ui/trainer/dashboard.py", "Tiến độ nhóm", "📊"),
    ("ui/trainer/recordings.py", "Ghi âm giọng đọc", "🎙️"),
    ("ui/trainer/audio_coverage.py", "Độ phủ tiếng đọc", "🔊"),
    ("ui/trainer/qr_cards.py", "Thẻ QR vào học", "🪪"),
    ("ui/trainer/present.py", "Trình chiếu", "🖥️"),
    ("ui/trainer/roster_import.py", "Nhập danh sách", "📋"),
    ("ui/trainer/classes_held.py", "Buổi học đã tổ chức", "🗓️"),
    ("ui/trainer/reports.py", "Báo cáo", "📈"),
)


def trainer_menu() -> None:
    # Every staff page draws this menu first, so this is the one place trainer pages take a
    # laptop's width (app.py sets "centered" for the phone pages; a later call may widen it)
    # and page.css lifts its 720-px column for blocks that hold the menu (.st-key-trainer_menu).
    st.set_page_config(layout="wide")
    # a wrapping row: each link keeps its whole title, on any screen width
    with st.container(horizontal=True, gap="small", key="trainer_menu"):
        for path, title, icon in PAGES:
            st.page_link(path, label=title, icon=icon, width="content")
