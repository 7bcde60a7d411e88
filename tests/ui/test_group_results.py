"""The trainer dashboard's drawing helpers: how time is told."""


def test_time_is_told_in_hours_and_minutes():
    from ui.trainer.group_results import duration

    assert [duration(s) for s in (0, 20, 600, 3600, 3900 + 29)] == ["—", "—", "10 phút", "1 giờ 0 phút", "1 giờ 5 phút"]
