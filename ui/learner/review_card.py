"""The home-screen card "📚 Có N câu cần ôn lại", and the due list it counts."""

from __future__ import annotations

import streamlit as st

from catalog.loading import Catalog
from progress.database import Database
from progress.review import DueReview, due_reviews
from quizzes.models import Question
from quizzes.review_rules import questions_by_key
from quizzes.speech import reviews_due
from ui import resources
from ui.narration_widget import narrate
from ui.signin_state import current_signin

REVIEW_PAGE = "ui/learner/review.py"


def current_questions(catalog: Catalog) -> dict[tuple[str, str], Question]:
    """Questions of lessons the catalogue still has, by (lesson id, question id)."""
    return questions_by_key(quiz for lesson_id, quiz in catalog.quizzes.items() if lesson_id in catalog.lessons)


def live_due_reviews(db: Database, catalog: Catalog, learner_id: int) -> list[DueReview]:
    """What is due now, without questions or lessons that were retired."""
    return due_reviews(db, learner_id, known=current_questions(catalog))


def review_card() -> None:
    """On the learner's home screen: nothing when no question is due, else a card with
    a big button that opens "Ôn tập"."""
    signin = current_signin()
    if signin is None or signin.role != "learner":
        return
    due = live_due_reviews(resources.database(), resources.catalog(), signin.account_id)
    if not due:
        return
    with st.container(border=True, key="review_card"):
        st.html(f"<p class='step-text'><b>📚 Có {len(due)} câu cần ôn lại</b></p>")
        narrate(reviews_due(len(due)), "review_card")
        if st.button("📚 Ôn tập ngay", type="primary", key="open_review", width="stretch"):
            st.switch_page(REVIEW_PAGE)
