"""Quiz runs are stored answer by answer; only a finished run becomes an attempt."""

from progress.groups import create_group
from progress.learners import create_learner
from progress.models import QuizAttempt, QuizRun
from progress.quiz_runs import finish_run, move_on, open_run, record_answer, restart_run
from progress.review import due_reviews
from quizzes.answers import GradedAnswer
from quizzes.grading import QuizScore


def hoa(db):
    group = create_group(db, "Thôn Bờ He")
    return create_learner(db, group.id, "Hoa", "1234")


def test_answers_are_kept_as_given_and_the_run_resumes_where_it_was(db):
    learner = hoa(db)
    run = open_run(db, learner.id, "bai-a")
    assert (run.position, run.answers) == (0, ())
    assert record_answer(db, run.run_id, 0, GradedAnswer("q1", frozenset({"b", "a"}), True))
    move_on(db, run.run_id, 1)
    assert record_answer(db, run.run_id, 1, GradedAnswer("q2", ("y", "x"), False))
    again = open_run(db, learner.id, "bai-a")  # a reload: the same run
    assert again.run_id == run.run_id
    assert (again.position, again.answers) == (1, (("q1", "a,b"), ("q2", "y>x")))
    with db() as session:
        assert session.query(QuizAttempt).count() == 0, "an open run is never an attempt"


def test_a_second_answer_to_the_same_question_is_refused(db):
    learner = hoa(db)
    run = open_run(db, learner.id, "bai-a")
    assert record_answer(db, run.run_id, 0, GradedAnswer("q1", "a", False))
    assert not record_answer(db, run.run_id, 0, GradedAnswer("q1", "b", True))  # double tap
    assert not record_answer(db, run.run_id, 2, GradedAnswer("q3", "b", True))  # skipping a question
    move_on(db, run.run_id, 2)  # cannot move past an unanswered question
    assert open_run(db, learner.id, "bai-a").answers == (("q1", "a"),)
    assert open_run(db, learner.id, "bai-a").position == 0


def test_finishing_stores_one_attempt_schedules_reviews_and_ends_the_run(db):
    learner = hoa(db)
    run = open_run(db, learner.id, "bai-a")
    answers = (GradedAnswer("q1", "a", False), GradedAnswer("q2", True, True))
    for position, answer in enumerate(answers):
        record_answer(db, run.run_id, position, answer)
    score = QuizScore(1, 2, 50, False)
    attempt_id = finish_run(db, run.run_id, learner.id, answers, score, 80)
    assert attempt_id is not None
    assert finish_run(db, run.run_id, learner.id, answers, score, 80) is None  # a double tap: still one
    with db() as session:
        attempt = session.query(QuizAttempt).one()
        assert (attempt.correct_count, attempt.score_percent, attempt.passed) == (1, 50, False)
        assert [(a.question_id, a.answer) for a in attempt.answers] == [("q1", "a"), ("q2", "true")]
        assert session.query(QuizRun).count() == 0
    import datetime as dt

    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    assert [d.question_id for d in due_reviews(db, learner.id, later)] == ["q1"]
    assert open_run(db, learner.id, "bai-a").answers == ()  # the next visit starts afresh


def test_restart_drops_the_open_run(db):
    learner = hoa(db)
    run = open_run(db, learner.id, "bai-a")
    record_answer(db, run.run_id, 0, GradedAnswer("q1", "a", False))
    fresh = restart_run(db, learner.id, "bai-a")
    assert fresh.run_id != run.run_id and fresh.answers == ()
    assert not record_answer(db, run.run_id, 1, GradedAnswer("q2", "a", False)), "the old run is gone"
