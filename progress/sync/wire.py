"""Values as they travel in a payload: JSON types only. A time is an ISO-8601 string in
UTC; everything else (text, numbers, true/false, nothing) goes as it is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.orm import DeclarativeBase

from progress.days import stored_utc

Wire = str | int | bool | None


def time_to_wire(value: dt.datetime | None) -> str | None:
    return None if value is None else stored_utc(value).astimezone(dt.UTC).isoformat()


def time_from_wire(value: object) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"a time must travel as text, not {type(value).__name__}")
    return stored_utc(dt.datetime.fromisoformat(value)).astimezone(dt.UTC)


def is_time(model: type[DeclarativeBase], field: str) -> bool:
    return isinstance(model.__table__.c[field].type, DateTime)


def to_wire(model: type[DeclarativeBase], field: str, value: Any) -> Wire:
    if is_time(model, field):
        return time_to_wire(value)
    if value is None or isinstance(value, str | int | bool):
        return value
    raise ValueError(f"{model.__name__}.{field} cannot travel: {type(value).__name__}")


def from_wire(model: type[DeclarativeBase], field: str, value: object) -> Any:
    """A payload value as the column holds it (a time becomes an aware UTC datetime)."""
    if is_time(model, field):
        return time_from_wire(value)
    if value is None or isinstance(value, str | int | bool):
        return value
    raise ValueError(f"{model.__name__}.{field}: unexpected {type(value).__name__} in the payload")


def same_value(model: type[DeclarativeBase], field: str, local: Any, incoming: Any) -> bool:
    """Does the local column value equal the incoming one (times compared in UTC)?"""
    if is_time(model, field):
        return time_to_wire(local) == time_to_wire(incoming)
    if isinstance(local, bool) or isinstance(incoming, bool):
        return bool(local) == bool(incoming) if local is not None and incoming is not None else local is incoming
    return bool(local == incoming)
