import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.loading import load_catalog
from catalog.summary import summary_table
from quizzes.models import SingleChoice
from settings import PROJECT_ROOT
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the fixture content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def load(content: Path):
    return load_catalog(content / "lessons", content / "quizzes")


def messages(catalog) -> list[str]:
    return [str(problem) for problem in catalog.problems]


def test_shipped_content_has_no_problems():
    catalog = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
    assert messages(catalog) == []
    assert len(catalog.modules) >= 8 and len(catalog.lessons) >= 30
    for module in catalog.modules:
        lessons = catalog.lessons_of(module.id)
        assert any(lesson.kind == "practice" for lesson in lessons), module.id
    kinds = {q.kind for quiz in catalog.quizzes.values() for q in quiz.questions}
    assert kinds == {"single_choice", "multiple_choice", "true_false", "image_choice", "ordering"}


def test_fixture_content_loads_with_steps_and_quiz(content):
    catalog = load(content)
    assert messages(catalog) == []
    lesson = catalog.lessons["bai-mau"]
    assert [step.id for step in lesson.steps] == ["mot", "hai", "ba", "bon", "nam"]
    practice = catalog.lessons["thuc-hanh-mau"]
    assert practice.kind == "practice" and practice.steps[1].practice.targets[1].correct
    assert lesson.steps[2].spoken_text == "Đây là bước ba, mã ô tê pê."
    assert isinstance(catalog.quiz_for("bai-mau").questions[0], SingleChoice)


def test_a_broken_lesson_is_reported_with_file_and_field_and_others_still_load(content):
    (content / "lessons" / "an-toan" / "bai-hong.yaml").write_text(
        "id: bai-hong\nmodule: an-toan\norder: 2\ntitle: Hỏng\ngoal: x\nminutes: 3\n"
        "reviewed: 2026-11-29\nsources: [{title: a}]\nsteps:\n  - id: mot\n    txt: sai tên trường\n",
        encoding="utf-8",
    )
    catalog = load(content)
    assert "bai-mau" in catalog.lessons and "bai-hong" not in catalog.lessons
    found = messages(catalog)
    assert "content/lessons/an-toan/bai-hong.yaml: steps.0.text: required field is missing" in found
    assert any(m.startswith("content/lessons/an-toan/bai-hong.yaml: steps.0.txt: unknown field") for m in found)


def test_invalid_yaml_names_the_line(content):
    (content / "lessons" / "an-toan" / "bai-loi.yaml").write_text("id: bai-loi\ntitle: [khong dong\n", encoding="utf-8")
    found = messages(load(content))
    assert any(m.startswith("content/lessons/an-toan/bai-loi.yaml: line ") and "not valid YAML" in m for m in found)


def test_a_file_over_the_size_limit_is_refused_by_name_and_others_still_load(content):
    big = content / "lessons" / "an-toan" / "bai-to.yaml"
    big.write_text("id: bai-to\nnote: |\n" + "  chữ chữ chữ chữ chữ\n" * 1_000_000, encoding="utf-8")
    size = big.stat().st_size
    assert size > 20_000_000
    catalog = load(content)
    assert "bai-to" not in catalog.lessons and "bai-mau" in catalog.lessons
    found = messages(catalog)
    assert ("content/lessons/an-toan/bai-to.yaml: file is too large "
            f"({size / 1_000_000:.1f} MB; the limit is 1 MB)") in found


def test_quiz_for_missing_lesson_and_lesson_without_quiz_are_reported(content):
    quiz = content / "quizzes" / "an-toan" / "bai-mau.yaml"
    quiz.rename(quiz.with_name("bai-khac.yaml"))  # the quiz now points at a lesson that does not exist
    text = quiz.with_name("bai-khac.yaml").read_text(encoding="utf-8").replace("lesson: bai-mau", "lesson: bai-khac")
    quiz.with_name("bai-khac.yaml").write_text(text, encoding="utf-8")
    found = messages(load(content))
    assert "content/quizzes/an-toan/bai-khac.yaml: lesson: no lesson with id 'bai-khac'" in found
    assert any(m.startswith("lesson bai-mau: has no quiz") for m in found)


def test_question_rules_are_checked(content):
    quiz = content / "quizzes" / "an-toan" / "bai-mau.yaml"
    text = quiz.read_text(encoding="utf-8")
    # the first question's right option loses its `correct: true`
    kept = "        explanation: Giữ mã"
    quiz.write_text(text.replace("        correct: true\n" + kept, kept), encoding="utf-8")
    found = messages(load(content))
    assert any("questions.0" in m and "exactly one option with correct: true" in m for m in found)


def test_unknown_question_kind_lists_the_kinds(content):
    quiz = content / "quizzes" / "an-toan" / "bai-mau.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("kind: true_false", "kind: yes_no"), encoding="utf-8")
    found = messages(load(content))
    assert any("questions.1" in m and "unknown question kind 'yes_no'" in m for m in found)


def test_ids_must_be_kebab_case_and_match_the_file(content):
    lesson = content / "lessons" / "an-toan" / "bai-mau.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("id: bai-mau", "id: Bai_Mau"), encoding="utf-8")
    found = messages(load(content))
    assert any(m.startswith("content/lessons/an-toan/bai-mau.yaml: id: must be kebab-case") for m in found)


def test_summary_table_counts(content):
    table = summary_table(load(content))
    assert "| 🛡️ An toàn | 2 | 10 | 10 | 6 |" in table


def run_validate(content: Path) -> subprocess.CompletedProcess:
    env = {
        "BDHVS_CONTENT__LESSONS_DIR": str(content / "lessons"),
        "BDHVS_CONTENT__QUIZZES_DIR": str(content / "quizzes"),
        "PATH": "",
    }
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "manage.py"), "validate-content"],
        capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, encoding="utf-8",
    )


def test_validate_command_exits_zero_on_good_content(content):
    result = run_validate(content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All content is valid." in result.stdout


def test_validate_command_prints_every_problem_and_exits_one(content):
    (content / "lessons" / "an-toan" / "bai-hong.yaml").write_text("id: bai-hong\n", encoding="utf-8")
    result = run_validate(content)
    assert result.returncode == 1
    assert "content/lessons/an-toan/bai-hong.yaml: module: required field is missing" in result.stdout
    assert "content/lessons/an-toan/bai-hong.yaml: steps: required field is missing" in result.stdout


def test_modules_with_lessons_and_a_modules_lessons_in_order():
    from settings import PROJECT_ROOT

    shipped = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
    modules = shipped.modules_with_lessons()
    assert [m.id for m in modules] == [m.id for m in shipped.modules if shipped.lessons_of(m.id)]
    assert sum(len(shipped.lessons_of(m.id)) for m in modules) == len(shipped.lessons)
    for module in modules:
        orders = [lesson.order for lesson in shipped.lessons_of(module.id)]
        assert orders == sorted(orders) and all(lesson.module == module.id for lesson in shipped.lessons_of(module.id))
