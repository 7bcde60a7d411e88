""""Thử giọng đọc": one big button that says which voice this phone will use.

Tapping it speaks a short test sentence through the same chain as "Nghe"
(ui/audio_player.py): a recorded or pre-rendered Google file, else the phone's own
Vietnamese voice (Web Speech API), else the espeak-ng file ("giọng máy tạm thời"), else
nothing. Only the browser knows whether the phone has a Vietnamese voice (its voice
list can arrive late, with "voiceschanged"), so the verdict is decided in
ui/browser/voice_check.js, then shown and spoken there; when the phone has no
Vietnamese voice the steps to install one appear. The verdict comes back to Python
as a trigger and is logged.
"""

from __future__ import annotations

import logging

import streamlit as st

from media.speech_text import normalise_for_speech
from media.ui_phrases import (
    VOICE_INSTALL,
    VOICE_IS_FILE,
    VOICE_IS_MACHINE,
    VOICE_IS_PHONE,
    VOICE_NONE,
    VOICE_REST_MACHINE,
    VOICE_REST_PHONE,
    VOICE_TEST,
)
from ui import resources
from ui.browser_modules import loader_js

log = logging.getLogger(__name__)

BUTTON = "🔊 Thử giọng đọc"
CHECKING = "Đang thử giọng đọc…"
# Shown, not spoken: menu names differ between phone makers and system versions.
INSTALL_TITLE = ("Cài giọng tiếng Việt cho điện thoại (khi có Wi-Fi vào được mạng; "
                 "tên mục có thể hơi khác trên từng máy):")
INSTALL_STEPS = (
    "Android: Cài đặt → Hỗ trợ tiếp cận (hoặc Quản lý chung) → Chuyển văn bản thành giọng nói → "
    "Công cụ của Google → Cài đặt dữ liệu giọng nói → Tiếng Việt.",
    "iPhone: Cài đặt → Trợ năng → Nội dung được đọc → Giọng nói → Tiếng Việt.",
    "Cài xong, mở lại ứng dụng và bấm “Thử giọng đọc” lần nữa.",
)

_HTML = (
    '<div class="voice-check nghe-box"><button type="button" class="nghe-play voice-check-play"></button>'
    '<div class="voice-check-result step-text" role="status" aria-live="polite"></div>'
    '<div class="voice-check-install" hidden><p class="voice-check-install-title"></p><ul></ul></div></div>'
)

_component = st.components.v2.component(
    "bdhvs_voice_check", html=_HTML, js=loader_js("voice_check"),
    isolate_styles=False,  # the "Nghe" look of ui/browser/page.css
)


def _phrase(text: str) -> dict[str, object]:
    """A sentence as the player needs it: shown text, spoken text, and its best file."""
    clip = resources.narrator().clip_for(text)
    return {"text": text, "speech": normalise_for_speech(text), "url": clip.url if clip else None,
            "natural": bool(clip and clip.natural)}


def _logged(where: str) -> None:
    result = st.session_state.get(f"voice_check_{where}")
    log.info("voice check (%s): this device uses %s", where, getattr(result, "voice", None))


def voice_check(where: str) -> None:
    """The "Thử giọng đọc" button; ``where`` names the page (its key, and the log line)."""
    _component(
        data={
            "label": BUTTON, "checking": CHECKING, "test": _phrase(VOICE_TEST),
            "verdicts": {"file": _phrase(VOICE_IS_FILE), "device": _phrase(VOICE_IS_PHONE),
                         "machine": _phrase(VOICE_IS_MACHINE), "none": {"text": VOICE_NONE}},
            "rest": {"device": _phrase(VOICE_REST_PHONE), "machine": _phrase(VOICE_REST_MACHINE)},
            "install": _phrase(VOICE_INSTALL), "install_title": INSTALL_TITLE, "install_steps": list(INSTALL_STEPS),
        },
        key=f"voice_check_{where}", on_voice_change=lambda: _logged(where),
    )
