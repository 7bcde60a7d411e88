"""The "Cần hỗ trợ" flag, on SQLite and PostgreSQL."""

import pytest

from progress.groups import create_group
from progress.learners import create_learner
from progress.reports.support import needs_support
from progress.tracking import record_attempt
from quizzes.answers import GradedAnswer
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy


def right(question_id: str) -> GradedAnswer:
    return GradedAnswer(question_id, "b", True)


def wrong(question_id: str) -> GradedAnswer:
    return GradedAnswer(question_id, "a", False)


@pytest.fixture
def learners(db):
    group = create_group(db, "Thôn Bờ He")
    return [create_learner(db, group.id, name, "1234") for name in ("Hoa", "Lâm", "Nga")]


def fail(db, learner_id, lesson_id, times):
    for _ in range(times):
        record_attempt(db, learner_id, lesson_id, [wrong("q1"), right("q2")], 50, False, 80)


def test_learners_who_fail_a_lesson_again_and_again_need_support(db, learners):
    hoa, lam, nga = learners
    assert DEFAULT_POLICY.support_after_failed_attempts == 3
    fail(db, hoa.id, "bai-b", 3)
    fail(db, hoa.id, "bai-a", 4)
    fail(db, hoa.id, "bai-c", 2)  # not yet
    fail(db, lam.id, "bai-a", 3)
    record_attempt(db, lam.id, "bai-a", [right("q1"), right("q2")], 100, True, 80)  # passed in the end
    record_attempt(db, nga.id, "bai-a", [right("q1"), right("q2")], 100, True, 80)
    fail(db, nga.id, "bai-a", 3)  # passed before: a later bad day is not a problem
    assert needs_support(db, [hoa.id, lam.id, nga.id]) == {hoa.id: ["bai-a", "bai-b"]}
    assert needs_support(db, [lam.id, nga.id]) == {}
    assert needs_support(db, []) == {}
    stricter = ReviewPolicy(support_after_failed_attempts=2)
    assert needs_support(db, [hoa.id], stricter) == {hoa.id: ["bai-a", "bai-b", "bai-c"]}
