"""Answer controls for each question kind, all by tapping on a phone.

Each control calls ``submit(answer)`` with the kind's answer shape (see
quizzes.grading.Answer); the quiz page grades it.
"""

from __future__ import annotations

import html
import random
from typing import Callable

import streamlit as st

from quizzes.grading import Answer
from quizzes.models import ImageChoice, MultipleChoice, Ordering, Question, SingleChoice, TrueFalse
from ui.picture import show_picture

Submit = Callable[[Answer], None]
NOTHING_CHOSEN = "quiz_nothing_chosen"


def _submit_checked(question: MultipleChoice, submit: Submit) -> None:
    chosen = frozenset(o.id for o in question.options if st.session_state.get(f"chk_{question.id}_{o.id}"))
    if chosen:
        submit(chosen)
    else:
        st.session_state[NOTHING_CHOSEN] = True


def shuffled_items(question: Ordering) -> list:  # type: ignore[type-arg]
    """The items in a mixed order that stays the same across reruns and is never the answer."""
    items = list(question.items)
    rng = random.Random(question.id)
    while items == list(question.items):
        rng.shuffle(items)
    return items


def _order_key(question: Ordering) -> str:
    return f"order_{question.id}"


def _tap_item(question: Ordering, item_id: str) -> None:
    chosen = st.session_state.setdefault(_order_key(question), [])
    if item_id not in chosen:
        chosen.append(item_id)


def _submit_order(question: Ordering, submit: Submit) -> None:
    chosen = st.session_state.pop(_order_key(question), [])
    if len(chosen) == len(question.items):
        submit(tuple(chosen))


def _ordering(question: Ordering, submit: Submit) -> None:
    chosen: list[str] = st.session_state.get(_order_key(question), [])
    texts = {item.id: item.text for item in question.items}
    st.caption("Bấm lần lượt từng việc, việc làm trước bấm trước.")
    if chosen:
        lines = "".join(f"<li>{html.escape(texts[i])}</li>" for i in chosen)
        st.markdown(f"<ol class='step-text'>{lines}</ol>", unsafe_allow_html=True)
    for item in shuffled_items(question):
        if item.id not in chosen:
            st.button(f"➕ {item.text}", key=f"ord_{question.id}_{item.id}", width="stretch",
                      on_click=_tap_item, args=(question, item.id))
    if chosen:
        if len(chosen) == len(question.items):
            st.button("Trả lời ✔️", type="primary", key=f"submit_{question.id}", width="stretch",
                      on_click=_submit_order, args=(question, submit))
        st.button("↩️ Xếp lại từ đầu", key=f"reset_{question.id}", width="stretch",
                  on_click=st.session_state.pop, args=(_order_key(question), None))


def answer_controls(question: Question, submit: Submit) -> None:
    if isinstance(question, SingleChoice):
        for number, option in enumerate(question.options, start=1):  # numbered as the voice reads them
            st.button(f"{number}. {option.text}", key=f"opt_{question.id}_{option.id}", width="stretch",
                      on_click=submit, args=(option.id,))
    elif isinstance(question, ImageChoice):
        for number, option in enumerate(question.options, start=1):
            show_picture(option.image, option.alt)
            st.button(f"👆 Chọn hình {number}: {option.text}", key=f"img_{question.id}_{option.id}", width="stretch",
                      on_click=submit, args=(option.id,))
    elif isinstance(question, MultipleChoice):
        st.caption("Chọn tất cả các ý đúng, rồi bấm Trả lời.")
        for number, option in enumerate(question.options, start=1):
            st.checkbox(f"{number}. {option.text}", key=f"chk_{question.id}_{option.id}")
        st.button("Trả lời ✔️", type="primary", key=f"submit_{question.id}", width="stretch",
                  on_click=_submit_checked, args=(question, submit))
        if st.session_state.pop(NOTHING_CHOSEN, False):
            st.warning("Bác hãy chọn ít nhất một ý.")
    elif isinstance(question, TrueFalse):
        st.button("✅ Đúng", key=f"tf_{question.id}_true", width="stretch", on_click=submit, args=(True,))
        st.button("❌ Sai", key=f"tf_{question.id}_false", width="stretch", on_click=submit, args=(False,))
    elif isinstance(question, Ordering):
        _ordering(question, submit)
