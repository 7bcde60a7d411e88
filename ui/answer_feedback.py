"""What a learner sees and hears after answering a question (in a quiz or a review):
right or wrong in words and sound, not colour alone, the right answer, and each
explanation. One "Nghe" says it all (quizzes.speech.spoken_feedback: "Đúng rồi." or
"Chưa đúng. Đáp án đúng là: …", then the explanations), by itself when the learner's
settings allow it."""

from __future__ import annotations

import html

import streamlit as st

from quizzes.answers import GradedAnswer
from quizzes.speech import spoken_feedback
from ui.feedback_sound import feedback_sound
from ui.narration_widget import narrate


def show_feedback(feedback: GradedAnswer, answer_id: str = "", autoplay: bool = False) -> None:
    """``answer_id`` identifies this answer, so its sound plays once; ``autoplay``
    (see ui.narration_widget.plays_by_itself) says the feedback without a tap."""
    feedback_sound(answer_id or feedback.question_id, feedback.correct)
    if feedback.correct:
        st.success("✅ Đúng rồi!")
    else:
        st.error("❌ Chưa đúng.")
        st.html("<p class='step-text'>👉 Đáp án đúng: <b>" + html.escape(" · ".join(feedback.right_answers))
                + "</b></p>")
    narrate(spoken_feedback(feedback), "verdict", autoplay=autoplay)
    for explanation in feedback.explanations:
        st.html(f"<p class='step-text'>{html.escape(explanation)}</p>")
        if explanation in feedback.unspoken_explanations:  # not in the verdict's audio: its own player
            narrate(explanation, "explanation", label="Nghe giải thích")
