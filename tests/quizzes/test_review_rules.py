import datetime as dt

from catalog.loading import load_catalog
from quizzes.review_rules import (
    DEFAULT_POLICY,
    ReviewPolicy,
    days_until_review,
    first_review,
    is_stuck,
    next_review,
    questions_by_key,
)
from tests.conftest import FIXTURE_CONTENT

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def days(n: int) -> dt.datetime:
    return NOW + dt.timedelta(days=n)


def test_stages_are_one_three_seven_days_then_learnt():
    assert first_review(NOW) == next_review(2, False, NOW)
    assert (first_review(NOW).stage, first_review(NOW).due_at) == (0, days(1))
    assert (next_review(0, True, NOW).stage, next_review(0, True, NOW).due_at) == (1, days(3))
    assert (next_review(1, True, NOW).stage, next_review(1, True, NOW).due_at) == (2, days(7))
    assert next_review(2, True, NOW) is None
    assert next_review(9, True, NOW) is None  # a stage from an older rule set: learnt
    assert [days_until_review(stage) for stage in (0, 1, 2)] == [1, 3, 7]


def test_a_policy_from_config_changes_the_days_and_the_support_threshold():
    policy = ReviewPolicy(review_after_days=(2, 10), support_after_failed_attempts=5)
    assert first_review(NOW, policy).due_at == days(2)
    assert next_review(0, True, NOW, policy).due_at == days(10)
    assert next_review(1, True, NOW, policy) is None  # learnt after the last one
    assert [days_until_review(stage, policy) for stage in (0, 1, 5)] == [2, 10, 10]
    assert not is_stuck(4, ever_passed=False, policy=policy) and is_stuck(5, ever_passed=False, policy=policy)


def test_stuck_means_failed_n_times_and_never_passed():
    n = DEFAULT_POLICY.support_after_failed_attempts
    assert is_stuck(n, ever_passed=False) and is_stuck(n + 2, ever_passed=False)
    assert not is_stuck(n - 1, ever_passed=False)
    assert not is_stuck(n + 2, ever_passed=True)


def test_questions_are_found_by_lesson_and_question_id():
    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    index = questions_by_key(catalog.quizzes.values())
    assert index[("bai-mau", "q-mot")].prompt == "Có người hỏi mã OTP. Bác làm gì?"
    assert ("bai-mau", "q-da-bo") not in index
    assert len(index) == sum(len(quiz.questions) for quiz in catalog.quizzes.values())
