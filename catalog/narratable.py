"""Every text the app can speak for the catalogue (for pre-rendering): each lesson and
its quiz, and the home screen's lists of modules and lessons."""

from __future__ import annotations

from catalog.loading import Catalog
from lessons.models import Lesson, Module


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
        texts += question.narratable_texts()
    return texts


_COUNT_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")


def _count(n: int) -> str:
    return _COUNT_WORDS[n - 1] if 1 <= n <= len(_COUNT_WORDS) else str(n)


def continue_text(lesson: Lesson) -> str:
    """Read under the home screen's "Học tiếp" button."""
    return f"Bấm nút trên cùng để học tiếp bài: {lesson.title}."


def modules_text(catalog: Catalog) -> str:
    """The home screen's modules, in order, for a learner who cannot read them."""
    parts = [f"Phần {_count(n)}: {module.title}." for n, module in enumerate(catalog.modules_with_lessons(), start=1)]
    return "Các bài học, chia thành từng phần. Bấm vào tên một phần để thấy các bài. " + " ".join(parts)


def _lesson_line(number: int, lesson: Lesson) -> str:
    """"Bài hai, thực hành: <title>. Bảy phút." — what a lesson's button shows, in words."""
    practice = ", thực hành" if lesson.kind == "practice" else ""
    return f"Bài {_count(number)}{practice}: {lesson.title}. {_count(lesson.minutes).capitalize()} phút."


def module_lessons_text(catalog: Catalog, module: Module) -> str:
    """The lessons of one module, read inside its section on the home screen."""
    lessons = catalog.lessons_of(module.id)
    parts = [_lesson_line(n, lesson) for n, lesson in enumerate(lessons, start=1)]
    return f"Phần {module.title} có {_count(len(lessons))} bài. " + " ".join(parts)


def home_texts(catalog: Catalog) -> list[str]:
    return ([modules_text(catalog)] + [module_lessons_text(catalog, m) for m in catalog.modules_with_lessons()]
            + [continue_text(lesson) for lesson in catalog.lessons_in_order()])


def catalogue_texts(catalog: Catalog) -> list[str]:
    texts: list[str] = []
    for lesson in catalog.lessons_in_order():
        texts += lesson_texts(catalog, lesson.id)
    return texts + home_texts(catalog)
