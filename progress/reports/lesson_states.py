"""Where learners are in the lessons: a group's learners against the lessons, a
learner's own lessons, and the lesson a learner goes on with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from catalog.loading import Catalog
from lessons.models import Lesson
from progress.database import Database
from progress.learners import list_learners
from progress.tracking import LessonState, LessonStatus, lesson_states


@dataclass(frozen=True)
class LearnerRow:
    learner_id: int
    display_name: str
    lessons: dict[str, LessonState]
    last_activity: dt.datetime | None

    def status(self, lesson_id: str) -> LessonStatus:
        state = self.lessons.get(lesson_id)
        return state.status if state else LessonStatus.NOT_STARTED


def group_progress(db: Database, group_id: int) -> list[LearnerRow]:
    """One row per learner in the group, with the state of every lesson they touched."""
    learners = list_learners(db, group_id)
    states = lesson_states(db, [learner.id for learner in learners])
    rows = []
    for learner in learners:
        mine = {lesson_id: state for (lid, lesson_id), state in states.items() if lid == learner.id}
        times = [s.last_activity for s in mine.values() if s.last_activity]
        rows.append(LearnerRow(learner.id, learner.display_name, mine, max(times) if times else None))
    return rows


def learner_lessons(db: Database, learner_id: int) -> dict[str, LessonState]:
    """The learner's own lesson states, keyed by lesson id."""
    return {lesson_id: state for (_, lesson_id), state in lesson_states(db, [learner_id]).items()}


def lesson_to_continue(catalog: Catalog, states: dict[str, LessonState]) -> Lesson | None:
    """The lesson in progress that the learner touched last ("Học tiếp"), or None."""
    in_progress = [
        lesson for lesson in catalog.lessons_in_order()
        if lesson.id in states and states[lesson.id].status == LessonStatus.IN_PROGRESS
    ]
    if not in_progress:
        return None
    return max(in_progress, key=lambda lesson: states[lesson.id].last_activity or 0)
