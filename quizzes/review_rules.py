"""Spaced review and mastery rules: when a question answered wrongly comes back, when
it counts as learnt, and when a learner needs a trainer's help. Pure rules, no storage.

A wrong answer (in a quiz or a review) puts the question at stage 0, due a day later.
Each right review moves it one stage on (due 3, then 7 days later); a right review at
the last stage means it is learnt and it leaves the review list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from collections.abc import Iterable

from quizzes.models import Question, Quiz

# stage -> how long after the answer the question comes back
REVIEW_INTERVALS = (dt.timedelta(days=1), dt.timedelta(days=3), dt.timedelta(days=7))

# A learner who failed the same lesson's quiz this many times without ever passing it
# is shown to the trainer as "Cần hỗ trợ".
SUPPORT_AFTER_FAILED_ATTEMPTS = 3


@dataclass(frozen=True)
class ReviewStep:
    stage: int
    due_at: dt.datetime


def first_review(now: dt.datetime) -> ReviewStep:
    """Where a question answered wrongly starts (again)."""
    return ReviewStep(0, now + REVIEW_INTERVALS[0])


def next_review(stage: int, correct: bool, now: dt.datetime) -> ReviewStep | None:
    """The question's next stage after a review answer; None when it is learnt."""
    if not correct:
        return first_review(now)
    following = max(stage, 0) + 1
    if following >= len(REVIEW_INTERVALS):
        return None
    return ReviewStep(following, now + REVIEW_INTERVALS[following])


def days_until_review(stage: int) -> int:
    """How many days a question at ``stage`` waits ("Bác sẽ ôn lại sau 3 ngày")."""
    return REVIEW_INTERVALS[min(max(stage, 0), len(REVIEW_INTERVALS) - 1)].days


def is_stuck(failed_attempts: int, ever_passed: bool) -> bool:
    """A lesson whose quiz the learner keeps failing: the trainer should sit with them."""
    return not ever_passed and failed_attempts >= SUPPORT_AFTER_FAILED_ATTEMPTS


def questions_by_key(quizzes: Iterable[Quiz]) -> dict[tuple[str, str], Question]:
    """Every current question by (lesson id, question id): review items whose question
    is not here any more (retired) are skipped."""
    return {(quiz.lesson, question.id): question for quiz in quizzes for question in quiz.questions}
