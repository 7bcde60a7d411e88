"""The "Nghe" button: one big button per text, instead of a small media player.

It downloads nothing until tapped (phones on little data), shows the length and
size first, and picks the voice in the browser:
- a recorded or Google (gTTS) file: always that file;
- otherwise, if the phone has a Vietnamese voice (Web Speech API): the phone speaks
  the text itself, which sounds better than espeak-ng and costs no data. It is given
  ``speech``, the text as media/speech_text.py normalises it for every voice
  ("VNeID" -> "vê en e ai đi", "15/8" -> "ngày mười lăm tháng tám"), not the text on
  screen, so it says what the audio files say;
- otherwise the espeak-ng file ("giọng máy tạm thời"); else "no audio yet" — the
  text is always on the page.
"""

from __future__ import annotations

import streamlit as st

from ui.browser_modules import loader_js

_HTML = (
    '<div class="nghe-box"><button type="button" class="nghe-play">🔊 Nghe</button>'
    '<span class="nghe-meta"></span></div>'
)

_component = st.components.v2.component(
    "bdhvs_audio_player", html=_HTML, js=loader_js("audio_player"),
    # its look is in ui/style.py, sent once per page rather than with every button
    isolate_styles=False,
)


def audio_button(
    key: str, text: str, speech: str, url: str | None, natural: bool, meta: str, label: str = "Nghe",
    autoplay: bool = False,
) -> None:
    """A "Nghe" button for ``text``; ``speech`` = the same text normalised for a voice (what
    the phone's own voice says); ``natural`` = recorded or gTTS audio at ``url``.
    ``autoplay`` starts it when shown (browsers allow that once the page has been tapped)."""
    _component(data={"text": text, "speech": speech, "url": url, "natural": natural, "meta": meta,
                     "label": label, "autoplay": autoplay, "slot": key}, key=key)
