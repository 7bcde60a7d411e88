"""How far a learner is in each module; a module is finished when every lesson is passed."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.loading import Catalog
from lessons.models import Lesson, Module
from progress.tracking import LessonState, LessonStatus


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    lessons: tuple[Lesson, ...]
    passed_ids: frozenset[str]

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def passed(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.id in self.passed_ids)

    @property
    def complete(self) -> bool:
        """Every lesson passed (a module with no lessons is never complete)."""
        return bool(self.lessons) and self.passed == self.total


def module_progress(catalog: Catalog, states: dict[str, LessonState]) -> list[ModuleProgress]:
    """One entry per module that has lessons, in the catalogue's order."""
    passed = frozenset(lesson_id for lesson_id, state in states.items() if state.status == LessonStatus.PASSED)
    ordered = catalog.lessons_in_order()
    result = []
    for module in catalog.modules:
        lessons = tuple(lesson for lesson in ordered if lesson.module == module.id)
        if lessons:
            result.append(ModuleProgress(module, lessons, passed & {lesson.id for lesson in lessons}))
    return result


def progress_of_module(catalog: Catalog, states: dict[str, LessonState], module_id: str) -> ModuleProgress | None:
    return next((entry for entry in module_progress(catalog, states) if entry.module.id == module_id), None)


def lessons_passed_of_all(modules: list[ModuleProgress]) -> tuple[int, int]:
    """Lessons passed and lessons there are, over every module ("đạt 5/12 bài")."""
    return sum(entry.passed for entry in modules), sum(entry.total for entry in modules)
