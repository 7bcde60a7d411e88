"""The trainer dashboard's drawing helpers: the CSV for Excel and how time is told."""


def test_the_csv_opens_in_excel_with_its_vietnamese_letters():
    import pandas as pd

    from ui.trainer.group_results import csv_for_excel

    data = csv_for_excel(pd.DataFrame([{"Nhóm": "Thôn Bờ He", "Học viên": 4}]))
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel looks for
    assert data.decode("utf-8-sig").splitlines() == ["Nhóm,Học viên", "Thôn Bờ He,4"]


def test_time_is_told_in_hours_and_minutes():
    from ui.trainer.group_results import duration

    assert [duration(s) for s in (0, 20, 600, 3600, 3900 + 29)] == ["—", "—", "10 phút", "1 giờ 0 phút", "1 giờ 5 phút"]
