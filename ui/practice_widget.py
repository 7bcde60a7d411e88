"""A practice step: the picture is a pretend screen; the learner taps the right thing,
on the picture itself (where a target has an ``area``) or on its big numbered button.

The step's "Nghe" names every button with its number (``Practice.spoken_choices``).
A wrong tap shows and reads that target's hint (by itself when the learner's settings
allow autoplay); after two wrong taps the right target is named too, so nobody stays
stuck. The success text is read the same way. ``practice_step`` returns True once the
step is done.
"""

from __future__ import annotations

import functools
import html

import streamlit as st

from lessons.fields import number_word
from lessons.models import Practice, Step
from ui import resources
from ui.narration_widget import narrate
from ui.picture import picture_url, show_picture
from ui.practice_hotspots import pretend_screen, tapped_target

WRONG_TAPS_BEFORE_ANSWER = 2


def _state_key(lesson_id: str, step_id: str) -> str:
    return f"practice_{lesson_id}_{step_id}"


def _tap(key: str, practice: Practice, target_id: str) -> None:
    state = st.session_state.setdefault(key, {"done": False, "wrong": 0, "last": None})
    if state["done"]:
        return
    target = next((t for t in practice.targets if t.id == target_id), None)
    if target is None:
        return
    state["fresh"] = True  # read the verdict out once, right after this tap
    if target.correct:
        state["done"] = True
    else:
        state["wrong"] += 1
        state["last"] = target.id


def _tap_on_picture(key: str, practice: Practice) -> None:
    target_id = tapped_target(key + "_screen")
    if target_id:
        _tap(key, practice, target_id)


def practice_picture(lesson_id: str, step: Step, save_data: bool = False) -> None:
    """The step's picture; with tap zones over the places its targets have an area for."""
    practice = step.practice
    view_box = resources.picture_view_box(step.image) if practice and any(t.area for t in practice.targets) else None
    if practice is None or view_box is None:
        show_picture(step.image, step.alt, save_data=save_data)
        return
    url = picture_url(step.image, step.alt, save_data)
    if url is None:
        return
    key = _state_key(lesson_id, step.id)
    done = bool(st.session_state.get(key, {}).get("done"))
    pretend_screen(key + "_screen", url, step.alt, view_box, practice, done,
                   on_tap=functools.partial(_tap_on_picture, key, practice))


def button_label(number: int, label: str) -> str:
    """"1. Tin được": the number the voice says before the label."""
    return f"{number}. {label}"


def practice_step(lesson_id: str, step_id: str, practice: Practice, autoplay: bool = False) -> bool:
    """The verdict of the last tap and the numbered buttons; ``autoplay`` (the learner's
    setting, off in data-saving mode) reads a hint or the success out right after a tap."""
    key = _state_key(lesson_id, step_id)
    state = st.session_state.get(key, {"done": False, "wrong": 0, "last": None})
    speak_now = autoplay and bool(state.pop("fresh", False))
    if state["done"]:
        st.success(f"✅ {practice.success}")
        narrate(practice.success, "success", autoplay=speak_now)
        return True
    if state["last"]:
        hint = next(t.spoken_hint for t in practice.targets if t.id == state["last"])
        st.warning(f"🤔 {hint}")
        # a new slot per wrong tap, so the same hint is read again after the same mistake
        narrate(hint, f"hint{state['wrong']}", label="Nghe gợi ý", autoplay=speak_now)
        if state["wrong"] >= WRONG_TAPS_BEFORE_ANSWER:
            right = " hoặc ".join(f"“{button_label(n, t.label)}”"
                                  for n, t in enumerate(practice.targets, start=1) if t.correct)
            st.html(f"<p class='step-text'>👉 Gợi ý: bấm vào <b>{html.escape(right)}</b>.</p>")
    st.caption(f"👆 Chọn một trong {number_word(len(practice.targets))} nút:")  # as the step's Nghe says
    for number, target in enumerate(practice.targets, start=1):  # below the hint, so a hint shows without scrolling
        st.button(button_label(number, target.label), key=f"{key}_{target.id}", width="stretch", on_click=_tap,
                  args=(key, practice, target.id))
    return False
