"""Which module the trainer's lessons table opens on: where the class worked last."""

import datetime as dt

from catalog.loading import load_catalog
from progress.reports import LearnerRow
from progress.tracking import LessonState, LessonStatus
from settings import PROJECT_ROOT
from ui.trainer.group_results import _latest_module

CATALOG = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")


def state(lesson_id: str, day: int) -> LessonState:
    return LessonState(lesson_id, LessonStatus.IN_PROGRESS, 1, False, None, 0, dt.datetime(2026, 11, day, 9))


def test_the_table_opens_on_the_module_of_the_latest_activity_in_the_group():
    first, later = CATALOG.modules[0].id, CATALOG.modules[3].id
    lesson_in = {module: next(l.id for l in CATALOG.lessons_in_order() if l.module == module) for module in (first, later)}
    rows = [
        LearnerRow(1, "A", {lesson_in[first]: state(lesson_in[first], 20)}, None),
        LearnerRow(2, "B", {lesson_in[later]: state(lesson_in[later], 25), "retired-lesson": state("retired-lesson", 28)}, None),
    ]
    assert _latest_module(rows, CATALOG) == later  # the retired lesson, though newer, is ignored
    assert _latest_module([LearnerRow(3, "C", {}, None)], CATALOG) is None


def test_the_csv_opens_in_excel_with_its_vietnamese_letters():
    import pandas as pd

    from ui.trainer.group_results import csv_for_excel

    data = csv_for_excel(pd.DataFrame([{"Nhóm": "Thôn Bờ He", "Học viên": 4}]))
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel looks for
    assert data.decode("utf-8-sig").splitlines() == ["Nhóm,Học viên", "Thôn Bờ He,4"]


def test_time_is_told_in_hours_and_minutes():
    from ui.trainer.group_results import duration

    assert [duration(s) for s in (0, 20, 600, 3600, 3900 + 29)] == ["—", "—", "10 phút", "1 giờ 0 phút", "1 giờ 5 phút"]
