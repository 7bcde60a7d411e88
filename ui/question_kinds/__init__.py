"""How each question kind looks: one module per kind (named as the kind), each with
``answer_control(question, submit)`` — the big buttons on a learner's phone, which
call ``submit(answer)`` with the kind's answer shape (quizzes.answers.Answer) — and
``show_on_projector(question)`` — the choices on the class screen.

The modules are found from ``quizzes.models.QUESTION_KINDS``: a kind added to the
quiz schema without a module here fails at import, not with a silent empty screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

import streamlit as st

from quizzes.answers import Answer
from quizzes.models import QUESTION_KINDS, Question

Submit = Callable[[Answer], None]
REQUIRED = ("answer_control", "show_on_projector")
# session keys of answers being put together (ticks, tapped order), dropped between questions
UNSENT_ANSWER_PREFIXES = ("chk_", "order_")


def _load_views() -> dict[str, ModuleType]:
    views = {kind: importlib.import_module(f"ui.question_kinds.{kind}") for kind in QUESTION_KINDS}
    for kind, module in views.items():
        missing = [name for name in REQUIRED if not callable(getattr(module, name, None))]
        if missing:
            raise TypeError(f"ui/question_kinds/{kind}.py lacks {', '.join(missing)}")
    return views


KIND_VIEWS = _load_views()


def answer_controls(question: Question, submit: Submit) -> None:
    """The learner's controls for one question."""
    KIND_VIEWS[question.kind].answer_control(question, submit)


def show_on_projector(question: Question) -> None:
    """The question's choices on the class screen, numbered as the voice reads them."""
    KIND_VIEWS[question.kind].show_on_projector(question)


def forget_unsent_answers() -> None:
    """Drop half-made answers (ticked boxes, tapped order) before a new question or a retry."""
    for key in [k for k in st.session_state if str(k).startswith(UNSENT_ANSWER_PREFIXES)]:
        del st.session_state[key]
