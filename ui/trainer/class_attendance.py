"""Who is at the class: learners who joined (names and pictures), guests, phones with
the class now, and the head count the trainer can correct."""

from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from progress.classes.attendance import attendance
from progress.classes.running import MAX_HEAD_COUNT, set_head_count
from progress.classes.state import ClassState
from ui import resources
from ui.trainer.class_actions import change_class

HEAD_COUNT = "class_head_count_{}"


def _save_head_count(class_id: int) -> None:
    value = st.session_state.get(HEAD_COUNT.format(class_id))
    count = None if value is None else int(value)
    change_class(class_id, lambda: set_head_count(resources.database(), class_id, count), done="Đã lưu số người dự.")


def show_attendance(state: ClassState) -> None:
    seconds = resources.settings().class_mode.present_seconds
    people = attendance(resources.database(), state.class_id, dt.timedelta(seconds=seconds))
    with st.container(key="present_people"):
        st.markdown("<p class='present-lesson'>Điểm danh</p>", unsafe_allow_html=True)
        counts = (("Học viên đã vào lớp", len(people.learners)), ("Khách", people.guests),
                  ("Điện thoại đang theo lớp", people.with_class_now), ("Số người dự", people.total))
        st.markdown("<div class='class-counts'>" + "".join(
            f"<div><b>{number}</b><span>{label}</span></div>" for label, number in counts) + "</div>",
            unsafe_allow_html=True)
        if people.learners:
            st.markdown("<div class='class-people'>" + "".join(
                f"<span>{html.escape(p.avatar)} {html.escape(p.name)}</span>" for p in people.learners)
                + "</div>", unsafe_allow_html=True)
        else:
            st.caption("Chưa học viên nào vào lớp bằng điện thoại.")
        with st.form(key=f"head_count_form_{state.class_id}", border=False):
            st.number_input("Số người có mặt (tự đếm, kể cả người không có điện thoại)", min_value=0,
                            max_value=MAX_HEAD_COUNT, step=1, value=people.total, width=560,
                            key=HEAD_COUNT.format(state.class_id))
            st.form_submit_button("💾 Lưu số người dự", on_click=_save_head_count, args=(state.class_id,))
