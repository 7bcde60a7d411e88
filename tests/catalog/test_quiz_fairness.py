"""Quizzes cannot be passed without knowing anything (issue 14): the figures of the
curriculum review's table 1, counted right on a made-up catalogue, and the shipped
catalogue meets every target."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from catalog.loading import load_catalog
from catalog.quiz_fairness import fairness_figures, fairness_problems, fairness_report
from manage import main
from tests.conftest import FIXTURE_CONTENT

PROJECT_ROOT = FIXTURE_CONTENT.parents[2]


def option(key: str, text: str, correct: bool = False) -> dict:  # type: ignore[type-arg]
    return {"id": key, "text": text, "correct": correct, "explanation": f"Vì {text.lower()}"}


def single(qid: str, right_at: int, right_text: str = "Gác máy") -> dict:  # type: ignore[type-arg]
    options = [option("a", "Đọc mã cho họ nghe"), option("b", "Chờ họ gọi lại lần nữa"), option("c", "Hỏi tên rồi đọc")]
    options.insert(right_at, option("r", right_text, correct=True))
    return {"id": qid, "kind": "single_choice", "prompt": "Có người hỏi mã. Bác làm gì?", "options": options}


def true_false(qid: str, answer: bool, prompt: str = "Ngân hàng không hỏi mã OTP.") -> dict:  # type: ignore[type-arg]
    return {"id": qid, "kind": "true_false", "prompt": prompt, "answer": answer, "explanation": "Vì mã là của bác."}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path / "content"


def figures_of(content: Path, questions: list[dict]):  # type: ignore[no-untyped-def,type-arg]
    quiz_file = content / "quizzes" / "an-toan" / "bai-mau.yaml"
    data = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    data["questions"] = questions
    quiz_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog(content / "lessons", content / "quizzes")
    return fairness_figures(replace(catalog, quizzes={"bai-mau": catalog.quizzes["bai-mau"]}))


def test_the_right_options_place_and_length_are_counted(content):
    figures = figures_of(content, [single("q1", 0), single("q2", 0), single("q3", 2),
                                   single("q4", 1, "Không đọc mã, gác máy ngay rồi báo cho con cháu biết")] +
                         [true_false(f"t{n}", n < 2) for n in range(5)])
    assert (figures.one_right, dict(figures.right_position)) == (4, {1: 2, 3: 1, 2: 1})
    assert figures.longest_right == 1
    assert figures.shortest_right == 3  # "Gác máy" is shorter than every wrong option
    assert any("uniquely shortest in 75%" in p for p in fairness_problems(figures))
    assert (figures.true_false, figures.answer_true) == (5, 2)
    problems = fairness_problems(figures)
    assert any("in one place in 50%" in p for p in problems), problems
    assert not any("uniquely longest" in p for p in problems)  # 25% is the limit, not over it
    assert any("40% of true/false statements are true" in p for p in problems) is False


def test_giveaways_are_named(content):
    figures = figures_of(content, [true_false("t1", False, "Công an lúc nào cũng gọi điện để hỏi mã."),
                                   true_false("t2", True), single("q1", 1)])
    assert figures.absolute_false == ["bai-mau/t1"]
    assert any("absolute word: bai-mau/t1" in p for p in fairness_problems(figures))


def test_one_multiple_choice_pattern_is_too_many(content):
    three_of_four = {"id": "m", "kind": "multiple_choice", "prompt": "Dấu hiệu lừa? Chọn hết các ý đúng.",
                     "options": [option("a", "Giục", True), option("b", "Hỏi mã", True), option("c", "Dọa", True),
                                 option("d", "Nói chậm")]}
    figures = figures_of(content, [{**three_of_four, "id": f"m{n}"} for n in range(3)] + [single("q1", 1)])
    assert dict(figures.multiple_patterns) == {"3 of 4": 3}
    assert any("'3 of 4'" in p for p in fairness_problems(figures))


def test_the_shipped_catalogue_meets_every_target():
    catalog = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
    figures = fairness_figures(catalog)
    assert fairness_problems(figures) == [], fairness_report(figures)


def test_quiz_report_prints_the_figures(capsys):
    assert main(["quiz-report", "--module", "no-such-module"]) == 2
    assert main(["quiz-report"]) == 0
    printed = capsys.readouterr().out
    assert "Right option is the uniquely longest" in printed and "Every figure meets its target." in printed
