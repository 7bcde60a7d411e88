"""The dashboard's per-learner lines, and which module the lessons table opens on:
where the class worked last."""

import datetime as dt

from catalog.loading import load_catalog
from progress.reports.learner_lines import latest_module, learner_lines
from progress.reports.lesson_states import LearnerRow
from progress.tracking import LessonState, LessonStatus
from settings import PROJECT_ROOT

CATALOG = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")


def state(lesson_id: str, day: int) -> LessonState:
    return LessonState(lesson_id, LessonStatus.IN_PROGRESS, 1, False, None, 0, dt.datetime(2026, 11, day, 9))


def test_the_table_opens_on_the_module_of_the_latest_activity_in_the_group():
    first, later = CATALOG.modules[0].id, CATALOG.modules[3].id
    lesson_in = {module: CATALOG.lessons_of(module)[0].id for module in (first, later)}
    rows = [
        LearnerRow(1, "A", {lesson_in[first]: state(lesson_in[first], 20)}, None),
        LearnerRow(2, "B", {lesson_in[later]: state(lesson_in[later], 25),
                            "retired-lesson": state("retired-lesson", 28)}, None),
    ]
    assert latest_module(rows, CATALOG) == later  # the retired lesson, though newer, is ignored
    assert latest_module([LearnerRow(3, "C", {}, None)], CATALOG) is None


def test_one_line_per_learner_counts_current_lessons_passed_and_time():
    lessons = [lesson.id for lesson in CATALOG.lessons_in_order()][:2]
    passed = LessonState(lessons[0], LessonStatus.PASSED, 3, True, 100, 1, dt.datetime(2026, 11, 20, 9), 600)
    retired = LessonState("bai-da-bo", LessonStatus.PASSED, 3, True, 100, 1, dt.datetime(2026, 11, 21, 9), 60)
    rows = [LearnerRow(1, "A", {lessons[0]: passed, lessons[1]: state(lessons[1], 22), "bai-da-bo": retired},
                       dt.datetime(2026, 11, 22, 9)),
            LearnerRow(2, "B", {}, None)]
    a, b = learner_lines(rows, CATALOG)
    assert (a.display_name, a.passed, a.lessons) == ("A", 1, len(CATALOG.lessons))
    assert (a.in_progress, a.seconds_spent) == (1, 660)
    assert (b.passed, b.in_progress, b.seconds_spent, b.last_activity) == (0, 0, 0, None)
