"""Lessons passed by a group, as the dashboard counts them."""

import datetime as dt

from catalog.loading import load_catalog
from progress.reports.group_summary import lessons_passed
from progress.reports.lesson_states import LearnerRow
from progress.tracking import LessonState, LessonStatus
from settings import PROJECT_ROOT

CATALOG = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
WHEN = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


def state(lesson_id: str, status: LessonStatus, day: int = 20) -> LessonState:
    return LessonState(lesson_id, status, 0, True, 90, 1, WHEN.replace(day=day), seconds_spent=600)


def test_a_group_in_numbers():
    first_module = CATALOG.modules[0].id
    module_lessons = [lesson.id for lesson in CATALOG.lessons_in_order() if lesson.module == first_module]
    other = next(lesson.id for lesson in CATALOG.lessons_in_order() if lesson.module != first_module)
    rows = [
        # finished the whole first module (a certificate) and one more lesson
        LearnerRow(1, "Hoa", {**{i: state(i, LessonStatus.PASSED) for i in module_lessons},
                              other: state(other, LessonStatus.PASSED, 25)}, WHEN.replace(day=25)),
        LearnerRow(2, "Lâm", {other: state(other, LessonStatus.IN_PROGRESS)}, WHEN),  # started only
        LearnerRow(3, "Nga", {"bai-da-bo": state("bai-da-bo", LessonStatus.PASSED)}, WHEN),  # a retired lesson
        LearnerRow(4, "Quý", {}, None),  # never came
    ]
    assert lessons_passed(rows, CATALOG) == len(module_lessons) + 1  # Nga's retired lesson does not count


def test_an_empty_group():
    assert lessons_passed([], CATALOG) == 0
