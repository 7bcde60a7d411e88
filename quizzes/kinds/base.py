"""What every question kind has, and what each kind must say for itself.

Every kind is one module in this folder: its schema, how it is graded, what the voice
reads, which texts it has to pre-render, and its own content rules. A kind that leaves
one of the methods below out fails ``tests/quizzes/test_question_kinds.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Self

from pydantic import Field

from lessons.fields import ContentId, Frozen, Text
from quizzes.answers import Answer, GradedAnswer, InvalidAnswer
from quizzes.speech import spoken_answer, spoken_feedback, starts_with_verdict


@dataclass(frozen=True)
class TallyLine:
    """One line of a live class question's tally: what the projector counts answers under."""

    key: str  # an option id, "true"/"false", or "right"/"wrong" for an order
    label: str  # as the phones and the projector show it, numbered as the voice reads it
    right: bool
    text: str = ""  # an option's own words, without the number (each learner sees its own order)

    @property
    def choice(self) -> str:
        """The choice in words that mean the same in every order: for reports across learners."""
        return self.text or self.label


# (field path inside the question, what is wrong), e.g. ("options.0.image", "file … does not exist")
ContentProblems = list[tuple[str, str]]


class Option(Frozen):
    id: ContentId = Field(description="Permanent id of the option within its question.")
    text: Text
    correct: bool = False
    explanation: Text = Field(description="Why this option is right or wrong, in plain words.")


def unique_option_ids(options: tuple[Option, ...]) -> None:
    ids = [option.id for option in options]
    if len(set(ids)) != len(ids):
        raise ValueError("option ids must be unique within a question")


class BaseQuestion(Frozen):
    id: ContentId = Field(description="Permanent question id; never reuse once shipped.")
    prompt: Text
    narration: str = Field("", description="What the voice says for the prompt, if it differs.")

    @property
    def spoken_prompt(self) -> str:
        return self.narration or self.prompt

    # Each kind implements these. They raise here so that a kind that forgets one
    # fails loudly, and the registry test names it.
    def grade(self, answer: Answer) -> GradedAnswer:
        """Grade one answer; raises InvalidAnswer when it does not fit the question."""
        raise NotImplementedError(f"{type(self).__name__} does not say how it is graded")

    def right_answer(self) -> Answer:
        """The answer that is fully right (for showing a class the answer)."""
        raise NotImplementedError(f"{type(self).__name__} does not say its right answer")

    def answer_from_text(self, text: str) -> Answer:
        """The answer back from its stored text (see quizzes.answers.answer_to_text)."""
        raise NotImplementedError(f"{type(self).__name__} does not read a stored answer")

    def spoken(self) -> str:
        """What the voice says: the prompt, then every choice, numbered as on the screen."""
        raise NotImplementedError(f"{type(self).__name__} does not say what the voice reads")

    def arrangements(self) -> list[Self]:
        """Every order this question can be shown in (quizzes/option_order.py): one,
        unless a kind turns its options round."""
        return [self]

    def narratable_texts(self) -> list[str]:
        """Every text of this question that can be read aloud (for pre-rendering)."""
        raise NotImplementedError(f"{type(self).__name__} does not list its texts")

    def feedback_answers(self) -> list[Answer]:
        """Answers that between them give every spoken feedback this question can have
        (quizzes.speech.spoken_feedback), so each one can be pre-rendered."""
        raise NotImplementedError(f"{type(self).__name__} does not list its feedback answers")

    def feedback_texts(self) -> list[str]:
        """Every spoken feedback of this question, right and wrong, and class mode's answer."""
        said = [spoken_feedback(self.grade(answer)) for answer in self.feedback_answers()]
        return list(dict.fromkeys(said + [spoken_answer(self.grade(self.right_answer()))]))

    def content_problems(self, images_root: Path) -> ContentProblems:
        """Quality problems of this question beyond its schema (most kinds have none)."""
        return []

    def tally_lines(self) -> tuple[TallyLine, ...]:
        """What a class's answers are counted under, in the order the choices are shown."""
        raise NotImplementedError(f"{type(self).__name__} does not say how a class's answers are counted")

    def tally_keys(self, answer: Answer) -> tuple[str, ...]:
        """The tally lines one answer counts on (several for ticked boxes)."""
        raise NotImplementedError(f"{type(self).__name__} does not say how a class's answers are counted")


class ChoiceQuestion(BaseQuestion):
    """Kinds whose answers are options, each with its explanation (single, picture and
    multiple choice): their texts and their content rule are the same."""

    options: tuple[Option, ...]

    def turned(self, turn: int) -> Self:
        """The same question with its options turned round by ``turn`` places (the first
        ``turn`` options move to the end): what a learner is shown, numbered and read in
        that order (quizzes/option_order.py picks the turn)."""
        turn %= len(self.options)
        if turn == 0:
            return self
        return self.model_copy(update={"options": self.options[turn:] + self.options[:turn]})

    def arrangements(self) -> list[Self]:
        return [self.turned(turn) for turn in range(len(self.options))]

    def narratable_texts(self) -> list[str]:
        texts = [arranged.spoken() for arranged in self.arrangements()]
        for option in self.options:
            texts += [option.text, option.explanation]
        return texts + self.feedback_texts()

    def content_problems(self, images_root: Path) -> ContentProblems:
        return verdict_problems(self.options)

    def tally_lines(self) -> tuple[TallyLine, ...]:
        return tuple(TallyLine(o.id, f"{n}. {o.text}", o.correct, o.text) for n, o in enumerate(self.options, start=1))

    def tally_keys(self, answer: Answer) -> tuple[str, ...]:
        return tuple(sorted(answer)) if isinstance(answer, frozenset) else (str(answer),)


class OneRightOption(ChoiceQuestion):
    """Kinds where the learner taps exactly one option (single choice, image choice)."""

    options: tuple[Option, ...]

    def _check_one_correct(self, kind: str) -> None:
        if sum(option.correct for option in self.options) != 1:
            raise ValueError(f"this {kind} question needs exactly one option with correct: true")
        unique_option_ids(self.options)

    def grade(self, answer: Answer) -> GradedAnswer:
        options = {option.id: option for option in self.options}
        if not isinstance(answer, str) or answer not in options:
            raise InvalidAnswer(f"{self.id}: expected one of {sorted(options)}, got {answer!r}")
        chosen = options[answer]
        right = next(option for option in self.options if option.correct)
        explanations = [chosen.explanation] if chosen.correct else [chosen.explanation, right.explanation]
        return GradedAnswer(self.id, answer, chosen.correct, tuple(explanations), (right.text,))

    def right_answer(self) -> Answer:
        return next(option.id for option in self.options if option.correct)

    def answer_from_text(self, text: str) -> Answer:
        return text

    def feedback_answers(self) -> list[Answer]:
        return [option.id for option in self.options]



def verdict_problems(options: tuple[Option, ...]) -> ContentProblems:
    """An explanation that starts with a verdict: a right option's "Đúng. …" contradicts a
    learner who was wrong (the app says "Chưa đúng. Đáp án đúng là: …" and then reads it),
    and a wrong option's "Sai. …" repeats the app's own "Chưa đúng."."""
    found: ContentProblems = []
    for index, option in enumerate(options):
        word = starts_with_verdict(option.explanation)
        if word:
            found.append((f"options.{index}.explanation",
                          f"starts with {word!r}; the app says the verdict itself, so begin with the reason"))
    return found
