"""Quiz results as trainers read them: latest first, and per lesson with what was missed."""

from progress.reports.attempts import latest_attempt_per_lesson, recent_attempts
from progress.tracking import record_attempt
from quizzes.answers import GradedAnswer
from tests.progress.test_tracking import make_learners


def test_recent_attempts_are_newest_first_limited_and_only_of_these_learners(db):
    _, (hoa, lam, other) = make_learners(db, "Hoa", "Lâm", "Khác")
    hoa, lam, other = hoa.id, lam.id, other.id
    for score in (20, 40, 60):
        record_attempt(db, hoa, "bai-a", [GradedAnswer("q1", "x", score > 50)], score, score > 50, 80)
    record_attempt(db, other, "bai-a", [GradedAnswer("q1", "x", True)], 100, True, 80)
    latest = recent_attempts(db, [hoa, lam], limit=2)
    assert [(a.learner_id, a.score_percent) for a in latest] == [(hoa, 60), (hoa, 40)]
    assert recent_attempts(db, []) == []


def test_latest_attempt_per_lesson_counts_attempts_and_names_the_missed_questions(db):
    hoa = make_learners(db, "Hoa")[1][0].id
    record_attempt(db, hoa, "bai-a", [GradedAnswer("q1", "x", False), GradedAnswer("q2", "y", True)], 50, False, 80)
    record_attempt(db, hoa, "bai-a", [GradedAnswer("q1", "z", True), GradedAnswer("q2", "w", False)], 50, False, 80)
    record_attempt(db, hoa, "bai-b", [GradedAnswer("q1", "x", True)], 100, True, 80)
    taken = latest_attempt_per_lesson(db, hoa)
    attempt, count = taken["bai-a"]
    assert count == 2 and attempt.wrong_question_ids == ("q2",)
    assert taken["bai-b"][1] == 1 and taken["bai-b"][0].passed and taken["bai-b"][0].wrong_question_ids == ()
