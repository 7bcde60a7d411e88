"""Lesson content schema: closed, frozen data loaded from YAML."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from lessons.competences import COMPETENCES
from lessons.fields import ContentId, Frozen, ImagePath, Text, number_word, spoken_parts


def _competence(value: str) -> str:
    if value not in COMPETENCES:
        raise ValueError(f"unknown DigComp 3.0 competence code {value!r}; "
                         "use one of 1.1–1.3, 2.1–2.6, 3.1–3.4, 4.1–4.4, 5.1–5.4")
    return value


CompetenceCode = Annotated[str, AfterValidator(_competence)]

class Source(Frozen):
    title: Text = Field(description="What the source is, e.g. 'Bộ Công an: cảnh báo giả danh công an'.")
    url: str = Field("", description="Address of the source, if it has one.")


class Illustrated(Frozen):
    image: ImagePath = Field("", description="An original SVG drawing, relative to lessons/content (images/...).")
    alt: str = Field("", description="What matters in the picture, in words (required with image).")

    @model_validator(mode="after")
    def _alt_with_image(self) -> Illustrated:
        if self.image and not self.alt.strip():
            raise ValueError("an image needs alt text that says what matters in the picture")
        return self


def _four_numbers(value: object) -> object:
    if value is not None and (not isinstance(value, (list, tuple)) or len(value) != 4):
        raise ValueError("must be four numbers [x, y, width, height] in the picture's viewBox units")
    return value


def _area(value: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
    if value is not None:
        x, y, width, height = value
        if x < 0 or y < 0:
            raise ValueError("x and y are the top-left corner inside the picture: 0 or more")
        if width <= 0 or height <= 0:
            raise ValueError("width and height must be more than 0")
    return value


# [x, y, width, height] in the picture's own viewBox units (most drawings: "0 0 360 240")
Area = Annotated[tuple[float, float, float, float] | None, BeforeValidator(_four_numbers), AfterValidator(_area)]


WRONG_TAP = "Chưa đúng."  # what a wrong tap on the pretend screen shows and says before the hint


class PracticeTarget(Frozen):
    id: ContentId
    label: Text = Field(description="What the big button says: the thing the learner taps on the pretend screen.")
    correct: bool = False
    hint: str = Field("", description="Shown after a wrong tap on this target: what to look for instead.")

    @property
    def spoken_hint(self) -> str:
        """Shown and said after a wrong tap: "Chưa đúng." and the hint."""
        return f"{WRONG_TAP} {self.hint}"
    area: Area = Field(None, description="Where the target is drawn in the step's picture, "
                       "[x, y, width, height] in the SVG's viewBox units; tapping there counts as tapping the button. "
                       "Leave it out for a choice that is not a place on the screen (e.g. 'Tin giả').")


class Practice(Frozen):
    """A safe simulation: the step's picture is a pretend screen; the learner taps the right target."""

    targets: tuple[PracticeTarget, ...] = Field(min_length=2)
    success: Text = Field(description="Said after the right tap.")

    @model_validator(mode="after")
    def _targets_make_sense(self) -> Practice:
        if not any(target.correct for target in self.targets):
            raise ValueError("a practice needs at least one target with correct: true")
        if any(not target.correct and not target.hint.strip() for target in self.targets):
            raise ValueError("every wrong target needs a hint that helps the learner find the right one")
        if len({target.id for target in self.targets}) != len(self.targets):
            raise ValueError("target ids must be unique within a step")
        return self

    def spoken_choices(self) -> str:
        """What the voice says after the step: every button, with the number it shows.
        "Chọn một trong hai nút. Nút một: Đăng nhập. Nút hai: Đăng ký." """
        return spoken_parts([f"Chọn một trong {number_word(len(self.targets))} nút"]
                            + [f"Nút {number_word(i)}: {t.label}" for i, t in enumerate(self.targets, start=1)])


class Step(Illustrated):
    id: ContentId = Field(description="Permanent id of the step within the lesson.")
    text: Text = Field(description="What the learner reads: at most three short sentences.")
    narration: str = Field("", description="What the voice says, if it must differ from text (acronyms, numbers).")
    tip: str = Field("", description="An optional short tip shown under the step.")
    practice: Practice | None = Field(None, description="Makes the step a tap-the-right-thing exercise.")

    @property
    def spoken_text(self) -> str:
        return self.narration or self.text

    @model_validator(mode="after")
    def _areas_need_a_picture(self) -> Step:
        if self.practice and not self.image and any(t.area for t in self.practice.targets):
            raise ValueError("a practice target's area is a place in the step's picture: add the image")
        return self

    @property
    def narrated(self) -> str:
        """What the step's audio says: the text (or its narration), then the tip, then, on a
        practice step, its numbered buttons, so one "Nghe" tells a learner who cannot read
        everything there is to choose from."""
        parts = [self.spoken_text, self.tip, self.practice.spoken_choices() if self.practice else ""]
        return " ".join(part for part in parts if part)


class Module(Frozen):
    id: ContentId
    title: Text
    order: int = Field(ge=0)
    icon: str = Field("📘", description="A single emoji shown next to the module.")


class Lesson(Frozen):
    id: ContentId = Field(description="Permanent lesson id; never reuse or rename once shipped.")
    module: ContentId = Field(description="Id of the module in modules.yaml.")
    order: int = Field(ge=0, description="Display order within the module.")
    title: Text
    goal: Text = Field(description="One sentence: what the learner can do after the lesson.")
    kind: Literal["lesson", "practice"] = Field("lesson", description="practice = a safe simulation done by tapping.")
    level: Literal["co-ban", "nang-cao"] = Field("co-ban", description="co-ban (basic) or nang-cao (advanced).")
    minutes: int = Field(ge=1, le=60, description="Estimated minutes.")
    digcomp: tuple[CompetenceCode, ...] = Field(min_length=1, description="DigComp 3.0 competence codes, e.g. 2.6.")
    reviewed: dt.date = Field(description="When the facts were last checked against CONTENT_FACTS.md.")
    sources: tuple[Source, ...] = Field(min_length=1)
    steps: tuple[Step, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _practice_has_exercises(self) -> Lesson:
        if self.kind == "practice" and sum(step.practice is not None for step in self.steps) < 3:
            raise ValueError("a practice lesson needs at least 3 steps with a practice block")
        return self

    def step_index(self, step_id: str) -> int | None:
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return None
