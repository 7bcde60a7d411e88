"""The dashboard's per-learner counts ("👥 Từng học viên") and the module the group
worked in last (where "📚 Theo bài" opens)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from catalog.loading import Catalog
from progress.reports.lesson_states import LearnerRow
from progress.tracking import LessonStatus


@dataclass(frozen=True)
class LearnerLine:
    display_name: str
    passed: int  # current lessons passed
    lessons: int  # lessons in the catalogue
    in_progress: int
    seconds_spent: int
    last_activity: dt.datetime | None


def learner_lines(rows: list[LearnerRow], catalog: Catalog) -> list[LearnerLine]:
    """One line per learner, in the rows' order."""
    total = len(catalog.lessons)
    return [
        LearnerLine(
            row.display_name,
            sum(s.status == LessonStatus.PASSED for s in row.lessons.values() if s.lesson_id in catalog.lessons),
            total,
            sum(s.status == LessonStatus.IN_PROGRESS for s in row.lessons.values()),
            sum(s.seconds_spent for s in row.lessons.values()),
            row.last_activity,
        )
        for row in rows
    ]


def latest_module(rows: list[LearnerRow], catalog: Catalog) -> str | None:
    """The module the group worked in last, so the table opens where the class is."""
    touched = [(state.last_activity, lesson_id) for row in rows for lesson_id, state in row.lessons.items()
               if state.last_activity and lesson_id in catalog.lessons]
    return catalog.lessons[max(touched)[1]].module if touched else None
