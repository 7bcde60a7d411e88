"""Spaced review and mastery rules: when a question answered wrongly comes back, when
it counts as learnt, and when a learner needs a trainer's help. Pure rules, no storage.

A wrong answer (in a quiz or a review) puts the question at stage 0, due a day later.
Each right review moves it one stage on (due 3, then 7 days later); a right review at
the last stage means it is learnt and it leaves the review list. The days and the
support threshold are settings (ReviewPolicy); the defaults are those above.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from quizzes.models import Question, Quiz


@dataclass(frozen=True)
class ReviewPolicy:
    """When questions come back and when a learner needs help; from config.yaml
    (``quiz.review_after_days``, ``quiz.support_after_failed_attempts``)."""

    # stage -> how many days after the answer the question comes back
    review_after_days: tuple[int, ...] = (1, 3, 7)
    # A learner who failed the same lesson's quiz this many times without ever passing
    # it is shown to the trainer as "Cần hỗ trợ".
    support_after_failed_attempts: int = 3

    def wait(self, stage: int) -> dt.timedelta:
        days = self.review_after_days
        return dt.timedelta(days=days[min(max(stage, 0), len(days) - 1)])


DEFAULT_POLICY = ReviewPolicy()


@dataclass(frozen=True)
class ReviewStep:
    stage: int
    due_at: dt.datetime


def first_review(now: dt.datetime, policy: ReviewPolicy = DEFAULT_POLICY) -> ReviewStep:
    """Where a question answered wrongly starts (again)."""
    return ReviewStep(0, now + policy.wait(0))


def next_review(
    stage: int, correct: bool, now: dt.datetime, policy: ReviewPolicy = DEFAULT_POLICY,
) -> ReviewStep | None:
    """The question's next stage after a review answer; None when it is learnt."""
    if not correct:
        return first_review(now, policy)
    following = max(stage, 0) + 1
    if following >= len(policy.review_after_days):
        return None
    return ReviewStep(following, now + policy.wait(following))


def days_until_review(stage: int, policy: ReviewPolicy = DEFAULT_POLICY) -> int:
    """How many days a question at ``stage`` waits ("Bác sẽ ôn lại sau 3 ngày")."""
    return policy.wait(stage).days


def is_stuck(failed_attempts: int, ever_passed: bool, policy: ReviewPolicy = DEFAULT_POLICY) -> bool:
    """A lesson whose quiz the learner keeps failing: the trainer should sit with them."""
    return not ever_passed and failed_attempts >= policy.support_after_failed_attempts


def questions_by_key(quizzes: Iterable[Quiz]) -> dict[tuple[str, str], Question]:
    """Every current question by (lesson id, question id): review items whose question
    is not here any more (retired) are skipped."""
    return {(quiz.lesson, question.id): question for quiz in quizzes for question in quiz.questions}
