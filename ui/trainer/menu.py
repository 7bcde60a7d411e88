"""Links between the trainer pages (the trainer works on a laptop)."""

from __future__ import annotations

import streamlit as st

PAGES = (
    ("ui/trainer/dashboard.py", "Tiến độ nhóm", "📊"),
    ("ui/trainer/recordings.py", "Ghi âm giọng đọc", "🎙️"),
    ("ui/trainer/audio_coverage.py", "Độ phủ tiếng đọc", "🔊"),
    ("ui/trainer/qr_cards.py", "Thẻ QR vào học", "🪪"),
)


def trainer_menu() -> None:
    for start in range(0, len(PAGES), 2):  # two per row, so no title is cut short
        for column, (path, title, icon) in zip(st.columns(2), PAGES[start:start + 2]):
            column.page_link(path, label=title, icon=icon)
