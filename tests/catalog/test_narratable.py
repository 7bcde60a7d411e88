from itertools import combinations, permutations

from catalog.loading import load_catalog
from catalog.narratable import (
    catalogue_texts,
    home_texts,
    lesson_texts,
    module_lessons_text,
    modules_text,
    quiz_result_texts,
)
from quizzes.models import ImageChoice, MultipleChoice, Ordering, Question, SingleChoice, TrueFalse
from quizzes.speech import numbered_question, spoken_answer, spoken_feedback, spoken_result
from tests.conftest import FIXTURE_CONTENT

CATALOG = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")


def spoken_by_pages(lesson_id: str) -> set[str]:
    """What the lesson and quiz pages pass to the narrator."""
    lesson = CATALOG.lessons[lesson_id]
    texts = {step.narrated for step in lesson.steps}
    for step in lesson.steps:
        if step.practice:
            texts.add(step.practice.success)
            texts |= {t.spoken_hint for t in step.practice.targets if t.hint}
    questions = CATALOG.quizzes[lesson_id].questions
    for number, question in enumerate(questions, start=1):
        texts.add(question.spoken())
        texts.add(numbered_question(number, len(questions), question.spoken()))
        if isinstance(question, (SingleChoice, MultipleChoice, ImageChoice)):
            texts |= {o.explanation for o in question.options}
        elif isinstance(question, (TrueFalse, Ordering)):
            texts.add(question.explanation)
        # what the voice says after every answer a learner can give, and class mode's answer
        texts |= {spoken_feedback(question.grade(answer)) for answer in every_answer(question)}
        texts.add(spoken_answer(question.grade(question.right_answer())))
    return texts


def every_answer(question: Question) -> list:  # type: ignore[type-arg]
    if isinstance(question, (SingleChoice, ImageChoice)):
        return [option.id for option in question.options]
    if isinstance(question, MultipleChoice):
        ids = [option.id for option in question.options]
        return [frozenset(ticked) for size in range(1, len(ids) + 1) for ticked in combinations(ids, size)]
    if isinstance(question, TrueFalse):
        return [True, False]
    return list(permutations(item.id for item in question.items))


def test_every_text_the_pages_speak_is_pre_renderable():
    for lesson_id in CATALOG.lessons:
        assert spoken_by_pages(lesson_id) <= set(lesson_texts(CATALOG, lesson_id)), lesson_id
    texts = set(lesson_texts(CATALOG, "bai-mau"))
    assert "Đây là bước ba, mã ô tê pê." in texts and "Đây là bước ba, mã OTP." not in texts
    assert "Chưa đúng. Link lạ có thể là bẫy. Đừng bấm." in set(lesson_texts(CATALOG, "thuc-hanh-mau"))
    assert "Đây là bước hai. Mẹo nhỏ." in texts  # the tip is read too
    # a practice step's one "Nghe" names its numbered buttons, and that whole text is pre-rendered
    assert ("Bấm vào nút Đăng nhập. Chọn một trong hai nút. Nút một: Đăng ký. Nút hai: Đăng nhập."
            in set(lesson_texts(CATALOG, "thuc-hanh-mau")))


def test_catalogue_texts_cover_every_lesson_and_the_home_screen():
    expected = set(home_texts(CATALOG)) | set(quiz_result_texts(CATALOG))
    for lesson_id in CATALOG.lessons:
        expected |= set(lesson_texts(CATALOG, lesson_id))
    assert set(catalogue_texts(CATALOG)) == expected


def test_the_home_screen_lists_are_read_in_order_with_numbers():
    module = CATALOG.modules[0]
    assert modules_text(CATALOG).endswith(f"Phần một: {module.title}.")
    assert module_lessons_text(CATALOG, module) == (
        f"Phần {module.title} có hai bài. Bài một: Bài mẫu. Ba phút. Bài hai, thực hành: Thực hành mẫu. Ba phút.")


def test_every_result_screen_is_pre_renderable():
    texts = set(catalogue_texts(CATALOG))
    total = len(CATALOG.quizzes["bai-mau"].questions)
    for correct in range(total + 1):
        assert {spoken_result(correct, total, True), spoken_result(correct, total, False)} <= texts
