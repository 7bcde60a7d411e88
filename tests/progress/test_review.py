"""Spaced review, on SQLite and PostgreSQL."""

import datetime as dt

import pytest

from progress.learners import delete_learner
from progress.models import ReviewItem
from progress.review import DueReview, due_reviews, record_review, schedule_wrong_answers
from progress.tracking import record_attempt
from quizzes.review_rules import ReviewPolicy
from tests.progress.graded import right, wrong

T0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
MINUTE = dt.timedelta(minutes=1)


def at(days: float) -> dt.datetime:
    return T0 + dt.timedelta(days=days)




def due_ids(db, learner_id, now, known=None):
    return [(d.lesson_id, d.question_id) for d in due_reviews(db, learner_id, now, known)]


def stored(db):
    with db() as session:
        return sorted((i.learner_id, i.lesson_id, i.question_id, i.stage) for i in session.query(ReviewItem))


def test_wrong_answers_are_due_a_day_later_and_right_ones_are_not(db, learners):
    hoa = learners[0]
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q1"), right("q2"), wrong("q3")], now=T0)
    assert due_ids(db, hoa.id, T0) == []
    assert due_ids(db, hoa.id, T0 + DAY - MINUTE) == []
    (first, third) = due_reviews(db, hoa.id, T0 + DAY)
    assert first == DueReview("bai-a", "q1", 0, T0 + DAY)
    assert (third.question_id, third.stage) == ("q3", 0)
    assert first.due_at.tzinfo is not None


def test_right_reviews_climb_the_stages_then_clear_the_question(db, learners):
    hoa = learners[0]
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q1")], now=T0)

    after_first = record_review(db, hoa.id, "bai-a", right("q1"), now=at(1))
    assert (after_first.stage, after_first.due_at) == (1, at(1 + 3))
    assert due_ids(db, hoa.id, at(4) - MINUTE) == []
    assert due_ids(db, hoa.id, at(4)) == [("bai-a", "q1")]

    after_second = record_review(db, hoa.id, "bai-a", right("q1"), now=at(4))
    assert (after_second.stage, after_second.due_at) == (2, at(4 + 7))
    assert due_ids(db, hoa.id, at(11) - MINUTE) == []

    assert record_review(db, hoa.id, "bai-a", right("q1"), now=at(11)) is None  # learnt
    assert due_ids(db, hoa.id, at(100)) == [] and stored(db) == []


def test_a_wrong_review_starts_the_question_again(db, learners):
    hoa = learners[0]
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q1")], now=T0)
    record_review(db, hoa.id, "bai-a", right("q1"), now=at(1))
    record_review(db, hoa.id, "bai-a", right("q1"), now=at(4))
    again = record_review(db, hoa.id, "bai-a", wrong("q1"), now=at(11))
    assert (again.stage, again.due_at) == (0, at(12))
    assert due_ids(db, hoa.id, at(12) - MINUTE) == []
    assert record_review(db, hoa.id, "bai-a", right("q1"), now=at(12)).stage == 1


def test_a_right_answer_before_it_is_due_does_not_skip_the_wait(db, learners):
    """The same question answered twice (two tabs): the second answer does not count."""
    hoa = learners[0]
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q1")], now=T0)
    record_review(db, hoa.id, "bai-a", right("q1"), now=at(1))
    unchanged = record_review(db, hoa.id, "bai-a", right("q1"), now=at(1) + MINUTE)
    assert (unchanged.stage, unchanged.due_at) == (1, at(4))
    # a right answer to a question that is not on the list changes nothing
    assert record_review(db, hoa.id, "bai-a", right("khong-co"), now=at(1)) is None
    assert [s[2] for s in stored(db)] == ["q1"]


def test_a_later_quiz_attempt_clears_what_it_got_right_and_restarts_what_it_got_wrong(db, learners):
    hoa = learners[0]
    record_attempt(db, hoa.id, "bai-a", [wrong("q1"), wrong("q2"), right("q3")], 33, False, 80)
    assert [s[2] for s in stored(db)] == ["q1", "q2"]
    record_review(db, hoa.id, "bai-a", right("q2"), now=max(d.due_at for d in due_reviews(db, hoa.id, at(400))))
    assert [(s[2], s[3]) for s in stored(db)] == [("q1", 0), ("q2", 1)]

    schedule_wrong_answers(db, hoa.id, "bai-a", [right("q1"), wrong("q2"), wrong("q3")], now=at(2))
    assert [(s[2], s[3]) for s in stored(db)] == [("q2", 0), ("q3", 0)]
    assert due_ids(db, hoa.id, at(3) - MINUTE) == []
    assert due_ids(db, hoa.id, at(3)) == [("bai-a", "q2"), ("bai-a", "q3")]


def test_record_attempt_schedules_reviews_with_the_injectable_clock(db, learners, monkeypatch):
    import progress.review

    monkeypatch.setattr(progress.review, "current_time", lambda: T0)
    hoa = learners[0]
    record_attempt(db, hoa.id, "bai-a", [wrong("q1"), right("q2")], 50, False, 80)
    assert due_reviews(db, hoa.id) == []
    monkeypatch.setattr(progress.review, "current_time", lambda: T0 + DAY)
    assert [d.question_id for d in due_reviews(db, hoa.id)] == ["q1"]


def test_due_list_is_per_learner_oldest_first_and_skips_retired_questions(db, learners):
    hoa, lam, _ = learners
    schedule_wrong_answers(db, hoa.id, "bai-b", [wrong("q1")], now=at(0.5))
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q9")], now=T0)
    schedule_wrong_answers(db, lam.id, "bai-a", [wrong("q1")], now=T0)
    schedule_wrong_answers(db, hoa.id, "bai-da-bo", [wrong("q1")], now=T0)
    assert due_ids(db, hoa.id, at(2)) == [("bai-a", "q9"), ("bai-da-bo", "q1"), ("bai-b", "q1")]
    assert due_ids(db, lam.id, at(2)) == [("bai-a", "q1")]
    known = {("bai-a", "q9"), ("bai-b", "q1"), ("bai-a", "q1")}
    assert due_ids(db, hoa.id, at(2), known) == [("bai-a", "q9"), ("bai-b", "q1")]
    assert len(stored(db)) == 4  # skipped, not deleted: the history stays


def test_times_must_be_timezone_aware_and_other_zones_are_stored_as_utc(db, learners):
    hoa = learners[0]
    with pytest.raises(ValueError, match="timezone-aware"):
        due_reviews(db, hoa.id, dt.datetime(2026, 3, 2, 8, 0))
    vietnam = dt.timezone(dt.timedelta(hours=7))
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q1")], now=T0.astimezone(vietnam))
    (item,) = due_reviews(db, hoa.id, T0 + DAY)
    assert item.due_at == T0 + DAY and item.due_at.utcoffset() == dt.timedelta(0)
    assert due_reviews(db, hoa.id, (T0 + DAY - MINUTE).astimezone(vietnam)) == []


def test_the_last_answer_to_a_question_counts_and_schedules_are_idempotent(db, learners):
    hoa = learners[0]
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q1"), right("q1"), right("q2"), wrong("q2")], now=T0)
    schedule_wrong_answers(db, hoa.id, "bai-a", [wrong("q2")], now=T0)
    assert [(s[2], s[3]) for s in stored(db)] == [("q2", 0)]


def test_deleting_a_learner_deletes_their_review_items(db, learners):
    hoa, lam, _ = learners
    for learner in (hoa, lam):
        schedule_wrong_answers(db, learner.id, "bai-a", [wrong("q1")], now=T0)
    delete_learner(db, hoa.id)
    assert [s[0] for s in stored(db)] == [lam.id]


def test_a_configured_policy_reaches_quiz_attempts_and_reviews(db, learners):
    hoa = learners[0]
    policy = ReviewPolicy(review_after_days=(2, 5))
    from progress.review import current_time

    start = current_time()
    record_attempt(db, hoa.id, "bai-a", [wrong("q1")], 0, False, 80, policy)  # stamped with the real time
    two_days = start + 2 * DAY + MINUTE
    assert due_ids(db, hoa.id, start + 2 * DAY - MINUTE) == [] and due_ids(db, hoa.id, two_days) == [("bai-a", "q1")]
    after = record_review(db, hoa.id, "bai-a", right("q1"), now=two_days, policy=policy)
    assert (after.stage, after.due_at) == (1, two_days + 5 * DAY)
    assert record_review(db, hoa.id, "bai-a", right("q1"), now=two_days + 5 * DAY, policy=policy) is None  # learnt
