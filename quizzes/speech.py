"""What the voice says for a question: the prompt, then every answer, numbered as on
the screen, so a learner who cannot read hears all the choices with one tap."""

from __future__ import annotations

from quizzes.models import ImageChoice, MultipleChoice, Ordering, Question, SingleChoice, TrueFalse

NUMBER_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu")


def spoken_question(question: Question) -> str:
    parts = [question.spoken_prompt]
    if isinstance(question, (SingleChoice, MultipleChoice)):
        if isinstance(question, MultipleChoice):
            parts.append("Chọn tất cả các ý đúng.")
        parts += [f"Ý {NUMBER_WORDS[i]}: {option.text}" for i, option in enumerate(question.options)]
    elif isinstance(question, ImageChoice):
        parts += [f"Hình {NUMBER_WORDS[i]}: {option.text}" for i, option in enumerate(question.options)]
    elif isinstance(question, TrueFalse):
        parts.append("Đúng hay sai?")
    elif isinstance(question, Ordering):
        parts.append("Bấm lần lượt từng việc, việc làm trước bấm trước.")
    return " ".join(_sentence(part) for part in parts)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."
