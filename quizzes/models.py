"""Quiz content schema. Question kinds form a closed, tagged union on ``kind``.

New kinds (image choice, ordering) are added as new members of ``Question``;
grading dispatches on the kind.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from lessons.models import ContentId, Frozen, Text


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


class SingleChoice(_BaseQuestion):
    kind: Literal["single_choice"]
    options: tuple[Option, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> "SingleChoice":
        if sum(option.correct for option in self.options) != 1:
            raise ValueError("a single_choice question needs exactly one option with correct: true")
        _unique_option_ids(self.options)
        return self


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


Question = Annotated[Union[SingleChoice, MultipleChoice, TrueFalse], Field(discriminator="kind")]


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
