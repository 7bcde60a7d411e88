"""A staff sign-in with a password, guarded twice: first the client address (too many
wrong passwords from it, across every username: progress/address_guard.py), then the
account (too many in a row on it: progress/password_guard.py). A held-back address has
no password checked and counts nothing against the account."""

from __future__ import annotations

import datetime as dt

from progress.address_guard import AddressLimits, claim_address_try, give_back_address_try
from progress.database import Database
from progress.password_guard import PasswordCheck, check_trainer_password


def check_staff_sign_in(
    db: Database, address: str, username: str, password: str, *, max_failures: int, lock_minutes: int,
    address_limits: AddressLimits, now: dt.datetime | None = None,
) -> PasswordCheck:
    """"ok" with the account, "wrong", "locked" (the account) or "held" (the address),
    the last two with the seconds left."""
    address_try = claim_address_try(db, address, address_limits, now=now)
    if not address_try.allowed:
        return PasswordCheck("held", wait_seconds=address_try.wait_seconds)
    check = check_trainer_password(db, username, password, max_failures=max_failures, lock_minutes=lock_minutes,
                                   now=now)
    if check.outcome == "ok":
        give_back_address_try(db, address)
    return check
