from progress.groups import create_group
from progress.learners import create_learner
from progress.reports.lesson_states import group_progress, learner_lessons
from progress.tracking import (
    MAX_SECONDS_PER_STEP,
    LessonStatus,
    open_lesson,
    record_attempt,
    save_step,
)
from quizzes.answers import GradedAnswer


def make_learners(db, *names):
    group = create_group(db, "Thôn Bờ He")
    return group, [create_learner(db, group.id, name, "1234") for name in names]


def test_lesson_resumes_at_the_saved_step(db):
    _, (hoa,) = make_learners(db, "Hoa")
    assert open_lesson(db, hoa.id, "bai-a", step_count=6) == 0
    save_step(db, hoa.id, "bai-a", 3, seconds=20)
    assert open_lesson(db, hoa.id, "bai-a", step_count=6) == 3
    # a lesson that lost steps since: resume at its last step, not past the end
    assert open_lesson(db, hoa.id, "bai-a", step_count=2) == 1


def test_time_spent_adds_up_and_idle_time_is_capped(db):
    _, (hoa,) = make_learners(db, "Hoa")
    save_step(db, hoa.id, "bai-a", 1, seconds=30)
    save_step(db, hoa.id, "bai-a", 2, seconds=4000)
    save_step(db, hoa.id, "bai-a", 2, seconds=-5)
    state = learner_lessons(db, hoa.id)["bai-a"]
    assert state.status == LessonStatus.IN_PROGRESS and state.current_step == 2
    rows = group_progress(db, hoa.group_id)
    assert rows[0].lessons["bai-a"].current_step == 2
    from progress.models import LessonProgress
    with db() as session:
        assert session.query(LessonProgress).one().seconds_spent == 30 + MAX_SECONDS_PER_STEP


def test_attempts_store_each_answer_and_best_score_and_pass(db):
    _, (hoa, lam) = make_learners(db, "Hoa", "Lâm")
    wrong = [GradedAnswer("q1", "a", False), GradedAnswer("q2", "true", True)]
    right = [GradedAnswer("q1", "b", True), GradedAnswer("q2", "false", True)]
    record_attempt(db, hoa.id, "bai-a", wrong, 50, False, 80)
    state = learner_lessons(db, hoa.id)["bai-a"]
    assert (state.status, state.best_score, state.attempts) == (LessonStatus.IN_PROGRESS, 50, 1)
    attempt_id = record_attempt(db, hoa.id, "bai-a", right, 100, True, 80)
    record_attempt(db, hoa.id, "bai-a", wrong, 50, False, 80)  # a later worse try keeps the pass
    state = learner_lessons(db, hoa.id)["bai-a"]
    assert (state.status, state.best_score, state.attempts) == (LessonStatus.PASSED, 100, 3)

    from progress.models import QuizAttempt
    with db() as session:
        stored = session.get(QuizAttempt, attempt_id)
        answers = [(a.question_id, a.answer, a.correct) for a in stored.answers]
        assert answers == [("q1", "b", True), ("q2", "false", True)]

    rows = {row.display_name: row for row in group_progress(db, hoa.group_id)}
    assert rows["Hoa"].status("bai-a") == LessonStatus.PASSED
    assert rows["Lâm"].status("bai-a") == LessonStatus.NOT_STARTED
    assert rows["Lâm"].last_activity is None and rows["Hoa"].last_activity is not None


def test_progress_refers_to_lessons_by_id_so_retired_lessons_keep_history(db):
    _, (hoa,) = make_learners(db, "Hoa")
    record_attempt(db, hoa.id, "bai-da-bo", [GradedAnswer("q1", "a", True)], 100, True, 80)
    assert learner_lessons(db, hoa.id)["bai-da-bo"].status == LessonStatus.PASSED


def test_deleting_a_learner_removes_progress_and_answers_and_keeps_others(db):
    from progress.learners import delete_learner, list_learners
    from progress.models import LessonProgress, QuizAnswer, QuizAttempt

    group, (hoa, lam) = make_learners(db, "Hoa", "Lâm")
    for learner in (hoa, lam):
        save_step(db, learner.id, "bai-a", 1, 5)
        record_attempt(db, learner.id, "bai-a", [GradedAnswer("q1", "a", True)], 100, True, 80)
    assert delete_learner(db, hoa.id) is True
    assert delete_learner(db, hoa.id) is False
    assert [learner.display_name for learner in list_learners(db, group.id)] == ["Lâm"]
    with db() as session:
        assert {p.learner_id for p in session.query(LessonProgress)} == {lam.id}
        assert {a.learner_id for a in session.query(QuizAttempt)} == {lam.id}
        assert session.query(QuizAnswer).count() == 1


def test_a_second_tab_opening_the_same_new_lesson_does_not_crash(db):
    """Two sessions of one learner both saw no progress row and both insert one."""
    from progress.tracking import _insert_unless_exists

    _, (hoa,) = make_learners(db, "Hoa")
    save_step(db, hoa.id, "bai-a", 2, 5)  # the other tab won the race
    with db.begin() as session:
        row = _insert_unless_exists(session, hoa.id, "bai-a")  # this tab inserts too
        assert row.current_step == 2
        row.current_step = 3  # and the transaction is still usable
    assert open_lesson(db, hoa.id, "bai-a", step_count=6) == 3


def test_the_trainer_reads_the_time_spent_on_each_lesson(db):
    _, (hoa,) = make_learners(db, "Hoa")
    save_step(db, hoa.id, "bai-a", 1, 40)
    save_step(db, hoa.id, "bai-a", 2, 50)
    assert learner_lessons(db, hoa.id)["bai-a"].seconds_spent == 90
