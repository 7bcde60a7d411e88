"""Content quality rules (lessons/quality.py and the schema), on a copy of the fixture."""

import shutil
from pathlib import Path

import pytest
import yaml

from catalog.loading import load_catalog
from catalog.quality import sentences, word_count
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(content: Path) -> list[str]:
    catalog = load_catalog(content / "lessons", content / "quizzes")
    return [str(p) for p in catalog.problems]


LESSON = Path("lessons/an-toan/bai-mau.yaml")
PRACTICE = Path("lessons/an-toan/thuc-hanh-mau.yaml")
QUIZ = Path("quizzes/an-toan/bai-mau.yaml")


def test_sentence_splitting_and_word_counting():
    assert sentences("Bấm nút. Chờ một chút! Xong chưa? “Rồi.” Tốt") == [
        "Bấm nút.", "Chờ một chút!", "Xong chưa?", "“Rồi.”", "Tốt",
    ]
    assert word_count("Không ai được hỏi mã — kể cả công an.") == 9  # the dash is not a word


def test_long_sentence_and_too_many_sentences_are_reported_but_the_lesson_still_loads(content):
    long = " ".join(["chữ"] * 21) + "."
    edit(content / LESSON, lambda d: d["steps"][0].update(text=long))
    edit(content / LESSON, lambda d: d["steps"][1].update(text="Một. Hai. Ba. Bốn."))
    found = problems(content)
    assert any("bai-mau.yaml: steps.0.text: sentence 1 has 21 words; keep sentences to 20" in m for m in found)
    assert any("bai-mau.yaml: steps.1.text: has 4 sentences; keep it to 3" in m for m in found)
    assert "bai-mau" in load_catalog(content / "lessons", content / "quizzes").lessons


def test_missing_image_file_is_reported(content):
    edit(content / LESSON, lambda d: d["steps"][0].update(image="images/an-toan/khong-co.svg"))
    assert any("steps.0.image: file 'images/an-toan/khong-co.svg' does not exist" in m for m in problems(content))


def test_missing_option_image_is_reported(content):
    edit(content / QUIZ, lambda d: d["questions"][3]["options"][0].update(image="images/an-toan/mat.svg"))
    expected = "questions.3.options.0.image: file 'images/an-toan/mat.svg' does not exist"
    assert any(expected in m for m in problems(content))


def test_image_without_alt_text_is_refused(content):
    edit(content / LESSON, lambda d: d["steps"][0].pop("alt"))
    assert any("bai-mau.yaml: steps.0: an image needs alt text" in m for m in problems(content))


def test_image_path_must_stay_inside_the_images_folder(content):
    edit(content / LESSON, lambda d: d["steps"][0].update(image="../../secret.svg"))
    assert any("steps.0.image: must be a path inside the images folder" in m for m in problems(content))


def test_too_few_pictures_steps_and_questions_are_reported(content):
    def strip(d):  # type: ignore[no-untyped-def]
        d["steps"] = d["steps"][:4]
        for step in d["steps"]:
            step.pop("image", None)
            step.pop("alt", None)
    edit(content / LESSON, strip)
    edit(content / QUIZ, lambda d: d.update(questions=d["questions"][:4]))
    found = problems(content)
    assert any("bai-mau.yaml: steps: has 4 steps; a lesson needs at least 5" in m for m in found)
    assert any("bai-mau.yaml: steps: only 0 of 4 steps have a picture" in m for m in found)
    assert any("quizzes/an-toan/bai-mau.yaml: questions: has 4 questions; a quiz needs at least 5" in m for m in found)


def test_unknown_competence_code_is_refused(content):
    edit(content / LESSON, lambda d: d.update(digcomp=["4.2", "6.1"]))
    assert any("digcomp.1: unknown DigComp 3.0 competence code '6.1'" in m for m in problems(content))


def test_practice_rules(content):
    edit(content / PRACTICE, lambda d: d["steps"][1]["practice"]["targets"][0].pop("hint"))
    assert any("steps.1.practice: every wrong target needs a hint" in m for m in problems(content))


def test_practice_lesson_needs_three_exercises_and_a_module_needs_a_practice_lesson(content):
    edit(content / PRACTICE, lambda d: [s.pop("practice", None) for s in d["steps"][2:]])
    found = problems(content)
    assert any("thuc-hanh-mau.yaml: a practice lesson needs at least 3 steps with a practice block" in m for m in found)
    assert "module an-toan: has no practice lesson (kind: practice)" in found


def test_ordering_and_image_choice_rules(content):
    edit(content / QUIZ, lambda d: d["questions"][4].update(items=d["questions"][4]["items"][:2]))
    edit(content / QUIZ, lambda d: [o.update(correct=False) for o in d["questions"][3]["options"]])
    found = problems(content)
    assert any("questions.4.items: Tuple should have at least 3 items" in m for m in found)
    assert any("questions.3: this image_choice question needs exactly one option" in m for m in found)


def test_a_practice_area_must_lie_inside_its_pictures_viewbox(content):
    assert problems(content) == []  # the fixture's areas fit its 360×240 drawing
    edit(content / PRACTICE, lambda d: d["steps"][1]["practice"]["targets"][1].update(area=[300, 200, 100, 50]))
    expected = ("thuc-hanh-mau.yaml: steps.1.practice.targets.1.area: [300, 200, 100, 50] is not inside "
                "the picture's viewBox 0 0 360 240")
    assert any(expected in m for m in problems(content))


def test_a_practice_area_is_checked_against_the_drawings_own_viewbox(content):
    drawing = content / "lessons" / "images" / "an-toan" / "man-hinh-dang-nhap.svg"
    drawing.write_text(drawing.read_text(encoding="utf-8").replace('viewBox="0 0 360 240"', 'viewBox="0 0 180 120"'),
                       encoding="utf-8")
    assert any("steps.1.practice.targets.1.area: [115, 140, 130, 50] is not inside the picture's viewBox 0 0 180 120"
               in m for m in problems(content))


@pytest.mark.parametrize("explanation", ["Đúng. Giữ mã cho riêng mình.", "Đúng rồi, giữ mã.", "Chính xác! Giữ mã.",
                                         "Sai. Giữ mã.", "Không đúng: giữ mã."])
def test_a_right_explanation_that_starts_with_a_verdict_is_reported(content, explanation):
    """The app says "Chưa đúng. Đáp án đúng là: …" and then reads the right option's
    explanation: one that starts "Đúng." tells a learner who was wrong that they were right."""
    edit(content / QUIZ, lambda d: d["questions"][0]["options"][1].update(explanation=explanation))
    found = problems(content)
    assert any("questions.0.options.1.explanation: starts with" in m and "verdict" in m for m in found), found


def test_verdict_words_are_reported_in_every_kind_and_every_explanation(content):
    def change(data) -> None:  # type: ignore[no-untyped-def]
        data["questions"][1]["explanation"] = "Sai. Công an không hỏi mã."  # true_false
        data["questions"][2]["options"][0]["explanation"] = "Đúng. Giục chuyển tiền là lừa."  # multiple_choice
        data["questions"][3]["options"][1]["explanation"] = "Chính xác. Màn hình thật."  # image_choice
        # nor a wrong option: the learner who picked it just heard "Chưa đúng." (issue 14)
        data["questions"][2]["options"][2]["explanation"] = "Sai. Lịch sự không phải dấu hiệu lừa."

    edit(content / QUIZ, change)
    found = [m for m in problems(content) if "verdict" in m]
    assert [m.split(": ")[1] for m in found] == [
        "questions.1.explanation", "questions.2.options.0.explanation", "questions.2.options.2.explanation",
        "questions.3.options.1.explanation"]


def test_words_that_only_begin_like_a_verdict_are_fine(content):
    right = "Đúng hẹn thì tốt. Sai hẹn thì chờ."
    edit(content / QUIZ, lambda d: d["questions"][0]["options"][1].update(explanation=right))
    assert not [m for m in problems(content) if "verdict" in m]


@pytest.mark.parametrize("hint", ["Chưa đúng. Hãy tìm nút Đăng nhập.", "Gợi ý: tìm nút Đăng nhập.",
                                  "Sai rồi. Tìm nút Đăng nhập."])
def test_a_hint_that_repeats_what_the_practice_widget_says_is_reported(content, hint):
    """The widget shows "🤔 Chưa đúng. " + hint and "👉 Gợi ý: …" itself."""
    edit(content / PRACTICE, lambda d: d["steps"][1]["practice"]["targets"][0].update(hint=hint))
    found = problems(content)
    assert any("steps.1.practice.targets.0.hint: starts with" in m for m in found), found


def test_a_multiple_choice_prompt_that_asks_for_all_right_ones_is_reported(content):
    """The app says and shows "Chọn tất cả các ý đúng." after the prompt: content saying it
    too is heard twice (issue 14, for the ear)."""
    def change(data) -> None:  # type: ignore[no-untyped-def]
        data["questions"][2]["prompt"] += " Chọn hết các ý đúng."

    edit(content / QUIZ, change)
    found = [m for m in problems(content) if "Chọn tất cả các ý đúng" in m]
    assert [m.split(": ")[1] for m in found] == ["questions.2.prompt"], found
