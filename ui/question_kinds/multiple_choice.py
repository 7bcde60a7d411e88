"""Multiple choice: a numbered tick box per option, then "Trả lời"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from quizzes.kinds.multiple_choice import MultipleChoice
from ui.question_kinds.projector import projector_line

if TYPE_CHECKING:
    from ui.question_kinds import Submit

NOTHING_CHOSEN = "quiz_nothing_chosen"


def _submit_checked(question: MultipleChoice, submit: Submit) -> None:
    chosen = frozenset(o.id for o in question.options if st.session_state.get(f"chk_{question.id}_{o.id}"))
    if chosen:
        submit(chosen)
    else:
        st.session_state[NOTHING_CHOSEN] = True


def answer_control(question: MultipleChoice, submit: Submit) -> None:
    st.caption("Chọn tất cả các ý đúng, rồi bấm Trả lời.")
    for number, option in enumerate(question.options, start=1):
        st.checkbox(f"{number}. {option.text}", key=f"chk_{question.id}_{option.id}")
    st.button("Trả lời ✔️", type="primary", key=f"submit_{question.id}", width="stretch",
              on_click=_submit_checked, args=(question, submit))
    if st.session_state.pop(NOTHING_CHOSEN, False):
        st.warning("Bác hãy chọn ít nhất một ý.")


def show_on_projector(question: MultipleChoice) -> None:
    for number, option in enumerate(question.options, start=1):
        projector_line(f"{number}. {option.text}")
