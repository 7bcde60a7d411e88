"""One slide on the projector: a lesson step (picture left, big text right), or a live
question (prompt and numbered choices, how many answered; after "Xem đáp án" the count
per choice with raised hands added, the right answer and why, spoken)."""

from __future__ import annotations

import html
from collections.abc import Mapping

import streamlit as st

from catalog.class_plan import Slide
from lessons.models import Step
from progress.classes.live import live_answers
from progress.classes.running import MAX_HANDS, reveal_answer, set_hands
from progress.classes.state import ClassState, LiveQuestion
from quizzes.answers import InvalidAnswer
from quizzes.grading import grade_answer
from quizzes.models import Question
from quizzes.speech import numbered_question, spoken_answer
from quizzes.tally import TallyCount, tally
from ui import resources
from ui.narration_widget import narrate
from ui.picture import show_picture
from ui.question_kinds import show_on_projector
from ui.trainer.class_actions import change_class
from ui.trainer.class_live import answered_count

# the picture may use the screen's height less the bar and the page's margins
PICTURE_ROOM = ("calc(100vh - 7.5rem)", "calc(100dvh - 7.5rem)")


def _heading(slide: Slide) -> None:
    where = f"Câu hỏi {slide.number}/{slide.count}" if slide.is_question else f"Bước {slide.number}/{slide.count}"
    st.markdown(f"<p class='present-lesson'>{html.escape(slide.lesson.title)} · {where}</p>",
                unsafe_allow_html=True)


def text_length_class(text: str) -> str:
    """Short texts are shown larger; a long step (up to ~300 letters) still fits the screen."""
    return "short" if len(text) <= 90 else "medium" if len(text) <= 180 else "long"


def _text(step: Step) -> None:
    size = text_length_class(step.text + step.tip)
    st.markdown(f"<p class='present-text {size}'>{html.escape(step.text)}</p>", unsafe_allow_html=True)
    if step.tip:
        st.markdown(f"<div class='tip present-tip'>💡 {html.escape(step.tip)}</div>", unsafe_allow_html=True)
    narrate(step.narrated, "present_step")


def show_step(slide: Slide, step: Step) -> None:
    with st.container(key="present_step"):
        if not step.image:
            _heading(slide)
            _text(step)
            return
        picture, words = st.columns([11, 10], gap="large", vertical_alignment="center")
        with picture:
            show_picture(step.image, step.alt, max_heights=PICTURE_ROOM)
        with words:
            _heading(slide)
            _text(step)


def _hands_key(live: LiveQuestion, key: str) -> str:
    return f"hands_{live.id}_{key}"


def _typed_hands(live: LiveQuestion, keys: tuple[str, ...]) -> dict[str, int] | None:
    """The show-of-hands boxes as they stand on the page (None: not drawn in this session)."""
    if not any(_hands_key(live, key) in st.session_state for key in keys):
        return None
    return {key: int(st.session_state.get(_hands_key(live, key)) or 0) for key in keys}


def _save_hands(class_id: int, live: LiveQuestion, keys: tuple[str, ...]) -> None:
    hands = _typed_hands(live, keys)
    if hands is not None:
        change_class(class_id, lambda: set_hands(resources.database(), class_id, live.id, hands))


def _reveal(class_id: int, live: LiveQuestion, keys: tuple[str, ...]) -> None:
    # hands typed just before "Xem đáp án" are kept even when the two taps reach the
    # server as one rerun (Streamlit merges queued reruns and drops a button's trigger)
    _save_hands(class_id, live, keys)
    change_class(class_id, lambda: reveal_answer(resources.database(), class_id))


def _hands_form(class_id: int, live: LiveQuestion, question: Question, hands: Mapping[str, int]) -> None:
    # No st.form: each box is saved as the trainer leaves it (on_change survives merged
    # reruns; a form's submit trigger does not), and the button saves them all again.
    keys = tuple(line.key for line in question.tally_lines())
    with st.expander("✋ Giơ tay (không có điện thoại)"):
        st.caption("Hỏi cả lớp: ai chọn ý này thì giơ tay. Ghi số người giơ tay cho từng ý.")
        for line in question.tally_lines():
            st.number_input(line.label, min_value=0, max_value=MAX_HANDS, step=1, value=hands.get(line.key, 0),
                            key=_hands_key(live, line.key), on_change=_save_hands, args=(class_id, live, keys))
        st.button("💾 Lưu số giơ tay", key=f"hands_save_{live.id}", on_click=_save_hands,
                  args=(class_id, live, keys))


def _counts(question: Question, live: LiveQuestion) -> tuple[tuple[TallyCount, ...], dict[str, int], int]:
    given = live_answers(resources.database(), live.id)
    answers = []
    for text in given.answers:
        try:
            answers.append(question.answer_from_text(text))
        except (InvalidAnswer, ValueError):
            continue  # an answer stored before the question changed shape: not counted
    return tally(question, answers, given.hands), given.hands, given.count


def _tally_rows(counts: tuple[TallyCount, ...]) -> str:
    most = max((count.total for count in counts), default=0) or 1
    rows = []
    for count in counts:
        mark = "✅" if count.line.right else "❌"
        hands = f" + ✋ {count.hands}" if count.hands else ""
        rows.append(
            f"<div class='tally-row{' tally-right' if count.line.right else ''}'>"
            f"<div class='tally-label'>{mark} {html.escape(count.line.label)}</div>"
            f"<div class='tally-bar'><span style='width:{round(100 * count.total / most)}%'></span></div>"
            f"<div class='tally-count'>{count.total} <small>(📱 {count.phones}{hands})</small></div></div>"
        )
    return "<div class='tally'>" + "".join(rows) + "</div>"


def show_question(state: ClassState, slide: Slide, question: Question) -> None:
    live = state.live_question
    with st.container(key="present_question"):
        asked, answers = st.columns([3, 2], gap="large")
        with asked:
            _heading(slide)
            st.markdown(f"<p class='present-text'><b>{html.escape(question.prompt)}</b></p>",
                        unsafe_allow_html=True)
            show_on_projector(question)
            narrate(numbered_question(slide.number, slide.count, question.spoken()), "present_question",
                    label="Nghe câu hỏi")
        with answers:
            if live is None or (live.lesson_id, live.question_id) != (slide.lesson.id, question.id):
                # the class is at this slide without its question open (a lesson changed since)
                st.warning("Câu hỏi này chưa mở cho điện thoại. Bấm ⬅️ rồi ➡️ để mở lại.")
                return
            if not live.revealed:
                answered_count(live.id)
                st.button("👁️ Xem đáp án", key="present_reveal", type="primary", width="stretch",
                          on_click=_reveal,
                          args=(state.class_id, live, tuple(line.key for line in question.tally_lines())))
                _hands_form(state.class_id, live, question, live_answers(resources.database(), live.id).hands)
                return
            counts, hands, phones = _counts(question, live)
            st.markdown(f"<p class='present-answered'>✍️ {phones} người trả lời bằng điện thoại</p>",
                        unsafe_allow_html=True)
            st.markdown(_tally_rows(counts), unsafe_allow_html=True)
            model = grade_answer(question, question.right_answer())
            st.markdown("<p class='present-right'>✅ Đáp án: " + html.escape("; ".join(model.right_answers))
                        + "</p>", unsafe_allow_html=True)
            for explanation in model.explanations:
                st.markdown(f"<p class='present-why'>{html.escape(explanation)}</p>", unsafe_allow_html=True)
            narrate(spoken_answer(model), "present_answer", label="Nghe đáp án")
            _hands_form(state.class_id, live, question, hands)


def show_slide(state: ClassState, slide: Slide) -> None:
    if slide.question is not None:
        show_question(state, slide, slide.question)
    elif slide.step is not None:
        show_step(slide, slide.step)
