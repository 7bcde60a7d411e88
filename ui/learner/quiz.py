"""Quiz: one question per screen, big answers, feedback that teaches, then a score.

Each answer is stored when it is given (progress.quiz_runs): the screen is drawn from
the stored run every time, so a reload resumes at the same question, a double tap
counts once, and "Làm lại" always starts a fresh run. The page keeps only which
result to show after the last question.
"""

from __future__ import annotations

import html

import streamlit as st

from lessons.models import Lesson
from progress.quiz_runs import finish_run, move_on, open_run, record_answer, restart_run
from quizzes.answers import Answer
from quizzes.grading import QuizScore, grade_answer
from quizzes.models import Quiz
from quizzes.option_order import arranged, learner_seed
from quizzes.runs import QuizRun, resume_run
from quizzes.speech import numbered_question, spoken_result
from ui import resources
from ui.answer_feedback import show_feedback
from ui.narration_widget import narrate, plays_by_itself
from ui.question_kinds import answer_controls, forget_unsent_answers
from ui.scroll_top import scroll_to_top
from ui.signin_state import learner_preferences, require_learner

signin = require_learner("ui/learner/quiz.py")
db = resources.database()
catalog = resources.catalog()
pass_mark = resources.settings().quiz.pass_mark_percent
autoplay = plays_by_itself(learner_preferences())  # feedback and result speak without a tap


def requested_quiz() -> tuple[Lesson, Quiz]:
    """The lesson in the address and its quiz; a plain message and a way home if there is none."""
    lesson_id = st.query_params.get("bai", "")
    lesson, quiz = catalog.lessons.get(lesson_id), catalog.quiz_for(lesson_id)
    if lesson is None or quiz is None:
        st.warning("Bài này chưa có bài kiểm tra. Bác quay về trang chính nhé.")
        if st.button("🏠 Về trang chính", key="home_missing", width="stretch"):
            st.switch_page("ui/learner/home.py")
        st.stop()
    return lesson, quiz


lesson, quiz = requested_quiz()

RESULT = f"quiz_result_{lesson.id}"  # the score of the run just finished, until the learner leaves or retries


def current_run() -> tuple[int, QuizRun]:
    """The learner's open run, as stored now; a run the quiz changed under starts afresh."""
    stored = open_run(db, signin.account_id, lesson.id)
    run = resume_run(quiz, stored.position, stored.answers)
    if run is None:
        stored = restart_run(db, signin.account_id, lesson.id)
        run = resume_run(quiz, 0, ())
        assert run is not None  # an empty run always fits
    return stored.run_id, run


def _answer(run_id: int, position: int, answer: Answer) -> None:
    question = quiz.questions[position]
    # a second tap on the same question (slow phone, double tap) is refused by the store
    record_answer(db, run_id, position, grade_answer(question, answer))


def _next_question(run_id: int, position: int) -> None:
    forget_unsent_answers()
    _, run = current_run()
    if run.position != position or run.feedback is None:
        return  # double tap: already moved on
    if not run.is_last:
        move_on(db, run_id, position + 1)
        return
    score = run.score(pass_mark)
    finish_run(db, run_id, signin.account_id, run.answers, score, pass_mark, resources.review_policy())
    st.session_state[RESULT] = score


def _restart() -> None:
    st.session_state.pop(RESULT, None)
    forget_unsent_answers()
    restart_run(db, signin.account_id, lesson.id)


def _leave(page: str, **query: str) -> None:
    st.session_state.pop(RESULT, None)
    st.switch_page(page, query_params=query or None)


def result_screen(score: QuizScore) -> None:
    st.subheader(f"Bác trả lời đúng {score.correct} / {score.total} câu ({score.percent}%).")
    if score.passed:
        st.success(f"🎉 Bác đã đạt! (cần {pass_mark}%)")
    else:
        st.warning(f"Bác chưa đạt: cần đúng {pass_mark}%. Bác xem lại bài và làm lại nhé.")
    narrate(spoken_result(score.correct, score.total, score.passed), "result", autoplay=autoplay)
    st.button("🔁 Làm lại bài kiểm tra", key="retry", type="primary" if not score.passed else "secondary",
              width="stretch", on_click=_restart)
    if st.button("📖 Xem lại bài học", key="review_lesson", width="stretch"):
        _leave("ui/learner/lesson.py", bai=lesson.id)
    if st.button("🏠 Về trang chính", key="home_done", type="primary" if score.passed else "secondary",
                 width="stretch"):
        _leave("ui/learner/home.py")


@st.fragment
def question_card() -> None:
    score = st.session_state.get(RESULT)
    if score is not None:
        result_screen(score)
        return
    run_id, run = current_run()
    index, question = run.position, arranged(run.question, learner_seed(signin.account_id))
    if index == 0:  # the quiz's name on its first screen only: the questions need the room
        st.subheader(f"📝 {lesson.title}")
    scroll_to_top(f"{lesson.id}/q{index}")
    st.progress(index / run.total, text=f"Câu {index + 1} / {run.total}")
    st.html(f"<p class='step-text'><b>{html.escape(question.prompt)}</b></p>")
    narrate(numbered_question(index + 1, run.total, question.spoken()), "prompt", label="Nghe câu hỏi")

    if run.feedback is not None:
        show_feedback(run.feedback, f"{lesson.id}/{run_id}/{index}", autoplay=autoplay)
        with st.container(key="question_actions"):  # a bar fixed to the bottom, as in a lesson step
            st.button("Xem kết quả 🏁" if run.is_last else "Câu tiếp theo ➡️", type="primary", key=f"next_{index}",
                      width="stretch", on_click=_next_question, args=(run_id, index))
        return

    answer_controls(question, lambda answer: _answer(run_id, index, answer))


question_card()
