"""Lesson content schema: closed, frozen data loaded from YAML."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

KEBAB_CASE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _kebab(value: str) -> str:
    if not KEBAB_CASE.match(value):
        raise ValueError("must be kebab-case: lowercase letters, digits and single dashes, e.g. 'otp-khong-chia-se'")
    return value


ContentId = Annotated[str, AfterValidator(_kebab)]
Text = Annotated[str, Field(min_length=1)]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Frozen):
    title: Text = Field(description="What the source is, e.g. 'Bộ Công an: cảnh báo giả danh công an'.")
    url: str = Field("", description="Address of the source, if it has one.")


class Step(Frozen):
    id: ContentId = Field(description="Permanent id of the step within the lesson.")
    text: Text = Field(description="What the learner reads: at most three short sentences.")
    narration: str = Field("", description="What the voice says, if it must differ from text (acronyms, numbers).")
    tip: str = Field("", description="An optional short tip shown under the step.")

    @property
    def spoken_text(self) -> str:
        return self.narration or self.text


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
    level: str = Field("co-ban", description="co-ban (basic) or nang-cao (advanced).")
    minutes: int = Field(ge=1, le=60, description="Estimated minutes.")
    reviewed: dt.date = Field(description="When the facts were last checked against CONTENT_FACTS.md.")
    sources: tuple[Source, ...] = Field(min_length=1)
    steps: tuple[Step, ...] = Field(min_length=1)

    def step_index(self, step_id: str) -> int | None:
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return None
