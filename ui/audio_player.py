"""The "Nghe" button: one big button per text, instead of a small media player.

It downloads nothing until tapped (phones on little data), shows the length and
size first, and picks the voice in the browser:
- a recorded or Google (gTTS) file: always that file;
- otherwise, if the phone has a Vietnamese voice (Web Speech API): the phone speaks
  the text itself, which sounds better than espeak-ng and costs no data;
- otherwise the espeak-ng file ("giọng máy tạm thời"); else "no audio yet" — the
  text is always on the page.
"""

from __future__ import annotations

import streamlit as st

_HTML = """<div class="player"><button type="button" class="play">🔊 Nghe</button><span class="meta"></span></div>"""

_CSS = """
.player { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; margin: 0.2rem 0 0.8rem; }
.play { min-height: 56px; min-width: 140px; padding: 0 1.2rem; font-size: 20px; border-radius: 28px;
  border: 2px solid #0b5394; background: #e8f0fb; color: #0b3d6e; font-weight: 600; cursor: pointer; }
.play:active { background: #c9dcf5; }
.play:focus-visible { outline: 3px solid #0b5394; outline-offset: 3px; }
.meta { font-size: 18px; color: #3d3d3d; }
"""

_JS = """
export default function(component) {
    const { data, parentElement } = component;
    const box = parentElement.querySelector(".player");
    const button = parentElement.querySelector("button");
    const meta = parentElement.querySelector(".meta");
    if (!box || !data) { return; }
    if (box.__stop) { box.__stop(); }
    const synth = window.speechSynthesis;
    const viVoice = () => (synth ? synth.getVoices().find((v) => (v.lang || "").toLowerCase().startsWith("vi")) : null);
    const label = "🔊 " + (data.label || "Nghe");
    let audio = null;
    const mode = () => {
        if (data.url && data.natural) { return "file"; }
        if (viVoice()) { return "device"; }
        return data.url ? "file" : "none";
    };
    const render = () => {
        const m = mode();
        box.dataset.mode = m;
        button.hidden = m === "none";
        button.textContent = label;
        meta.textContent = m === "none" ? "Chưa có tiếng đọc cho phần này." : (m === "device" ? "giọng của điện thoại" : data.meta);
    };
    button.onclick = () => {
        const m = mode();
        if (m === "device") {
            synth.cancel();
            const utterance = new SpeechSynthesisUtterance(data.text);
            utterance.lang = "vi-VN";
            utterance.voice = viVoice();
            utterance.rate = 0.9;
            synth.speak(utterance);
            return;
        }
        if (!audio) {
            audio = new Audio(data.url);
            audio.preload = "none";
            audio.onended = () => { button.textContent = label; };
        }
        if (!audio.paused) { audio.pause(); audio.currentTime = 0; button.textContent = label; return; }
        audio.play().then(() => { button.textContent = "⏹️ Dừng"; }).catch(() => { button.textContent = label; });
    };
    box.__stop = () => { if (audio) { audio.pause(); } if (synth) { synth.cancel(); } };
    render();
    if (data.autoplay && mode() !== "none" && box.dataset.played !== data.text) {
        box.dataset.played = data.text;  // once per text, not on every redraw
        button.click();
    }
    if (synth && !(data.url && data.natural)) { synth.addEventListener("voiceschanged", render); }
}
"""

_component = st.components.v2.component("bdhvs_audio_player", html=_HTML, css=_CSS, js=_JS)


def audio_button(
    key: str, text: str, url: str | None, natural: bool, meta: str, label: str = "Nghe", autoplay: bool = False
) -> None:
    """A "Nghe" button for ``text``; ``natural`` = recorded or gTTS audio at ``url``.
    ``autoplay`` starts it when shown (browsers allow that once the page has been tapped)."""
    _component(data={"text": text, "url": url, "natural": natural, "meta": meta, "label": label,
                     "autoplay": autoplay}, key=key)
