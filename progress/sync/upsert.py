"""Insert a row unless its key is taken (another process, or an earlier bundle, wrote it
first): ``INSERT … ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Session


def insert_or_ignore(session: Session, model: type[DeclarativeBase], values: dict[str, Any]) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql.insert(model).values(values).on_conflict_do_nothing())
    else:
        session.execute(sqlite.insert(model).values(values).on_conflict_do_nothing())
