"""Each learner sees a question's options in an order of their own, the same on every
run, numbered and read as shown; a class shares one order; the right option's place
tells nothing across learners."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

from catalog.class_plan import class_plan
from catalog.loading import load_catalog
from catalog.narratable import lesson_texts
from quizzes.kinds.base import ChoiceQuestion
from quizzes.kinds.ordering import Ordering
from quizzes.kinds.true_false import TrueFalse
from quizzes.option_order import arranged, class_seed, learner_seed, turn_for
from tests.conftest import FIXTURE_CONTENT

PROJECT_ROOT = FIXTURE_CONTENT.parents[2]


def shipped_questions():  # type: ignore[no-untyped-def]
    catalog = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
    return catalog, [q for quiz in catalog.quizzes.values() for q in quiz.questions]


def test_the_same_learner_sees_the_same_order_every_time() -> None:
    _, questions = shipped_questions()
    for question in questions:
        first = arranged(question, learner_seed(7))
        assert arranged(question, learner_seed(7)) == first
        if isinstance(question, ChoiceQuestion):
            assert sorted(o.id for o in first.options) == sorted(o.id for o in question.options)


def test_the_turn_is_a_hash_of_the_text_not_of_the_process() -> None:
    # Python's hash() of a str changes per process; several app processes must agree
    here = [turn_for(f"learner-{n}", "q", 4) for n in range(12)]
    code = "from quizzes.option_order import turn_for; print([turn_for(f'learner-{n}', 'q', 4) for n in range(12)])"
    for hash_seed in ("1", "2"):
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                               cwd=PROJECT_ROOT, env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert other.stdout.strip() == str(here)
    assert len(set(here)) > 1


def test_the_right_option_lands_on_every_place_across_learners() -> None:
    _, questions = shipped_questions()
    question = next(q for q in questions if isinstance(q, ChoiceQuestion) and len(q.options) == 3
                    and q.options[0].correct)
    places: Counter[int] = Counter()
    for learner in range(600):
        shown = arranged(question, learner_seed(learner))
        places[next(i for i, o in enumerate(shown.options) if o.correct)] += 1
    assert set(places) == {0, 1, 2}
    assert all(150 <= n <= 250 for n in places.values()), places


def test_the_voice_numbers_the_options_as_the_screen_shows_them() -> None:
    _, questions = shipped_questions()
    question = next(q for q in questions if isinstance(q, ChoiceQuestion)
                    and arranged(q, learner_seed(1)).options != q.options)
    shown = arranged(question, learner_seed(1))
    said = shown.spoken()
    places = [said.index(option.text) for option in shown.options]
    assert places == sorted(places), "the voice reads the options in the order they are shown"
    assert said != question.spoken()


def test_kinds_without_options_keep_their_order() -> None:
    _, questions = shipped_questions()
    for question in questions:
        if isinstance(question, (TrueFalse, Ordering)):
            assert arranged(question, learner_seed(3)) is question


def test_every_order_a_learner_can_hear_is_pre_rendered() -> None:
    catalog, _ = shipped_questions()
    lesson_id, quiz = next(iter(catalog.quizzes.items()))
    texts = set(lesson_texts(catalog, lesson_id))
    for question in quiz.questions:
        for learner in range(20):
            assert arranged(question, learner_seed(learner)).spoken() in texts


def test_a_class_shares_one_order_on_the_projector_and_every_phone() -> None:
    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    lesson_ids = list(catalog.lessons)
    plans = [class_plan(catalog, lesson_ids, class_seed(41)) for _ in range(2)]
    asked = [[s.question for s in plan.slides if s.question is not None] for plan in plans]
    assert asked[0] == asked[1] and asked[0]
    for question in asked[0]:
        original = next(q for quiz in catalog.quizzes.values() for q in quiz.questions if q.id == question.id)
        assert question == arranged(original, class_seed(41))


def test_projector_labels_follow_the_class_order() -> None:
    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    question = next(q for quiz in catalog.quizzes.values() for q in quiz.questions if isinstance(q, ChoiceQuestion))
    seed = next(class_seed(n) for n in range(50) if arranged(question, class_seed(n)).options != question.options)
    shown = arranged(question, seed)
    assert [line.label for line in shown.tally_lines()] == [f"{n}. {o.text}" for n, o in
                                                              enumerate(shown.options, start=1)]
    assert [line.choice for line in shown.tally_lines()] == [o.text for o in shown.options]

