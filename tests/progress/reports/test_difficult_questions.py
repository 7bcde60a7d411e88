"""Difficult questions, against a small data set counted by hand, on SQLite and
PostgreSQL; and one statement however many groups are asked about."""

import datetime as dt

import pytest
from sqlalchemy import event

from catalog.loading import load_catalog
from progress.groups import create_group
from progress.learners import create_learner
from progress.reports.difficult_questions import difficult_questions
from tests.conftest import FIXTURE_CONTENT
from tests.progress.reports.answers_data import answered, class_held


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")


@pytest.fixture
def two_groups(db):
    """Group A: Hoa, Lâm, Nga; group B: Tư. Answers to "bai-mau" (right: q-mot b,
    q-hai false, q-ba a+b, q-nam mo>nhap>bam)."""
    a, b = create_group(db, "Thôn A"), create_group(db, "Thôn B")
    hoa, lam, nga = (create_learner(db, a.id, name, "1234") for name in ("Hoa", "Lâm", "Nga"))
    tu = create_learner(db, b.id, "Tư", "1234")
    answered(db, hoa.id, {"q-mot": "a", "q-hai": True, "q-ba": frozenset({"a", "c"}), "q-nam": ("mo", "bam", "nhap")})
    answered(db, hoa.id, {"q-mot": "b"})
    answered(db, lam.id, {"q-mot": "a", "q-hai": False, "q-ba": frozenset({"a", "b"})})
    answered(db, nga.id, {"q-mot": "b", "q-hai": True, "q-ba": frozenset({"b", "c"})})
    answered(db, nga.id, {"q-cu": "x"})  # a question the quiz no longer has
    answered(db, nga.id, {"q-mot": "a"}, lesson_id="bai-da-bo")  # a retired lesson
    answered(db, tu.id, {"q-mot": "a", "q-hai": False})
    return a, b, hoa


def lines(found):
    return [(q.question_id, q.answers, q.right, q.right_percent, q.top_wrong and (q.top_wrong.label, q.top_wrong.count))
            for q in found]


def test_one_group_hardest_first_with_the_wrong_choice_most_people_made(db, catalog, two_groups):
    a, _, _ = two_groups
    assert lines(difficult_questions(db, catalog, {a.id})) == [
        ("q-nam", 1, 0, 0, ("❌ Chưa đúng thứ tự", 1)),
        ("q-hai", 3, 1, 33, ("✅ Đúng", 2)),  # the statement is false: "Đúng" is the wrong choice
        ("q-ba", 3, 1, 33, ("Chào hỏi lịch sự", 2)),  # ticked with a right box, still wrong
        ("q-mot", 4, 2, 50, ("Đọc mã cho họ", 2)),
    ]
    first = difficult_questions(db, catalog, {a.id})[0]
    assert (first.lesson_title, first.prompt, first.reteach) == ("Bài mẫu", "Xếp các bước theo thứ tự.", True)


def test_a_team_counts_its_groups_together(db, catalog, two_groups):
    a, b, _ = two_groups
    assert lines(difficult_questions(db, catalog, {a.id, b.id})) == [
        ("q-nam", 1, 0, 0, ("❌ Chưa đúng thứ tự", 1)),
        ("q-ba", 3, 1, 33, ("Chào hỏi lịch sự", 2)),
        ("q-mot", 5, 2, 40, ("Đọc mã cho họ", 3)),
        ("q-hai", 4, 2, 50, ("✅ Đúng", 2)),
    ]
    assert difficult_questions(db, catalog, {b.id})[0].reteach is True  # q-mot: 0 of 1 right
    assert difficult_questions(db, catalog, set()) == []


def test_class_answers_count_only_when_asked_for(db, catalog, two_groups):
    a, b, hoa = two_groups
    when = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
    class_held(db, a.id, when, when, [(hoa.id, "q-mot", "a", False), (None, "q-mot", "a", False),
                                      (None, "q-mot", "b", True), (None, "q-bon", "gia", False)])
    class_held(db, b.id, when, when, [(None, "q-bon", "gia", False)])  # another group's class
    assert lines(difficult_questions(db, catalog, {a.id})) == lines(difficult_questions(db, catalog, {a.id}, False))
    with_class = {q.question_id: q for q in difficult_questions(db, catalog, {a.id}, with_class_answers=True)}
    assert lines([with_class["q-mot"], with_class["q-bon"]]) == [
        ("q-mot", 7, 3, 43, ("Đọc mã cho họ", 4)),
        ("q-bon", 1, 0, 0, ("Màn hình đỏ", 1)),
    ]


def test_one_statement_however_many_groups(db, catalog):
    statements = []
    engine = db.kw["bind"]

    def count(*_args):  # type: ignore[no-untyped-def]
        statements.append(1)

    groups = []
    for number in range(12):
        group = create_group(db, f"Nhóm {number}")
        groups.append(group.id)
        learner = create_learner(db, group.id, f"Người {number}", "1234")
        answered(db, learner.id, {"q-mot": "a", "q-hai": number % 2 == 0})
    event.listen(engine, "before_cursor_execute", count)
    try:
        counts = []
        for size in (1, 3, 12):
            statements.clear()
            found = difficult_questions(db, catalog, set(groups[:size]), with_class_answers=True)
            counts.append(len(statements))
            assert found[0].answers == size
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert counts == [1, 1, 1]
