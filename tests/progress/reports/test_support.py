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


def test_each_learner_in_need_comes_with_the_reasons(db):
    """Hoa left a lesson unfinished; Lâm failed one quiz 3 times and left another lesson;
    Nga passed and then stayed away; Tư never started. Counted by hand at 8 and 15 days."""
    import datetime as dt

    from catalog.loading import load_catalog
    from progress.groups import create_group
    from progress.learners import create_learner
    from progress.reports.lesson_states import group_progress
    from progress.reports.support import DEFAULT_RULES, AbsenceRules, Reason, support_needs
    from progress.tracking import save_step
    from tests.conftest import FIXTURE_CONTENT
    from tests.progress.graded import pass_lesson

    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    group = create_group(db, "Thôn Bờ He")
    hoa, lam, nga, tu = (create_learner(db, group.id, name, "1234") for name in ("Hoa", "Lâm", "Nga", "Tư"))
    save_step(db, hoa.id, "bai-mau", 2, 30)
    fail(db, lam.id, "bai-mau", 3)
    save_step(db, lam.id, "thuc-hanh-mau", 1, 30)
    fail(db, lam.id, "bai-da-bo", 3)  # a retired lesson: never a reason
    pass_lesson(db, nga.id, "bai-mau")
    rows = group_progress(db, group.id)
    start = dt.datetime.now(dt.UTC)

    def reasons(days: float, rules: AbsenceRules = DEFAULT_RULES):  # type: ignore[no-untyped-def]
        needs = support_needs(db, catalog, rows, rules=rules, now=start + dt.timedelta(days=days))
        return {need.display_name: [(r.kind, [lesson.id for lesson in r.lessons], r.days, r.never_started)
                                    for r in need.reasons] for need in needs}

    assert reasons(1) == {"Lâm": [(Reason.FAILED_QUIZ, ["bai-mau"], 0, False)]}
    assert reasons(8.1) == {
        "Hoa": [(Reason.STUCK_LESSON, ["bai-mau"], 8, False)],
        "Lâm": [(Reason.FAILED_QUIZ, ["bai-mau"], 0, False), (Reason.STUCK_LESSON, ["thuc-hanh-mau"], 8, False)],
    }  # Nga passed what she opened; Tư was added 8 days ago, under 14
    assert reasons(15.1) == {
        "Hoa": [(Reason.INACTIVE, [], 15, False)],
        "Lâm": [(Reason.FAILED_QUIZ, ["bai-mau"], 0, False), (Reason.INACTIVE, [], 15, False)],
        "Nga": [(Reason.INACTIVE, [], 15, False)],
        "Tư": [(Reason.INACTIVE, [], 15, True)],
    }
    assert reasons(3.1, AbsenceRules(stuck_lesson_days=3, inactive_days=30))["Hoa"] == [
        (Reason.STUCK_LESSON, ["bai-mau"], 3, False)]
