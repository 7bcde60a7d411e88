"""Every shipped lesson can be walked through in the app: each step (practice steps
by their right tap), then its quiz page. Catches content the schema accepts but a
page cannot show."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from catalog.loading import load_catalog
from settings import PROJECT_ROOT
from tests.ui.flows import component_data, learner_signs_in

CATALOG = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")


@pytest.fixture
def shipped_app(app_env, monkeypatch):
    monkeypatch.delenv("BDHVS_CONTENT__LESSONS_DIR")
    monkeypatch.delenv("BDHVS_CONTENT__QUIZZES_DIR")
    st.cache_resource.clear()
    at = learner_signs_in(AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=30), app_env)
    return at


def test_every_lesson_and_quiz_opens(shipped_app, app_env):
    at = shipped_app
    assert not at.exception
    for lesson in CATALOG.lessons_in_order():
        at.query_params["bai"] = lesson.id
        at.switch_page("ui/learner/lesson.py").run()
        for index, step in enumerate(lesson.steps):
            assert not at.exception, (lesson.id, step.id, at.exception)
            assert f"Bước {index + 1} / {len(lesson.steps)}" in at.get("progress")[0].proto.text, (lesson.id, step.id)
            pictures = [h.value for h in at.html if "lesson-picture" in h.value]
            pictures += [c["url"] for c in component_data(at, "bdhvs_practice_hotspots")]  # a tappable pretend screen
            assert bool(pictures) == bool(step.image), (lesson.id, step.id)
            if step.practice:
                right = next(t for t in step.practice.targets if t.correct)
                at.button(key=f"practice_{lesson.id}_{step.id}_{right.id}").click().run()
            if index < len(lesson.steps) - 1:
                at.button(key="next").click().run()
        at.query_params["bai"] = lesson.id
        at.switch_page("ui/learner/quiz.py").run()
        assert not at.exception, (lesson.id, at.exception)
        assert f"Câu 1 / {len(CATALOG.quiz_for(lesson.id).questions)}" in at.get("progress")[0].proto.text
