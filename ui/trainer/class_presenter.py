"""The presenter view of a running class, made for a projector: the slide (or the join
code, the attendance, the "end the class?" question) fills the screen, and everything
the trainer taps sits in one small bar at the bottom: ⬅️ ➡️, the slide counter, the join
number, phones with the class, attendance, full screen, end."""

from __future__ import annotations

import streamlit as st

from catalog.class_plan import ClassPlan, class_plan
from progress.classes.running import end_class, move_to
from progress.classes.state import ClassState
from quizzes.option_order import class_seed
from ui import resources
from ui.trainer.class_actions import FLASH, NOTE, change_class
from ui.trainer.class_attendance import show_attendance
from ui.trainer.class_join import show_join
from ui.trainer.class_live import phones_with_class
from ui.trainer.class_slide import show_slide
from ui.trainer.presenter_keys import presenter_keys

SLIDE, JOIN, PEOPLE, END = "slide", "join", "people", "end"


def panel_key(class_id: int) -> str:
    return f"class_panel_{class_id}"


def _show_panel(class_id: int, panel: str) -> None:
    st.session_state[panel_key(class_id)] = panel


def _toggle_panel(class_id: int, panel: str) -> None:
    shown = st.session_state.get(panel_key(class_id))
    _show_panel(class_id, SLIDE if shown == panel else panel)


def _move(class_id: int, plan: ClassPlan, position: int) -> None:
    """Every screen to slide ``position``; a question slide opens its live question."""
    if st.session_state.get(panel_key(class_id), SLIDE) != SLIDE:
        _show_panel(class_id, SLIDE)  # from a panel, ⬅️ or ➡️ first shows the slide again
        return
    slide = plan.slide(position)
    question = (slide.lesson.id, slide.question.id) if slide.question is not None else None
    change_class(class_id, lambda: move_to(resources.database(), class_id, position, live_question=question))


def _end(class_id: int) -> None:
    change_class(class_id, lambda: end_class(resources.database(), class_id),
                 done="Đã kết thúc buổi học. Đây là biên bản buổi học đã tổ chức.")


def _confirm_end(state: ClassState) -> None:
    with st.container(key="present_end_panel"):
        st.markdown("<p class='present-text'><b>Kết thúc buổi học?</b></p>", unsafe_allow_html=True)
        st.markdown("Điện thoại của học viên sẽ thôi theo lớp. Những gì đã ghi (người dự, câu trả lời) vẫn "
                    "được giữ trong biên bản buổi học.")
        yes, no = st.columns(2)
        yes.button("⏹️ Kết thúc buổi học", key="present_end_yes", type="primary", width="stretch",
                   on_click=_end, args=(state.class_id,))
        no.button("↩️ Chưa, học tiếp", key="present_end_no", width="stretch",
                  on_click=_show_panel, args=(state.class_id, SLIDE))


def _bar(state: ClassState, plan: ClassPlan, position: int, panel: str) -> None:
    class_id, last = state.class_id, len(plan.slides) - 1
    with st.container(key="present_bar", horizontal=True, gap="small", vertical_alignment="center"):
        # no tooltips here: one would stay over the slide after a click, on the projector
        st.button("⬅️", key="present_back", disabled=position == 0 and panel == SLIDE,
                  on_click=_move, args=(class_id, plan, position - 1))
        st.button("➡️", key="present_next", type="primary",
                  disabled=position >= last and panel == SLIDE, on_click=_move, args=(class_id, plan, position + 1))
        st.markdown(f"<p class='bar-counter'>{position + 1} / {len(plan.slides)}</p>", unsafe_allow_html=True,
                    width="content")
        st.button(f"🔢 Số vào lớp {state.join_code}", key="present_show_join", on_click=_toggle_panel,
                  args=(class_id, JOIN))
        phones_with_class(class_id, state.version)
        st.space("stretch")  # what shows the class on the left, what changes the page on the right
        st.button("👥 Điểm danh", key="present_show_people", on_click=_toggle_panel, args=(class_id, PEOPLE))
        presenter_keys()
        st.button("⏹️ Kết thúc buổi học", key="present_end", on_click=_show_panel, args=(class_id, END))


def show_presenter(state: ClassState) -> None:
    plan = class_plan(resources.catalog(), state.lesson_ids, class_seed(state.class_id))
    if FLASH in st.session_state:
        st.warning(st.session_state.pop(FLASH))
    if NOTE in st.session_state:
        st.success(st.session_state.pop(NOTE))
    # a class that has just started opens on its join code, also after a reload
    panel = st.session_state.setdefault(panel_key(state.class_id), JOIN if state.furthest_position == 0 else SLIDE)
    position = max(0, min(state.position, len(plan.slides) - 1))
    if panel == JOIN:
        show_join(state)
    elif panel == PEOPLE:
        show_attendance(state)
    elif panel == END:
        _confirm_end(state)
    elif not plan.slides:
        st.warning("Các bài của buổi học này không còn trong kho bài học. Hãy kết thúc buổi học và bắt đầu "
                   "buổi mới.")
    else:
        show_slide(state, plan.slide(position))
    if plan.slides:
        _bar(state, plan, position, panel)
    else:
        st.button("⏹️ Kết thúc buổi học", key="present_end_now", on_click=_end, args=(state.class_id,))
