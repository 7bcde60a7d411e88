"""Class days as people say them: a date in Vietnam (UTC+7), whatever the laptop's or
the server's time zone. Times are stored in UTC; a day range becomes half-open UTC
bounds ``[since, until)`` for the index on ``class_sessions.started_at``."""

from __future__ import annotations

import datetime as dt

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def local_time(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(VIETNAM)


def today_in_vietnam(now: dt.datetime | None = None) -> dt.date:
    return (now or dt.datetime.now(dt.UTC)).astimezone(VIETNAM).date()


def day_start(day: dt.date) -> dt.datetime:
    """The first moment of ``day`` in Vietnam, in UTC."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=VIETNAM).astimezone(dt.UTC)


def day_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the start of ``first`` to the end of ``last`` (both days included)."""
    return day_start(first), day_start(last + dt.timedelta(days=1))
