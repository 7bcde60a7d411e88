"""Class mode: a lesson on the laptop screen or a projector, one step at a time, read
aloud through the laptop's speakers; then its quiz questions to talk over together,
the answer shown when the trainer taps "Xem đáp án". Nothing is recorded."""

from __future__ import annotations

import html

import streamlit as st

from lessons.models import Lesson, Step
from quizzes.grading import grade_answer
from quizzes.models import Question
from quizzes.speech import numbered_question, spoken_answer
from ui import resources
from ui.narration_widget import narrate
from ui.picture import show_picture
from ui.question_kinds import show_on_projector
from ui.scroll_top import scroll_to_top
from ui.trainer.menu import trainer_menu

catalog = resources.catalog()

trainer_menu()
st.title("🖥️ Trình chiếu cho cả lớp")
st.caption("Chiếu bài lên màn hình lớn, bấm “Nghe” để cả lớp cùng nghe qua loa máy tính, "
           "rồi cùng làm từng câu hỏi. Không lưu điểm của ai.")

module = st.selectbox("Phần", catalog.modules_with_lessons(), format_func=lambda m: f"{m.icon} {m.title}",
                      key="present_module")
lesson: Lesson = st.selectbox("Bài", catalog.lessons_of(module.id), format_func=lambda item: item.title,
                              key="present_lesson")
quiz = catalog.quiz_for(lesson.id)
slides: list[Step | Question] = [*lesson.steps, *(quiz.questions if quiz else ())]
INDEX = f"present_index_{lesson.id}"
REVEAL = f"present_reveal_{lesson.id}"


def _go(index: int) -> None:
    st.session_state[INDEX] = index
    st.session_state[REVEAL] = False


def _reveal() -> None:
    st.session_state[REVEAL] = True


def _show_step(step: Step) -> None:
    if step.image:
        show_picture(step.image, step.alt)
    st.markdown(f"<p class='present-text'>{html.escape(step.text)}</p>", unsafe_allow_html=True)
    narrate(step.narrated, "present_step")
    if step.tip:
        st.markdown(f"<div class='tip present-tip'>💡 {html.escape(step.tip)}</div>", unsafe_allow_html=True)


def _show_question(question: Question, number: int, total: int) -> None:
    st.markdown(f"<p class='present-text'><b>{html.escape(question.prompt)}</b></p>", unsafe_allow_html=True)
    show_on_projector(question)
    narrate(numbered_question(number, total, question.spoken()), "present_question", label="Nghe câu hỏi")
    if not st.session_state.get(REVEAL):
        st.button("👁️ Xem đáp án", key="present_reveal", width="stretch", on_click=_reveal)
        return
    model = grade_answer(question, question.right_answer())
    st.success("Đáp án: " + "; ".join(model.right_answers), icon="✅")
    for explanation in model.explanations:
        st.markdown(f"<p class='present-choice'>{html.escape(explanation)}</p>", unsafe_allow_html=True)
    narrate(spoken_answer(model), "present_explanation", label="Nghe đáp án")


@st.fragment
def slide_show() -> None:
    index = min(st.session_state.get(INDEX, 0), len(slides) - 1)
    slide = slides[index]
    scroll_to_top(f"present/{lesson.id}/{index}")
    steps = len(lesson.steps)
    if isinstance(slide, Step):
        st.progress((index + 1) / len(slides), text=f"Bước {index + 1} / {steps}")
        _show_step(slide)
    else:
        st.progress((index + 1) / len(slides), text=f"Câu hỏi {index - steps + 1} / {len(slides) - steps}")
        _show_question(slide, index - steps + 1, len(slides) - steps)
    if index + 1 < len(slides):
        label = "Câu hỏi đầu tiên ➡️" if index + 1 == steps else "Tiếp theo ➡️"
        st.button(label, type="primary", key="present_next", width="stretch", on_click=_go, args=(index + 1,))
    else:
        st.info("Hết bài. Học viên làm bài kiểm tra trên điện thoại của mình để được lưu kết quả.")
    if index > 0:
        st.button("⬅️ Quay lại", key="present_back", width="stretch", on_click=_go, args=(index - 1,))


st.subheader(lesson.title)
slide_show()
