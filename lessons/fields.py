"""Field types every content file shares (lessons and quizzes): permanent kebab-case
ids, non-empty text, picture paths, and the closed, frozen base model."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

KEBAB_CASE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _kebab(value: str) -> str:
    if not KEBAB_CASE.match(value):
        raise ValueError("must be kebab-case: lowercase letters, digits and single dashes, e.g. 'otp-khong-chia-se'")
    return value


def _image_path(value: str) -> str:
    if value and (value.startswith("/") or ".." in value.split("/") or not value.endswith(".svg")):
        raise ValueError("must be a path inside the images folder ending in .svg, e.g. 'images/vneid/dang-nhap.svg'")
    return value


ContentId = Annotated[str, AfterValidator(_kebab)]
Text = Annotated[str, Field(min_length=1)]
ImagePath = Annotated[str, AfterValidator(_image_path)]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# How the voice says small numbers and lists of choices: "Ý một: …" in a quiz, "Nút một: …"
# in a practice, "Câu hai trên năm". Content sits at the bottom, so lessons and quizzes share these.
_NUMBER_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")


def number_word(n: int) -> str:
    """0–10 in words ("hai"); larger numbers as digits, which the voice's text
    normalisation reads out (media/speech_text.py)."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def spoken_sentence(text: str) -> str:
    """A text as a sentence the voice ends with a pause."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def spoken_parts(parts: list[str]) -> str:
    return " ".join(spoken_sentence(part) for part in parts if part.strip())
