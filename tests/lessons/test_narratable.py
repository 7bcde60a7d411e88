from lessons.catalog import load_catalog
from lessons.narratable import catalogue_texts, lesson_texts
from quizzes.models import TrueFalse
from tests.conftest import FIXTURE_CONTENT

CATALOG = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")


def test_every_text_the_pages_speak_is_pre_renderable():
    texts = set(lesson_texts(CATALOG, "bai-mau"))
    lesson = CATALOG.lessons["bai-mau"]
    assert {step.spoken_text for step in lesson.steps} <= texts
    assert "Đây là bước ba, mã ô tê pê." in texts and "Đây là bước ba, mã OTP." not in texts
    for question in CATALOG.quiz_for("bai-mau").questions:
        assert question.spoken_prompt in texts
        explanations = [question.explanation] if isinstance(question, TrueFalse) else [o.explanation for o in question.options]
        assert set(explanations) <= texts


def test_catalogue_texts_cover_every_lesson():
    assert set(catalogue_texts(CATALOG)) == set(lesson_texts(CATALOG, "bai-mau"))
