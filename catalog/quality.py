"""Content quality rules beyond the schema: lengths that suit the ear, pictures that
exist, practice areas inside their picture, enough steps and questions, a practice
lesson in every module.

A lesson that breaks one of these still loads in the app; ``validate-content``
reports it and exits non-zero, and the tests run it over the shipped content.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

from lessons.models import Lesson, Step
from quizzes.models import Quiz
from quizzes.speech import starts_with_verdict

MIN_STEPS = 5
MIN_QUESTIONS = 5
MAX_SENTENCES_PER_STEP = 3
MAX_SENTENCES_PER_TIP = 2
MAX_WORDS_PER_SENTENCE = 20
MIN_ILLUSTRATED_SHARE = 0.5
# the practice widget (ui/practice_widget.py) shows "🤔 Chưa đúng. " + hint, and after two
# wrong taps "👉 Gợi ý: …": a hint that starts with either repeats it
HINT_PREFIXES = ("Gợi ý",)

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][”\"»)])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text.strip())) if s]


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if any(ch.isalnum() for ch in token))


def _length_problems(text: str, where: str, max_sentences: int) -> Iterable[tuple[str, str]]:
    parts = sentences(text)
    if len(parts) > max_sentences:
        yield where, f"has {len(parts)} sentences; keep it to {max_sentences} short ones"
    for index, sentence in enumerate(parts, start=1):
        words = word_count(sentence)
        if words > MAX_WORDS_PER_SENTENCE:
            yield where, (f"sentence {index} has {words} words; "
                          f"keep sentences to {MAX_WORDS_PER_SENTENCE} (“{sentence[:40]}…”)")


def svg_view_box(path: Path) -> tuple[float, float, float, float] | None:
    """The drawing's viewBox (x, y, width, height), else its width and height; None if unreadable."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    numbers = re.findall(r"-?[\d.]+", root.get("viewBox", ""))
    try:
        if len(numbers) == 4:
            x, y, width, height = (float(n) for n in numbers)
            return x, y, width, height
        width, height = (float(root.get(side, "").removesuffix("px")) for side in ("width", "height"))
        return 0.0, 0.0, width, height
    except ValueError:
        return None


def _area_problems(step_index: int, step: Step, images_root: Path) -> Iterable[tuple[str, str]]:
    """Every target's area lies inside the picture's viewBox."""
    if not step.practice or not step.image or not any(t.area for t in step.practice.targets):
        return
    view_box = svg_view_box(images_root / step.image)
    if view_box is None:
        yield f"steps.{step_index}.image", f"cannot read the viewBox of {step.image!r} to place the practice areas"
        return
    left, top, width, height = view_box
    for index, target in enumerate(step.practice.targets):
        if target.area is None:
            continue
        x, y, w, h = target.area
        if x < left or y < top or x + w > left + width or y + h > top + height:
            yield (f"steps.{step_index}.practice.targets.{index}.area",
                   f"[{x:g}, {y:g}, {w:g}, {h:g}] is not inside the picture's viewBox "
                   f"{left:g} {top:g} {width:g} {height:g}")


def lesson_problems(lesson: Lesson, images_root: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if len(lesson.steps) < MIN_STEPS:
        found.append(("steps", f"has {len(lesson.steps)} steps; a lesson needs at least {MIN_STEPS}"))
    for index, step in enumerate(lesson.steps):
        found += _length_problems(step.text, f"steps.{index}.text", MAX_SENTENCES_PER_STEP)
        if step.tip:
            found += _length_problems(step.tip, f"steps.{index}.tip", MAX_SENTENCES_PER_TIP)
        if step.image and not (images_root / step.image).is_file():
            found.append((f"steps.{index}.image", f"file {step.image!r} does not exist under lessons/content"))
        for target_index, target in enumerate(step.practice.targets if step.practice else ()):
            repeated = starts_with_verdict(target.hint) or next(
                (prefix for prefix in HINT_PREFIXES if target.hint.strip().startswith(prefix)), None)
            if repeated:
                found.append((f"steps.{index}.practice.targets.{target_index}.hint",
                              f"starts with {repeated!r}, which the app already shows before a hint; "
                              "begin with what to look for"))
        if step.practice and not step.image:
            found.append((f"steps.{index}.image", "a practice step needs a picture of the pretend screen"))
        elif (images_root / step.image).is_file():
            found += _area_problems(index, step, images_root)
    illustrated = sum(bool(step.image) for step in lesson.steps)
    if illustrated < MIN_ILLUSTRATED_SHARE * len(lesson.steps):
        found.append(
            ("steps", f"only {illustrated} of {len(lesson.steps)} steps have a picture; illustrate most steps"))
    return found


def quiz_problems(quiz: Quiz, images_root: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if len(quiz.questions) < MIN_QUESTIONS:
        found.append(("questions", f"has {len(quiz.questions)} questions; a quiz needs at least {MIN_QUESTIONS}"))
    for index, question in enumerate(quiz.questions):
        found += [(f"questions.{index}.{where}", message) for where, message in question.content_problems(images_root)]
    return found


def modules_without_practice(lessons: Iterable[Lesson]) -> list[str]:
    by_module: dict[str, bool] = {}
    for lesson in lessons:
        by_module[lesson.module] = by_module.get(lesson.module, False) or lesson.kind == "practice"
    return sorted(module for module, has_practice in by_module.items() if not has_practice)
