"""What a learner sees after answering a question (in a quiz or a review): right or
wrong in words and sound, not colour alone, the right answer, and each explanation
with a "Nghe"."""

from __future__ import annotations

import html

import streamlit as st

from quizzes.answers import GradedAnswer
from ui.feedback_sound import feedback_sound
from ui.narration_widget import narrate


def show_feedback(feedback: GradedAnswer, answer_id: str = "") -> None:
    """``answer_id`` identifies this answer, so its sound plays once."""
    feedback_sound(answer_id or feedback.question_id, feedback.correct)
    if feedback.correct:
        st.success("✅ Đúng rồi!")
    else:
        st.error("❌ Chưa đúng.")
        st.markdown(
            "<p class='step-text'>👉 Đáp án đúng: <b>" + html.escape(" · ".join(feedback.right_answers)) + "</b></p>",
            unsafe_allow_html=True,
        )
    for explanation in feedback.explanations:  # one player per text: matches pre-rendered audio
        st.markdown(f"<p class='step-text'>{html.escape(explanation)}</p>", unsafe_allow_html=True)
        narrate(explanation, "explanation", label="Nghe giải thích")
