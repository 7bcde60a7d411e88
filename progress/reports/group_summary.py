"""Lessons passed by a group's learners, counted from the dashboard's rows. The totals
a commune or province Youth Union counts are the area report (area_report.py)."""

from __future__ import annotations

from catalog.loading import Catalog
from progress.reports.lesson_states import LearnerRow
from progress.tracking import LessonStatus


def _passed_ids(row: LearnerRow, catalog: Catalog) -> set[str]:
    """The current lessons the learner passed (retired ones do not count)."""
    return {lesson_id for lesson_id, state in row.lessons.items()
            if state.status == LessonStatus.PASSED and lesson_id in catalog.lessons}


def lessons_passed(rows: list[LearnerRow], catalog: Catalog) -> int:
    """Passes of current lessons, all learners together ("Lượt đạt bài")."""
    return sum(len(_passed_ids(row, catalog)) for row in rows)
