"""True or false: the learner hears a statement and taps "Đúng" or "Sai"."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from lessons.fields import Text
from quizzes.answers import Answer, GradedAnswer, InvalidAnswer
from quizzes.kinds.base import BaseQuestion, ContentProblems, TallyLine
from quizzes.speech import spoken_parts, starts_with_verdict


class TrueFalse(BaseQuestion):
    kind: Literal["true_false"]
    answer: bool
    explanation: Text = Field(description="Why the statement is true or false.")

    def grade(self, answer: Answer) -> GradedAnswer:
        if not isinstance(answer, bool):
            raise InvalidAnswer(f"{self.id}: expected true or false, got {answer!r}")
        right_text = "Đúng" if self.answer else "Sai"
        return GradedAnswer(self.id, answer, answer == self.answer, (self.explanation,), (right_text,))

    def right_answer(self) -> Answer:
        return self.answer

    def answer_from_text(self, text: str) -> Answer:
        return text == "true"

    def tally_lines(self) -> tuple[TallyLine, ...]:
        return (TallyLine("true", "✅ Đúng", self.answer), TallyLine("false", "❌ Sai", not self.answer))

    def tally_keys(self, answer: Answer) -> tuple[str, ...]:
        return ("true" if answer is True else "false",)

    def spoken(self) -> str:
        return spoken_parts([self.spoken_prompt, "Đúng hay sai?"])

    def content_problems(self, images_root: Path) -> ContentProblems:
        # the app says "Đáp án đúng là: Sai." itself; "Sai. …" again would stutter, and
        # "Đúng. …" after "Chưa đúng." contradicts it
        word = starts_with_verdict(self.explanation)
        return [("explanation", f"starts with {word!r}; the app says the verdict and the right answer itself, "
                                "so begin with the reason")] if word else []

    def feedback_answers(self) -> list[Answer]:
        return [True, False]

    def narratable_texts(self) -> list[str]:
        return [self.spoken(), self.explanation] + self.feedback_texts()
