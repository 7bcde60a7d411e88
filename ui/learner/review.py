"""Ôn tập: questions the learner answered wrongly come back, one per screen, spaced
1, 3 and 7 days apart; a right answer at the last stage means it is learnt."""

from __future__ import annotations

import html
from functools import partial
from typing import Any

import streamlit as st

from progress.review import DueReview, record_review
from quizzes.answers import Answer, GradedAnswer
from quizzes.grading import grade_answer
from quizzes.option_order import arranged, learner_seed
from quizzes.review_rules import days_until_review
from quizzes.speech import reviews_left
from ui import resources
from ui.answer_feedback import show_feedback
from ui.learner.review_card import current_questions, live_due_reviews
from ui.narration_widget import narrate, plays_by_itself
from ui.question_kinds import answer_controls, forget_unsent_answers
from ui.scroll_top import scroll_to_top
from ui.signin_state import learner_preferences, require_learner

signin = require_learner("ui/learner/review.py")
db = resources.database()
catalog = resources.catalog()
questions = current_questions(catalog)
autoplay = plays_by_itself(learner_preferences())  # the feedback speaks without a tap

# "answered": the question on screen after an answer, with its feedback and next review
STATE = "review_session"


def _state() -> dict[str, Any]:
    """Read on every call, never kept in a module variable: a fragment rerun must not see an old copy."""
    state: dict[str, Any] = st.session_state.setdefault(STATE, {"answered": None, "done": 0})
    return state


st.title("📚 Ôn tập")


def _answer(lesson_id: str, question_id: str, answer: Answer) -> None:
    state = _state()
    if state["answered"] is not None:
        return  # a second tap on the same question (slow phone, double tap) counts once
    feedback = grade_answer(questions[(lesson_id, question_id)], answer)
    upcoming = record_review(db, signin.account_id, lesson_id, feedback, policy=resources.review_policy())
    state["answered"] = {"lesson": lesson_id, "question": question_id, "feedback": feedback, "next": upcoming}
    state["done"] += 1


def _next_question() -> None:
    state = _state()
    state["answered"] = None
    forget_unsent_answers()


def _when_again(feedback: GradedAnswer, upcoming: DueReview | None) -> str:
    if not feedback.correct:
        return "Ngày mai bác ôn lại câu này nhé."
    if upcoming is None:
        return "🎉 Bác đã nhớ câu này. Không cần ôn nữa."
    return f"Bác sẽ ôn lại câu này sau {days_until_review(upcoming.stage, resources.review_policy())} ngày."


def _show_question(lesson_id: str, question_id: str) -> None:
    question = arranged(questions[(lesson_id, question_id)], learner_seed(signin.account_id))
    st.caption(f"Ôn lại bài: {catalog.lessons[lesson_id].title}")
    st.html(f"<p class='step-text'><b>{html.escape(question.prompt)}</b></p>")
    narrate(question.spoken(), "prompt", label="Nghe câu hỏi")


def _all_done() -> None:
    state = _state()
    if state["done"]:
        message = "Xong! Bác đã ôn hết các câu hôm nay."
        st.success(f"🎉 {message}")
    else:
        message = "Hôm nay bác không có câu nào cần ôn."
        st.info(f"👍 {message}")
    narrate(message, "review_done")
    if st.button("✅ Xong", type="primary", key="review_finished", width="stretch"):
        st.session_state.pop(STATE, None)
        st.switch_page("ui/learner/home.py")


def _home_button() -> None:
    """Leave at any time: what is not reviewed stays due."""
    if st.button("🏠 Về trang chính", key="review_home", width="stretch"):
        st.session_state.pop(STATE, None)
        st.switch_page("ui/learner/home.py")


@st.fragment
def review_screen() -> None:
    state = _state()
    answered = state["answered"]
    # one view per question: the page scrolls to the top for a new question, not for its feedback
    scroll_to_top(f"review/{state['done'] - (answered is not None)}")
    if answered is not None:
        _show_question(answered["lesson"], answered["question"])
        show_feedback(answered["feedback"], autoplay=autoplay)
        when = _when_again(answered["feedback"], answered["next"])
        st.html(f"<p class='step-text'>{html.escape(when)}</p>")
        narrate(when.removeprefix("🎉 "), "review_when")
        st.button("Câu tiếp theo ➡️", type="primary", key="review_next", width="stretch", on_click=_next_question)
        _home_button()
        return

    due = live_due_reviews(db, catalog, signin.account_id)
    if not due:
        _all_done()
        return
    item = due[0]
    st.progress(state["done"] / (state["done"] + len(due)), text=f"Còn {len(due)} câu cần ôn")
    narrate(reviews_left(len(due)), "review_left")
    _show_question(item.lesson_id, item.question_id)
    answer_controls(arranged(questions[(item.lesson_id, item.question_id)], learner_seed(signin.account_id)),
                    partial(_answer, item.lesson_id, item.question_id))
    _home_button()


review_screen()
