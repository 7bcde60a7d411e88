"""Multiple choice: the learner ticks every right option, then taps "Trả lời"."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from quizzes.answers import Answer, GradedAnswer, InvalidAnswer
from quizzes.kinds.base import ChoiceQuestion, ContentProblems, Option, unique_option_ids
from quizzes.speech import number_word, spoken_parts

ASK_ALL_RIGHT = "Chọn tất cả các ý đúng."  # said after the prompt; shown above the tick boxes


class MultipleChoice(ChoiceQuestion):
    kind: Literal["multiple_choice"]
    options: tuple[Option, ...] = Field(min_length=3)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleChoice:
        if not any(option.correct for option in self.options):
            raise ValueError("a multiple_choice question needs at least one option with correct: true")
        unique_option_ids(self.options)
        return self

    def grade(self, answer: Answer) -> GradedAnswer:
        ids = {option.id for option in self.options}
        if not isinstance(answer, frozenset) or not answer or not answer <= ids:
            raise InvalidAnswer(f"{self.id}: expected a non-empty set of {sorted(ids)}, got {answer!r}")
        right = frozenset(option.id for option in self.options if option.correct)
        explanations = tuple(option.explanation for option in self.options if option.id in answer or option.correct)
        right_texts = tuple(option.text for option in self.options if option.correct)
        # the voice reads the right options' explanations; a wrong tick's has its own "Nghe"
        # (every combination of ticks in one text would be too many to pre-render)
        voiced = tuple(option.explanation for option in self.options if option.correct)
        return GradedAnswer(self.id, answer, answer == right, explanations, right_texts, voiced)

    def right_answer(self) -> Answer:
        return frozenset(option.id for option in self.options if option.correct)

    def answer_from_text(self, text: str) -> Answer:
        return frozenset(part for part in text.split(",") if part)

    def spoken(self) -> str:
        return spoken_parts(
            [self.spoken_prompt, ASK_ALL_RIGHT]
            + [f"Ý {number_word(i + 1)}: {option.text}" for i, option in enumerate(self.options)]
        )

    def content_problems(self, images_root: Path) -> ContentProblems:
        """The app itself says and shows "Chọn tất cả các ý đúng": a prompt that says it too
        is heard twice."""
        found = super().content_problems(images_root)
        for field in ("prompt", "narration"):
            if "ý đúng" in getattr(self, field).lower():
                found.append((field, f"says \"{ASK_ALL_RIGHT}\" again; the app says it after the prompt, "
                                     "so leave it out"))
        return found

    def feedback_answers(self) -> list[Answer]:
        right = frozenset(option.id for option in self.options if option.correct)
        everything = frozenset(option.id for option in self.options)
        wrong = everything if everything != right else right - {min(right)}
        return [right, wrong]

