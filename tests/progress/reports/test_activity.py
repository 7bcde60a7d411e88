"""The dashboard's charts against small data sets counted by hand, on SQLite and
PostgreSQL, with the laptop's clock at UTC+7; one statement each however many groups."""

import datetime as dt

import pytest
from sqlalchemy import event

from catalog.loading import load_catalog
from progress.groups import create_group
from progress.learners import create_learner
from progress.models import ClassParticipant, LessonProgress, QuizAttempt
from progress.reports.activity import active_learners_per_week, classes_per_month, modules_finished
from tests.conftest import FIXTURE_CONTENT
from tests.progress.reports.answers_data import class_held

VN = 420  # minutes east of UTC
NOW = dt.datetime(2026, 3, 11, 10, tzinfo=dt.UTC)  # Wednesday 11 March, 17:00 in Vietnam


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")


@pytest.fixture
def people(db):
    a, b = create_group(db, "Thôn A"), create_group(db, "Thôn B")
    hoa, lam, nga = (create_learner(db, a.id, name, "1234") for name in ("Hoa", "Lâm", "Nga"))
    tu = create_learner(db, b.id, "Tư", "1234")
    return a, b, hoa, lam, nga, tu


def attempt(session, learner_id: int, lesson_id: str, passed: bool, at: dt.datetime) -> None:  # type: ignore[no-untyped-def]
    session.add(QuizAttempt(learner_id=learner_id, lesson_id=lesson_id, correct_count=1, question_count=1,
                            score_percent=100 if passed else 0, passed=passed, pass_mark_percent=80, finished_at=at))


def test_learners_active_per_week_in_the_local_calendar(db, people):
    a, b, hoa, lam, nga, tu = people
    with db.begin() as session:
        # 17:00 UTC on Sunday 1 March is 00:00 on Monday 2 March in Vietnam
        session.add(LessonProgress(learner_id=hoa.id, lesson_id="bai-mau", current_step=1, steps_done=False,
                                   seconds_spent=60, started_at=utc(2026, 3, 1, 17), updated_at=utc(2026, 3, 10, 2)))
        session.add(LessonProgress(learner_id=hoa.id, lesson_id="thuc-hanh-mau", current_step=1, steps_done=False,
                                   seconds_spent=60, started_at=utc(2026, 1, 5), updated_at=utc(2026, 1, 5)))  # too old
        attempt(session, lam.id, "bai-mau", False, utc(2026, 3, 3, 8))
        attempt(session, lam.id, "bai-mau", True, utc(2026, 3, 4, 8))  # the same week: counted once
        attempt(session, tu.id, "bai-mau", True, utc(2026, 3, 5, 8))  # group B
    class_id = class_held(db, a.id, utc(2026, 3, 1, 16, 59), utc(2026, 3, 1, 18))
    with db.begin() as session:  # Sunday 23:59 in Vietnam: still the week of 23 February
        session.add(ClassParticipant(class_id=class_id, learner_id=nga.id, joined_at=utc(2026, 3, 1, 16, 59)))

    def weeks(group_ids):  # type: ignore[no-untyped-def]
        found = active_learners_per_week(db, group_ids, weeks=3, now=NOW, offset_minutes=VN)
        return [(week.monday.isoformat(), week.learners) for week in found]

    assert weeks({a.id}) == [("2026-02-23", 1), ("2026-03-02", 2), ("2026-03-09", 1)]
    assert weeks({a.id, b.id}) == [("2026-02-23", 1), ("2026-03-02", 3), ("2026-03-09", 1)]
    assert weeks(set()) == [("2026-02-23", 0), ("2026-03-02", 0), ("2026-03-09", 0)]


def test_learners_who_finished_each_module(db, catalog, people):
    a, b, hoa, lam, nga, tu = people
    with db.begin() as session:
        for learner, lesson, passed in [
            (hoa, "bai-mau", True), (hoa, "thuc-hanh-mau", False), (hoa, "thuc-hanh-mau", True),  # finished
            (lam, "bai-mau", True), (lam, "bai-mau", True), (lam, "thuc-hanh-mau", False),  # not yet
            (nga, "bai-mau", True), (nga, "bai-da-bo", True),  # a retired lesson does not make up for one
            (tu, "bai-mau", True), (tu, "thuc-hanh-mau", True),  # group B
        ]:
            attempt(session, learner.id, lesson, passed, NOW)
    assert [(m.module.id, m.finished) for m in modules_finished(db, catalog, {a.id})] == [("an-toan", 1)]
    assert [(m.module.id, m.finished) for m in modules_finished(db, catalog, {a.id, b.id})] == [("an-toan", 2)]
    assert [(m.module.id, m.finished) for m in modules_finished(db, catalog, set())] == [("an-toan", 0)]


def test_classes_held_per_month(db, people):
    a, b, *_ = people
    class_held(db, a.id, utc(2025, 12, 20), utc(2025, 12, 20, 2))  # too old
    class_held(db, a.id, utc(2026, 1, 31, 17, 30), utc(2026, 1, 31, 19))  # 1 February in Vietnam
    class_held(db, a.id, utc(2026, 2, 10, 1), utc(2026, 2, 10, 3))
    class_held(db, a.id, utc(2026, 3, 5, 1), utc(2026, 3, 5, 3))
    class_held(db, a.id, utc(2026, 3, 11, 1))  # still going on: not held yet
    class_held(db, b.id, utc(2026, 3, 7, 1), utc(2026, 3, 7, 3))

    def months(group_ids):  # type: ignore[no-untyped-def]
        return [(m.month, m.classes) for m in classes_per_month(db, group_ids, 3, now=NOW, offset_minutes=VN)]

    assert months({a.id}) == [("2026-01", 0), ("2026-02", 2), ("2026-03", 1)]
    assert months({a.id, b.id}) == [("2026-01", 0), ("2026-02", 2), ("2026-03", 2)]


def test_one_statement_per_chart_however_many_groups(db, catalog):
    groups = []
    for number in range(10):
        group = create_group(db, f"Nhóm {number}")
        groups.append(group.id)
        learner = create_learner(db, group.id, f"Người {number}", "1234")
        with db.begin() as session:
            attempt(session, learner.id, "bai-mau", True, NOW)
        class_held(db, group.id, NOW, NOW)
    engine, statements = db.kw["bind"], []

    def count(*_args):  # type: ignore[no-untyped-def]
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        counts = []
        for size in (1, 4, 10):
            ids = set(groups[:size])
            statements.clear()
            assert active_learners_per_week(db, ids, 2, now=NOW, offset_minutes=VN)[-1].learners == size
            assert modules_finished(db, catalog, ids)[0].finished == 0
            assert classes_per_month(db, ids, 1, now=NOW, offset_minutes=VN)[-1].classes == size
            counts.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert counts == [3, 3, 3]
