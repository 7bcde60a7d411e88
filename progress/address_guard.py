"""Wrong staff passwords counted per client address, across every username, so one
address trying many accounts (a few guesses each, under every account's own lock) is
slowed too. At most ``max_failures`` tries are checked from one address in a window of
``window_minutes`` that begins with its first counted try; then the address is held back
until the window ends and its count starts again.

A try is counted before its password is checked, in one conditional UPDATE, so tries sent
in parallel (threads, sessions, processes sharing the database) check no more passwords
than allowed. A right password gives back only its own try: it never clears the count, so
signing in to one's own account between guesses buys no extra guesses. Failures are never
reset, they run out with the window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from progress.database import Database
from progress.days import stored_utc
from progress.models import AddressFailure, utcnow


@dataclass(frozen=True)
class AddressLimits:
    max_failures: int
    window_minutes: int


@dataclass(frozen=True)
class AddressTry:
    """Whether a password from this address may be checked; if not, how long to wait."""

    allowed: bool
    wait_seconds: int = 0



def _ensure_row(session: Session, address: str, now: dt.datetime) -> None:
    """The address's row, inserted unless another session has just inserted it."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(AddressFailure).values(address=address, failures=0, window_started=now)
                    .on_conflict_do_nothing(index_elements=[AddressFailure.address]))


def claim_address_try(db: Database, address: str, limits: AddressLimits, now: dt.datetime | None = None) -> AddressTry:
    """Count one try from ``address`` if it still has one in its window."""
    now = now or utcnow()
    window = dt.timedelta(minutes=limits.window_minutes)
    expired = AddressFailure.window_started <= now - window
    with db.begin() as session:
        _ensure_row(session, address, now)
        claimed = session.execute(
            update(AddressFailure)
            .where(AddressFailure.address == address,
                   or_(expired, AddressFailure.failures < limits.max_failures))
            .values(failures=case((expired, 1), else_=AddressFailure.failures + 1),
                    window_started=case((expired, now), else_=AddressFailure.window_started))
            .execution_options(synchronize_session=False))
        if claimed.rowcount == 1:  # type: ignore[attr-defined]
            return AddressTry(True)
        started = session.scalar(select(AddressFailure.window_started).where(AddressFailure.address == address))
    ends = stored_utc(started) + window if started is not None else now
    return AddressTry(False, wait_seconds=max(int((ends - now).total_seconds()) + 1, 1))


def give_back_address_try(db: Database, address: str) -> None:
    """A right password: its own try no longer counts (the others still do)."""
    with db.begin() as session:
        session.execute(update(AddressFailure)
                        .where(AddressFailure.address == address, AddressFailure.failures > 0)
                        .values(failures=AddressFailure.failures - 1)
                        .execution_options(synchronize_session=False))


def clear_address(db: Database, address: str) -> bool:
    """Let an address try again at once (``manage.py unlock-address``); False if it had no count."""
    with db.begin() as session:
        row = session.get(AddressFailure, address)
        if row is None or row.failures == 0:
            return False
        session.delete(row)
        return True


def held_back_message(wait_seconds: int, address: str) -> str:
    """What the sign-in page says when this address has tried too many wrong passwords;
    the address is what the admin types into ``manage.py unlock-address``."""
    minutes = max((wait_seconds + 59) // 60, 1)
    return (f"Máy này đã nhập sai mật khẩu nhiều lần. Bác chờ {minutes} phút rồi thử lại, "
            f"hoặc nhờ quản trị mở cho máy này (địa chỉ máy: {address}).")
