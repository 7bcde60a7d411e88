"""A class held without the app, entered by hand: checked in plain words, stored as a
class held (counted like one run in the app), corrected and deleted — only its own kind."""

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from progress.account_error import AccountError
from progress.classes.attendance import attendance, join_as_guest, join_as_learner
from progress.classes.by_hand import (
    FIRST_DAY,
    HandEntry,
    delete_by_hand,
    hand_entry,
    has_start_time,
    record_by_hand,
    trainer_choices,
    update_by_hand,
)
from progress.classes.days import VIETNAM
from progress.classes.errors import ClassError
from progress.classes.records import class_record
from progress.classes.running import end_class, find_open_class, start_class
from progress.groups import create_group
from progress.learners import create_learner, delete_learner
from progress.models import ClassParticipant, ClassSession, ClassTrainer
from progress.scope import Scope, scope_of
from progress.trainers import create_trainer

LESSONS = {"bai-1", "bai-2"}
NOW = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)  # 17:00 in Vietnam


@pytest.fixture
def setting(db, learners):  # type: ignore[no-untyped-def]
    trainer = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [learners[0].group_id])
    scope = scope_of(db, trainer.id)
    entry = HandEntry(group_id=learners[0].group_id, day=dt.date(2026, 12, 5), start=dt.time(14, 30),
                      place="  Nhà văn hóa   thôn Gò ", lesson_ids=("bai-1", "bai-2"),
                      learner_ids=(learners[0].id, learners[1].id), extra_guests=3, notes="Mất điện nửa buổi.",
                      trainer_ids=(trainer.id,))
    return trainer, scope, entry, learners


def test_a_class_entered_by_hand_is_kept_and_counted_like_one_run_in_the_app(db, setting):  # type: ignore[no-untyped-def]
    trainer, scope, entry, (hoa, lam, _) = setting
    class_id = record_by_hand(db, scope, entry, LESSONS, now=NOW)
    record = class_record(db, class_id)
    state = record.state
    assert (state.ended_by, state.join_code, state.place) == ("hand", "", "Nhà văn hóa thôn Gò")
    assert state.started_at == dt.datetime(2026, 12, 5, 14, 30, tzinfo=VIETNAM) == state.ended_at
    assert state.lesson_ids == ("bai-1", "bai-2") and record.trainers == ("Chị Hoa",)
    assert record.notes == "Mất điện nửa buổi."
    people = attendance(db, class_id)
    assert [p.name for p in people.learners] == ["Hoa", "Lâm"]
    assert (people.guests, people.extra_guests, people.unregistered, people.joined, people.total) == (0, 3, 3, 5, 5)
    assert find_open_class(db, "") is None, "never joinable"
    with pytest.raises(ClassError, match="kết thúc"):
        join_as_guest(db, class_id)
    assert hand_entry(db, class_id) == replace(entry, place="Nhà văn hóa thôn Gò")


def test_a_day_without_a_time_is_kept_as_a_day(db, setting):  # type: ignore[no-untyped-def]
    _, scope, entry, _ = setting
    class_id = record_by_hand(db, scope, replace(entry, start=None), LESSONS, now=NOW)
    state = class_record(db, class_id).state
    assert state.started_at == dt.datetime(2026, 12, 5, 0, 0, tzinfo=VIETNAM) and not has_start_time(state.started_at)
    assert hand_entry(db, class_id).start is None


@pytest.mark.parametrize(("change", "message"), [
    ({"day": dt.date(2026, 12, 7)}, "chưa tới"),  # tomorrow in Vietnam
    ({"day": dt.date(2026, 12, 6), "start": dt.time(18, 0)}, "Giờ bắt đầu chưa tới"),  # later today
    ({"day": FIRST_DAY - dt.timedelta(days=1)}, "từ 01/01/2025"),
    ({"lesson_ids": (), "notes": "  "}, "ít nhất một bài"),
    ({"lesson_ids": ("bai-khong-co",)}, "không còn trong danh sách"),
    ({"extra_guests": -1}, "từ 0 đến 1000"),
    ({"extra_guests": 1001}, "từ 0 đến 1000"),
    ({"trainer_ids": ()}, "ít nhất một tập huấn viên"),
    ({"trainer_ids": (99999,)}, "Không tìm thấy tập huấn viên"),
    ({"place": "x" * 201}, "Tên nơi học dài quá"),
    ({"notes": "x" * 2001}, "Ghi chú dài quá"),
])
def test_what_is_refused_gets_a_plain_message(db, setting, change, message):  # type: ignore[no-untyped-def]
    _, scope, entry, _ = setting
    with pytest.raises(ClassError, match=message):
        record_by_hand(db, scope, replace(entry, **change), LESSONS, now=NOW)
    with db() as session:
        assert session.scalar(select(func.count(ClassSession.id))) == 0, "nothing stored"


def test_only_notes_and_today_without_time_are_enough(db, setting):  # type: ignore[no-untyped-def]
    _, scope, entry, _ = setting
    class_id = record_by_hand(db, scope, replace(entry, lesson_ids=(), day=dt.date(2026, 12, 6), start=None),
                              LESSONS, now=NOW)
    assert class_record(db, class_id).state.lesson_ids == ()


def test_a_learner_of_another_group_is_refused(db, setting):  # type: ignore[no-untyped-def]
    _, scope, entry, (hoa, _, _) = setting
    other = create_group(db, "Thôn Khác")
    stranger = create_learner(db, other.id, "Út", "1234")
    with pytest.raises(ClassError, match="không thuộc nhóm này"):
        record_by_hand(db, scope, replace(entry, learner_ids=(hoa.id, stranger.id)), LESSONS, now=NOW)
    with pytest.raises(AccountError, match="phạm vi"):  # nor a class for a group outside the account's area
        record_by_hand(db, scope, replace(entry, group_id=other.id, learner_ids=(stranger.id,)), LESSONS, now=NOW)


def test_an_officer_reads_but_cannot_enter(db, setting):  # type: ignore[no-untyped-def]
    trainer, scope, entry, _ = setting
    officer = Scope(trainer.id, "commune_officer", scope.group_ids, frozenset(), frozenset(), frozenset())
    with pytest.raises(AccountError, match="chỉ được xem"):
        record_by_hand(db, officer, entry, LESSONS, now=NOW)
    class_id = record_by_hand(db, scope, entry, LESSONS, now=NOW)
    for action in (lambda: update_by_hand(db, officer, class_id, entry, LESSONS, now=NOW),
                   lambda: delete_by_hand(db, officer, class_id)):
        with pytest.raises(AccountError, match="chỉ được xem"):
            action()


def test_attendance_and_notes_are_corrected(db, setting):  # type: ignore[no-untyped-def]
    trainer, scope, entry, (hoa, lam, nga) = setting
    class_id = record_by_hand(db, scope, entry, LESSONS, now=NOW)
    helper = create_trainer(db, "lam.tv", "Anh Lâm", "mat-khau-dai-2", [hoa.group_id])
    fixed = replace(entry, learner_ids=(lam.id, nga.id), extra_guests=0, notes="Đủ điện.", start=None,
                    trainer_ids=(trainer.id, helper.id), lesson_ids=("bai-2",))
    update_by_hand(db, scope, class_id, fixed, LESSONS, now=NOW)
    record = class_record(db, class_id)
    assert [p.name for p in record.attendance.learners] == ["Lâm", "Nga"] and record.attendance.total == 2
    assert record.notes == "Đủ điện." and record.trainers == ("Anh Lâm", "Chị Hoa")
    assert record.state.lesson_ids == ("bai-2",) and not has_start_time(record.state.started_at)
    other = create_group(db, "Thôn Khác")
    with pytest.raises(ClassError, match="Không đổi được nhóm"):
        update_by_hand(db, scope, class_id, replace(fixed, group_id=other.id), LESSONS, now=NOW)


def test_a_lesson_retired_since_may_stay_and_a_deleted_learner_stays_counted(db, setting):  # type: ignore[no-untyped-def]
    _, scope, entry, (hoa, lam, _) = setting
    class_id = record_by_hand(db, scope, entry, LESSONS, now=NOW)
    delete_learner(db, lam.id)
    update_by_hand(db, scope, class_id, replace(entry, learner_ids=(hoa.id,)), {"bai-1"}, now=NOW)  # bai-2 retired
    counted = attendance(db, class_id)
    assert sorted(p.name for p in counted.learners) == ["Hoa", "Học viên đã xóa"]
    assert class_record(db, class_id).state.lesson_ids == ("bai-1", "bai-2")


def test_a_class_entered_by_mistake_is_deleted_with_its_people(db, setting):  # type: ignore[no-untyped-def]
    _, scope, entry, _ = setting
    class_id = record_by_hand(db, scope, entry, LESSONS, now=NOW)
    delete_by_hand(db, scope, class_id)
    assert class_record(db, class_id) is None
    with db() as session:
        for table in (ClassParticipant, ClassTrainer):
            assert session.scalar(select(func.count()).select_from(table)) == 0
    with pytest.raises(ClassError, match="Không tìm thấy"):
        delete_by_hand(db, scope, class_id)


def test_a_class_run_in_the_app_cannot_be_changed_or_deleted_here(db, setting):  # type: ignore[no-untyped-def]
    trainer, scope, entry, (hoa, _, _) = setting
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1"])
    join_as_learner(db, started.class_id, hoa.id)
    end_class(db, started.class_id)
    for action in (lambda: delete_by_hand(db, scope, started.class_id),
                   lambda: update_by_hand(db, scope, started.class_id, entry, LESSONS, now=NOW)):
        with pytest.raises(ClassError, match="bằng ứng dụng"):
            action()
    assert hand_entry(db, started.class_id) is None
    assert [p.name for p in attendance(db, started.class_id).learners] == ["Hoa"]


def test_the_trainers_offered_are_the_groups_and_the_account_entering(db, setting):  # type: ignore[no-untyped-def]
    trainer, _, _, (hoa, _, _) = setting
    lead = create_trainer(db, "to.truong", "Anh Tổ Trưởng", "mat-khau-dai-3", [])
    create_trainer(db, "khac", "Chị Khác", "mat-khau-dai-4", [])
    assert [t.name for t in trainer_choices(db, hoa.group_id, also=[lead.id])] == ["Anh Tổ Trưởng", "Chị Hoa"]
