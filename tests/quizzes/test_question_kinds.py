"""Every question kind is whole in every layer: a missing piece fails here, not as a
question with no buttons on a learner's phone."""

import pytest

from quizzes.kinds.base import BaseQuestion
from quizzes.models import QUESTION_CLASSES, QUESTION_KINDS

LAYER_METHODS = ("grade", "right_answer", "answer_from_text", "spoken", "narratable_texts", "feedback_answers",
                 "tally_lines", "tally_keys")


def test_the_kinds_are_read_from_the_union():
    assert QUESTION_KINDS == ("single_choice", "multiple_choice", "true_false", "image_choice", "ordering")


@pytest.mark.parametrize("cls", QUESTION_CLASSES, ids=QUESTION_KINDS)
def test_each_kind_says_how_it_is_graded_spoken_and_rendered(cls):
    missing = [name for name in LAYER_METHODS if getattr(cls, name) is getattr(BaseQuestion, name)]
    assert not missing, f"{cls.__name__} lacks {missing}"


def test_each_kind_has_a_phone_control_and_a_projector_view():
    from ui.question_kinds import KIND_VIEWS, REQUIRED

    assert set(KIND_VIEWS) == set(QUESTION_KINDS)
    for kind, module in KIND_VIEWS.items():
        assert all(callable(getattr(module, name, None)) for name in REQUIRED), kind


def test_a_kind_without_its_methods_fails_loudly():
    class Unfinished(BaseQuestion):
        pass

    question = Unfinished(id="q", prompt="?")
    with pytest.raises(NotImplementedError, match="Unfinished"):
        question.grade("a")
