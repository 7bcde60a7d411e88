"""Session versions: every sign-in token carries its account's version (access/tokens.py),
and a token whose version is not the account's current one is refused. Raising the
version ends every session of that account on every phone and browser at once."""

from __future__ import annotations

from sqlalchemy import select, update

from progress.database import Database
from progress.models import Learner, Trainer


def _table(role: str) -> type[Learner] | type[Trainer] | None:
    return Learner if role == "learner" else Trainer if role == "trainer" else None


def session_version(db: Database, role: str, account_id: int) -> int | None:
    """The account's current session version (None: no such account, e.g. deleted)."""
    table = _table(role)
    if table is None:
        return None
    with db() as session:
        return session.scalar(select(table.session_version).where(table.id == account_id))


def session_is_current(db: Database, role: str, account_id: int, version: int) -> bool:
    """Does a token of this account and version still sign in?"""
    return session_version(db, role, account_id) == version


def end_sessions(db: Database, role: str, account_id: int) -> None:
    """Sign this account out everywhere (its next sign-in gets the new version)."""
    table = _table(role)
    if table is None:
        raise ValueError(f"unknown role {role!r}")
    with db.begin() as session:
        session.execute(
            update(table).where(table.id == account_id).values(session_version=table.session_version + 1)
            .execution_options(synchronize_session=False))
