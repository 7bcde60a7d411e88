"""Class mode for the trainer: start a class (or go back to one still open), then present
it on the projector while the learners' phones follow; end it and read the class held.
The class shown is in the address (?lop=ID), so a reload comes back to it."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from progress.classes.errors import ClassError
from progress.classes.records import class_record
from progress.classes.running import add_trainer, open_classes_of
from progress.classes.state import ClassState
from progress.scope import Scope
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.trainer.class_actions import NOTE
from ui.trainer.class_presenter import show_presenter
from ui.trainer.class_record_view import show_record
from ui.trainer.class_start import CLASS_PARAM, show_start
from ui.trainer.menu import trainer_menu

# the projector needs every pixel: wide here (app.py sets "centered" again for the other pages)
st.set_page_config(layout="wide")
trainer, scope = staff_page()


def requested_class() -> int | None:
    text = st.query_params.get(CLASS_PARAM, "")
    return int(text) if text.isdigit() else None


def back_to_start() -> None:
    st.query_params.pop(CLASS_PARAM, None)


def may_run(state: ClassState, scope: Scope) -> bool:
    """An account that may change the class's group (its trainer, the team lead, an
    admin) runs it; so does a trainer already counted in a class still open. A class of
    a group outside the scope is refused, even with its id typed into the address."""
    if scope.can_edit and scope.sees_group(state.group_id):
        return True
    running = open_classes_of(resources.database(), scope.account_id) if state.is_open and scope.can_edit else []
    return any(c.class_id == state.class_id for c in running)


def refuse(message: str) -> NoReturn:
    trainer_menu()
    st.title("🖥️ Trình chiếu cho cả lớp")
    st.warning(message)
    st.button("⬅️ Về trang bắt đầu buổi học", key="class_back", on_click=back_to_start)
    st.stop()


class_id = requested_class()
if class_id is None:
    trainer_menu()
    st.title("🖥️ Trình chiếu cho cả lớp")
    st.caption("Chiếu bài lên màn hình lớn; điện thoại của học viên vào lớp bằng mã QR hoặc số vào lớp, cùng "
               "theo từng bước và trả lời câu hỏi. Buổi học được ghi lại khi kết thúc.")
    show_start(trainer, scope)
    st.stop()

states = resources.class_states()
states.forget(class_id)  # the trainer's own screen reads the class fresh; phones use the cache
state = states.get(class_id)
if state is None:
    refuse("Không tìm thấy buổi học này (có thể địa chỉ đã cũ). Hãy chọn lại buổi học ở trang bắt đầu.")
if not may_run(state, scope):
    # the group is not named: it may belong to another area
    refuse("Buổi học này không thuộc nhóm nào tài khoản này phụ trách, nên không trình chiếu được. "
           "Hãy chọn một buổi học của nhóm mình.")
if not state.is_open:
    trainer_menu()
    st.title("📋 Buổi học đã tổ chức")
    if NOTE in st.session_state:
        st.success(st.session_state.pop(NOTE))
    else:
        st.info("Buổi học này đã kết thúc.")
    record = class_record(resources.database(), class_id)
    if record is not None:
        show_record(record, resources.catalog())
    st.button("⬅️ Về trang bắt đầu buổi học", key="class_back", on_click=back_to_start)
    st.stop()

joined_key = f"class_counted_{class_id}"
if not st.session_state.get(joined_key):
    try:  # a trainer of the group who opens the class helps run it: counted in the class held
        add_trainer(resources.database(), class_id, trainer.id)
    except ClassError as exc:
        refuse(as_text(exc))
    st.session_state[joined_key] = True
show_presenter(state)
