"""A practice step: the picture is a pretend screen; the learner taps the right thing.

A wrong tap shows (and reads) that target's hint; after two wrong taps the right
target is named too, so nobody stays stuck. Returns True once the step is done.
"""

from __future__ import annotations

import html

import streamlit as st

from lessons.models import Practice
from ui.narration_widget import narrate

WRONG_TAPS_BEFORE_ANSWER = 2


def _state_key(lesson_id: str, step_id: str) -> str:
    return f"practice_{lesson_id}_{step_id}"


def _tap(key: str, practice: Practice, target_id: str) -> None:
    state = st.session_state.setdefault(key, {"done": False, "wrong": 0, "last": None})
    if state["done"]:
        return
    target = next(t for t in practice.targets if t.id == target_id)
    if target.correct:
        state["done"] = True
    else:
        state["wrong"] += 1
        state["last"] = target.id


def practice_step(lesson_id: str, step_id: str, practice: Practice) -> bool:
    key = _state_key(lesson_id, step_id)
    state = st.session_state.get(key, {"done": False, "wrong": 0, "last": None})
    if state["done"]:
        st.success(f"✅ {practice.success}")
        narrate(practice.success, "success")
        return True
    if state["last"]:
        hint = next(t.hint for t in practice.targets if t.id == state["last"])
        st.warning(f"🤔 Chưa đúng. {hint}")
        narrate(hint, "hint", label="Nghe gợi ý")
        if state["wrong"] >= WRONG_TAPS_BEFORE_ANSWER:
            right = " hoặc ".join(f"“{t.label}”" for t in practice.targets if t.correct)
            st.markdown(f"<p class='step-text'>👉 Gợi ý: bấm vào <b>{html.escape(right)}</b>.</p>",
                        unsafe_allow_html=True)
    st.caption("👆 Bấm vào đúng chỗ trên màn hình tập:")
    for target in practice.targets:  # below the hint, so a hint shows without scrolling
        st.button(target.label, key=f"{key}_{target.id}", width="stretch", on_click=_tap,
                  args=(key, practice, target.id))
    return False
