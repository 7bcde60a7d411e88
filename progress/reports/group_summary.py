"""What a commune or province Youth Union counts: per group, how many people learnt,
how many lessons they passed and how many module certificates they earned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from catalog.loading import Catalog
from progress.database import Database
from progress.groups import GroupInfo
from progress.reports.lesson_states import LearnerRow, group_progress
from progress.reports.module_progress import module_progress
from progress.tracking import LessonStatus


@dataclass(frozen=True)
class GroupSummary:
    group: str
    learners: int
    started: int  # learners who opened at least one lesson
    passed_any: int  # learners who passed at least one lesson
    lessons_passed: int  # passes of current lessons, all learners together
    certificates: int  # modules with every lesson passed, all learners together
    hours_spent: float  # time on lesson steps, all learners together
    last_activity: dt.datetime | None


def _passed_ids(row: LearnerRow, catalog: Catalog) -> set[str]:
    """The current lessons the learner passed (retired ones do not count)."""
    return {lesson_id for lesson_id, state in row.lessons.items()
            if state.status == LessonStatus.PASSED and lesson_id in catalog.lessons}


def lessons_passed(rows: list[LearnerRow], catalog: Catalog) -> int:
    """Passes of current lessons, all learners together ("Lượt đạt bài")."""
    return sum(len(_passed_ids(row, catalog)) for row in rows)


def summarize_group(name: str, rows: list[LearnerRow], catalog: Catalog) -> GroupSummary:
    """One group's totals from its dashboard rows; lessons no longer in the catalogue
    do not count."""
    passed = [_passed_ids(row, catalog) for row in rows]
    certificates = sum(
        sum(1 for entry in module_progress(catalog, row.lessons) if entry.complete)
        for row in rows
    )
    times = [row.last_activity for row in rows if row.last_activity]
    return GroupSummary(
        group=name,
        learners=len(rows),
        started=sum(1 for row in rows if row.lessons),
        passed_any=sum(1 for ids in passed if ids),
        lessons_passed=sum(len(ids) for ids in passed),
        certificates=certificates,
        hours_spent=sum(state.seconds_spent for row in rows for state in row.lessons.values()) / 3600,
        last_activity=max(times) if times else None,
    )


def commune_summary(
    db: Database, groups: list[GroupInfo], catalog: Catalog, known: dict[int, list[LearnerRow]]
) -> list[GroupSummary]:
    """Totals for each of these groups, in their order. ``known``: rows already read
    (the group on screen), not read again."""
    return [
        summarize_group(g.name, known[g.id] if g.id in known else group_progress(db, g.id), catalog)
        for g in groups
    ]
