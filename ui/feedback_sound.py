"""A short sound after an answer: two rising notes when right, one low note when wrong.

Made in the browser (Web Audio), so it costs no download. The answer tap itself lets
the browser play it."""

from __future__ import annotations

import streamlit as st

from ui.browser_modules import loader_js

_component = st.components.v2.component("bdhvs_feedback_sound", js=loader_js("feedback_sound"))


def feedback_sound(answer_id: str, correct: bool) -> None:
    _component(data={"id": answer_id, "correct": correct}, key="feedback_sound")
