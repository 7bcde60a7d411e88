"""How much of each lesson can be heard, and with which voice."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from media.coverage import catalogue_coverage
from progress.recordings import all_recordings
from ui import resources
from ui.trainer.menu import trainer_menu

trainer_menu()
st.title("🔊 Độ phủ tiếng đọc")
st.caption(
    "Mỗi bài có bao nhiêu phần đã có tiếng đọc: giọng ghi âm, giọng Google (làm sẵn khi có mạng), "
    "giọng máy tạm thời (espeak-ng), hay chưa có."
)
narrator = resources.narrator()
rows = catalogue_coverage(resources.catalog(), narrator.cache, narrator.prerendered[0], narrator.fallback_voice,
                          all_recordings(resources.database()))
table = pd.DataFrame([
    {
        "Bài học": row.title,
        "Số câu": row.texts,
        "Ghi âm %": row.percent(row.recorded),
        "Google %": row.percent(row.prerendered),
        "Giọng máy tạm %": row.percent(row.fallback),
        "Chưa có %": row.percent(row.missing),
    }
    for row in rows
])
st.dataframe(table, hide_index=True, width="stretch")
st.caption("Giọng Google cần làm sẵn ở nơi có mạng: `python3 dev.py manage render-audio --engine gtts` (xem README).")
