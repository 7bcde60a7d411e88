"""Wrong trainer passwords lock the account for a while; parallel guesses cannot race it."""

import datetime as dt
import threading

import pytest

from progress.password_guard import check_trainer_password, locked_message, trainer_is_locked, unlock_trainer
from progress.trainers import create_trainer, reset_trainer_password

T0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
LIMITS = {"max_failures": 3, "lock_minutes": 15}


@pytest.fixture
def lan(db):
    return create_trainer(db, "lan.nguyen", "Nguyễn Lan", "dung-mat-khau", [])


def test_wrong_passwords_lock_the_account_then_the_lock_runs_out(db, lan):
    assert [check_trainer_password(db, "lan.nguyen", "sai", now=T0, **LIMITS).outcome for _ in range(2)] == [
        "wrong", "wrong"]
    third = check_trainer_password(db, "lan.nguyen", "sai", now=T0, **LIMITS)
    assert third.outcome == "locked" and third.wait_seconds == 15 * 60
    # while locked even the right password is refused, and the wait is told
    later = check_trainer_password(db, "lan.nguyen", "dung-mat-khau", now=T0 + dt.timedelta(minutes=5), **LIMITS)
    assert later.outcome == "locked" and later.trainer is None and later.wait_seconds == 10 * 60 + 1
    assert "11 phút" in locked_message(later.wait_seconds)
    over = check_trainer_password(db, "lan.nguyen", "dung-mat-khau", now=T0 + dt.timedelta(minutes=16), **LIMITS)
    assert over.outcome == "ok" and over.trainer.id == lan.id
    # a right password starts the count again
    again = check_trainer_password(db, "Lan.Nguyen", "sai", now=T0 + dt.timedelta(minutes=17), **LIMITS)
    assert again.outcome == "wrong"


def test_an_unknown_name_is_just_wrong(db, lan):
    assert check_trainer_password(db, "khong-co", "sai", now=T0, **LIMITS).outcome == "wrong"


def test_the_lock_is_lifted_by_unlock_or_a_new_password(db, lan):
    for _ in range(3):
        check_trainer_password(db, "lan.nguyen", "sai", now=T0, **LIMITS)
    assert trainer_is_locked(db, "lan.nguyen", now=T0)
    assert unlock_trainer(db, "lan.nguyen") == "Nguyễn Lan"
    assert not trainer_is_locked(db, "lan.nguyen", now=T0)
    assert check_trainer_password(db, "lan.nguyen", "dung-mat-khau", now=T0, **LIMITS).outcome == "ok"
    for _ in range(3):
        check_trainer_password(db, "lan.nguyen", "sai", now=T0, **LIMITS)
    reset_trainer_password(db, "lan.nguyen", "mat-khau-moi")
    assert check_trainer_password(db, "lan.nguyen", "mat-khau-moi", now=T0, **LIMITS).outcome == "ok"


def test_parallel_wrong_passwords_check_no_more_than_allowed(db, lan, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    import progress.password_guard as guard

    checked: list[str] = []
    lock = threading.Lock()
    real = guard._password_matches

    def counting(password_hash, password):
        with lock:
            checked.append(password)
        return real(password_hash, password)

    monkeypatch.setattr(guard, "_password_matches", counting)
    guesses = [f"doan-{n}" for n in range(16)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(
            lambda guess: check_trainer_password(db, "lan.nguyen", guess, now=T0, **LIMITS).outcome, guesses))
    assert len(checked) == 3, outcomes
    assert outcomes.count("wrong") == 2 and outcomes.count("locked") == 14
    assert check_trainer_password(db, "lan.nguyen", "dung-mat-khau", now=T0, **LIMITS).outcome == "locked"
    assert "dung-mat-khau" not in checked


def _guesses_at_once(url: str, guesses: list[str], barrier) -> list[str]:
    """In a process of its own: one thread per guess, all sent when every process is ready."""
    from concurrent.futures import ThreadPoolExecutor

    from progress.database import connect

    factory = connect(url)

    def send(guess: str) -> str:
        barrier.wait()
        return check_trainer_password(factory, "lan.nguyen", guess, now=T0, **LIMITS).outcome

    try:
        with ThreadPoolExecutor(max_workers=len(guesses)) as pool:
            return list(pool.map(send, guesses))
    finally:
        factory.kw["bind"].dispose()


def test_parallel_wrong_passwords_from_several_processes(database_url):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from progress.database import connect

    factory = connect(database_url)
    create_trainer(factory, "lan.nguyen", "Nguyễn Lan", "dung-mat-khau", [])
    context = multiprocessing.get_context("spawn")
    processes, threads = 3, 4
    with context.Manager() as manager, ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        barrier = manager.Barrier(processes * threads)
        batches = [[f"doan-{p}-{t}" for t in range(threads)] for p in range(processes)]
        futures = [pool.submit(_guesses_at_once, database_url, batch, barrier) for batch in batches]
        outcomes = [outcome for future in futures for outcome in future.result()]
    assert outcomes.count("wrong") == LIMITS["max_failures"] - 1, outcomes
    assert check_trainer_password(factory, "lan.nguyen", "dung-mat-khau", now=T0, **LIMITS).outcome == "locked"
    factory.kw["bind"].dispose()
