"""Ordering: the items in a mixed order; the learner taps them first to last, sees the
order so far, and answers once every item is placed (or starts the order again)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import streamlit as st

from quizzes.kinds.ordering import Ordering
from ui.question_kinds.projector import projector_line

if TYPE_CHECKING:
    from ui.question_kinds import Submit


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


def answer_control(question: Ordering, submit: Submit) -> None:
    chosen: list[str] = st.session_state.get(_order_key(question), [])
    texts = {item.id: item.text for item in question.items}
    st.caption("Bấm lần lượt từng việc, việc làm trước bấm trước.")
    if chosen:
        lines = "".join(f"<li>{html.escape(texts[i])}</li>" for i in chosen)
        st.html(f"<ol class='step-text'>{lines}</ol>")
    for number, item in enumerate(question.shuffled_items(), start=1):  # numbered as the voice reads them
        if item.id not in chosen:
            st.button(f"{number}. {item.text}", key=f"ord_{question.id}_{item.id}", width="stretch",
                      on_click=_tap_item, args=(question, item.id))
    if chosen:
        if len(chosen) == len(question.items):
            st.button("Trả lời ✔️", type="primary", key=f"submit_{question.id}", width="stretch",
                      on_click=_submit_order, args=(question, submit))
        st.button("↩️ Xếp lại từ đầu", key=f"reset_{question.id}", width="stretch",
                  on_click=st.session_state.pop, args=(_order_key(question), None))


def show_on_projector(question: Ordering) -> None:
    """Shuffled and numbered as on the phones: the class puts them in order."""
    for number, item in enumerate(question.shuffled_items(), start=1):
        projector_line(f"{number}. {item.text}")
