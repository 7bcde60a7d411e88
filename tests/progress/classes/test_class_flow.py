"""A class from start to record, in the database: what every screen shares."""

import datetime as dt

import pytest

from progress.classes.attendance import attendance, find_participant, join_as_guest, join_as_learner, mark_seen
from progress.classes.errors import ClassError
from progress.classes.held_list import classes_held
from progress.classes.live import answer_live_question, given_answer, live_answers
from progress.classes.records import class_record
from progress.classes.running import (
    add_trainer,
    end_class,
    find_open_class,
    move_to,
    open_classes_of,
    reveal_answer,
    set_hands,
    set_head_count,
    start_class,
)
from progress.classes.state import ClassStates, read_class
from progress.groups import create_group
from progress.learners import create_learner
from progress.review import due_reviews
from progress.trainers import create_trainer
from tests.progress.graded import right, wrong


@pytest.fixture
def setting(db, learners):  # type: ignore[no-untyped-def]
    trainer = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [learners[0].group_id])
    return trainer, learners


def test_a_class_runs_and_is_kept_as_the_class_held(db, setting):  # type: ignore[no-untyped-def]
    trainer, (hoa, lam, _) = setting
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1", "bai-2"], place="  Nhà văn hóa   thôn Gò ")
    assert started.is_open and len(started.join_code) == 4 and started.join_code.isdigit()
    assert started.place == "Nhà văn hóa thôn Gò"
    assert find_open_class(db, started.join_code).class_id == started.class_id
    assert [c.class_id for c in open_classes_of(db, trainer.id)] == [started.class_id]

    me = join_as_learner(db, started.class_id, hoa.id)
    assert not me.again and me.participant.name == "Hoa"
    assert join_as_learner(db, started.class_id, hoa.id).again  # a second phone finds the same place
    guest = join_as_guest(db, started.class_id).participant
    assert guest.is_guest and guest.name == "Khách 1"
    assert join_as_guest(db, started.class_id).participant.name == "Khách 2"

    moved = move_to(db, started.class_id, 3)
    assert moved.position == 3 and moved.version > started.version and moved.live_question is None
    asked = move_to(db, started.class_id, 5, live_question=("bai-1", "q-mot"))
    live = asked.live_question
    assert live is not None and not live.revealed and asked.furthest_position == 5

    assert answer_live_question(db, started.class_id, live.id, me.participant.id, wrong("q-mot"))
    assert not answer_live_question(db, started.class_id, live.id, me.participant.id, right("q-mot"))  # first stands
    assert answer_live_question(db, started.class_id, live.id, guest.id, right("q-mot"))
    assert given_answer(db, live.id, me.participant.id).correct is False
    assert live_answers(db, live.id).count == 2
    # the learner's wrong answer in class goes on their review list, like a quiz answer
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    assert [r.question_id for r in due_reviews(db, hoa.id, now=later)] == ["q-mot"]

    set_hands(db, started.class_id, live.id, {"b": 4, "a": 0})
    assert live_answers(db, live.id).hands == {"b": 4}
    revealed = reveal_answer(db, started.class_id)
    assert revealed.live_question.revealed
    with pytest.raises(ClassError, match="đáp án"):
        answer_live_question(db, started.class_id, live.id, guest.id, right("q-mot"))

    back = move_to(db, started.class_id, 2)
    assert back.furthest_position == 5 and back.live_question is None
    set_head_count(db, started.class_id, 12)
    helper = create_trainer(db, "lam.tv", "Anh Lâm", "mat-khau-dai-2", [hoa.group_id])
    add_trainer(db, started.class_id, helper.id)
    ended = end_class(db, started.class_id)
    assert not ended.is_open and ended.ended_by == "trainer"
    assert end_class(db, started.class_id).version == ended.version  # ending twice changes nothing
    assert find_open_class(db, started.join_code) is None

    record = class_record(db, started.class_id)
    assert record.trainers == ("Anh Lâm", "Chị Hoa")
    assert [p.name for p in record.attendance.learners] == ["Hoa"]
    assert record.attendance.guests == 2 and record.attendance.total == 12
    assert record.attendance.with_class_now == 0  # over: nobody is with it now
    [question] = record.questions
    assert (question.question_id, question.answered, question.right, question.hands) == ("q-mot", 2, 1, {"b": 4})
    assert [c.class_id for c in classes_held(db, [hoa.group_id])] == [started.class_id]
    assert lam  # Lâm never joined
    assert [p.name for p in attendance(db, started.class_id).learners] == ["Hoa"]


def test_what_is_refused_gets_a_plain_message(db, setting):  # type: ignore[no-untyped-def]
    trainer, (hoa, _, _) = setting
    with pytest.raises(ClassError, match="ít nhất một bài"):
        start_class(db, trainer.id, hoa.group_id, [])
    other_group = create_group(db, "Thôn Khác")
    stranger = create_learner(db, other_group.id, "Út", "1234")
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1"])
    with pytest.raises(ClassError, match="như khách"):
        join_as_learner(db, started.class_id, stranger.id)
    other = start_class(db, trainer.id, other_group.id, ["bai-1"])
    assert other.join_code != started.join_code  # two open classes never share a number
    guest_of_other = join_as_guest(db, other.class_id).participant
    assert find_participant(db, started.class_id, guest_of_other.id) is None  # another class's phone
    live = move_to(db, started.class_id, 1, live_question=("bai-1", "q-mot")).live_question
    with pytest.raises(ClassError, match="chưa vào lớp"):
        answer_live_question(db, started.class_id, live.id, guest_of_other.id, right("q-mot"))
    move_to(db, started.class_id, 0)
    mine = join_as_guest(db, started.class_id).participant
    with pytest.raises(ClassError, match="đã qua"):
        answer_live_question(db, started.class_id, live.id, mine.id, right("q-mot"))
    end_class(db, started.class_id)
    for action in (lambda: join_as_guest(db, started.class_id), lambda: move_to(db, started.class_id, 1),
                   lambda: join_as_learner(db, started.class_id, hoa.id)):
        with pytest.raises(ClassError, match="kết thúc"):
            action()
    with pytest.raises(ClassError, match="từ 0 đến"):
        set_head_count(db, started.class_id, -1)


def test_a_class_nobody_moves_ends_itself(db, setting):  # type: ignore[no-untyped-def]
    trainer, (hoa, _, _) = setting
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1"])
    assert read_class(db, started.class_id, idle_after=dt.timedelta(minutes=5)).is_open
    ended = read_class(db, started.class_id, idle_after=dt.timedelta(seconds=0))
    assert not ended.is_open and ended.ended_by == "idle"
    assert ended.ended_at == ended.updated_at  # it ended when it was last used


def test_phones_read_a_cached_state_and_see_this_process_changes_at_once(db, setting):  # type: ignore[no-untyped-def]
    trainer, (hoa, _, _) = setting
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1"])
    states = ClassStates(db, max_age_seconds=60)
    assert states.get(started.class_id).position == 0
    move_to(db, started.class_id, 2)  # as if another process moved it
    assert states.get(started.class_id).position == 0  # cached: no database read
    states.forget(started.class_id)
    assert states.get(started.class_id).position == 2
    assert ClassStates(db, max_age_seconds=0).get(started.class_id).position == 2
    assert states.get(999999) is None


def test_a_phone_still_following_is_counted_with_the_class(db, setting):  # type: ignore[no-untyped-def]
    trainer, (hoa, _, _) = setting
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1"])
    guest = join_as_guest(db, started.class_id).participant
    assert attendance(db, started.class_id).with_class_now == 1
    long_ago = dt.timedelta(seconds=0)
    assert attendance(db, started.class_id, present_within=long_ago).with_class_now == 0
    mark_seen(db, guest.id, now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1))
    assert attendance(db, started.class_id, present_within=long_ago).with_class_now == 1


def test_a_learner_deleted_after_the_class_still_counts_as_a_registered_participant(db, setting):  # type: ignore[no-untyped-def]
    from progress.learners import delete_learner

    trainer, (hoa, _, _) = setting
    started = start_class(db, trainer.id, hoa.group_id, ["bai-1"])
    join_as_learner(db, started.class_id, hoa.id)
    join_as_guest(db, started.class_id)
    end_class(db, started.class_id)
    delete_learner(db, hoa.id)
    counted = attendance(db, started.class_id)
    assert [p.name for p in counted.learners] == ["Học viên đã xóa"] and counted.guests == 1
