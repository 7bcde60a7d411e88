"""How far a learner is in each module; a module is finished when every lesson is passed."""

import pytest

from catalog.loading import load_catalog
from progress.groups import create_group
from progress.learners import create_learner
from progress.reports.lesson_states import learner_lessons
from progress.reports.module_progress import lessons_passed_of_all, module_progress, progress_of_module
from progress.tracking import save_step
from tests.conftest import FIXTURE_CONTENT
from tests.progress.graded import pass_lesson


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")


def test_module_is_complete_only_when_every_lesson_is_passed(sqlite_db, catalog):
    group = create_group(sqlite_db, "Nhóm A")
    learner = create_learner(sqlite_db, group.id, "Đinh Thị Hoa", "1234")
    entry = module_progress(catalog, learner_lessons(sqlite_db, learner.id))[0]
    assert (entry.module.id, entry.passed, entry.total, entry.complete) == ("an-toan", 0, 2, False)

    save_step(sqlite_db, learner.id, "thuc-hanh-mau", 2, 10)  # started, not passed
    pass_lesson(sqlite_db, learner.id, "bai-mau", passed=False)
    pass_lesson(sqlite_db, learner.id, "bai-mau")
    entry = progress_of_module(catalog, learner_lessons(sqlite_db, learner.id), "an-toan")
    assert (entry.passed, entry.complete) == (1, False)

    pass_lesson(sqlite_db, learner.id, "thuc-hanh-mau")
    entry = progress_of_module(catalog, learner_lessons(sqlite_db, learner.id), "an-toan")
    assert (entry.passed, entry.complete) == (2, True)
    assert [lesson.id for lesson in entry.lessons] == ["bai-mau", "thuc-hanh-mau"]
    assert progress_of_module(catalog, {}, "no-such-module") is None


def test_lessons_passed_over_every_module(sqlite_db, catalog):
    group = create_group(sqlite_db, "Nhóm A")
    learner = create_learner(sqlite_db, group.id, "Đinh Thị Hoa", "1234")
    total = len(catalog.lessons)
    assert lessons_passed_of_all(module_progress(catalog, {})) == (0, total)
    pass_lesson(sqlite_db, learner.id, "bai-mau")
    pass_lesson(sqlite_db, learner.id, "bai-da-bo")  # not in the catalogue: does not count
    assert lessons_passed_of_all(module_progress(catalog, learner_lessons(sqlite_db, learner.id))) == (1, total)
