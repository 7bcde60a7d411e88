"""The "Cần hỗ trợ" flag, on SQLite and PostgreSQL."""


from progress.reports.support import needs_support
from progress.tracking import record_attempt
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy
from tests.progress.graded import right, wrong


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
