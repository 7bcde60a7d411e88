"""A live class question on a phone: the prompt and the kind's big numbered, spoken
choices (ui/question_kinds, as in the quiz); a tap is graded and stored at once
(progress.classes.live); then "Đã gửi…" until the trainer reveals the answer, and then
this phone's own verdict and explanation, as the quiz shows them — or, for a phone that
did not answer, the right answer. A second tap is refused quietly: the first answer stands."""

from __future__ import annotations

import html

import streamlit as st

from catalog.class_plan import Slide
from media.class_phrases import ANSWER_SENT, NOT_ANSWERED, WAIT_FOR_QUESTION
from progress.classes.errors import ClassError
from progress.classes.live import answer_live_question, given_answer
from progress.classes.state import ClassState, LiveQuestion
from quizzes.answers import Answer, InvalidAnswer
from quizzes.grading import grade_answer
from quizzes.models import Question
from quizzes.speech import numbered_question, spoken_answer
from ui import resources
from ui.answer_feedback import show_feedback
from ui.learner.class_join import ClassPlace, say
from ui.narration_widget import narrate
from ui.question_kinds import answer_controls, forget_unsent_answers

REFUSED_KEY = "class_answer_refused"  # why the last tap was not taken (the question passed, …)


def _send(class_id: int, live: LiveQuestion, question: Question, participant_id: int, answer: Answer) -> None:
    forget_unsent_answers()
    try:
        graded = grade_answer(question, answer)
        # False: this phone already answered (a double tap, a second phone) — the first answer stands
        answer_live_question(resources.database(), class_id, live.id, participant_id, graded,
                             resources.review_policy())
    except (ClassError, InvalidAnswer) as refused:
        st.session_state[REFUSED_KEY] = str(refused)


def is_live(state: ClassState, slide: Slide) -> LiveQuestion | None:
    """The live question when it is this slide's question."""
    live, question = state.live_question, slide.question
    if live is None or question is None:
        return None
    return live if (live.lesson_id, live.question_id) == (slide.lesson.id, question.id) else None


def _right_answer(question: Question) -> None:
    """The right answer and why, for a phone that did not answer (as the projector says it)."""
    right = grade_answer(question, question.right_answer())
    say(NOT_ANSWERED, "class_not_answered", "info", "ℹ️")
    st.html("<p class='step-text'>👉 Đáp án đúng: <b>" + html.escape(" · ".join(right.right_answers))
            + "</b></p>")
    for explanation in right.explanations:
        st.html(f"<p class='step-text'>{html.escape(explanation)}</p>")
    narrate(spoken_answer(right), "class_right_answer", label="Nghe đáp án")


def show_question(state: ClassState, slide: Slide, place: ClassPlace, autoplay: bool) -> None:
    question = slide.question
    assert question is not None
    st.html(f"<p class='step-text'><b>{html.escape(question.prompt)}</b></p>")
    narrate(numbered_question(slide.number, slide.count, question.spoken()), "prompt", label="Nghe câu hỏi")
    live = is_live(state, slide)
    if live is None:
        say(WAIT_FOR_QUESTION, "class_wait_question", "info", "👀")
        return
    given = given_answer(resources.database(), live.id, place.participant_id)
    if live.revealed:
        st.session_state.pop(REFUSED_KEY, None)
        try:
            graded = grade_answer(question, question.answer_from_text(given.answer)) if given else None
        except InvalidAnswer:  # the question was changed since the answer was stored
            graded = None
        if graded is None:
            _right_answer(question)
        else:
            show_feedback(graded, f"class/{live.id}/{place.participant_id}", autoplay=autoplay)
        return
    refused = st.session_state.pop(REFUSED_KEY, None)
    if refused:
        say(refused, "class_answer_refused", "warning", "⚠️")
    if given is not None:
        say(ANSWER_SENT, "class_answer_sent", "success", "📨")
        return
    answer_controls(question, lambda answer: _send(state.class_id, live, question, place.participant_id, answer))
