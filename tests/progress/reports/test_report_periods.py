"""The periods a report offers at a tap."""

import datetime as dt

from progress.reports.report_periods import preset_period


def test_month_quarter_and_year_are_whole():
    day = dt.date(2026, 11, 17)
    assert preset_period("Tháng này", day) == preset_period("anything else", day)
    assert (preset_period("Tháng này", day).first, preset_period("Tháng này", day).last) == (
        dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    quarter = preset_period("Quý này", day)
    assert (quarter.first, quarter.last) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    year = preset_period("Năm nay", day)
    assert (year.first, year.last) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    february = preset_period("Tháng này", dt.date(2028, 2, 10))
    assert february.last == dt.date(2028, 2, 29)
    assert preset_period("Quý này", dt.date(2026, 2, 1)).last == dt.date(2026, 3, 31)
