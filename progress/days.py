"""Days as people say them: a date in Vietnam (UTC+7, no summer time), whatever the
laptop's or the server's time zone — for classes held, reports and charts alike. Times
are stored in UTC; a day range becomes half-open UTC bounds ``[since, until)``."""

from __future__ import annotations

import datetime as dt
from typing import overload

VIETNAM_OFFSET_MINUTES = 7 * 60
VIETNAM = dt.timezone(dt.timedelta(minutes=VIETNAM_OFFSET_MINUTES), "ICT")


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


@overload
def stored_utc(value: dt.datetime) -> dt.datetime: ...
@overload
def stored_utc(value: None) -> None: ...
def stored_utc(value: dt.datetime | None) -> dt.datetime | None:
    """A time read back from the database, in UTC: SQLite hands datetimes back without
    their time zone, and every time is stored in UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
