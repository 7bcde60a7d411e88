"""Before a class: the trainer's classes still open (to go back to after a closed tab or
a restarted laptop), starting a new class (group, lessons in order, place), and the
classes already held."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from catalog.loading import Catalog
from progress.account_error import AccountError
from progress.classes.errors import ClassError
from progress.classes.held_list import classes_held
from progress.classes.running import end_class, open_classes_of, start_class
from progress.classes.state import ClassState
from progress.groups import GroupInfo
from progress.scope import Scope
from progress.trainers import TrainerInfo
from ui import resources
from ui.plain_text import as_text
from ui.trainer.class_actions import change_class
from ui.trainer.class_record_view import held_title, local_time
from ui.trainer.group_choice import scoped_groups

CLASS_PARAM = "lop"  # ?lop=ID: the class this page shows, so a reload comes back to it
LAST_PLACE = "class_last_place"  # the place typed last time, offered again
HELD_SHOWN = 10


def open_class(class_id: int) -> None:
    st.query_params[CLASS_PARAM] = str(class_id)


def idle_after() -> dt.timedelta:
    return dt.timedelta(minutes=resources.settings().class_mode.idle_end_minutes)


def _end_open(class_id: int) -> None:
    change_class(class_id, lambda: end_class(resources.database(), class_id), flash_key="class_start_flash")


def _open_classes(trainer: TrainerInfo, catalog: Catalog) -> None:
    running = open_classes_of(resources.database(), trainer.id, idle_after())
    if not running:
        return
    st.subheader("⏯️ Buổi học đang mở")
    st.caption("Trang bị đóng giữa buổi, hoặc máy tính khởi động lại? Bấm “Tiếp tục” để chiếu tiếp đúng chỗ cũ.")
    for state in running:
        with st.container(border=True):
            st.markdown(_open_line(state, catalog))
            go, stop = st.columns(2)
            go.button("▶️ Tiếp tục", key=f"resume_{state.class_id}", type="primary", width="stretch",
                      on_click=open_class, args=(state.class_id,))
            stop.button("⏹️ Kết thúc", key=f"end_open_{state.class_id}", width="stretch",
                        on_click=_end_open, args=(state.class_id,))


def _open_line(state: ClassState, catalog: Catalog) -> str:
    lessons = ", ".join(catalog.lessons[i].title for i in state.lesson_ids if i in catalog.lessons)
    place = f" · {as_text(state.place)}" if state.place else ""
    started = local_time(state.started_at).strftime('%H:%M %d/%m')
    return (f"**{as_text(state.group_name)}**{place} · bắt đầu {started} · "
            f"số vào lớp {state.join_code}  \n📚 {lessons}")


def lesson_labels(catalog: Catalog) -> dict[str, str]:
    modules = {module.id: module for module in catalog.modules}
    labels: dict[str, str] = {}
    for lesson in catalog.lessons_in_order():
        module = modules.get(lesson.module)
        labels[lesson.id] = f"{module.icon} {module.title} › {lesson.title}" if module else lesson.title
    return labels


def _start_form(trainer: TrainerInfo, scope: Scope, groups: list[GroupInfo], catalog: Catalog) -> None:
    st.subheader("▶️ Bắt đầu buổi học mới")
    st.page_link("ui/trainer/code_of_practice.py", icon="🤝",
                 label="Trước buổi học: nhắc lại quy tắc cầm tay chỉ việc — để bà con tự bấm, "
                       "không hỏi mật khẩu hay mã OTP, không chụp giấy tờ")
    group = st.selectbox("Nhóm", groups, format_func=lambda g: g.name, key="class_group")
    labels = lesson_labels(catalog)
    lessons: list[str] = st.multiselect(
        "Bài sẽ học (chọn theo thứ tự sẽ dạy)", list(labels), format_func=labels.__getitem__,
        key="class_lessons", placeholder="Chọn một hay nhiều bài")
    place = st.text_input("Nơi học", value=st.session_state.get(LAST_PLACE, ""), max_chars=200,
                          placeholder="Ví dụ: Nhà văn hóa thôn Bờ He", key="class_place")
    if not st.button("▶️ Bắt đầu buổi học", key="class_start", type="primary", width="stretch"):
        return
    try:
        scope.require_edit(group.id)
        state = start_class(resources.database(), trainer.id, group.id, lessons, place, idle_after())
    except (ClassError, AccountError) as exc:
        st.warning(as_text(exc))
        return
    st.session_state[LAST_PLACE] = place
    open_class(state.class_id)
    st.rerun()


def _held(groups: list[GroupInfo]) -> None:
    held = classes_held(resources.database(), [g.id for g in groups], limit=HELD_SHOWN)
    st.subheader("📋 Các buổi học đã tổ chức")
    if not held:
        st.caption("Chưa có buổi học nào kết thúc.")
    for item in held:
        line, see = st.columns([4, 1], vertical_alignment="center")
        line.markdown(as_text(held_title(item)))
        see.button("Xem", key=f"held_{item.class_id}", width="stretch", on_click=open_class, args=(item.class_id,))
    st.page_link("ui/trainer/classes_held.py", label="Tất cả buổi học, và ghi buổi học không dùng ứng dụng",
                 icon="📋")


def show_start(trainer: TrainerInfo, scope: Scope) -> None:
    catalog = resources.catalog()
    groups = scoped_groups(scope)
    if "class_start_flash" in st.session_state:
        st.warning(st.session_state.pop("class_start_flash"))
    _open_classes(trainer, catalog)
    if not groups:
        st.info("Tài khoản này chưa được giao nhóm nào, nên chưa mở được buổi học.")
        return
    _start_form(trainer, scope, groups, catalog)
    _held(groups)

