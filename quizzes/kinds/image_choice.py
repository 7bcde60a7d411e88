"""Image choice: 'which screen is the real VNeID?' — the learner taps one of several pictures."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from lessons.fields import ImagePath, Text
from quizzes.kinds.base import ContentProblems, OneRightOption, Option
from quizzes.speech import number_word, spoken_parts


class ImageOption(Option):
    image: ImagePath = Field(description="An original SVG drawing, relative to lessons/content (images/...).")
    alt: Text = Field(description="What matters in the picture, in words.")


class ImageChoice(OneRightOption):
    kind: Literal["image_choice"]
    options: tuple[ImageOption, ...] = Field(min_length=2, max_length=4)

    @model_validator(mode="after")
    def _one_correct(self) -> ImageChoice:
        self._check_one_correct(self.kind)
        return self

    def spoken(self) -> str:
        options = [f"Hình {number_word(i + 1)}: {o.text}" for i, o in enumerate(self.options)]
        return spoken_parts([self.spoken_prompt] + options)

    def content_problems(self, images_root: Path) -> ContentProblems:
        return super().content_problems(images_root) + [
            (f"options.{index}.image", f"file {option.image!r} does not exist under lessons/content")
            for index, option in enumerate(self.options)
            if not (images_root / option.image).is_file()
        ]
