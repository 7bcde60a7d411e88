"""True or false: two big buttons, "Đúng" and "Sai"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from quizzes.kinds.true_false import TrueFalse
from ui.question_kinds.projector import projector_line

if TYPE_CHECKING:
    from ui.question_kinds import Submit


def answer_control(question: TrueFalse, submit: Submit) -> None:
    st.button("✅ Đúng", key=f"tf_{question.id}_true", width="stretch", on_click=submit, args=(True,))
    st.button("❌ Sai", key=f"tf_{question.id}_false", width="stretch", on_click=submit, args=(False,))


def show_on_projector(question: TrueFalse) -> None:
    projector_line("✅ Đúng  hay  ❌ Sai?")
