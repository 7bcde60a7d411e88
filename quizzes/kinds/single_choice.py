"""Single choice: the learner taps the one right option of several."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from quizzes.kinds.base import OneRightOption, Option
from quizzes.speech import number_word, spoken_parts


class SingleChoice(OneRightOption):
    kind: Literal["single_choice"]
    options: tuple[Option, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        self._check_one_correct(self.kind)
        return self

    def spoken(self) -> str:
        options = [f"Ý {number_word(i + 1)}: {o.text}" for i, o in enumerate(self.options)]
        return spoken_parts([self.spoken_prompt] + options)
