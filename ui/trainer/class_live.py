"""What the projector keeps up to date while a class runs, polled every
``class_mode.follow_seconds``: phones with the class now, and how many have answered
the live question. Each poll reads the per-process cached class state and one small
query; it reruns the whole page only when the class changed elsewhere (another
trainer's laptop moved it, or it ended by itself)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from progress.classes.attendance import attendance
from progress.classes.live import live_answers
from ui import resources


def _changed_elsewhere(class_id: int, shown_version: int) -> bool:
    state = resources.class_states().get(class_id)
    return state is None or not state.is_open or state.version > shown_version


def _phones_with_class(class_id: int, shown_version: int) -> None:
    if _changed_elsewhere(class_id, shown_version):
        st.rerun()
    seconds = resources.settings().class_mode.present_seconds
    now = attendance(resources.database(), class_id, dt.timedelta(seconds=seconds)).with_class_now
    st.markdown(f"<p class='bar-count' title='Điện thoại đang theo lớp'>📱 {now} điện thoại</p>",
                unsafe_allow_html=True, width="content")


def _answered(class_question_id: int) -> None:
    count = live_answers(resources.database(), class_question_id).count
    st.markdown(f"<p class='present-answered'>✍️ {count} người đã trả lời</p>", unsafe_allow_html=True)


def phones_with_class(class_id: int, shown_version: int) -> None:
    """"📱 5": phones seen within ``class_mode.present_seconds``, kept up to date."""
    every = resources.settings().class_mode.follow_seconds
    st.fragment(_phones_with_class, run_every=every)(class_id, shown_version)


def answered_count(class_question_id: int) -> None:
    """"✍️ 8 người đã trả lời" for the live question, kept up to date."""
    every = resources.settings().class_mode.follow_seconds
    st.fragment(_answered, run_every=every)(class_question_id)
