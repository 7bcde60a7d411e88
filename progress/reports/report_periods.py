"""The periods a report offers at a tap: this month, this quarter, this year (whole
months, in Vietnam time)."""

from __future__ import annotations

import datetime as dt

from progress.reports.area_report import ReportPeriod

PRESETS = ("Tháng này", "Quý này", "Năm nay")


def _months(year: int, first_month: int, months: int) -> ReportPeriod:
    end_month = first_month + months  # the month after the last, maybe in the next year
    after = dt.date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return ReportPeriod(dt.date(year, first_month, 1), after - dt.timedelta(days=1))


def preset_period(preset: str, today: dt.date) -> ReportPeriod:
    """The month, quarter or year ``today`` is in, from its first day to its last."""
    if preset == "Quý này":
        return _months(today.year, (today.month - 1) // 3 * 3 + 1, 3)
    if preset == "Năm nay":
        return _months(today.year, 1, 12)
    return _months(today.year, today.month, 1)
