"""The sync history keeps each exchange with its summary, newest first."""

import datetime as dt

import pytest

from progress.sync.history import history, record_history
from progress.sync.summary import ADDED, SyncSummary


def test_history_rows_come_back_newest_first_with_their_summary(db):
    summary = SyncSummary()
    summary.count("learners", ADDED, 3)
    summary.conflict("learners", "Học viên Hoa (nhóm Thôn Bờ He): giữ bản mới hơn ở máy này")
    with db.begin() as session:
        record_history(session, direction="import", outcome="ok", partner_uid="p-1", partner_name="Laptop Bờ He",
                       bundle_uid="b-1", file_bytes=1234, summary=summary, by_account="lan.tv",
                       at=dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC))
        record_history(session, direction="import", outcome="refused", partner_name="?",
                       message="Tệp này đã bị sửa sau khi tạo.", at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
    newest, oldest = history(db)
    assert (newest.outcome, newest.message, newest.summary) == ("refused", "Tệp này đã bị sửa sau khi tạo.",
                                                                SyncSummary())
    assert oldest.summary == summary and oldest.file_bytes == 1234 and oldest.direction_label == "Nhận tệp"
    assert oldest.at == dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
    assert "Học viên: 3 thêm mới, 0 cập nhật, 0 bỏ qua, 1 xung đột đã xử lý" in oldest.summary.lines()


def test_an_unknown_direction_is_refused(db):
    with db.begin() as session, pytest.raises(ValueError):
        record_history(session, direction="sideways", outcome="ok")


def test_an_empty_summary_says_there_was_nothing_new():
    assert SyncSummary().lines() == ["Không có dữ liệu mới."]
