"""How much of each lesson can be heard, and with which voice."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from media.coverage import catalogue_coverage, total_coverage
from progress.recordings import all_recordings
from ui import resources
from ui.demo_account import staff_page
from ui.trainer.menu import trainer_menu

staff_page()  # staff only (the page is registered for staff who may change things)
trainer_menu()
st.title("🔊 Độ phủ tiếng đọc")
st.caption(
    "Mỗi bài có bao nhiêu phần đọc bằng giọng nào: giọng ghi âm, giọng Google (làm sẵn khi có mạng), "
    "giọng máy tạm thời (espeak-ng), hay chưa có tiếng."
)
narrator = resources.narrator()
live = narrator.live_engine is not None
rows = catalogue_coverage(resources.catalog(), narrator.cache, narrator.prerendered[0], narrator.fallback_voice,
                          all_recordings(resources.database()), fallback_live=live)
table = pd.DataFrame([
    {
        "Bài học": row.title,
        "Số câu": row.texts,
        "Ghi âm %": row.percent(row.recorded),
        "Google %": row.percent(row.prerendered),
        "Giọng máy tạm %": row.percent(row.fallback),
        "Chưa có %": row.percent(row.missing),
    }
    for row in [*rows, total_coverage(rows, "Tất cả các bài")]
])
st.dataframe(table, hide_index=True, width="stretch")
st.caption(
    "Điện thoại có giọng tiếng Việt thì đọc phần “giọng máy tạm” và “chưa có” bằng giọng của điện thoại, "
    "nghe rõ hơn. Thử trên từng máy: ⚙️ Cài đặt → 🔊 Thử giọng đọc."
)
if not live:
    st.caption("Máy này chưa có giọng máy tạm thời (espeak-ng): phần chưa có giọng Google hay ghi âm thì chỉ hiện chữ "
               "trên điện thoại không có giọng tiếng Việt.")
st.caption("Giọng Google cần làm sẵn ở nơi có mạng: `python3 dev.py manage render-audio --engine gtts` (xem README).")
