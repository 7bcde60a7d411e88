"""Grading: is an answer right, what does the learner hear, did the quiz pass."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from quizzes.models import ImageChoice, MultipleChoice, Ordering, Question, SingleChoice, TrueFalse

# single_choice / image_choice: an option id; multiple_choice: the chosen option ids;
# true_false: a bool; ordering: the item ids in the order the learner tapped them.
Answer = Union[str, frozenset[str], bool, tuple[str, ...]]


class InvalidAnswer(ValueError):
    """The answer does not fit the question (unknown option, wrong type)."""


@dataclass(frozen=True)
class AnswerFeedback:
    question_id: str
    correct: bool
    explanations: tuple[str, ...]
    right_answers: tuple[str, ...] = ()  # what the right answer says, shown after a wrong one


@dataclass(frozen=True)
class QuizScore:
    correct: int
    total: int
    percent: int
    passed: bool


def grade_answer(question: Question, answer: Answer) -> AnswerFeedback:
    """Grade one answer and return the explanations that teach why."""
    if isinstance(question, (SingleChoice, ImageChoice)):
        options = {option.id: option for option in question.options}
        if not isinstance(answer, str) or answer not in options:
            raise InvalidAnswer(f"{question.id}: expected one of {sorted(options)}, got {answer!r}")
        chosen = options[answer]
        right = next(option for option in question.options if option.correct)
        explanations = [chosen.explanation] if chosen.correct else [chosen.explanation, right.explanation]
        return AnswerFeedback(question.id, chosen.correct, tuple(explanations), (right.text,))
    if isinstance(question, MultipleChoice):
        ids = {option.id for option in question.options}
        if not isinstance(answer, frozenset) or not answer or not answer <= ids:
            raise InvalidAnswer(f"{question.id}: expected a non-empty set of {sorted(ids)}, got {answer!r}")
        right = {option.id for option in question.options if option.correct}
        explanations = tuple(
            option.explanation for option in question.options if option.id in answer or option.correct
        )
        right_texts = tuple(option.text for option in question.options if option.correct)
        return AnswerFeedback(question.id, answer == right, explanations, right_texts)
    if isinstance(question, TrueFalse):
        if not isinstance(answer, bool):
            raise InvalidAnswer(f"{question.id}: expected true or false, got {answer!r}")
        right_text = "Đúng" if question.answer else "Sai"
        return AnswerFeedback(question.id, answer == question.answer, (question.explanation,), (right_text,))
    if isinstance(question, Ordering):
        right = tuple(item.id for item in question.items)
        if not isinstance(answer, tuple) or sorted(answer) != sorted(right):
            raise InvalidAnswer(f"{question.id}: expected every item once, got {answer!r}")
        in_order = " → ".join(item.text for item in question.items)
        return AnswerFeedback(question.id, answer == right, (question.explanation,), (in_order,))
    raise InvalidAnswer(f"{question.id}: question kind {question.kind!r} cannot be graded")


def right_answer(question: Question) -> Answer:
    """The answer that is fully right (for showing a class the answer)."""
    if isinstance(question, (SingleChoice, ImageChoice)):
        return next(option.id for option in question.options if option.correct)
    if isinstance(question, MultipleChoice):
        return frozenset(option.id for option in question.options if option.correct)
    if isinstance(question, TrueFalse):
        return question.answer
    return tuple(item.id for item in question.items)


def score_quiz(feedback: list[AnswerFeedback], total: int, pass_mark_percent: int) -> QuizScore:
    """Score a finished quiz against the pass mark (percent of questions right)."""
    if total <= 0:
        raise ValueError("a quiz needs at least one question")
    correct = sum(item.correct for item in feedback)
    percent = round(100 * correct / total)
    return QuizScore(correct, total, percent, correct * 100 >= pass_mark_percent * total)


def answer_to_text(answer: Answer) -> str:
    """Store an answer as text: 'a', 'a,c', 'true'/'false' or 'b>a>c' (an order)."""
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, frozenset):
        return ",".join(sorted(answer))
    if isinstance(answer, tuple):
        return ">".join(answer)
    return answer
