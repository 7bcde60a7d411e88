"""What a class goes through: the lessons a trainer picked, each as its steps and then
its quiz questions, one slide after another. The projector and every phone build the
same plan from the same lesson ids, so a slide number means the same thing to all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.loading import Catalog
from lessons.models import Lesson, Step
from quizzes.models import Question
from quizzes.option_order import arranged


@dataclass(frozen=True)
class Slide:
    lesson: Lesson
    step: Step | None = None  # a lesson step, or …
    question: Question | None = None  # … a quiz question asked live
    number: int = 1  # the step's number in its lesson, or the question's number in its quiz
    count: int = 1  # how many steps (or questions) the lesson (or quiz) has

    @property
    def is_question(self) -> bool:
        return self.question is not None


@dataclass(frozen=True)
class ClassPlan:
    lessons: tuple[Lesson, ...]
    slides: tuple[Slide, ...]

    def slide(self, position: int) -> Slide:
        """The slide at ``position``, kept inside the plan."""
        return self.slides[max(0, min(position, len(self.slides) - 1))]

    def lessons_reached(self, furthest_position: int) -> tuple[Lesson, ...]:
        """The lessons the class got to (at least their first slide)."""
        reached = {slide.lesson.id for slide in self.slides[: furthest_position + 1]}
        return tuple(lesson for lesson in self.lessons if lesson.id in reached)

    def first_slide_of(self, lesson_id: str) -> int:
        return next((i for i, slide in enumerate(self.slides) if slide.lesson.id == lesson_id), 0)


def class_plan(catalog: Catalog, lesson_ids: Sequence[str], seed: str) -> ClassPlan:
    """The slides of these lessons, in the order given; ids no longer in the catalogue
    (a lesson retired since the class started) are left out. Each question's options are
    in the class's one order (``seed``: quizzes.option_order.class_seed), the same on the
    projector and every phone."""
    known = [lesson_id for lesson_id in dict.fromkeys(lesson_ids) if lesson_id in catalog.lessons]
    lessons = tuple(catalog.lessons[lesson_id] for lesson_id in known)
    slides: list[Slide] = []
    for lesson in lessons:
        steps = lesson.steps
        slides += [Slide(lesson, step=step, number=n, count=len(steps)) for n, step in enumerate(steps, start=1)]
        quiz = catalog.quiz_for(lesson.id)
        questions = tuple(arranged(q, seed) for q in quiz.questions) if quiz else ()
        slides += [Slide(lesson, question=q, number=n, count=len(questions)) for n, q in enumerate(questions, start=1)]
    return ClassPlan(lessons, tuple(slides))
