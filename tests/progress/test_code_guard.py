import datetime as dt

from progress.code_guard import (
    LOCK_AFTER,
    LOCK_MINUTES,
    SLOW_SECONDS,
    check_learner_code,
    locked_learners,
    unlock_learner,
)
from progress.groups import create_group
from progress.learners import create_learner

T0 = dt.datetime(2026, 11, 29, 8, 0, tzinfo=dt.UTC)


def learners(db):
    group = create_group(db, "Thôn Bờ He")
    return group, create_learner(db, group.id, "Hoa", "1234"), create_learner(db, group.id, "Lâm", "5678")


def test_right_code_signs_in_and_resets_the_count(db):
    _, hoa, _ = learners(db)
    assert check_learner_code(db, hoa.id, "0000", now=T0).outcome == "wrong"
    ok = check_learner_code(db, hoa.id, "1234", now=T0)
    assert ok.outcome == "ok" and ok.learner.id == hoa.id
    assert check_learner_code(db, hoa.id, "0000", now=T0).tries_before_lock == LOCK_AFTER - 1


def test_repeated_wrong_codes_slow_down_then_lock_only_that_learner(db):
    group, hoa, lam = learners(db)
    outcomes = [check_learner_code(db, hoa.id, "0000", now=T0).outcome for _ in range(2)]
    assert outcomes == ["wrong", "wrong"]
    third = check_learner_code(db, hoa.id, "0000", now=T0)
    assert third.outcome == "wait" and third.wait_seconds == SLOW_SECONDS
    # while waiting even the right code is not checked
    assert check_learner_code(db, hoa.id, "1234", now=T0 + dt.timedelta(seconds=5)).outcome == "wait"
    # the rest of the class is unaffected
    assert check_learner_code(db, lam.id, "5678", now=T0).outcome == "ok"
    moment = T0
    for _ in range(LOCK_AFTER - 3):
        moment += dt.timedelta(seconds=SLOW_SECONDS + 1)
        last = check_learner_code(db, hoa.id, "0000", now=moment)
    assert last.outcome == "locked" and last.wait_seconds == LOCK_MINUTES * 60
    assert [member.display_name for member in locked_learners(db, group.id, now=moment)] == ["Hoa"]
    assert check_learner_code(db, hoa.id, "1234", now=moment + dt.timedelta(minutes=5)).outcome == "locked"
    # after the lock runs out the right code works again
    lock_over = moment + dt.timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert check_learner_code(db, hoa.id, "1234", now=lock_over).outcome == "ok"


def test_trainer_unlocks(db):
    group, hoa, _ = learners(db)
    moment = T0
    for _ in range(LOCK_AFTER):
        moment += dt.timedelta(seconds=SLOW_SECONDS + 1)
        check_learner_code(db, hoa.id, "0000", now=moment)
    assert [member.display_name for member in locked_learners(db, group.id, now=moment)] == ["Hoa"]
    unlock_learner(db, hoa.id)
    assert locked_learners(db, group.id, now=moment) == []
    assert check_learner_code(db, hoa.id, "1234", now=moment).outcome == "ok"


def test_unknown_learner(db):
    assert check_learner_code(db, 9999, "1234").outcome == "unknown"
