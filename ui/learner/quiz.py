"""Quiz: one question per screen, big answers, feedback that teaches, then a score."""

from __future__ import annotations

import html
import secrets

import streamlit as st

from progress.tracking import RecordedAnswer, record_attempt
from quizzes.grading import AnswerFeedback, answer_to_text, grade_answer, score_quiz
from quizzes.speech import spoken_question
from ui import resources
from ui.answer_feedback import show_feedback
from ui.narration_widget import narrate
from ui.question_widgets import answer_controls
from ui.scroll_top import scroll_to_top
from ui.signin_state import require_learner

signin = require_learner("ui/learner/quiz.py")
db = resources.database()
catalog = resources.catalog()
pass_mark = resources.settings().quiz.pass_mark_percent
lesson_id = st.query_params.get("bai", "")
lesson = catalog.lessons.get(lesson_id)
quiz = catalog.quiz_for(lesson_id)

if lesson is None or quiz is None:
    st.warning("Bài này chưa có bài kiểm tra. Bác quay về trang chính nhé.")
    if st.button("🏠 Về trang chính", key="home_missing", width="stretch"):
        st.switch_page("ui/learner/home.py")
    st.stop()

STATE = "quiz"


def _fresh_state() -> dict:
    return {"lesson": lesson.id, "index": 0, "answers": [], "feedback": None, "attempt": None}


if st.session_state.get(STATE, {}).get("lesson") != lesson.id:
    st.session_state[STATE] = _fresh_state()

state = st.session_state[STATE]
st.caption("Bài kiểm tra")
st.subheader(lesson.title)  # smaller than a page title: the step and its picture fit the screen


def _answer(answer) -> None:  # type: ignore[no-untyped-def]
    if state["feedback"] is not None or state["attempt"] is not None:
        return  # a second tap on the same question (slow phone, double tap) counts once
    question = quiz.questions[state["index"]]
    feedback = grade_answer(question, answer)
    state["answers"].append(RecordedAnswer(question.id, answer_to_text(answer), feedback.correct))
    state["feedback"] = feedback


def _next_question() -> None:
    if state["feedback"] is None:
        return  # double tap: already moved on
    state["feedback"] = None
    if state["index"] == len(quiz.questions) - 1:
        _finish()
    else:
        state["index"] += 1


def _restart() -> None:
    st.session_state[STATE] = _fresh_state()
    for key in [k for k in st.session_state if str(k).startswith(("chk_", "order_"))]:
        del st.session_state[key]


def _finish() -> None:
    score = score_quiz(
        [AnswerFeedback(a.question_id, a.correct, ()) for a in state["answers"]], len(quiz.questions), pass_mark
    )
    state["attempt"] = score
    record_attempt(db, signin.account_id, lesson.id, state["answers"], score.percent, score.passed, pass_mark,
                   resources.review_policy())


@st.fragment
def question_card() -> None:
    if state["attempt"] is not None:
        score = state["attempt"]
        st.subheader(f"Bác trả lời đúng {score.correct} / {score.total} câu ({score.percent}%).")
        if score.passed:
            st.success(f"🎉 Bác đã đạt! (cần {pass_mark}%)")
        else:
            st.warning(f"Bác chưa đạt: cần đúng {pass_mark}%. Bác xem lại bài và làm lại nhé.")
        st.button("🔁 Làm lại bài kiểm tra", key="retry", type="primary" if not score.passed else "secondary",
                  width="stretch", on_click=_restart)
        if st.button("📖 Xem lại bài học", key="review_lesson", width="stretch"):
            st.session_state.pop(STATE, None)
            st.switch_page("ui/learner/lesson.py", query_params={"bai": lesson.id})
        if st.button("🏠 Về trang chính", key="home_done", type="primary" if score.passed else "secondary", width="stretch"):
            st.session_state.pop(STATE, None)
            st.switch_page("ui/learner/home.py")
        return

    index = state["index"]
    question = quiz.questions[index]
    scroll_to_top(f"{lesson.id}/q{index}")
    st.progress(index / len(quiz.questions), text=f"Câu {index + 1} / {len(quiz.questions)}")
    st.markdown(f"<p class='step-text'><b>{html.escape(question.prompt)}</b></p>", unsafe_allow_html=True)
    narrate(spoken_question(question), "prompt", label="Nghe câu hỏi")

    if state["feedback"] is not None:
        show_feedback(state["feedback"], f"{lesson.id}/{state.setdefault('token', secrets.token_hex(4))}/{index}")
        last = index == len(quiz.questions) - 1
        st.button("Xem kết quả 🏁" if last else "Câu tiếp theo ➡️", type="primary", key=f"next_{index}",
                  width="stretch", on_click=_next_question)
        return

    answer_controls(question, _answer)

question_card()
