"""Laptop -> server -> laptop: every record arrives, once, and comes back unchanged."""

from progress.sync.summary import SyncSummary
from tests.progress.sync.village import content_hash, counts, make_village, send


def test_a_laptop_s_data_reaches_the_server_whole(laptop, server):
    make_village(laptop)
    summary = send(laptop, server)
    assert counts(server) == counts(laptop)
    assert content_hash(server) == content_hash(laptop)
    assert summary.counts["learners"].added == 3
    assert summary.counts["quiz_attempts"].added == 3
    assert summary.counts["class_sessions"].added == 2
    assert summary.conflicts == [] and summary.skipped_reasons == []


def test_re_applying_the_same_data_adds_and_updates_nothing(laptop, server):
    make_village(laptop)
    send(laptop, server)
    again = send(laptop, server)
    assert (again.added, again.updated, again.deleted) == (0, 0, {})
    assert again.counts["learners"].skipped == 3
    assert content_hash(server) == content_hash(laptop)


def test_round_trip_back_to_a_fresh_laptop_gives_the_same_rows(laptop, server, other_laptop):
    make_village(laptop)
    send(laptop, server)
    send(server, other_laptop, origin="server-uid")
    back = send(other_laptop, laptop, origin="other-uid")
    assert counts(other_laptop) == counts(server) == counts(laptop)
    assert content_hash(other_laptop) == content_hash(server) == content_hash(laptop)
    assert not back.changed_anything


def test_the_summary_survives_json_and_reads_in_vietnamese(laptop, server):
    make_village(laptop)
    summary = send(laptop, server)
    copy = SyncSummary.from_json(summary.to_json())
    assert copy == summary
    lines = copy.lines()
    assert "Học viên: 3 thêm mới, 0 cập nhật, 0 bỏ qua" in lines
    assert "Buổi học: 2 thêm mới, 0 cập nhật, 0 bỏ qua" in lines
    assert any(line.startswith("Lượt làm bài kiểm tra: 3 thêm mới") for line in lines)
