"""Wrong staff passwords from one address, across many usernames, are slowed too; parallel
guesses (threads, processes) check no more passwords than allowed."""

import datetime as dt
import threading
from typing import Any

from progress.address_guard import AddressLimits, clear_address, held_back_message
from progress.staff_sign_in import check_staff_sign_in
from progress.trainers import create_trainer

T0 = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
# accounts lock after 3 in a row; the address is held back after 4 tries in 10 minutes
LIMITS: dict[str, Any] = {"max_failures": 3, "lock_minutes": 15, "address_limits": AddressLimits(4, 10)}
ATTACKER, NEIGHBOUR = "192.168.1.66", "192.168.1.20"


def _accounts(db, count: int) -> list[str]:
    """``count`` usernames; only the first is a real account (an unknown name is just
    wrong, at the same cost), which keeps the tests from hashing many passwords."""
    create_trainer(db, "tap.su0", "Tập sự", "dung-mat-khau", [])
    return [f"tap.su{n}" for n in range(count)]


def test_one_address_spraying_many_usernames_is_held_back_until_the_window_ends(db):
    names = _accounts(db, 6)
    outcomes = [check_staff_sign_in(db, ATTACKER, name, "sai", now=T0, **LIMITS).outcome for name in names]
    assert outcomes == ["wrong"] * 4 + ["held"] * 2  # no account reached its own lock
    held = check_staff_sign_in(db, ATTACKER, names[0], "dung-mat-khau", now=T0 + dt.timedelta(minutes=4), **LIMITS)
    assert held.outcome == "held" and held.trainer is None and held.wait_seconds == 6 * 60 + 1
    assert "7 phút" in (message := held_back_message(held.wait_seconds, ATTACKER)) and ATTACKER in message
    # another address is not held back; the window ends and the count starts again
    assert check_staff_sign_in(db, NEIGHBOUR, names[0], "dung-mat-khau", now=T0, **LIMITS).outcome == "ok"
    later = T0 + dt.timedelta(minutes=10)
    assert check_staff_sign_in(db, ATTACKER, names[0], "dung-mat-khau", now=later, **LIMITS).outcome == "ok"


def test_signing_in_to_ones_own_account_buys_no_extra_guesses(db):
    names = _accounts(db, 5)
    outcomes = []
    for name in names[1:]:
        outcomes.append(check_staff_sign_in(db, ATTACKER, name, "sai", now=T0, **LIMITS).outcome)
        outcomes.append(check_staff_sign_in(db, ATTACKER, names[0], "dung-mat-khau", now=T0, **LIMITS).outcome)
    # each right password gives back only its own try: the 4th wrong one fills the window
    assert outcomes == ["wrong", "ok"] * 3 + ["wrong", "held"]
    assert check_staff_sign_in(db, ATTACKER, names[1], "sai", now=T0, **LIMITS).outcome == "held"


def test_an_address_is_let_go_by_hand(db):
    names = _accounts(db, 5)
    for name in names:
        check_staff_sign_in(db, ATTACKER, name, "sai", now=T0, **LIMITS)
    assert clear_address(db, ATTACKER) and not clear_address(db, ATTACKER)
    assert check_staff_sign_in(db, ATTACKER, names[0], "dung-mat-khau", now=T0, **LIMITS).outcome == "ok"


def test_parallel_guesses_at_many_usernames_check_no_more_than_allowed(db, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    import progress.staff_sign_in as staff_sign_in

    names = _accounts(db, 16)
    checked: list[str] = []
    lock = threading.Lock()
    real = staff_sign_in.check_trainer_password

    def counting(db, username, password, **limits):  # type: ignore[no-untyped-def]
        with lock:
            checked.append(username)
        return real(db, username, password, **limits)

    monkeypatch.setattr(staff_sign_in, "check_trainer_password", counting)
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(
            lambda name: check_staff_sign_in(db, ATTACKER, name, f"doan-{name}", now=T0, **LIMITS).outcome, names))
    assert len(checked) == 4, outcomes
    assert outcomes.count("wrong") == 4 and outcomes.count("held") == 12


def _sprays_at_once(url: str, names: list[str], barrier) -> list[str]:
    """In a process of its own: one thread per username, all sent when every process is ready."""
    from concurrent.futures import ThreadPoolExecutor

    from progress.database import connect

    factory = connect(url)

    def send(name: str) -> str:
        barrier.wait()
        return check_staff_sign_in(factory, ATTACKER, name, "doan", now=T0, **LIMITS).outcome

    try:
        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            return list(pool.map(send, names))
    finally:
        factory.kw["bind"].dispose()


def test_parallel_guesses_at_many_usernames_from_several_processes(database_url):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from progress.database import connect

    factory = connect(database_url)
    names = _accounts(factory, 12)
    context = multiprocessing.get_context("spawn")
    processes, threads = 3, 4
    with context.Manager() as manager, ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        barrier = manager.Barrier(processes * threads)
        batches = [names[p * threads:(p + 1) * threads] for p in range(processes)]
        futures = [pool.submit(_sprays_at_once, database_url, batch, barrier) for batch in batches]
        outcomes = [outcome for future in futures for outcome in future.result()]
    assert outcomes.count("wrong") == 4 and outcomes.count("held") == 8, outcomes
    assert check_staff_sign_in(factory, ATTACKER, names[0], "dung-mat-khau", now=T0, **LIMITS).outcome == "held"
    factory.kw["bind"].dispose()
