"""Image choice: each picture with a big "Chọn hình n" button under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from quizzes.kinds.image_choice import ImageChoice
from ui.picture import show_picture
from ui.question_kinds.projector import projector_line

if TYPE_CHECKING:
    from ui.question_kinds import Submit


def answer_control(question: ImageChoice, submit: Submit) -> None:
    for number, option in enumerate(question.options, start=1):
        show_picture(option.image, option.alt)
        st.button(f"👆 Hình {number}: {option.text}", key=f"img_{question.id}_{option.id}", width="stretch",
                  on_click=submit, args=(option.id,))


def show_on_projector(question: ImageChoice) -> None:
    # side by side, so three pictures fit a projector's height (stacked on a narrow screen)
    for number, (option, column) in enumerate(zip(question.options, st.columns(len(question.options)),
                                                  strict=True), start=1):
        with column:
            projector_line(f"Hình {number}: {option.text}")
            show_picture(option.image, option.alt)
