import datetime as dt

from progress.code_guard import (
    LOCK_AFTER,
    LOCK_MINUTES,
    SLOW_AFTER,
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


def _checks_counted(monkeypatch):
    """Count every code really checked against the hash (from any thread)."""
    import threading

    import progress.code_guard as guard

    checked: list[str] = []
    lock = threading.Lock()
    real = guard.code_matches

    def counting(code_hash, code):
        with lock:
            checked.append(code)
        return real(code_hash, code)

    monkeypatch.setattr(guard, "code_matches", counting)
    return checked


def test_parallel_wrong_codes_check_no_more_than_the_allowed_tries(db, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    _, hoa, _ = learners(db)
    checked = _checks_counted(monkeypatch)
    wrong = [f"{n:04d}" for n in range(2000, 2024)]
    with ThreadPoolExecutor(max_workers=12) as pool:
        outcomes = list(pool.map(lambda code: check_learner_code(db, hoa.id, code, now=T0).outcome, wrong))
    assert len(checked) == SLOW_AFTER, outcomes  # a burst checks at most the tries before the wait
    assert outcomes.count("wrong") == SLOW_AFTER - 1
    # the right code, sent during the wait, is refused without being checked
    assert check_learner_code(db, hoa.id, "1234", now=T0 + dt.timedelta(seconds=1)).outcome == "wait"
    assert "1234" not in checked


def _wrong_codes_at_once(url: str, learner_id: int, codes: list[str], barrier) -> list[str]:
    """In a process of its own: one thread per code, all sent when every process is ready."""
    from concurrent.futures import ThreadPoolExecutor

    from progress.database import connect

    factory = connect(url)

    def send(code: str) -> str:
        barrier.wait()
        return check_learner_code(factory, learner_id, code, now=T0).outcome

    try:
        with ThreadPoolExecutor(max_workers=len(codes)) as pool:
            return list(pool.map(send, codes))
    finally:
        factory.kw["bind"].dispose()


def test_parallel_wrong_codes_from_several_processes(database_url):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from progress.database import connect

    factory = connect(database_url)
    _, hoa, _ = learners(factory)
    context = multiprocessing.get_context("spawn")
    processes, threads = 3, 4
    with context.Manager() as manager, ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        barrier = manager.Barrier(processes * threads)
        batches = [[f"{3000 + p * threads + t:04d}" for t in range(threads)] for p in range(processes)]
        futures = [pool.submit(_wrong_codes_at_once, database_url, hoa.id, batch, barrier) for batch in batches]
        outcomes = [outcome for future in futures for outcome in future.result()]
    # only the tries before the wait were checked ("wrong", then the one that set the
    # wait); every other code was refused unchecked
    assert outcomes.count("wrong") == SLOW_AFTER - 1, outcomes
    assert check_learner_code(factory, hoa.id, "1234", now=T0).outcome == "wait"
    factory.kw["bind"].dispose()
