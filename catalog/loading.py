"""The content catalogue: every module, lesson and quiz, loaded once from YAML.

One broken file is reported as a ``ContentProblem`` and skipped; the rest loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from catalog.quality import lesson_problems, modules_without_practice, quiz_problems
from lessons.models import Lesson, Module
from quizzes.models import QUESTION_KINDS, Quiz

MODULES_FILE = "modules.yaml"
MAX_FILE_BYTES = 1_000_000  # the largest shipped file is a few kilobytes; a bigger one is a mistake or an attack
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class ContentProblem:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}" if self.path else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Catalog:
    modules: tuple[Module, ...]
    lessons: dict[str, Lesson]
    quizzes: dict[str, Quiz]
    problems: tuple[ContentProblem, ...] = field(default=())
    images_root: Path | None = None

    def lessons_in_order(self) -> list[Lesson]:
        module_order = {module.id: module.order for module in self.modules}
        return sorted(
            self.lessons.values(), key=lambda lesson: (module_order.get(lesson.module, 999), lesson.order, lesson.id)
        )

    def lessons_of(self, module_id: str) -> list[Lesson]:
        """One module's lessons, in order."""
        return [lesson for lesson in self.lessons_in_order() if lesson.module == module_id]

    def modules_with_lessons(self) -> list[Module]:
        """The modules a learner can open: those with at least one lesson, in order."""
        used = {lesson.module for lesson in self.lessons.values()}
        return [module for module in self.modules if module.id in used]

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def quiz_for(self, lesson_id: str) -> Quiz | None:
        return self.quizzes.get(lesson_id)


def _describe(error: ErrorDetails) -> tuple[str, str]:
    path = ".".join(
        str(part) for part in error["loc"]
        if not str(part).startswith("function-after") and part not in QUESTION_KINDS  # union tags
    )
    kind = error["type"]
    if kind == "missing":
        return path, "required field is missing"
    if kind == "extra_forbidden":
        return path, "unknown field (check the spelling against the fields in docs/authoring.md)"
    if kind == "union_tag_invalid":
        kind_given = error.get("input", {}).get("kind")
        return path, f"unknown question kind {kind_given!r}; expected one of {', '.join(QUESTION_KINDS)}"
    message = error["msg"].removeprefix("Value error, ")
    return path, f"{message} (got {error.get('input')!r})" if kind not in {"value_error"} else message


def _read_yaml(path: Path, name: str, problems: list[ContentProblem]) -> Any:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # refused before reading: a huge file would fill memory and stall every start
        problems.append(ContentProblem(
            name, "", f"file is too large ({size / 1_000_000:.1f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB)"))
        return None
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except UnicodeDecodeError:
        problems.append(ContentProblem(name, "", "file is not UTF-8 text"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problems.append(ContentProblem(name, where, f"not valid YAML: {getattr(exc, 'problem', exc)}"))
    return None


def _parse(model: type[Model], data: Any, name: str, problems: list[ContentProblem]) -> Model | None:
    if not isinstance(data, dict):
        problems.append(ContentProblem(name, "", "expected a mapping of fields at the top level"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        for error in errors:
            deeper = any(
                len(o["loc"]) > len(error["loc"]) and o["loc"][: len(error["loc"])] == error["loc"] for o in errors
            )
            if error["type"] == "too_short" and deeper:
                continue  # the list is "too short" only because an item in it is broken
            path, message = _describe(error)
            problems.append(ContentProblem(name, path, message))
        return None


def _display_name(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def load_catalog(lessons_dir: Path, quizzes_dir: Path) -> Catalog:
    """Load and cross-check all content. Never raises for bad content."""
    problems: list[ContentProblem] = []
    base = lessons_dir.parent.parent
    images_root = lessons_dir

    modules: list[Module] = []
    modules_path = lessons_dir / MODULES_FILE
    if modules_path.exists():
        name = _display_name(modules_path, base)
        data = _read_yaml(modules_path, name, problems)
        if isinstance(data, list):
            for index, item in enumerate(data):
                module = _parse(Module, item, f"{name}[{index}]", problems)
                if module:
                    modules.append(module)
        elif data is not None:
            problems.append(ContentProblem(name, "", "expected a list of modules"))
    else:
        problems.append(ContentProblem(_display_name(modules_path, base), "", "file is missing"))
    module_ids = {module.id for module in modules}

    lessons: dict[str, Lesson] = {}
    for path in sorted(lessons_dir.rglob("*.yaml")):
        if path == modules_path:
            continue
        name = _display_name(path, base)
        lesson = _parse(Lesson, _read_yaml(path, name, problems), name, problems)
        if lesson is None:
            continue
        if lesson.id != path.stem:
            problems.append(ContentProblem(name, "id", f"must match the file name {path.stem!r}"))
            continue
        if lesson.id in lessons:
            problems.append(ContentProblem(name, "id", f"lesson id {lesson.id!r} is used by another file"))
            continue
        if module_ids and lesson.module not in module_ids:
            problems.append(
                ContentProblem(name, "module", f"unknown module {lesson.module!r}; add it to {MODULES_FILE}"))
        step_ids = [step.id for step in lesson.steps]
        if len(set(step_ids)) != len(step_ids):
            problems.append(ContentProblem(name, "steps", "step ids must be unique within the lesson"))
            continue
        lessons[lesson.id] = lesson
        problems += [ContentProblem(name, where, message) for where, message in lesson_problems(lesson, images_root)]

    quizzes: dict[str, Quiz] = {}
    for path in sorted(quizzes_dir.rglob("*.yaml")):
        name = _display_name(path, base)
        quiz = _parse(Quiz, _read_yaml(path, name, problems), name, problems)
        if quiz is None:
            continue
        if quiz.lesson not in lessons:
            problems.append(ContentProblem(name, "lesson", f"no lesson with id {quiz.lesson!r}"))
            continue
        if quiz.lesson in quizzes:
            problems.append(ContentProblem(name, "lesson", f"lesson {quiz.lesson!r} already has a quiz"))
            continue
        quizzes[quiz.lesson] = quiz
        problems += [ContentProblem(name, where, message) for where, message in quiz_problems(quiz, images_root)]

    for module_id in modules_without_practice(lessons.values()):
        problems.append(ContentProblem(f"module {module_id}", "", "has no practice lesson (kind: practice)"))
    for lesson_id in sorted(set(lessons) - set(quizzes)):
        problems.append(
            ContentProblem(f"lesson {lesson_id}", "", f"has no quiz (add quizzes/content/<module>/{lesson_id}.yaml)"))

    return Catalog(
        modules=tuple(sorted(modules, key=lambda m: m.order)),
        lessons=lessons,
        quizzes=quizzes,
        problems=tuple(problems),
        images_root=images_root,
    )
