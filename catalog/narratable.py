"""Every text the app can speak for the catalogue (for pre-rendering): each lesson and
its quiz (with what is said after each answer and at the end), the home screen's lists
of modules and lessons, and the review counts."""

from __future__ import annotations

from catalog.loading import Catalog
from lessons.models import Lesson, Module
from quizzes.speech import number_word, numbered_question, reviews_due, reviews_left, spoken_result

# counts said on the review pages are pre-rendered up to this; more is left to the live voice
MAX_PRE_RENDERED_COUNT = 30


def lesson_texts(catalog: Catalog, lesson_id: str) -> list[str]:
    lesson = catalog.lessons[lesson_id]
    texts = [lesson.title]
    for number, step in enumerate(lesson.steps, start=1):
        texts += [step_heading(lesson, number), step.narrated]
        if step.practice:
            texts.append(step.practice.success)
            texts += [target.spoken_hint for target in step.practice.targets if target.hint]
    quiz = catalog.quiz_for(lesson_id)
    questions = quiz.questions if quiz else ()
    for number, question in enumerate(questions, start=1):
        texts += question.narratable_texts()
        texts += [numbered_question(number, len(questions), arranged.spoken())  # the quiz and class mode,
                  for arranged in question.arrangements()]  # in every order a learner can see
    return texts


def step_heading(lesson: Lesson, number: int) -> str:
    """Read beside a step's counter: the lesson and where in it the learner is."""
    return f"Bài: {lesson.title}. Bước {number_word(number)} trên {number_word(len(lesson.steps))}."


def quiz_result_texts(catalog: Catalog) -> list[str]:
    """Every result screen a quiz can end on: each score, passed or not (the pass
    mark is a setting, so both), for each quiz length in the catalogue."""
    totals = sorted({len(quiz.questions) for quiz in catalog.quizzes.values()})
    return [spoken_result(correct, total, passed)
            for total in totals for correct in range(total + 1) for passed in (True, False)]


def review_texts() -> list[str]:
    """The home screen's review card and the review page's count of what is left."""
    counts = range(1, MAX_PRE_RENDERED_COUNT + 1)
    return [reviews_due(n) for n in counts] + [reviews_left(n) for n in counts]


def continue_text(lesson: Lesson) -> str:
    """Read under the home screen's "Học tiếp" button."""
    return f"Bấm nút trên cùng để học tiếp bài: {lesson.title}."


def modules_text(catalog: Catalog) -> str:
    """The home screen's modules, in order, for a learner who cannot read them."""
    modules = catalog.modules_with_lessons()
    parts = [f"Phần {number_word(n)}: {module.title}." for n, module in enumerate(modules, start=1)]
    return "Các bài học, chia thành từng phần. Bấm vào tên một phần để thấy các bài. " + " ".join(parts)


def _lesson_line(number: int, lesson: Lesson) -> str:
    """"Bài hai, thực hành: <title>. Bảy phút." — what a lesson's button shows, in words."""
    practice = ", thực hành" if lesson.kind == "practice" else ""
    return f"Bài {number_word(number)}{practice}: {lesson.title}. {number_word(lesson.minutes).capitalize()} phút."


def module_lessons_text(catalog: Catalog, module: Module) -> str:
    """The lessons of one module, read inside its section on the home screen."""
    lessons = catalog.lessons_of(module.id)
    parts = [_lesson_line(n, lesson) for n, lesson in enumerate(lessons, start=1)]
    return f"Phần {module.title} có {number_word(len(lessons))} bài. " + " ".join(parts)


def home_texts(catalog: Catalog) -> list[str]:
    return ([modules_text(catalog)] + [module_lessons_text(catalog, m) for m in catalog.modules_with_lessons()]
            + [continue_text(lesson) for lesson in catalog.lessons_in_order()] + review_texts())


def catalogue_texts(catalog: Catalog) -> list[str]:
    texts: list[str] = []
    for lesson in catalog.lessons_in_order():
        texts += lesson_texts(catalog, lesson.id)
    return texts + quiz_result_texts(catalog) + home_texts(catalog)
