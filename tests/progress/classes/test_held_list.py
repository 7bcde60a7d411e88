"""The list of classes held: every number checked against a small set counted by hand,
the period and the groups it covers, and the same few statements however many classes."""

import datetime as dt

from sqlalchemy import event

from progress.areas import group_places
from progress.classes.attendance import join_as_guest, join_as_learner
from progress.classes.by_hand import HandEntry, record_by_hand
from progress.classes.held_list import classes_held
from progress.classes.live import answer_live_question
from progress.classes.running import add_trainer, end_class, move_to, set_head_count, start_class
from progress.days import day_bounds
from progress.groups import create_group
from progress.models import Commune, LearnerGroup, Province, Team
from progress.scope import scope_of
from progress.trainers import create_trainer
from tests.progress.graded import right

NOW = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)


def by_hand(db, scope, group_id, day, learners=(), extra=0, trainers=(), start=None):  # type: ignore[no-untyped-def]
    entry = HandEntry(group_id, day, start, "Nhà văn hóa", ("bai-1",), tuple(learners), extra, "", tuple(trainers))
    return record_by_hand(db, scope, entry, {"bai-1", "bai-2"}, now=NOW)


def test_each_class_is_listed_with_its_numbers_newest_first(db, learners):  # type: ignore[no-untyped-def]
    hoa, lam, nga = learners
    chi = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [hoa.group_id])
    anh = create_trainer(db, "lam.tv", "Anh Lâm", "mat-khau-dai-2", [hoa.group_id])
    scope = scope_of(db, chi.id)
    # in the app: Hoa and Lâm by phone, two guests by phone, one live question, head count not given
    app = start_class(db, chi.id, hoa.group_id, ["bai-1", "bai-2"], place="Nhà văn hóa thôn Gò")
    for learner in (hoa, lam):
        me = join_as_learner(db, app.class_id, learner.id).participant
    guest = join_as_guest(db, app.class_id).participant
    join_as_guest(db, app.class_id)
    live = move_to(db, app.class_id, 3, live_question=("bai-1", "q-mot")).live_question
    answer_live_question(db, app.class_id, live.id, me.id, right("q-mot"))
    answer_live_question(db, app.class_id, live.id, guest.id, right("q-mot"))
    add_trainer(db, app.class_id, anh.id)
    end_class(db, app.class_id)
    # by hand, two days before: Nga ticked, 4 people without an account
    hand = by_hand(db, scope, hoa.group_id, dt.date(2026, 12, 4), [nga.id], extra=4, trainers=[chi.id])
    # in the app, counted by head: 1 learner, head count 9
    counted = start_class(db, chi.id, hoa.group_id, ["bai-1"])
    join_as_learner(db, counted.class_id, hoa.id)
    set_head_count(db, counted.class_id, 9)
    end_class(db, counted.class_id)
    # still open: not held yet
    start_class(db, chi.id, hoa.group_id, ["bai-1"])

    listed = classes_held(db, [hoa.group_id])
    assert [c.class_id for c in listed] == [counted.class_id, app.class_id, hand]
    numbers = [(c.learners, c.guests, c.extra_guests, c.total, c.questions, c.by_hand) for c in listed]
    assert numbers == [(1, 0, 0, 9, 0, False), (2, 2, 0, 4, 1, False), (1, 0, 4, 5, 0, True)]
    in_app = listed[1]
    assert in_app.trainers == ("Anh Lâm", "Chị Hoa") and in_app.place == "Nhà văn hóa thôn Gò"
    assert in_app.lesson_ids == ("bai-1", "bai-2") and in_app.furthest_position == 3
    assert in_app.group_name == "Thôn Bờ He" and listed[2].trainers == ("Chị Hoa",)
    assert sum(c.total for c in listed) == 18  # 9 + (2 + 2) + (1 + 4)
    assert [c.class_id for c in classes_held(db, [hoa.group_id], limit=1)] == [counted.class_id]


def test_the_period_is_days_in_vietnam_and_the_groups_are_those_asked(db, learners):  # type: ignore[no-untyped-def]
    hoa = learners[0]
    trainer = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [hoa.group_id])
    other = create_group(db, "Thôn Khác")
    helper = create_trainer(db, "khac.tv", "Chị Khác", "mat-khau-dai-2", [other.id])
    scope, other_scope = scope_of(db, trainer.id), scope_of(db, helper.id)
    late = by_hand(db, scope, hoa.group_id, dt.date(2026, 12, 1), trainers=[trainer.id], start=dt.time(23, 30))
    early = by_hand(db, scope, hoa.group_id, dt.date(2026, 12, 2), trainers=[trainer.id], start=dt.time(0, 30))
    elsewhere = by_hand(db, other_scope, other.id, dt.date(2026, 12, 1), trainers=[helper.id])

    since, until = day_bounds(dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    assert [c.class_id for c in classes_held(db, [hoa.group_id], since, until)] == [late]
    since, until = day_bounds(dt.date(2026, 12, 2), dt.date(2026, 12, 31))
    assert [c.class_id for c in classes_held(db, [hoa.group_id], since, until)] == [early]
    assert [c.class_id for c in classes_held(db, [hoa.group_id, other.id])] == [early, late, elsewhere]
    assert classes_held(db, []) == []


def test_the_same_few_statements_however_many_classes(db, learners):  # type: ignore[no-untyped-def]
    hoa, lam, nga = learners
    trainer = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [hoa.group_id])
    scope = scope_of(db, trainer.id)
    engine = db.kw["bind"]
    statements: list[str] = []

    def count(*args) -> None:  # type: ignore[no-untyped-def]
        statements.append(args[2])

    def statements_for_list() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            classes_held(db, [hoa.group_id])
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(statements)

    by_hand(db, scope, hoa.group_id, dt.date(2026, 11, 1), [hoa.id], trainers=[trainer.id])
    few = statements_for_list()
    for day in range(2, 22):
        by_hand(db, scope, hoa.group_id, dt.date(2026, 11, day), [hoa.id, lam.id, nga.id], extra=day,
                trainers=[trainer.id])
    assert len(classes_held(db, [hoa.group_id])) == 21
    assert statements_for_list() == few <= 2


def test_groups_are_named_with_their_team(db, learners):  # type: ignore[no-untyped-def]
    alone = create_group(db, "Thôn A Lẻ")
    with db.begin() as session:
        province = Province(name="Quảng Ngãi")
        session.add(province)
        session.flush()
        commune = Commune(province_id=province.id, name="Xã Ba Tơ")
        session.add(commune)
        session.flush()
        team = Team(commune_id=commune.id, name="Tổ 1")
        session.add(team)
        session.flush()
        session.get(LearnerGroup, learners[0].group_id).team_id = team.id
        team_id = team.id
    placed = group_places(db, frozenset({learners[0].group_id, alone.id}))
    assert [(g.group_name, g.team_id, g.team_name) for g in placed] == [
        ("Thôn A Lẻ", None, None), ("Thôn Bờ He", team_id, "Tổ 1")]
