"""The order a learner sees a question's options in.

Content is written with its options in any order; the right one must not be told by its
place. Each learner sees the options of a single, picture or multiple-choice question
turned round by a number of places picked from (learner, question): the same order on
every retry and reload, and the voice numbers them as the screen does. Across learners
the right option lands on every place equally often. A class shares one order (its
seed is the class), so the projector's numbers match every phone's.

Only turns, not every shuffle: each order's spoken question is pre-rendered
(``ChoiceQuestion.narratable_texts``), and a question of n options has n turns.
"""

from __future__ import annotations

import hashlib
from typing import TypeVar

from quizzes.kinds.base import BaseQuestion, ChoiceQuestion

Q = TypeVar("Q", bound=BaseQuestion)


def learner_seed(learner_id: int) -> str:
    return f"learner-{learner_id}"


def class_seed(class_id: int) -> str:
    return f"class-{class_id}"


def turn_for(seed: str, question_id: str, options: int) -> int:
    """A stable turn in 0..options-1 for this seed and question (the same in every
    process: a hash of the text, not Python's per-process ``hash``)."""
    digest = hashlib.sha256(f"{seed}|{question_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % options


def arranged(question: Q, seed: str) -> Q:
    """The question as this learner (or class) sees it; kinds without options (true or
    false, an order to put right, which shuffles itself) are returned as they are."""
    if not isinstance(question, ChoiceQuestion):
        return question
    return question.turned(turn_for(seed, question.id, len(question.options)))
