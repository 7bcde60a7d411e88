"""Quiz content schema. Question kinds form a closed, tagged union on ``kind``.

New kinds (image choice, ordering) are added as new members of ``Question``;
grading dispatches on the kind.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from lessons.models import ContentId, Frozen, ImagePath, Text


class Option(Frozen):
    id: ContentId = Field(description="Permanent id of the option within its question.")
    text: Text
    correct: bool = False
    explanation: Text = Field(description="Why this option is right or wrong, in plain words.")


class _BaseQuestion(Frozen):
    id: ContentId = Field(description="Permanent question id; never reuse once shipped.")
    prompt: Text
    narration: str = Field("", description="What the voice says for the prompt, if it differs.")

    @property
    def spoken_prompt(self) -> str:
        return self.narration or self.prompt


class _OneRightOption(_BaseQuestion):
    @model_validator(mode="after")
    def _one_correct(self):  # type: ignore[no-untyped-def]
        if sum(option.correct for option in self.options) != 1:  # type: ignore[attr-defined]
            raise ValueError(f"this {self.kind} question needs exactly one option with correct: true")  # type: ignore[attr-defined]
        _unique_option_ids(self.options)  # type: ignore[attr-defined]
        return self


class SingleChoice(_OneRightOption):
    kind: Literal["single_choice"]
    options: tuple[Option, ...] = Field(min_length=2)


class MultipleChoice(_BaseQuestion):
    kind: Literal["multiple_choice"]
    options: tuple[Option, ...] = Field(min_length=3)

    @model_validator(mode="after")
    def _some_correct(self) -> "MultipleChoice":
        if not any(option.correct for option in self.options):
            raise ValueError("a multiple_choice question needs at least one option with correct: true")
        _unique_option_ids(self.options)
        return self


class TrueFalse(_BaseQuestion):
    kind: Literal["true_false"]
    answer: bool
    explanation: Text = Field(description="Why the statement is true or false.")


class ImageOption(Option):
    image: ImagePath = Field(description="An original SVG drawing, relative to lessons/content (images/...).")
    alt: Text = Field(description="What matters in the picture, in words.")


class ImageChoice(_OneRightOption):
    """'Which screen is the real VNeID?': the learner taps one of several pictures."""

    kind: Literal["image_choice"]
    options: tuple[ImageOption, ...] = Field(min_length=2, max_length=4)


class OrderItem(Frozen):
    id: ContentId
    text: Text


class Ordering(_BaseQuestion):
    """'Put these steps in order': items are written in the right order; the app shuffles them."""

    kind: Literal["ordering"]
    items: tuple[OrderItem, ...] = Field(min_length=3, max_length=6)
    explanation: Text = Field(description="The right order, told as a short story.")

    @model_validator(mode="after")
    def _unique_items(self) -> "Ordering":
        if len({item.id for item in self.items}) != len(self.items):
            raise ValueError("item ids must be unique within a question")
        return self


Question = Annotated[
    Union[SingleChoice, MultipleChoice, TrueFalse, ImageChoice, Ordering], Field(discriminator="kind")
]
QUESTION_KINDS = ("single_choice", "multiple_choice", "true_false", "image_choice", "ordering")


class Quiz(Frozen):
    lesson: ContentId = Field(description="Id of the lesson this quiz belongs to.")
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_question_ids(self) -> "Quiz":
        ids = [question.id for question in self.questions]
        duplicates = sorted({qid for qid in ids if ids.count(qid) > 1})
        if duplicates:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(duplicates)}")
        return self


def _unique_option_ids(options: tuple[Option, ...]) -> None:
    ids = [option.id for option in options]
    if len(set(ids)) != len(ids):
        raise ValueError("option ids must be unique within a question")
