"""Quiz content schema. Question kinds form a closed, tagged union on ``kind``; each
kind lives in its own module under ``quizzes/kinds/``. To add a kind, write its module
and add its class to ``Question``: ``QUESTION_KINDS`` follows from the union.
"""

from __future__ import annotations

from typing import Annotated, get_args

from pydantic import Field, model_validator

from lessons.fields import ContentId, Frozen
from quizzes.kinds.base import BaseQuestion, Option
from quizzes.kinds.image_choice import ImageChoice, ImageOption
from quizzes.kinds.multiple_choice import MultipleChoice
from quizzes.kinds.ordering import Ordering, OrderItem
from quizzes.kinds.single_choice import SingleChoice
from quizzes.kinds.true_false import TrueFalse

Question = Annotated[SingleChoice | MultipleChoice | TrueFalse | ImageChoice | Ordering, Field(discriminator="kind")]

QUESTION_CLASSES: tuple[type[BaseQuestion], ...] = get_args(get_args(Question)[0])
# the kinds' names, in the union's order: single_choice, multiple_choice, …
QUESTION_KINDS: tuple[str, ...] = tuple(get_args(cls.model_fields["kind"].annotation)[0] for cls in QUESTION_CLASSES)

__all__ = [
    "QUESTION_CLASSES", "QUESTION_KINDS", "ImageChoice", "ImageOption", "MultipleChoice", "Option", "OrderItem",
    "Ordering", "Question", "Quiz", "SingleChoice", "TrueFalse",
]


class Quiz(Frozen):
    lesson: ContentId = Field(description="Id of the lesson this quiz belongs to.")
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_question_ids(self) -> Quiz:
        ids = [question.id for question in self.questions]
        duplicates = sorted({qid for qid in ids if ids.count(qid) > 1})
        if duplicates:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(duplicates)}")
        return self

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)
