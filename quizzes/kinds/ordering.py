"""Ordering: 'put these steps in order' — items are written in the right order and the
app shuffles them; the learner taps them first to last."""

from __future__ import annotations

import random
from typing import Literal

from pydantic import Field, model_validator

from lessons.fields import ContentId, Frozen, Text
from quizzes.answers import Answer, GradedAnswer, InvalidAnswer
from quizzes.kinds.base import BaseQuestion, TallyLine
from quizzes.speech import number_word, spoken_parts


class OrderItem(Frozen):
    id: ContentId
    text: Text


class Ordering(BaseQuestion):
    kind: Literal["ordering"]
    items: tuple[OrderItem, ...] = Field(min_length=3, max_length=6)
    explanation: Text = Field(description="The right order, told as a short story.")

    @model_validator(mode="after")
    def _unique_items(self) -> Ordering:
        if len({item.id for item in self.items}) != len(self.items):
            raise ValueError("item ids must be unique within a question")
        return self

    def shuffled_items(self) -> list[OrderItem]:
        """The items in a mixed order that stays the same every time and is never the answer."""
        items = list(self.items)
        rng = random.Random(self.id)
        while items == list(self.items):
            rng.shuffle(items)
        return items

    def grade(self, answer: Answer) -> GradedAnswer:
        right = tuple(item.id for item in self.items)
        if not isinstance(answer, tuple) or sorted(answer) != sorted(right):
            raise InvalidAnswer(f"{self.id}: expected every item once, got {answer!r}")
        in_order = " → ".join(item.text for item in self.items)
        return GradedAnswer(self.id, answer, answer == right, (self.explanation,), (in_order,))

    def tally_lines(self) -> tuple[TallyLine, ...]:
        return (TallyLine("right", "✅ Đúng thứ tự", True), TallyLine("wrong", "❌ Chưa đúng thứ tự", False))

    def tally_keys(self, answer: Answer) -> tuple[str, ...]:
        return ("right",) if answer == self.right_answer() else ("wrong",)

    def right_answer(self) -> Answer:
        return tuple(item.id for item in self.items)

    def answer_from_text(self, text: str) -> Answer:
        return tuple(part for part in text.split(">") if part)

    def spoken(self) -> str:
        """The items as the buttons show them (mixed), numbered: a listener taps by number."""
        items = [f"Việc {number_word(i)}: {item.text}" for i, item in enumerate(self.shuffled_items(), start=1)]
        return spoken_parts([self.spoken_prompt, "Bấm lần lượt từng việc, việc làm trước bấm trước.", *items])

    def feedback_answers(self) -> list[Answer]:
        return [self.right_answer(), tuple(item.id for item in self.shuffled_items())]

    def narratable_texts(self) -> list[str]:
        return [self.spoken()] + [item.text for item in self.items] + [self.explanation] + self.feedback_texts()
