"""Single choice: one big numbered button per option; a tap answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from quizzes.kinds.single_choice import SingleChoice
from ui.question_kinds.projector import projector_line

if TYPE_CHECKING:
    from ui.question_kinds import Submit


def answer_control(question: SingleChoice, submit: Submit) -> None:
    for number, option in enumerate(question.options, start=1):  # numbered as the voice reads them
        st.button(f"{number}. {option.text}", key=f"opt_{question.id}_{option.id}", width="stretch",
                  on_click=submit, args=(option.id,))


def show_on_projector(question: SingleChoice) -> None:
    for number, option in enumerate(question.options, start=1):
        projector_line(f"{number}. {option.text}")
