"""A short sound after an answer: two rising notes when right, one low note when wrong.

Made in the browser (Web Audio), so it costs no download. The answer tap itself lets
the browser play it."""

from __future__ import annotations

import streamlit as st

_JS = """
export default function(component) {
    const { data } = component;
    if (!data || !data.id) { return; }
    window.__bdhvsChimes = window.__bdhvsChimes || {};
    if (window.__bdhvsChimes[data.id]) { return; }   // once per answer, not on every redraw
    window.__bdhvsChimes[data.id] = true;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    const context = new Context();
    const notes = data.correct ? [[660, 0], [880, 0.15]] : [[220, 0]];
    for (const [frequency, start] of notes) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.25, context.currentTime + start);
        gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + start + 0.35);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(context.currentTime + start);
        oscillator.stop(context.currentTime + start + 0.4);
    }
}
"""

_component = st.components.v2.component("bdhvs_feedback_sound", js=_JS)


def feedback_sound(answer_id: str, correct: bool) -> None:
    _component(data={"id": answer_id, "correct": correct}, key="feedback_sound")
