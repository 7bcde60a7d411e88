"""The audio control under a text: plays the best narration we have, or says none."""

from __future__ import annotations

import streamlit as st

from ui import resources


def narrate(text: str, label: str = "🔊 Nghe") -> None:
    clip = resources.narrator().clip_for(text)
    if clip is None:
        st.caption("Chưa có tiếng đọc cho phần này.")
        return
    st.caption(label + (" · giọng máy tạm thời" if clip.temporary_voice else ""))
    st.audio(clip.url, format=clip.mime)
