"""A phone in a live class: join (ui/learner/class_join.py), then show the step the
projector shows — picture, text, tip and its own "Nghe" — and the live question
(ui/learner/class_question.py), until the class ends.

Following costs little: a fragment polls the per-process class cache every
``class_mode.follow_seconds`` and draws nothing; only when the class's ``version``
changed does it rerun the page, which draws the new step. A reload or a phone back on
the Wi-Fi (a new session, the same address) finds its place and the current step."""

from __future__ import annotations

import html
import time

import streamlit as st

from catalog.class_plan import ClassPlan, Slide, class_plan
from media.class_phrases import CLASS_OVER, CLASS_OVER_GUEST, CLASS_OVER_LEARNER, JOINED, JOINED_AGAIN
from progress.classes.attendance import mark_seen
from progress.classes.state import ClassState
from progress.learners import LearnerInfo
from progress.recordings import lesson_recordings
from quizzes.option_order import class_seed
from ui import resources
from ui.learner.class_join import ClassPlace, ended_class, joined_place, requested_class, signed_in_member
from ui.learner.class_question import show_question
from ui.narration_widget import narrate, narrate_step, plays_by_itself
from ui.picture import show_picture
from ui.picture_room import picture_room
from ui.plain_text import as_text
from ui.scroll_top import scroll_to_top
from ui.signin_state import SIGNIN_PAGE

SEEN_KEY = "class_seen_at"
SEEN_EVERY_SECONDS = 10.0  # "still with the class" is written at most this often per phone
_BAR_PX = 90  # the bottom bar holds "Nghe" only
_WELCOME_PX = 80  # "Bác đã vào lớp" and its "Nghe", above the step until the class moves

db = resources.database()


@st.cache_resource(show_spinner=False, max_entries=64)
def plan_of(class_id: int, lesson_ids: tuple[str, ...]) -> ClassPlan:
    """The class's slides, built once per process for each class."""
    return class_plan(resources.catalog(), lesson_ids, class_seed(class_id))


def class_over(place: ClassPlace) -> None:
    st.subheader("🏫 Lớp học")
    st.success(f"🎉 {CLASS_OVER}")
    narrate(CLASS_OVER_GUEST if place.is_guest else CLASS_OVER_LEARNER, "class_over")
    if place.is_guest:
        if st.button("🔑 Vào bằng tên của tôi", key="class_over_signin", type="primary", width="stretch"):
            st.switch_page(SIGNIN_PAGE)
    elif st.button("🏠 Về trang chính", key="class_over_home", type="primary", width="stretch"):
        st.switch_page("ui/learner/home.py")


def welcome(state: ClassState, place: ClassPlace) -> bool:
    """"Bác đã vào lớp" on one short line beside its "Nghe", until the class moves on.
    True when shown (the picture leaves it room)."""
    if place.joined_version != state.version:
        return False
    note, said = st.columns([3, 2], vertical_alignment="center", gap="small", wrap=False)
    who = f" · {as_text(place.name)}" if place.is_guest else ""
    if place.again:
        note.info(f"🔄 Bác đã vào lớp rồi{who}")
    else:
        note.success(f"✅ Bác đã vào lớp{who}")
    with said:
        narrate(JOINED_AGAIN if place.again else JOINED, "class_joined")
    return True


def show_step(slide: Slide, learner: LearnerInfo | None, welcomed: bool) -> None:
    step, lesson = slide.step, slide.lesson
    assert step is not None
    if step.image:  # a practice step's picture too: the trainer shows the taps on the big screen
        reserved = _BAR_PX + (_WELCOME_PX if welcomed else 0)
        show_picture(step.image, step.alt, save_data=learner.save_data if learner else False,
                     max_heights=picture_room(lesson.title, step.text, step.tip, bar_px=reserved))
    st.html(f"<p class='step-text'>{html.escape(step.text)}</p>")
    if step.tip:
        st.html(f"<div class='tip'>💡 {html.escape(step.tip)}</div>")
    # "Nghe" in the bar fixed to the bottom of the screen, as on the lesson page (ui/browser/page.css)
    with st.container(key="step_actions"):
        if learner is not None:
            narrate_step(step, lesson_recordings(db, lesson.id), learner)
        else:
            narrate(step.narrated, "step")


def show_slide(state: ClassState, place: ClassPlace, learner: LearnerInfo | None) -> None:
    plan = plan_of(state.class_id, state.lesson_ids)
    if not plan.slides:
        st.warning("Buổi học này chưa có bài nào. Bác hỏi tập huấn viên nhé.")
        return
    slide = plan.slide(state.position)
    scroll_to_top(f"class/{state.class_id}/{state.position}")
    welcomed = welcome(state, place)
    st.subheader(slide.lesson.title)
    # the counter on its own line (beside a "Nghe" it wrapped on a 360 px phone); the
    # trainer says where the class is, and the step's own "Nghe" is in the bottom bar
    what = "Câu" if slide.is_question else "Bước"
    st.progress(slide.number / slide.count, text=f"🏫 Lớp học · {what} {slide.number} / {slide.count}")
    if slide.is_question:
        show_question(state, slide, place, autoplay=plays_by_itself(learner))
    else:
        show_step(slide, learner, welcomed)


@st.fragment(run_every=resources.settings().class_mode.follow_seconds)
def follow(class_id: int, participant_id: int, drawn_version: int) -> None:
    """Each poll: say "still here" now and then, and redraw the page only when the class changed."""
    now = time.monotonic()
    if now - st.session_state.get(SEEN_KEY, float("-inf")) >= SEEN_EVERY_SECONDS:
        st.session_state[SEEN_KEY] = now
        mark_seen(db, participant_id)
    state = resources.class_states().get(class_id)
    if state is None or state.version != drawn_version:
        st.rerun()


class_state = requested_class()
if not class_state.is_open:
    class_over(ended_class(class_state))
    st.stop()
my_place = joined_place(class_state)
show_slide(class_state, my_place, None if my_place.is_guest else signed_in_member())
follow(class_state.class_id, my_place.participant_id, class_state.version)
