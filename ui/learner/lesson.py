"""Lesson player: one step per screen, narration, Back / Next; resumes where left."""

from __future__ import annotations

import html
import time

import streamlit as st

from catalog.narratable import step_heading
from lessons.models import Lesson
from progress.recordings import lesson_recordings
from progress.tracking import open_lesson, save_step
from ui import resources
from ui.narration_widget import narrate, narrate_step
from ui.picture import show_picture
from ui.picture_room import picture_room
from ui.practice_widget import practice_picture, practice_step
from ui.scroll_top import scroll_to_top
from ui.signin_state import signed_in_learner

learner = signed_in_learner("ui/learner/lesson.py")
db = resources.database()
catalog = resources.catalog()


def requested_lesson() -> Lesson:
    """The lesson in the address; a plain message and a way home if there is none."""
    lesson = catalog.lessons.get(st.query_params.get("bai", ""))
    if lesson is None:
        st.warning("Không tìm thấy bài học này. Bác quay về trang chính nhé.")
        if st.button("🏠 Về trang chính", key="home_missing", width="stretch"):
            st.switch_page("ui/learner/home.py")
        st.stop()
    return lesson


lesson = requested_lesson()
recordings = lesson_recordings(db, lesson.id)  # one query per page run, not per step
STEP_KEY = f"step_{lesson.id}"
SINCE_KEY = f"step_since_{lesson.id}"
if STEP_KEY not in st.session_state:
    st.session_state[STEP_KEY] = open_lesson(db, learner.id, lesson.id, len(lesson.steps))
    st.session_state[SINCE_KEY] = time.monotonic()

st.subheader(lesson.title)  # smaller than a page title: the step and its picture fit the screen


def _move_to(new_step: int, finished: bool = False) -> None:
    spent = time.monotonic() - st.session_state[SINCE_KEY]
    save_step(db, learner.id, lesson.id, new_step, spent, finished=finished)
    st.session_state[STEP_KEY] = new_step
    st.session_state[SINCE_KEY] = time.monotonic()


@st.fragment
def step_player() -> None:
    index = st.session_state[STEP_KEY]
    step = lesson.steps[index]
    last = index == len(lesson.steps) - 1
    scroll_to_top(f"{lesson.id}/{index}")
    counter, heading = st.columns([3, 2], vertical_alignment="center", gap="small")
    counter.progress((index + 1) / len(lesson.steps), text=f"Bước {index + 1} / {len(lesson.steps)}")
    with heading:  # the lesson's name and the counter, said
        narrate(step_heading(lesson, index + 1), "heading", label="Nghe")
    if step.image and step.practice:  # a pretend screen: its places can be tapped
        practice_picture(lesson.id, step, save_data=learner.save_data)
    elif step.image:
        show_picture(step.image, step.alt, save_data=learner.save_data,
                     max_heights=picture_room(lesson.title, step.text, step.tip))
    st.html(f"<p class='step-text'>{html.escape(step.text)}</p>")
    if step.tip:
        st.html(f"<div class='tip'>💡 {html.escape(step.tip)}</div>")
    # a practice step lets the learner move on once the right thing was tapped
    done = (practice_step(lesson.id, step.id, step.practice, autoplay=learner.autoplay and not learner.save_data)
            if step.practice else True)
    # "Nghe", "Quay lại" and "Tiếp theo" sit in a bar fixed to the bottom of the screen
    # (ui/browser/page.css, .st-key-step_actions): on a 360×640 phone they are on the
    # first screen whatever the length of the text, and they come after it when read aloud
    with st.container(key="step_actions"):
        narrate_step(step, recordings, learner)
        if index > 0:
            back, forward = st.columns([2, 3], wrap=False, gap="small")
            back.button("⬅️ Quay lại", key="back", width="stretch", on_click=_move_to, args=(index - 1,))
        else:
            forward = st.container()
        if done and last:
            if forward.button("📝 Làm bài kiểm tra", type="primary", key="to_quiz", width="stretch"):
                _move_to(index, finished=True)
                st.switch_page("ui/learner/quiz.py", query_params={"bai": lesson.id})
        elif done:
            forward.button("Tiếp theo ➡️", type="primary", key="next", width="stretch", on_click=_move_to,
                           args=(index + 1,))


step_player()
st.divider()
if st.button("🏠 Về trang chính", key="home", width="stretch"):
    _move_to(st.session_state[STEP_KEY])
    st.session_state.pop(STEP_KEY, None)
    st.switch_page("ui/learner/home.py")
