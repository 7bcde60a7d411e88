"""One answer, from the tap to the stored row.

A control on the phone gives an ``Answer`` (its shape depends on the question kind);
grading turns it into one ``GradedAnswer``, which the quiz, the review and the class
all show and store as it is. Nothing re-wraps it on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

# single_choice / image_choice: an option id; multiple_choice: the chosen option ids;
# true_false: a bool; ordering: the item ids in the order the learner tapped them.
Answer = str | frozenset[str] | bool | tuple[str, ...]


class InvalidAnswer(ValueError):
    """The answer does not fit the question (unknown option, wrong type)."""


def answer_to_text(answer: Answer) -> str:
    """Store an answer as text: 'a', 'a,c', 'true'/'false' or 'b>a>c' (an order)."""
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, frozenset):
        return ",".join(sorted(answer))
    if isinstance(answer, tuple):
        return ">".join(answer)
    return answer


@dataclass(frozen=True)
class GradedAnswer:
    """An answer to one question, graded: what was given, whether it is right, and
    what teaches why (the explanations, and the right answer in words)."""

    question_id: str
    answer: Answer
    correct: bool
    explanations: tuple[str, ...] = ()
    right_answers: tuple[str, ...] = ()  # what the right answer says, shown after a wrong one
    # the explanations the voice reads after the verdict (quizzes.speech.spoken_feedback);
    # None = all of them. A kind leaves out those whose combinations would be too many
    # texts to pre-render (multiple choice: the wrong options a learner ticked); the
    # page gives those their own "Nghe".
    voiced: tuple[str, ...] | None = None

    @property
    def spoken_explanations(self) -> tuple[str, ...]:
        return self.explanations if self.voiced is None else self.voiced

    @property
    def unspoken_explanations(self) -> tuple[str, ...]:
        """Explanations shown but not in the spoken feedback."""
        return tuple(text for text in self.explanations if text not in self.spoken_explanations)

    @property
    def stored_text(self) -> str:
        """The answer as it is stored in a row (see ``answer_to_text``)."""
        return answer_to_text(self.answer)
