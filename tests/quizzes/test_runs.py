from catalog.loading import load_catalog
from quizzes.runs import resume_run
from tests.conftest import FIXTURE_CONTENT

QUIZ = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes").quizzes["bai-mau"]


def test_a_stored_run_is_graded_again_and_shows_the_feedback_of_the_question_on_screen():
    run = resume_run(QUIZ, 1, [("q-mot", "a"), ("q-hai", "false")])
    assert run is not None
    assert [a.correct for a in run.answers] == [False, True]
    assert run.question.id == "q-hai" and run.feedback == run.answers[1]
    assert not run.is_last and not run.complete


def test_the_score_counts_every_stored_answer():
    stored = [("q-mot", "b"), ("q-hai", "false"), ("q-ba", "a,b"), ("q-bon", "gia"), ("q-nam", "mo>nhap>bam")]
    run = resume_run(QUIZ, 4, stored)
    assert run is not None and run.is_last and run.complete
    score = run.score(80)
    assert (score.correct, score.total, score.percent, score.passed) == (4, 5, 80, True)


def test_a_run_the_quiz_changed_under_starts_afresh():
    assert resume_run(QUIZ, 1, [("q-khac", "a")]) is None  # a question replaced
    assert resume_run(QUIZ, 0, [("q-mot", "z")]) is None  # an option removed
    assert resume_run(QUIZ, 3, [("q-mot", "a")]) is None  # on a question not reached
