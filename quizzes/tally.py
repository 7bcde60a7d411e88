"""A live class question's tally: how many phones (and raised hands) chose each line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quizzes.answers import Answer
from quizzes.kinds.base import TallyLine
from quizzes.models import Question


@dataclass(frozen=True)
class TallyCount:
    line: TallyLine
    phones: int
    hands: int = 0  # people without a phone, counted by show of hands

    @property
    def total(self) -> int:
        return self.phones + self.hands


def tally(
    question: Question, answers: Iterable[Answer], hands: Mapping[str, int] | None = None
) -> tuple[TallyCount, ...]:
    """One count per tally line of the question, in the order the choices are shown."""
    counted = Counter(key for answer in answers for key in question.tally_keys(answer))
    hands = hands or {}
    return tuple(TallyCount(line, counted[line.key], hands.get(line.key, 0)) for line in question.tally_lines())
