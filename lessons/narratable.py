"""Every text the app can speak for a lesson and its quiz (for pre-rendering)."""

from __future__ import annotations

from lessons.catalog import Catalog
from quizzes.speech import spoken_question
from quizzes.models import ImageChoice, MultipleChoice, Ordering, SingleChoice, TrueFalse


def lesson_texts(catalog: Catalog, lesson_id: str) -> list[str]:
    lesson = catalog.lessons[lesson_id]
    texts = [lesson.title]
    for step in lesson.steps:
        texts.append(step.narrated)
        if step.practice:
            texts.append(step.practice.success)
            texts += [target.hint for target in step.practice.targets if target.hint]
    quiz = catalog.quiz_for(lesson_id)
    for question in quiz.questions if quiz else ():
        texts.append(spoken_question(question))
        if isinstance(question, (SingleChoice, MultipleChoice, ImageChoice)):
            for option in question.options:
                texts += [option.text, option.explanation]
        elif isinstance(question, Ordering):
            texts += [item.text for item in question.items] + [question.explanation]
        elif isinstance(question, TrueFalse):
            texts.append(question.explanation)
    return texts


def catalogue_texts(catalog: Catalog) -> list[str]:
    texts: list[str] = []
    for lesson in catalog.lessons_in_order():
        texts += lesson_texts(catalog, lesson.id)
    return texts
